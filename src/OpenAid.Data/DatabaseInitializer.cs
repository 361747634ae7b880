using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Data.Regions;

namespace OpenAid.Data;

/// <summary>
/// Brings a database up to date at start-up: migrations, the real places, the exit rules and (when asked)
/// the demo data. Idempotent: each seeding step runs only while its tables are empty, so a second start
/// does nothing but migrate.
/// </summary>
public static class DatabaseInitializer
{
    /// <param name="demoData">The demo data step (OpenAid.Demo's DemoDataSeeder) to run when there is none yet; null for none.</param>
    public static async Task<DatabaseInitializationResult> InitializeAsync(OpenAidDbContext db, IDemoDataSeeder? demoData, IProgress<string>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        progress?.Report(pending.Count == 0
            ? $"Database: schema up to date ({step.ElapsedMilliseconds:N0} ms)"
            : $"Database: applied {pending.Count} migration(s) {string.Join(", ", pending)} in {step.ElapsedMilliseconds:N0} ms");

        // One open connection for all steps, so that the per-connection pragma below covers the imports.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await UpgradeAuditTrailAsync(db, progress, ct);
            return await SeedAsync(db, demoData, progress, pending.Count, total, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Entries written before audit format v2 are re-encoded once (AuditUpgrade); a later start finds none.</summary>
    private static async Task UpgradeAuditTrailAsync(OpenAidDbContext db, IProgress<string>? progress, CancellationToken ct)
    {
        var step = Stopwatch.StartNew();
        var upgrade = await AuditUpgrade.ReencodeV1Async(db, ct);
        if (upgrade.Refused is { } reason)
        {
            progress?.Report($"Audit trail: v1 entries NOT re-encoded to v2: {reason}; verifyAuditChain names the place");
        }
        else if (upgrade.Reencoded > 0)
        {
            progress?.Report($"Audit trail: re-encoded {upgrade.Reencoded:N0} v1 entries to v2 ({upgrade.Restricted:N0} of records not public now made restricted) in {step.ElapsedMilliseconds:N0} ms");
        }
    }

    private static async Task<DatabaseInitializationResult> SeedAsync(OpenAidDbContext db, IDemoDataSeeder? demoData, IProgress<string>? progress, int migrations, Stopwatch total, CancellationToken ct)
    {
        var step = Stopwatch.StartNew();
        if (db.Database.IsSqlite())
        {
            // WAL (kept in the file) lets readers go on while a writer writes; NORMAL is safe with WAL but is
            // per connection, so it speeds up this start-up only.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        }

        RegionImportResult? regions = null;
        if (!await db.Regions.AnyAsync(ct))
        {
            regions = await RegionImporter.ImportAsync(db, progress, ct);
        }
        else
        {
            progress?.Report("Regions: already imported, skipped");
        }

        step.Restart();
        var criteria = await ExitCriteriaSeed.SeedAsync(db, ct);
        progress?.Report(criteria > 0
            ? $"Exit criteria: {criteria} rules seeded in {step.ElapsedMilliseconds:N0} ms"
            : "Exit criteria: already seeded, skipped");

        object? demo = null;
        if (demoData is null)
        {
            progress?.Report("Demo data: not requested");
        }
        else if (await demoData.ExistsAsync(db, ct))
        {
            progress?.Report("Demo data: already present, skipped");
        }
        else
        {
            demo = await demoData.SeedAsync(db, progress, ct);
        }

        var result = new DatabaseInitializationResult(migrations, regions, criteria, demo, total.Elapsed);
        progress?.Report($"Database: ready in {total.ElapsedMilliseconds:N0} ms");
        return result;
    }
}

/// <summary>What one <see cref="DatabaseInitializer"/> run did; null or 0 for the steps it skipped.</summary>
/// <param name="DemoData">What the <see cref="IDemoDataSeeder"/> wrote (OpenAid.Demo's DemoDataResult), or null.</param>
public sealed record DatabaseInitializationResult(
    int MigrationsApplied,
    RegionImportResult? Regions,
    int ExitCriteriaSeeded,
    object? DemoData,
    TimeSpan Elapsed);
