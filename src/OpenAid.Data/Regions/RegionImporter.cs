using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Regions;

/// <summary>
/// Imports the real places (NBS 统计用区划代码 2022, five provinces, embedded in this assembly) into the
/// Regions table. Only the tree is real: poverty flags and exit years stay unset here; the demo generator
/// sets them, marked as demo data.
/// </summary>
public static class RegionImporter
{
    /// <summary>
    /// Imports every level into an empty Regions table in one transaction and bumps the data version once. The import is
    /// recorded as one RegionImport entry (<see cref="RegionImportDigest"/>) under <see cref="AuditActor.SystemRegionImport"/>.
    /// </summary>
    public static Task<RegionImportResult> ImportAsync(OpenAidDbContext db, IProgress<string>? progress = null, CancellationToken ct = default) =>
        ImportAsync(db, progress, providerNeutral: false, ct);

    /// <param name="providerNeutral">Use the EF fallback even on SQLite (tests exercise the provider-neutral path with it).</param>
    /// <param name="deepest">The lowest level to import; tests stop above the villages to keep the slow path quick.</param>
    internal static async Task<RegionImportResult> ImportAsync(OpenAidDbContext db, IProgress<string>? progress, bool providerNeutral, CancellationToken ct, RegionLevel deepest = RegionLevel.Village)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Regions.AnyAsync(ct))
        {
            throw new InvalidOperationException("The Regions table already has rows; the region importer only fills an empty table.");
        }

        var total = Stopwatch.StartNew();
        var writer = BulkWriter.For(db, AuditActor.SystemRegionImport, providerNeutral);
        var counts = await DataWrites.InTransactionAsync(db, async () =>
        {
            // Parse every level up front on the thread pool: the big files decompress while the small ones insert.
            var files = RegionSeed.Files.Where(f => f.Level <= deepest).ToList();
            var reading = files.ToDictionary(f => f.Level, f => Task.Run(() => RegionSeed.ReadLevel(f.Level), ct));
            var rebuildIndexes = await writer.SuspendIndexesAsync<Region>(ct);
            var stored = new Dictionary<RegionLevel, int>();
            var taken = new HashSet<long>();
            var merged = new List<string>();
            var all = new List<Region>();
            foreach (var (level, _) in files)
            {
                var step = Stopwatch.StartNew();
                var rows = await reading[level];

                // 东莞市 and 中山市 have no county tier: their "county" row pads to the city's own code, so the
                // city row stands for both and their townships hang directly under it.
                var fresh = new List<Region>(rows.Count);
                foreach (var row in rows)
                {
                    if (taken.Add(row.Code))
                    {
                        fresh.Add(row);
                    }
                    else
                    {
                        merged.Add($"{row.Name} ({row.Code})");
                    }
                }

                await writer.InsertCoveredAsync(fresh, ct);
                all.AddRange(fresh);
                stored[level] = fresh.Count;
                var note = fresh.Count == rows.Count ? "" : $" ({rows.Count - fresh.Count} merged into the level above: {string.Join(", ", merged)})";
                progress?.Report($"Regions: {fresh.Count,7:N0} {LevelName(level)} in {step.ElapsedMilliseconds,5} ms{note}");
            }

            var indexing = Stopwatch.StartNew();
            await rebuildIndexes();
            progress?.Report($"Regions: indexes built in {indexing.ElapsedMilliseconds,5} ms");

            // One entry stands for every place: the digest of what was stored, so that any later change shows.
            var digest = RegionImportDigest.Sha256(all.Select(RegionImportDigest.Identity));
            await writer.RecordAsync(RegionImportDigest.EntityType, RegionImportDigest.EntityKey, "create", RegionImportDigest.After(RegionSeed.Title, all.Count, digest), ct);
            return (stored, merged.Count);
        }, ct);

        var result = new RegionImportResult(
            counts.stored.GetValueOrDefault(RegionLevel.Province),
            counts.stored.GetValueOrDefault(RegionLevel.City),
            counts.stored.GetValueOrDefault(RegionLevel.County),
            counts.stored.GetValueOrDefault(RegionLevel.Township),
            counts.stored.GetValueOrDefault(RegionLevel.Village),
            counts.Count,
            total.Elapsed,
            writer.Mode);
        progress?.Report($"Regions: {result.Total:N0} places imported in {result.Elapsed.TotalMilliseconds:N0} ms ({result.Mode} bulk insert).");
        return result;
    }

    private static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "provinces",
        RegionLevel.City => "cities",
        RegionLevel.County => "counties",
        RegionLevel.Township => "townships",
        _ => "villages",
    };
}

/// <summary>What <see cref="RegionImporter"/> stored, per level.</summary>
/// <param name="Merged">Seed rows whose padded code was already a region of a higher level (东莞市, 中山市).</param>
/// <param name="Mode">"sqlite" for the prepared-statement path, "sqlbulkcopy" for SQL Server's, "ef" for the provider-neutral one.</param>
public sealed record RegionImportResult(int Provinces, int Cities, int Counties, int Townships, int Villages, int Merged, TimeSpan Elapsed, string Mode)
{
    public int Total => Provinces + Cities + Counties + Townships + Villages;
}
