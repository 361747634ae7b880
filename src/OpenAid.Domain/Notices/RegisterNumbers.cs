using System.Globalization;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Notices;

/// <summary>
/// Public register numbers such as "GS-451021-2019-0031": a kind prefix, the six-digit county (or higher) code,
/// a year and a sequence within them, as a paper register of notices, projects or objections numbers its entries.
/// </summary>
public static class RegisterNumbers
{
    /// <summary>The part before the sequence, e.g. "GS-451021-2019-". Villages and townships use their county's six digits.</summary>
    public static string Prefix(string kind, long regionCode, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{regionCode / 1_000_000:D6}-{year}-");

    public static string Prefix(string kind, RegionCode region, int year) => Prefix(kind, region.Value, year);

    /// <summary>The next number after the highest of <paramref name="taken"/> (the numbers already given under the prefix).</summary>
    public static string Next(string prefix, IEnumerable<string> taken) => Format(prefix, Highest(prefix, taken) + 1);

    /// <summary>"GS-451021-2019-0031" for sequence 31.</summary>
    public static string Format(string prefix, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:D4}");

    /// <summary>The highest sequence among <paramref name="taken"/> under the prefix; 0 when there is none.</summary>
    public static int Highest(string prefix, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var highest = 0;
        foreach (var code in taken)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(code.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                highest = Math.Max(highest, sequence);
            }
        }

        return highest;
    }
}
