using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenAid.Data.Regions;
using OpenAid.Domain.Funds;

namespace OpenAid.Data.Summaries;

/// <summary>
/// Keeps <see cref="MoneySummary"/> in step with the transactions. Every save captures what its tracked transactions
/// add or take away before it runs and applies that after, in the same database transaction, so no write path can
/// forget it; the bulk paths that bypass tracking (the SQLite bulk writer, the benchmark's SQL top-up) call
/// <see cref="RebuildAsync"/> when they are done.
/// </summary>
public static class MoneySummaryLedger
{
    /// <summary>The meter of the summary's upkeep (exported with the API's own; see the README's metrics).</summary>
    public const string MeterName = "OpenAid.Data.MoneySummary";

    private static readonly Meter Meter = new(MeterName);

    // The summary is written in the transaction of each write, so it never lags: what can be measured is what that costs.
    private static readonly Histogram<double> UpdateDurations = Meter.CreateHistogram<double>("openaid.money_summary.update.duration", "s",
        "Time a write that records money spends bringing the money summary up to date, inside its own transaction (the summary's lag is zero by construction).");

    private static readonly Histogram<double> RebuildDurations = Meter.CreateHistogram<double>("openaid.money_summary.rebuild.duration", "s",
        "Time a full recomputation of the money summary took (the rebuild-summaries command, demo data seeding).");

    private const string Columns = "\"Span\", \"RegionCode\", \"FiscalYear\", \"SourceType\", \"Kind\", \"Count\", \"AmountFen\"";

    internal readonly record struct Key(long Span, long RegionCode, int FiscalYear, FundSourceType SourceType, TransactionKind Kind);

    internal readonly record struct Delta(int Count, long AmountFen);

    /// <summary>What the pending changes do to the summary: added transactions count in, deleted ones out, a changed one both.</summary>
    internal static Dictionary<Key, Delta> Capture(ChangeTracker tracker)
    {
        var deltas = new Dictionary<Key, Delta>();
        void Add(PropertyValues values, int sign)
        {
            var receiver = values.GetValue<long>(nameof(MoneyTransaction.ReceiverRegionCode));
            var amount = values.GetValue<long>(nameof(MoneyTransaction.AmountFen));
            foreach (var span in MoneySummary.Spans)
            {
                var key = new Key(span, receiver / span * span, values.GetValue<int>(nameof(MoneyTransaction.FiscalYear)),
                    values.GetValue<FundSourceType>(nameof(MoneyTransaction.SourceType)), values.GetValue<TransactionKind>(nameof(MoneyTransaction.Kind)));
                var old = deltas.GetValueOrDefault(key);
                deltas[key] = new Delta(old.Count + sign, old.AmountFen + sign * amount);
            }
        }

        foreach (var entry in tracker.Entries<MoneyTransaction>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Add(entry.CurrentValues, 1);
            }

            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                Add(entry.OriginalValues, -1);
            }
        }

        foreach (var unchanged in deltas.Where(d => d.Value == default).Select(d => d.Key).ToList())
        {
            deltas.Remove(unchanged);
        }

        return deltas;
    }

    /// <summary>
    /// Applies the deltas in one command, inside the caller's transaction. SQLite serialises writers, so its upsert is
    /// atomic as it stands. On SQL Server the UPDATE holds an update lock on the key, and HOLDLOCK a key-range lock where
    /// the row is missing, until the transaction ends: two writers of the same new group cannot both insert it.
    /// </summary>
    internal static async Task ApplyAsync(OpenAidDbContext db, Dictionary<Key, Delta> deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var sqlite = db.Database.IsSqlite();
        var sql = new StringBuilder();
        var parameters = new List<object>();
        foreach (var (key, delta) in deltas)
        {
            var first = parameters.Count;
            string P(int i) => string.Create(CultureInfo.InvariantCulture, $"{{{first + i}}}");
            parameters.AddRange([key.Span, key.RegionCode, key.FiscalYear, (int)key.SourceType, (int)key.Kind, delta.Count, delta.AmountFen]);
            var match = $"\"Span\" = {P(0)} AND \"RegionCode\" = {P(1)} AND \"FiscalYear\" = {P(2)} AND \"SourceType\" = {P(3)} AND \"Kind\" = {P(4)}";
            var insert = $"INSERT INTO \"MoneySummaries\" ({Columns}) VALUES ({P(0)}, {P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)}, {P(6)})";
            sql.AppendLine(sqlite
                ? $"{insert} ON CONFLICT (\"Span\", \"RegionCode\", \"FiscalYear\", \"SourceType\", \"Kind\") DO UPDATE SET \"Count\" = \"Count\" + excluded.\"Count\", \"AmountFen\" = \"AmountFen\" + excluded.\"AmountFen\";"
                : $"UPDATE \"MoneySummaries\" WITH (UPDLOCK, HOLDLOCK) SET \"Count\" = \"Count\" + {P(5)}, \"AmountFen\" = \"AmountFen\" + {P(6)} WHERE {match};\nIF @@ROWCOUNT = 0 {insert};");
            if (delta.Count < 0)
            {
                // A group whose last transaction left is no group: a recomputation would not have it.
                sql.AppendLine(CultureInfo.InvariantCulture, $"DELETE FROM \"MoneySummaries\" WHERE {match} AND \"Count\" = 0;");
            }
        }

        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        UpdateDurations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Recomputes the whole summary from the transactions, in one database transaction (the caller's, if any) that also
    /// advances the data version so that cached answers go. Idempotent; returns the number of rows.
    /// </summary>
    public static Task<int> RebuildAsync(OpenAidDbContext db, IProgress<string>? progress, CancellationToken ct) =>
        DataWrites.InTransactionAsync(db, async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await db.MoneySummaries.ExecuteDeleteAsync(ct);
            var rows = 0;
            foreach (var (span, insert) in MoneySummary.Spans.Zip(RebuildStatements()))
            {
                var added = await db.Database.ExecuteSqlRawAsync(insert, ct);
                rows += added;
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Money summary: {added:N0} rows for regions of span {span:N0}."));
            }

            RebuildDurations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return rows;
        }, ct);

    /// <summary>One INSERT … SELECT per span, nation first, that sums the transactions into an empty summary.</summary>
    internal static IEnumerable<string> RebuildStatements()
    {
        foreach (var span in MoneySummary.Spans)
        {
            // Literal spans, cast: SQL Server reads a large literal as numeric, whose division would not truncate.
            var literal = string.Create(CultureInfo.InvariantCulture, $"CAST({span} AS BIGINT)");
            var cut = $"\"ReceiverRegionCode\" / {literal} * {literal}";
            yield return $"INSERT INTO \"MoneySummaries\" ({Columns}) SELECT {literal}, {cut}, \"FiscalYear\", \"SourceType\", \"Kind\", COUNT(*), SUM(\"AmountFen\") " +
                $"FROM \"Transactions\" GROUP BY {cut}, \"FiscalYear\", \"SourceType\", \"Kind\"";
        }
    }
}
