using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OpenAid.Api.Tests.Caching;

/// <summary>GET /metrics of a host (through its client), read as Prometheus' text format.</summary>
public static partial class PrometheusScrape
{
    /// <summary>One line of Prometheus' text format: a name, its labels and a value.</summary>
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static async Task<IReadOnlyList<Sample>> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var samples = new List<Sample>();
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (SampleLine().Match(line) is { Success: true } m)
            {
                var labels = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
                samples.Add(new Sample(m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));
            }
        }

        return samples;
    }

    public static double Sum(IReadOnlyList<Sample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][\w:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
