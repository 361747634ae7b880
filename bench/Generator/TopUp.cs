using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>
/// Brings the demo database up to the target volumes with set-based SQL in one transaction: clones of demo rows under
/// new codes (so every enum, date and reference stays valid), plus generated needs and pledges.
/// </summary>
internal static class TopUp
{
    /// <summary>Per cloned table: code prefix and the columns that must change in a clone.</summary>
    private static readonly (string Table, string Prefix, Dictionary<string, string> Overrides)[] Clones =
    [
        ("Organizations", "BO", new()
        {
            ["Name"] = "src.Name || '（' || seq.n || '）'",
            ["CreditCode"] = "NULL",
            // Spread over every county, not only the demo's.
            ["RegionCode"] = "(SELECT Code FROM bench_counties WHERE rn = (seq.n * 7919) % @counties)",
        }),
        ("Projects", "BP", new()),
        ("Funds", "BF", new() { ["DocumentNumber"] = "src.DocumentNumber || '-B' || seq.n" }),
        ("Notices", "BN", new() { ["SupersedesNoticeId"] = "NULL", ["SupersededByNoticeId"] = "NULL" }),
        ("Transactions", "BT", new()),
    ];

    public static async Task RunAsync(SqliteConnection connection, IReadOnlyDictionary<string, int> targets, Stopwatch total)
    {
        await ExecuteAsync(connection, "PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-200000;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE bench_counties AS SELECT ROW_NUMBER() OVER (ORDER BY Code) - 1 AS rn, Code FROM Regions WHERE Level = 3;
            CREATE TEMP TABLE bench_villages AS SELECT ROW_NUMBER() OVER (ORDER BY Code) - 1 AS rn, Code FROM Regions WHERE Level = 5;
            CREATE UNIQUE INDEX bench_counties_rn ON bench_counties (rn);
            CREATE UNIQUE INDEX bench_villages_rn ON bench_villages (rn);
            """);
        var counties = await CountAsync(connection, transaction, "bench_counties");
        var villages = await CountAsync(connection, transaction, "bench_villages");

        foreach (var (table, prefix, overrides) in Clones)
        {
            var step = Stopwatch.StartNew();
            var have = await CountAsync(connection, transaction, table);
            var need = targets[table] - have;
            if (need > 0)
            {
                await CloneAsync(connection, transaction, table, prefix, overrides.ToDictionary(o => o.Key, o => o.Value.Replace("@counties", counties.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)), need);
            }

            Report(total, $"{table}: {have:N0} from the demo generator, {Math.Max(0, need):N0} cloned in {step.ElapsedMilliseconds:N0} ms");
        }

        var needs = Stopwatch.StartNew();
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE bench_government AS SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS rn, Id FROM Organizations WHERE Kind = 1;
            CREATE TEMP TABLE bench_donors AS SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS rn, Id FROM Organizations WHERE Kind <> 1;
            CREATE UNIQUE INDEX bench_government_rn ON bench_government (rn);
            CREATE UNIQUE INDEX bench_donors_rn ON bench_donors (rn);
            """);
        var government = await CountAsync(connection, transaction, "bench_government");
        var donors = await CountAsync(connection, transaction, "bench_donors");
        await ExecuteAsync(connection, transaction, $"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {targets["Needs"]})
            INSERT INTO Needs (Code, RegionCode, Category, Title, Description, Requested, Unit, Pledged, Received, Deadline, Priority,
                               ProjectId, PairingId, RegisteredByOrganizationId, Status, CreatedAt, ReviewedAt, ReviewerName,
                               RejectionReason, CapOverrideReason, Version, IsDemo)
            SELECT 'XQ-B' || printf('%06d', n), village.Code,
                   1 + n % 9, '村级需求（演示数据）' || n, '基准测试生成的需求（演示数据）', 100000 * (10 + n % 90), '元',
                   CASE 3 + n % 3 WHEN 3 THEN 0 WHEN 4 THEN 50000 * (10 + n % 90) ELSE 100000 * (10 + n % 90) END, 0,
                   printf('%04d-%02d-28', 2016 + n % 5, 1 + n % 12), 1 + n % 4, NULL, NULL, office.Id,
                   3 + n % 3, printf('%04d-%02d-01 08:00:00+00:00', 2015 + n % 5, 1 + n % 12),
                   printf('%04d-%02d-05 08:00:00+00:00', 2015 + n % 5, 1 + n % 12), '演示审核员', NULL, NULL, 1, 1
            FROM seq
            JOIN bench_villages village ON village.rn = (n * 104651) % {villages}
            JOIN bench_government office ON office.rn = n % {government};
            CREATE TEMP TABLE bench_needs AS SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS rn, Id, RegionCode, Requested FROM Needs WHERE Code LIKE 'XQ-B%';
            CREATE UNIQUE INDEX bench_needs_rn ON bench_needs (rn);
            WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {targets["Pledges"]} - 1)
            INSERT INTO Pledges (Code, OrganizationId, NeedId, ProjectId, RegionCode, ProgramId, Kind, Quantity, Unit, Status,
                                 PledgedAt, ConfirmBy, ConfirmedAt, CancellationReason, IsDemo)
            SELECT 'RJ-B' || printf('%06d', seq.n), donor.Id, need.Id, NULL, need.RegionCode, NULL, 1, need.Requested / 4, '元', 1 + seq.n % 5,
                   printf('%04d-%02d-10 08:00:00+00:00', 2016 + seq.n % 5, 1 + seq.n % 12), printf('%04d-%02d-28', 2016 + seq.n % 5, 1 + seq.n % 12),
                   CASE WHEN seq.n % 5 = 0 THEN NULL ELSE printf('%04d-%02d-20 08:00:00+00:00', 2016 + seq.n % 5, 1 + seq.n % 12) END, NULL, 1
            FROM seq
            JOIN bench_needs need ON need.rn = seq.n % {targets["Needs"]}
            JOIN bench_donors donor ON donor.rn = (seq.n * 7919) % {donors};
            """);
        Report(total, $"Needs: {targets["Needs"]:N0}, pledges: {targets["Pledges"]:N0} generated in {needs.ElapsedMilliseconds:N0} ms");

        // Readers and caches must see that the data changed (the API keys its cache by this version).
        await ExecuteAsync(connection, transaction, "UPDATE DataVersions SET Version = Version + 1, ChangedAt = datetime('now') || '+00:00';");
        await transaction.CommitAsync();

        var analyze = Stopwatch.StartNew();
        await ExecuteAsync(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Report(total, $"ANALYZE (planner statistics) in {analyze.ElapsedMilliseconds:N0} ms");
        foreach (var table in (string[])["Regions", "Organizations", "Projects", "Funds", "Notices", "Transactions", "Needs", "Pledges"])
        {
            Report(total, $"  {table,-14}{await CountAsync(connection, null, table),10:N0}");
        }
    }

    private static async Task CloneAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string prefix, Dictionary<string, string> overrides, int count)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'Id' ORDER BY cid";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var values = columns.Select(c => c == "Code" ? $"'{prefix}-' || printf('%07d', seq.n)" : overrides.GetValueOrDefault(c, $"src.\"{c}\""));
        await ExecuteAsync(connection, transaction, $"""
            DROP TABLE IF EXISTS bench_source;
            CREATE TEMP TABLE bench_source AS SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS rn, * FROM "{table}" WHERE IsDemo = 1;
            CREATE UNIQUE INDEX bench_source_rn ON bench_source (rn);
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count.ToString(CultureInfo.InvariantCulture)})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", values)}
            FROM seq JOIN bench_source src ON src.rn = (seq.n - 1) % (SELECT COUNT(*) FROM bench_source);
            """);
    }

    private static async Task<int> CountAsync(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static Task ExecuteAsync(SqliteConnection connection, string sql) => ExecuteAsync(connection, null, sql);

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static void Report(Stopwatch total, string message) => Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {message}");
}
