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
    public static string Next(string prefix, IEnumerable<string> taken)
    {
        var highest = 0;
        foreach (var code in taken)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(code.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                highest = Math.Max(highest, sequence);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{highest + 1:D4}");
    }
}
