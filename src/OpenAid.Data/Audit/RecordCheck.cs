using System.Globalization;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Audit;

/// <summary>
/// A record's latest public entry as the published form shows it: its sequence, its after.* fields in clear (property
/// → value) and the properties whose after.* field was redacted (digest only, so not compared).
/// </summary>
public sealed record RecordedState(long Sequence, IReadOnlyDictionary<string, string?> After, IReadOnlySet<string> Redacted);

/// <summary>
/// Gathers, from the public entries in sequence order, the latest entry of each record and the latest RegionImport
/// entry: what <see cref="RecordCheck"/> compares the live records with. Fed with published fields only, so the server
/// and a verifier of the published form feed it alike.
/// </summary>
public sealed class LatestEntries
{
    private const string After = "after.";

    private readonly Dictionary<(string Type, string Key), RecordedState> _records = [];

    public IReadOnlyDictionary<(string Type, string Key), RecordedState> Records => _records;

    public RecordedState? RegionImport { get; private set; }

    /// <summary>One public entry: its fields in clear (name → value) and the names of its redacted fields. Call in sequence order.</summary>
    public void Add(long sequence, IReadOnlyDictionary<string, string?> clear, IEnumerable<string> redacted)
    {
        ArgumentNullException.ThrowIfNull(clear);
        if (clear.GetValueOrDefault("entity.type") is not { } type || clear.GetValueOrDefault("entity.key") is not { } key)
        {
            return;
        }

        var state = new RecordedState(
            sequence,
            clear.Where(f => f.Key.StartsWith(After, StringComparison.Ordinal)).ToDictionary(f => f.Key[After.Length..], f => f.Value, StringComparer.Ordinal),
            redacted.Where(n => n.StartsWith(After, StringComparison.Ordinal)).Select(n => n[After.Length..]).ToHashSet(StringComparer.Ordinal));
        if (type == RegionImportDigest.EntityType)
        {
            RegionImport = state;
        }
        else
        {
            _records[(type, key)] = state;
        }
    }
}

/// <summary>
/// The records step of a verification (FORMAT.md, Records and Verification 5): every live public record equals the state
/// its latest public entry records, so that a write behind the API shows. A pure function of the published forms —
/// the records and the entries' after fields — fed one record at a time (<see cref="Add"/>, then <see cref="Finish"/>),
/// or all at once with <see cref="Check"/>. Problems: RECORD_MISMATCH (type, key and property named),
/// RECORD_UNAUDITED (a record without a public entry), REGION_IMPORT_MISMATCH (the places differ from the import's digest).
/// </summary>
public sealed class RecordCheck(IReadOnlyDictionary<(string Type, string Key), RecordedState> latest, RecordedState? regionImport)
{
    public const string RecordMismatch = "RECORD_MISMATCH";
    public const string RecordUnaudited = "RECORD_UNAUDITED";
    public const string RegionImportMismatch = "REGION_IMPORT_MISMATCH";

