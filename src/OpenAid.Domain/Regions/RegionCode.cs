using System.Globalization;

namespace OpenAid.Domain.Regions;

/// <summary>
/// A 12-digit statistical division code (统计用区划代码). Shorter official forms (2, 4, 6 or 9 digits)
/// are padded with zeros, so "45" is 450000000000. Codes are hierarchical: every unit below a region
/// has a code in [<see cref="SubtreeStart"/>, <see cref="SubtreeEnd"/>), which makes a subtree filter a
/// single index range scan.
/// </summary>
public readonly record struct RegionCode
{
    private static readonly long[] SpanByLevel = [0, 10_000_000_000, 100_000_000, 1_000_000, 1_000, 1];

    public RegionCode(long value, RegionLevel level)
    {
        Value = value;
        Level = level;
    }

    public long Value { get; }

    public RegionLevel Level { get; }

    public long SubtreeStart => Value;

    public long SubtreeEnd => Value + SpanByLevel[(int)Level];

    /// <summary>The official short form: 2 digits for a province, 4 for a city, 6, 9 or 12 below.</summary>
    public string ShortForm => Value.ToString("D12", CultureInfo.InvariantCulture)[..DigitsOf(Level)];

    public override string ToString() => Value.ToString("D12", CultureInfo.InvariantCulture);

    public bool Contains(long code) => code >= SubtreeStart && code < SubtreeEnd;

    /// <summary>The codes of this unit and every unit above it, province first.</summary>
    public IEnumerable<long> Lineage()
    {
        for (var level = RegionLevel.Province; level <= Level; level++)
        {
            yield return Value / SpanByLevel[(int)level] * SpanByLevel[(int)level];
        }
    }

    /// <summary>Whether one of two padded codes lies within the other (or they are the same); false for a value that is no code.</summary>
    public static bool OnOneLine(long a, long b) =>
        LevelOf(a) is not null && LevelOf(b) is not null && (Of(a).Contains(b) || Of(b).Contains(a));

    /// <summary>Parses a code of 2, 4, 6, 9 or 12 digits; the level follows from its significant digits.</summary>
    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (text is null || text.Length is not (2 or 4 or 6 or 9 or 12) || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var value = long.Parse(text.PadRight(12, '0'), CultureInfo.InvariantCulture);
        var level = LevelOf(value);

        // A short form must name a unit of its own length: "4500" is no city, "450000" no county.
        if (level is null || (text.Length < 12 && DigitsOf(level.Value) != text.Length))
        {
            return false;
        }

        code = new RegionCode(value, level.Value);
        return true;
    }

    /// <summary>The code of a stored, padded 12-digit value.</summary>
    public static RegionCode Of(long value) =>
        LevelOf(value) is { } level ? new RegionCode(value, level) : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a 12-digit region code.");

    public static RegionCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not a statistical region code (2, 4, 6, 9 or 12 digits).");

    /// <summary>The level of a padded 12-digit code, read from its trailing zeros.</summary>
    public static RegionLevel? LevelOf(long value)
    {
        if (value < 110_000_000_000 || value > 999_999_999_999)
        {
            return null;
        }

        for (var level = RegionLevel.Province; level < RegionLevel.Village; level++)
        {
            if (value % SpanByLevel[(int)level] == 0)
            {
                return level;
            }
        }

        return RegionLevel.Village;
    }

    private static int DigitsOf(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.City => 4,
        RegionLevel.County => 6,
        RegionLevel.Township => 9,
        _ => 12,
    };
}
