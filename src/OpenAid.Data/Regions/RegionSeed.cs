using System.Globalization;
using System.IO.Compression;
using System.Text;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Regions;

/// <summary>
/// Reads the embedded NBS division tables (Regions/Seed/*.csv.gz, see its README) into <see cref="Region"/>
/// rows with padded 12-digit codes. Never touches the file system.
/// </summary>
public static class RegionSeed
{
    /// <summary>The source, as the import's audit entry names it.</summary>
    public const string Title = "国家统计局 2022年统计用区划代码（辽宁、湖南、广东、广西、云南）, via china-division 2.7.0";

    /// <summary>The seed files, top level first, with the level of their rows and the width of their codes.</summary>
    public static IReadOnlyList<(RegionLevel Level, string File)> Files { get; } =
    [
        (RegionLevel.Province, "provinces.csv.gz"),
        (RegionLevel.City, "cities.csv.gz"),
        (RegionLevel.County, "counties.csv.gz"),
        (RegionLevel.Township, "townships.csv.gz"),
        (RegionLevel.Village, "villages.csv.gz"),
    ];

    /// <summary>
    /// The rows of one level as the file has them, padded. Column 0 is the code, 1 the name and 2 the
    /// parent's code (one level up) in every file but provinces.csv.
    /// </summary>
    public static List<Region> ReadLevel(RegionLevel level)
    {
        var file = Files.Single(f => f.Level == level).File;
        using var stream = typeof(RegionSeed).Assembly.GetManifestResourceStream($"OpenAid.Data.Regions.{file}")
            ?? throw new InvalidOperationException($"The embedded region seed '{file}' is missing from OpenAid.Data.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);

        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("code,name", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{file}' does not start with a 'code,name' header.");
        }

        var rows = new List<Region>(level == RegionLevel.Village ? 110_000 : 1_000);
        var fields = new List<string>(6);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            // Fast path for the usual shape (code,"name",parent,...); anything else goes through the full parser.
            var span = line.AsSpan();
            var first = span.IndexOf(',');
            var nameEnd = first < 0 ? -1 : span[(first + 1)..].IndexOf(',');
            string name;
            ReadOnlySpan<char> code, parent;
            if (first > 0 && (nameEnd >= 0 || level == RegionLevel.Province) && !span[..first].Contains('"'))
            {
                var rest = span[(first + 1)..];
                var nameSpan = nameEnd >= 0 ? rest[..nameEnd] : rest;
                var unquoted = nameSpan.Length >= 2 && nameSpan[0] == '"' && nameSpan[^1] == '"' ? nameSpan[1..^1] : nameSpan;
                if (unquoted.Contains('"') || (nameSpan.Length > 0 && nameSpan[0] == '"' && unquoted.Length == nameSpan.Length))
                {
                    (code, name, parent) = Slow(line, fields, level, file, lineNumber);
                }
                else
                {
                    code = span[..first];
                    name = unquoted.Trim().ToString();
                    var afterName = nameEnd >= 0 ? rest[(nameEnd + 1)..] : [];
                    var parentEnd = afterName.IndexOf(',');
                    parent = parentEnd >= 0 ? afterName[..parentEnd] : afterName;
                }
            }
            else
            {
                (code, name, parent) = Slow(line, fields, level, file, lineNumber);
            }

            rows.Add(new Region
            {
                Code = Pad(code, level, file, lineNumber),
                Name = name,
                Level = level,
                ParentCode = level == RegionLevel.Province ? null : Pad(parent, level - 1, file, lineNumber),
            });
        }

        return rows;
    }

    /// <summary>Splits one CSV line into <paramref name="fields"/>; quoted fields may hold commas and doubled quotes.</summary>
    public static void SplitCsvLine(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
    }

    private static (string Code, string Name, string Parent) Slow(string line, List<string> fields, RegionLevel level, string file, int lineNumber)
    {
        SplitCsvLine(line, fields);
        if (fields.Count < (level == RegionLevel.Province ? 2 : 3))
        {
            throw new InvalidDataException($"{file}:{lineNumber}: expected code, name and parent code.");
        }

        return (fields[0], fields[1].Trim(), level == RegionLevel.Province ? "" : fields[2]);
    }

    private static readonly long[] Multipliers = [0, 10_000_000_000, 100_000_000, 1_000_000, 1_000, 1];

    private static long Pad(ReadOnlySpan<char> text, RegionLevel level, string file, int lineNumber)
    {
        text = text.Trim();
        var digits = level switch
        {
            RegionLevel.Province => 2,
            RegionLevel.City => 4,
            RegionLevel.County => 6,
            RegionLevel.Township => 9,
            _ => 12,
        };
        if (text.Length != digits || text.ContainsAnyExceptInRange('0', '9'))
        {
            throw new InvalidDataException($"{file}:{lineNumber}: '{text}' is not a {digits}-digit {level} code.");
        }

        return long.Parse(text, CultureInfo.InvariantCulture) * Multipliers[(int)level];
    }
}