    /// <summary>
    /// A region's fields other than its identity, as the import leaves them: a region without a Region entry of its own
    /// must still hold these.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> RegionDefaults = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [nameof(Region.ActualExitYear)] = null,
        [nameof(Region.HasDemoFlags)] = "False",
        [nameof(Region.IsContiguousDestituteArea)] = "False",
        [nameof(Region.IsDeepPoverty)] = "False",
        [nameof(Region.IsNationalKeyCounty)] = "False",
        [nameof(Region.IsProvincialKeyCounty)] = "False",
        [nameof(Region.PlannedExitYear)] = null,
        [nameof(Region.PovertyStatus)] = nameof(PovertyStatus.NotRegistered),
    };

    private const string RegionType = nameof(Region);

    private readonly List<(string? Code, string? Name, string? Level, string? ParentCode)> _regions = [];

    public long RecordsChecked { get; private set; }

    /// <summary>The first problem of the records, in their order, then of the places as a whole; null when there is none.</summary>
    public static AuditProblem? Check(IEnumerable<PublishedRecord> records, IReadOnlyDictionary<(string Type, string Key), RecordedState> latest, RecordedState? regionImport)
    {
        ArgumentNullException.ThrowIfNull(records);
        var check = new RecordCheck(latest, regionImport);
        foreach (var record in records)
        {
            if (check.Add(record) is { } problem)
            {
                return problem;
            }
        }

        return check.Finish();
    }

    /// <summary>Checks one record against its latest public entry; null when they agree.</summary>
    public AuditProblem? Add(PublishedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordsChecked++;
        var entry = latest.GetValueOrDefault((record.EntityType, record.EntityKey));
        if (record.EntityType != RegionType)
        {
            return entry is null
                ? new AuditProblem(RecordUnaudited, null, $"{record.EntityType} {record.EntityKey} is a live public record without a public audit entry: it was written behind the trail.", record.EntityType, record.EntityKey)
                : Compare(record, record.Fields, entry);
        }

        // A place's identity is covered by the import's digest; its other fields by its own entries, or are the defaults.
        _regions.Add(RegionImportDigest.Identity(record.Fields));
        var mutable = record.Fields.Where(f => !RegionImportDigest.IdentityFields.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (entry is not null)
        {
            return Compare(record, mutable, entry with { After = entry.After.Where(f => !RegionImportDigest.IdentityFields.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal) });
        }

        foreach (var (property, value) in mutable)
        {
            if (!RegionDefaults.TryGetValue(property, out var standard) || standard != value)
            {
                return Mismatch(record, property, null, $"{property} is {Show(value)}, but the region has no Region entry, so it must be as imported ({(RegionDefaults.TryGetValue(property, out var d) ? Show(d) : "no such field")}).");
            }
        }

        return null;
    }

    /// <summary>After the last record: the places against the latest RegionImport entry.</summary>
    public AuditProblem? Finish()
    {
        if (_regions.Count == 0 && regionImport is null)
        {
            return null;
        }

        if (regionImport is null)
        {
            return new AuditProblem(RegionImportMismatch, null, $"There are {_regions.Count:N0} places but no RegionImport entry that covers them.", RegionImportDigest.EntityType, RegionImportDigest.EntityKey);
        }

        var rows = _regions.Count.ToString(CultureInfo.InvariantCulture);
        if (regionImport.After.GetValueOrDefault("Rows") != rows)
        {
            return new AuditProblem(RegionImportMismatch, regionImport.Sequence, $"There are {rows} places, but the region import (entry {regionImport.Sequence}) recorded {Show(regionImport.After.GetValueOrDefault("Rows"))}.", RegionImportDigest.EntityType, RegionImportDigest.EntityKey, "Rows");
        }

        var digest = RegionImportDigest.Sha256(_regions);
        return regionImport.After.GetValueOrDefault("Sha256") == digest
            ? null
            : new AuditProblem(RegionImportMismatch, regionImport.Sequence, $"The places' digest is {digest}, but the region import (entry {regionImport.Sequence}) recorded {Show(regionImport.After.GetValueOrDefault("Sha256"))}: a place's code, name, level or parent changed behind the trail.", RegionImportDigest.EntityType, RegionImportDigest.EntityKey, "Sha256");
    }

    private static AuditProblem? Compare(PublishedRecord record, IReadOnlyDictionary<string, string?> fields, RecordedState entry)
    {
        foreach (var (property, value) in fields)
        {
            if (entry.Redacted.Contains(property))
            {
                continue;
            }

            if (!entry.After.TryGetValue(property, out var recorded))
            {
                return Mismatch(record, property, entry.Sequence, $"{property} is {Show(value)}, but its latest entry ({entry.Sequence}) does not record {property}.");
            }

            if (recorded != value)
            {
                return Mismatch(record, property, entry.Sequence, $"{property} is {Show(value)}, but its latest entry ({entry.Sequence}) recorded {Show(recorded)}: it was changed behind the trail.");
            }
        }

        var extra = entry.After.Keys.Concat(entry.Redacted).FirstOrDefault(p => !fields.ContainsKey(p));
        return extra is null ? null : Mismatch(record, extra, entry.Sequence, $"Its latest entry ({entry.Sequence}) records {extra}, which the record does not have.");
    }

    private static AuditProblem Mismatch(PublishedRecord record, string property, long? sequence, string what) =>
        new(RecordMismatch, sequence, $"{record.EntityType} {record.EntityKey}: {what}", record.EntityType, record.EntityKey, property);

    private static string Show(string? value) => value is null ? "null" : value.Length <= 60 ? $"'{value}'" : $"'{value[..57]}…'";
}
