using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Data.Regions;
using OpenAid.Data.Summaries;
using OpenAid.Domain.Common;

namespace OpenAid.Demo;

/// <summary>How much demo data to generate, and from which seed.</summary>
public sealed record DemoDataOptions
{
    public static DemoDataOptions Default { get; } = new();

    /// <summary>The random seed; the same seed (and scale) always gives the same data. Default: 扶贫日 2015-10-17.</summary>
    public int Seed { get; init; } = 20151017;

    /// <summary>
    /// Volume factor. 1 gives 50 demo counties, about 360 organisations, 2,000 projects, 1,450 funds,
    /// 9,400 transactions and 2,750 notices; a benchmark can ask for more (counties are capped by the real
    /// places, so past about 5 the extra volume goes into more projects per county).
    /// </summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>
    /// The anchor: the last day the demo data knows about, nothing generated happens after it. The data replays a
    /// six-year campaign ending that day, so that a fresh start is alive: needs open to pledge to, notices in their
    /// objection period, objections waiting for an answer. The same seed, scale and anchor always give the same data.
    /// Default: today in Beijing.
    /// </summary>
    public DateOnly AsOf { get; init; } = TimeProvider.System.Today();
}

/// <summary>Row counts written by one demo generation.</summary>
public sealed record DemoDataResult(
    int Regions,
    int VillageStatistics,
    int Organizations,
    int Programs,
    int ProgramMemberships,
    int Pairings,
    int Projects,
    int PerformanceTargets,
    int Funds,
    int FundAllocations,
    int Transactions,
    int Notices,
    int NoticeLinks,
    TimeSpan Elapsed,
    string Mode)
{
    public int Needs { get; init; }

    public int Pledges { get; init; }

    public int PledgeDeliveries { get; init; }

    public int Objections { get; init; }

    public int VillageChecklists { get; init; }

    public int MonitoringCounts { get; init; }

    /// <summary>Exit records: confirmed, proposed and withdrawn.</summary>
    public int Exits { get; init; }
}

/// <summary>
/// Generates deterministic, plausible demo data in Chinese on top of the real places: organisations,
/// programs and pairings, poor counties and villages with yearly statistics, funds, projects in every
/// lifecycle state, allocations, transactions and notices (some late, some corrected, some withdrawn).
/// Everything it writes is marked: <c>IsDemo</c> where the entity has it, "（演示数据）" in descriptions,
/// plans and notice bodies. Dates follow <see cref="DemoDataOptions.AsOf"/>, never the clock.
/// </summary>
public sealed class DemoDataGenerator(DemoDataOptions? options = null)
{
    /// <summary>The earliest anchor day: the last day of the 2015–2020 campaign the demo replays.</summary>
    public static readonly DateOnly EarliestAsOf = new(2020, 12, 31);

    public DemoDataOptions Options { get; } = options ?? DemoDataOptions.Default;

    /// <summary>Whether demo data was generated into this database already.</summary>
    public static Task<bool> ExistsAsync(OpenAidDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Organizations.AnyAsync(o => o.IsDemo, ct);
    }

    /// <summary>
    /// Writes the demo data in one transaction and bumps the data version once; every record gets its audit entry under
    /// <see cref="AuditActor.SystemDemo"/>. Regions must be imported first.
    /// </summary>
    public Task<DemoDataResult> GenerateAsync(OpenAidDbContext db, IProgress<string>? progress = null, CancellationToken ct = default) =>
        GenerateAsync(db, progress, providerNeutral: false, ct);

    /// <param name="providerNeutral">Use the EF fallback even on SQLite (tests exercise the SQL Server path with it).</param>
    internal async Task<DemoDataResult> GenerateAsync(OpenAidDbContext db, IProgress<string>? progress, bool providerNeutral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Options.Scale <= 0 || double.IsNaN(Options.Scale))
        {
            throw new InvalidOperationException($"The demo data scale must be positive, not {Options.Scale}.");
        }

        // The campaign it replays starts six years before the anchor; earlier, it would start before the programs it joins.
        if (Options.AsOf < EarliestAsOf)
        {
            throw new InvalidOperationException($"The demo data's anchor day must be {EarliestAsOf:yyyy-MM-dd} or later, not {Options.AsOf:yyyy-MM-dd}.");
        }

        if (!await db.Regions.AnyAsync(ct))
        {
            throw new InvalidOperationException("Import the regions (RegionImporter) before generating demo data.");
        }

        if (await ExistsAsync(db, ct))
        {
            throw new InvalidOperationException("Demo data already exists in this database.");
        }

        var total = Stopwatch.StartNew();
        var writer = BulkWriter.For(db, AuditActor.SystemDemo, providerNeutral);
        var result = await DataWrites.InTransactionAsync(db, async () =>
        {
            var built = await new DemoBuilder(db, writer, Options, progress, ct).RunAsync();
            // The SQLite bulk writer bypasses the saves that keep the money summary: recompute it, in the same transaction.
            await MoneySummaryLedger.RebuildAsync(db, progress, ct);
            return built;
        }, ct);

        result = result with { Elapsed = total.Elapsed, Mode = writer.Mode };
        progress?.Report(
            $"Demo data: {result.Organizations:N0} organisations, {result.Projects:N0} projects, {result.Funds:N0} funds, " +
            $"{result.Transactions:N0} transactions, {result.Notices:N0} notices in {result.Elapsed.TotalMilliseconds:N0} ms " +
            $"(seed {Options.Seed}, scale {Options.Scale}, {result.Mode} bulk insert).");
        return result;
    }
}
