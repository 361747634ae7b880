using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Audit;

/// <summary>
/// The one entry that stands for the imported places (FORMAT.md, Records): entity type RegionImport under
/// <see cref="AuditActor.SystemRegionImport"/>, whose after.Sha256 is SHA-256 over the UTF-8 lines
/// <c>code\tname\tlevel\tparentCode\n</c> of every region sorted by code (codes as 12 digits, the parent empty when
/// none, the level by name) and after.Rows their count. The importer computes it over what it stored; the record check
/// over the live Region records.
/// </summary>
public static class RegionImportDigest
{
    public const string EntityType = "RegionImport";

    /// <summary>The import entry's key: the table it covers.</summary>
    public const string EntityKey = "regions";

    /// <summary>A region's identity, which the import entry covers; its other fields are written later, each with its own Region entry.</summary>
    public static readonly IReadOnlyList<string> IdentityFields = [nameof(Region.Code), nameof(Region.Name), nameof(Region.Level), nameof(Region.ParentCode)];

    /// <summary>A region's identity as the trail formats its fields.</summary>
    public static (string? Code, string? Name, string? Level, string? ParentCode) Identity(Region region) =>
        (AuditTrail.Format(region.Code), region.Name, AuditTrail.Format(region.Level), AuditTrail.Format(region.ParentCode));

    /// <summary>A region's identity from its record's fields (a missing field counts as empty, and so changes the digest).</summary>
    public static (string? Code, string? Name, string? Level, string? ParentCode) Identity(IReadOnlyDictionary<string, string?> fields) =>
        (fields.GetValueOrDefault(nameof(Region.Code)), fields.GetValueOrDefault(nameof(Region.Name)), fields.GetValueOrDefault(nameof(Region.Level)), fields.GetValueOrDefault(nameof(Region.ParentCode)));

    public static string Sha256(IEnumerable<(string? Code, string? Name, string? Level, string? ParentCode)> regions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in regions
            .Select(r => $"{Twelve(r.Code)}\t{r.Name}\t{r.Level}\t{Twelve(r.ParentCode)}\n")
            .Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The import entry's after: Rows, Sha256 and Source (the title of the source table).</summary>
    public static string After(string source, int rows, string sha256) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Rows"] = AuditTrail.Format(rows),
            ["Sha256"] = sha256,
            ["Source"] = source,
        });

    private static string Twelve(string? code) => code is null ? "" : code.PadLeft(12, '0');
}
