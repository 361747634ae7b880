using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenAid.Data.Audit.Verification;

/// <summary>
/// Verification step 5 (FORMAT.md, Records): every live public record equals what its latest public entry recorded,
/// so that an edit made behind the API shows. The entries pass hands every entry to <see cref="Observe"/>, which keeps
/// per record only the latest entry's sequence and a fingerprint of its after.* fields (bounded by the number of
/// records, not of entries); a record whose fingerprint differs is explained by reading that one entry again.
/// Regions: their identity is checked against the latest RegionImport digest, their mutable fields against their own
/// latest Region entry or else the import's defaults.
/// </summary>
public sealed class RecordChecks
{
    public const string Region = "Region";
    public const string RegionImport = "RegionImport";

    private const string After = "after.";

    /// <summary>Region identity: imported reference data, covered by the RegionImport digest rather than by Region entries.</summary>
    private static readonly string[] RegionIdentity = ["Code", "Name", "Level", "ParentCode"];

    /// <summary>A region's mutable fields as imported, before any Region entry changed them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> RegionDefaults = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["IsNationalKeyCounty"] = "False",
        ["IsProvincialKeyCounty"] = "False",
        ["IsContiguousDestituteArea"] = "False",
        ["IsDeepPoverty"] = "False",
        ["PovertyStatus"] = "NotRegistered",
        ["PlannedExitYear"] = null,
        ["ActualExitYear"] = null,
        ["HasDemoFlags"] = "False",
    };

    private readonly Dictionary<UInt128, (long Sequence, UInt128 Fingerprint)> _latest = [];

    /// <summary>The properties whose after.* the latest entry has redacted, for the few records that have any.</summary>
    private readonly Dictionary<UInt128, HashSet<string>> _redacted = [];

    private (long Sequence, string? Sha256, string? Rows)? _regionImport;

    /// <summary>Takes note of a verified entry; restricted entries and those whose record is not named in clear say nothing about a public record.</summary>
    public void Observe(PublishedEntry entry)
    {
        if (entry.Visibility != AuditTrail.Public || entry.Fields is not { } fields
            || Clear(fields, "entity.type") is not { } type || Clear(fields, "entity.key") is not { } key)
        {
            return;
        }

        var after = fields.Where(f => f.Name.StartsWith(After, StringComparison.Ordinal)).ToList();
        if (type == RegionImport)
        {
            _regionImport = (entry.Sequence, Clear(after, After + "Sha256"), Clear(after, After + "Rows"));
            return;
        }

        var compared = after.Where(f => Compared(type, f.Name[After.Length..])).ToList();
        var record = Key(type, key);
        var redacted = compared.Where(f => f.IsRedacted).Select(f => f.Name[After.Length..]).ToHashSet(StringComparer.Ordinal);
        _latest[record] = (entry.Sequence, Fingerprint(compared.Select(f => (f.Name[After.Length..], f.Value)), redacted));
        if (redacted.Count > 0)
        {
            _redacted[record] = redacted;
        }
        else
        {
            _redacted.Remove(record);
        }
    }

    /// <summary>Compares every record, then the regions' identity; the first problem and how many records were read.</summary>
    /// <param name="entryAt">Reads the entry with a given sequence again, to name the property a record differs in.</param>
    public async Task<(AuditProblem? Problem, long Checked)> CheckAsync(IAsyncEnumerable<PublishedRecord> records, Func<long, Task<PublishedEntry?>> entryAt, CancellationToken ct)
    {
        long count = 0;
        var regions = new List<(string? Code, string? Name, string? Level, string? ParentCode)>();
        await foreach (var record in records.WithCancellation(ct))
        {
            count++;
            var compared = record.Fields.Where(f => Compared(record.EntityType, f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            if (record.EntityType == Region)
            {
                regions.Add(RegionImportDigest.Identity(record.Fields));
            }

            if (!_latest.TryGetValue(Key(record.EntityType, record.EntityKey), out var latest))
            {
                var problem = record.EntityType == Region
                    ? FromDefaults(record, compared)
                    : new AuditProblem("RECORD_UNAUDITED", null, $"{record.EntityType} {record.EntityKey} is public, but no public entry records it: it was written without an audit entry.", record.EntityType, record.EntityKey);
                if (problem is not null)
                {
                    return (problem, count);
                }

                continue;
            }

            var redacted = _redacted.GetValueOrDefault(Key(record.EntityType, record.EntityKey)) ?? [];
            if (Fingerprint(compared.Select(f => (f.Key, f.Value)), redacted) != latest.Fingerprint)
            {
                return (Explain(record, compared, latest.Sequence, await entryAt(latest.Sequence)), count);
            }
        }

        return (RegionIdentityProblem(regions), count);
    }

    /// <summary>Region identity is compared through the RegionImport digest; every other property with the record's own entries.</summary>
    private static bool Compared(string entityType, string property) => entityType != Region || !RegionIdentity.Contains(property);

    /// <summary>A region no Region entry names still has the import's defaults.</summary>
    private static AuditProblem? FromDefaults(PublishedRecord region, List<KeyValuePair<string, string?>> compared)
    {
        foreach (var (property, value) in compared)
        {
            if (!RegionDefaults.TryGetValue(property, out var imported))
            {
                return Mismatch(region, property, null, $"Region {region.EntityKey} has {property} = {Quote(value)}, which the region import does not set and no Region entry records.");
            }

            if (value != imported)
            {
                return Mismatch(region, property, null, $"Region {region.EntityKey} has {property} = {Quote(value)}, but no Region entry records a change from the imported {Quote(imported)}: it was changed without an audit entry.");
            }
        }

        return null;
    }

    /// <summary>The first property, by name, in which the record and its latest entry differ.</summary>
    private static AuditProblem Explain(PublishedRecord record, List<KeyValuePair<string, string?>> compared, long sequence, PublishedEntry? entry)
    {
        var what = $"{record.EntityType} {record.EntityKey}";
        var recorded = (entry?.Fields ?? [])
            .Where(f => f.Name.StartsWith(After, StringComparison.Ordinal) && Compared(record.EntityType, f.Name[After.Length..]))
            .ToDictionary(f => f.Name[After.Length..], StringComparer.Ordinal);
        var live = compared.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var property in live.Keys.Union(recorded.Keys).Order(StringComparer.Ordinal))
        {
            var inRecord = live.TryGetValue(property, out var value);
            if (!recorded.TryGetValue(property, out var field))
            {
                return Mismatch(record, property, sequence, $"{what} has {property} = {Quote(value)}, which its latest entry {sequence} does not record.");
            }

            if (!inRecord)
            {
                return Mismatch(record, property, sequence, $"Its latest entry {sequence} records {property}, which {what} does not have.");
            }

            if (!field.IsRedacted && field.Value != value)
            {
                return Mismatch(record, property, sequence, $"{what} has {property} = {Quote(value)}, but its latest entry {sequence} recorded {Quote(field.Value)}: it was changed without an audit entry.");
            }
        }

        return Mismatch(record, null, sequence, $"{what} does not match its latest entry {sequence}.");
    }

    /// <summary>The regions' identity, digested as FORMAT.md says, against the latest RegionImport entry.</summary>
    private AuditProblem? RegionIdentityProblem(List<(string? Code, string? Name, string? Level, string? ParentCode)> regions)
    {
        if (regions.Count == 0 && _regionImport is null)
        {
            return null;
        }

        var digest = RegionImportDigest.Sha256(regions);
        var rows = regions.Count.ToString(CultureInfo.InvariantCulture);
        if (_regionImport is not { } import)
        {
            return new AuditProblem("REGION_IMPORT_MISMATCH", null, $"The {regions.Count} regions have no RegionImport entry recording their import.", RegionImport);
        }

        return import.Sha256 == digest && import.Rows == rows
            ? null
            : new AuditProblem(
                "REGION_IMPORT_MISMATCH",
                import.Sequence,
                $"The {rows} regions' codes, names, levels and parents digest to {digest}, but RegionImport entry {import.Sequence} recorded {import.Rows ?? "no"} rows digesting to {import.Sha256 ?? "nothing"}: regions were changed without an audit entry.",
                RegionImport,
                Field: "Sha256");
    }

    private static AuditProblem Mismatch(PublishedRecord record, string? property, long? sequence, string message) =>
        new("RECORD_MISMATCH", sequence, message, record.EntityType, record.EntityKey, property);

    private static string? Clear(IEnumerable<PublishedField> fields, string name) => fields.FirstOrDefault(f => f.Name == name && !f.IsRedacted)?.Value;

    private static UInt128 Key(string entityType, string entityKey) => Digest(new AuditEncoding.LengthPrefixedBytes().Text(entityType).Text(entityKey));

    /// <summary>Over the properties by name: each in clear with its value, or marked redacted (a redacted value is not compared).</summary>
    private static UInt128 Fingerprint(IEnumerable<(string Property, string? Value)> properties, HashSet<string> redacted)
    {
        var ordered = properties.OrderBy(p => p.Property, StringComparer.Ordinal).ToList();
        var buffer = new AuditEncoding.LengthPrefixedBytes().Count(ordered.Count);
        foreach (var (property, value) in ordered)
        {
            buffer.Text(property);
            _ = redacted.Contains(property) ? buffer.Text("redacted") : buffer.Text("value").Value(value);
        }

        return Digest(buffer);
    }

    private static UInt128 Digest(AuditEncoding.LengthPrefixedBytes buffer) => BinaryPrimitives.ReadUInt128BigEndian(SHA256.HashData(buffer.ToArray()));

    private static string Quote(string? value) => value is null ? "null" : value.Length > 80 ? $"\"{value[..80]}…\"" : $"\"{value}\"";
}
