using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenAid.Data.Audit;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Regions;

/// <summary>
/// Writes many rows fast for seeding and demo data. On SQLite it bypasses change tracking with one
/// prepared, reused INSERT per table (columns and value conversions read from the EF model, so it follows
/// entity changes); on SQL Server the places go in through SqlBulkCopy, mapped the same way; everything else falls
/// back to batched AddRange + SaveChanges. Callers own the transaction.
/// After <see cref="InsertAsync{T}"/> every row carries its key, so children can point at it.
/// <para>
/// Nothing it writes is unaudited: every row inserted or rewritten gets its audit entry under the writer's actor
/// (<see cref="BulkAudit"/>), written in bulk after the rows, in the same transaction.
/// </para>
/// </summary>
internal abstract class BulkWriter(OpenAidDbContext db, AuditActor actor)
{
    private readonly BulkAudit _audit = new(db, actor);

    protected OpenAidDbContext Db { get; } = db;

    public static BulkWriter For(OpenAidDbContext db, AuditActor actor, bool providerNeutral = false) =>
        providerNeutral ? new EfBulkWriter(db, actor)
        : db.Database.IsSqlite() ? new SqliteBulkWriter(db, actor)
        : db.Database.IsSqlServer() ? new SqlServerBulkWriter(db, actor)
        : new EfBulkWriter(db, actor);

    /// <summary>"sqlite", "sqlbulkcopy" or "ef", for progress messages.</summary>
    public abstract string Mode { get; }

    /// <summary>Inserts the rows, each with its create entry.</summary>
    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var written = await InsertRowsAsync(rows, ct);
        await ColumnTotal.ForgetAllAsync(Db, ct); // the rows went in around the running totals
        await AppendAsync(await _audit.EntriesAsync(written.Added, written.Modified, ct), ct);
    }

    /// <summary>
    /// Inserts reference rows that one entry stands for as a whole (the places: RegionImporter records the import and
    /// its digest with <see cref="RecordAsync"/>), so without an entry per row.
    /// </summary>
    public virtual async Task InsertCoveredAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class =>
        await InsertRowsAsync(rows, ct);

    /// <summary>Rewrites every mapped column of rows that already exist, matched by primary key; each changed row gets its update entry.</summary>
    public async Task UpdateAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var written = await UpdateRowsAsync(rows, ct);
        await ColumnTotal.ForgetAllAsync(Db, ct); // the rows went in around the running totals
        await AppendAsync(await _audit.EntriesAsync(written.Added, written.Modified, ct), ct);
    }

    /// <summary>Rows read from the database that <see cref="UpdateAsync{T}"/> may rewrite later: their update entries start from this state.</summary>
    public void Loaded(IEnumerable<object> rows) => _audit.Loaded(rows);

    /// <summary>Appends one public entry of the writer's actor for what no single row stands for.</summary>
    public async Task RecordAsync(string entityType, string entityKey, string operation, string after, CancellationToken ct) =>
        await AppendAsync(await _audit.EntryAsync(entityType, entityKey, operation, after, ct), ct);

    /// <summary>
    /// Drops the table's secondary indexes until the returned callback rebuilds them: loading an empty table
    /// and then building each index in one pass is much faster than keeping them up to date row by row.
    /// </summary>
    public virtual Task<Func<Task>> SuspendIndexesAsync<T>(CancellationToken ct)
        where T : class =>
        Task.FromResult<Func<Task>>(() => Task.CompletedTask);

    /// <summary>What a write stored: the rows inserted and the rows rewritten (the EF writer's include the rows' object graphs).</summary>
    protected sealed record Written(IReadOnlyList<object> Added, IReadOnlyList<object> Modified);

    protected abstract Task<Written> InsertRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class;

    protected abstract Task<Written> UpdateRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class;

    private async Task AppendAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count > 0)
        {
            await InsertRowsAsync(entries, ct);
        }
    }
}

internal class EfBulkWriter(OpenAidDbContext db, AuditActor actor) : BulkWriter(db, actor)
{
    private const int BatchSize = 2_000;

    /// <summary>
    /// The concurrency tokens each row was inserted with. A rewrite matches them, as the SQLite writer's rewrite
    /// matches by key alone: the rows are this writer's own, changed in memory since (e.g. a fund's allocations).
    /// </summary>
    private readonly ConditionalWeakTable<object, object?[]> _insertedTokens = [];

    public override string Mode => "ef";

    protected override Task<Written> InsertRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) =>
        SaveInBatchesAsync(rows, chunk =>
        {
            Db.Set<T>().AddRange(chunk);
            foreach (var row in chunk)
            {
                var entry = Db.Entry(row);
                _insertedTokens.AddOrUpdate(row, [.. Tokens(entry).Select(p => entry.Property(p.Name).CurrentValue)]);
            }
        }, ct);

    protected override Task<Written> UpdateRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) =>
        SaveInBatchesAsync(rows, chunk =>
        {
            Db.Set<T>().UpdateRange(chunk);
            foreach (var row in chunk)
            {
                var entry = Db.Entry(row);
                if (_insertedTokens.TryGetValue(row, out var inserted))
                {
                    foreach (var (token, value) in Tokens(entry).Zip(inserted))
                    {
                        entry.Property(token.Name).OriginalValue = value;
                    }
                }
            }
        }, ct);

    private static IEnumerable<IProperty> Tokens(EntityEntry entry) => entry.Metadata.GetProperties().Where(p => p.IsConcurrencyToken);

    private async Task<Written> SaveInBatchesAsync<T>(IReadOnlyList<T> rows, Action<T[]> track, CancellationToken ct)
    {
        var (added, modified) = (new List<object>(), new List<object>());
        var detect = Db.ChangeTracker.AutoDetectChangesEnabled;
        Db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in rows.Chunk(BatchSize))
            {
                track(chunk);

                // The graphs included: a project's targets are saved (and recorded) with it.
                foreach (var entry in Db.ChangeTracker.Entries())
                {
                    (entry.State == EntityState.Added ? added : entry.State == EntityState.Modified ? modified : null)?.Add(entry.Entity);
                }

                await Db.SaveRecordedByCallerAsync(ct);

                // Keys stay on the objects; the tracker is emptied so that it never grows with the import.
                Db.ChangeTracker.Clear();
            }
        }
        finally
        {
            Db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return new Written(added, modified);
    }
}

/// <summary>
/// SQL Server: reference rows that one entry covers (the places) go in through <see cref="SqlBulkCopy"/> on the
/// context's connection and transaction; the rest (rows with graphs, each with its own entry) as the EF writer does.
/// </summary>
internal sealed class SqlServerBulkWriter(OpenAidDbContext db, AuditActor actor) : EfBulkWriter(db, actor)
{
    private readonly TableMaps _maps = new(db);

    public override string Mode => "sqlbulkcopy";

    public override async Task InsertCoveredAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var map = _maps.MapOf(typeof(T));
        if (map.GeneratedKey is not null)
        {
            throw new NotSupportedException($"{typeof(T).Name} has a generated key; the bulk copy writes reference rows whose keys they carry.");
        }

        var transaction = Db.Database.CurrentTransaction?.GetDbTransaction() as SqlTransaction
            ?? throw new InvalidOperationException("Bulk writes must run inside a transaction on the context's connection.");

        // Constraints checked, so that the foreign keys stay trusted; the table is locked, as it is filled empty.
        using var copy = new SqlBulkCopy((SqlConnection)Db.Database.GetDbConnection(), SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.TableLock, transaction)
        {
            DestinationTableName = map.QualifiedTable,
            BatchSize = 10_000,
            BulkCopyTimeout = 0,
            EnableStreaming = true,
        };
        foreach (var column in map.Columns)
        {
            copy.ColumnMappings.Add(column.Name, column.Name);
        }

        using var table = ToDataTable(map, rows);
        await copy.WriteToServerAsync(table, ct);
    }

    /// <summary>The rows as the bulk copy sends them: one column per mapped property, values converted as the model says.</summary>
    internal static DataTable ToDataTable<T>(TableMap map, IReadOnlyList<T> rows)
        where T : class
    {
        var table = new DataTable(map.Table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in map.Columns)
        {
            table.Columns.Add(column.Name, column.ProviderType);
        }

        var values = new object[map.Columns.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = map.Columns[i].Read(row) ?? DBNull.Value;
            }

            table.Rows.Add(values);
        }

        return table;
    }
}

internal sealed class SqliteBulkWriter(OpenAidDbContext db, AuditActor actor) : BulkWriter(db, actor)
{
    private readonly TableMaps _maps = new(db);

    public override string Mode => "sqlite";

    protected override Task<Written> InsertRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Task.FromResult(new Written([], []));
        }

        var map = _maps.MapOf(typeof(T));
        var (connection, transaction) = Connection();
        if (map.GeneratedKey is { } key)
        {
            // Inside the (IMMEDIATE) transaction nobody else can write, so max + 1 is free.
            using var max = connection.CreateCommand();
            max.Transaction = transaction;
            max.CommandText = $"SELECT COALESCE(MAX({Quote(key.Column.Name)}), 0) FROM {Quote(map.Table)}";
            var next = Convert.ToInt64(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
            foreach (var row in rows)
            {
                if (key.IsUnset(row))
                {
                    key.Assign(row, next++);
                }
            }
        }

        var columns = map.Columns;
        var sql = $"INSERT INTO {Quote(map.Table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
                  $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        Execute(connection, transaction, sql, columns, rows, ct);
        return Task.FromResult(new Written(rows, []));
    }

    protected override Task<Written> UpdateRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Task.FromResult(new Written([], []));
        }

        var map = _maps.MapOf(typeof(T));
        var (connection, transaction) = Connection();
        var set = map.Columns.Where(c => !c.IsKey).ToArray();
        var keys = map.Columns.Where(c => c.IsKey).ToArray();
        var ordered = set.Concat(keys).ToArray();
        var sql = $"UPDATE {Quote(map.Table)} SET {string.Join(", ", set.Select((c, i) => $"{Quote(c.Name)} = $p{i}"))} " +
                  $"WHERE {string.Join(" AND ", keys.Select((c, i) => $"{Quote(c.Name)} = $p{set.Length + i}"))}";
        Execute(connection, transaction, sql, ordered, rows, ct);
        return Task.FromResult(new Written([], rows));
    }

    public override Task<Func<Task>> SuspendIndexesAsync<T>(CancellationToken ct)
    {
        var map = _maps.MapOf(typeof(T));
        var (connection, transaction) = Connection();
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            // Constraint indexes (sql IS NULL) stay; the DDL is transactional, so a failure restores them all.
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL ORDER BY name";
            list.Parameters.AddWithValue("$table", map.Table);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        RunAll(connection, transaction, indexes.Select(i => $"DROP INDEX {Quote(i.Name)}"));
        return Task.FromResult<Func<Task>>(() =>
        {
            ct.ThrowIfCancellationRequested();
            RunAll(connection, transaction, indexes.Select(i => i.Sql));
            return Task.CompletedTask;
        });
    }

    private static void RunAll(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> statements)
    {
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static void Execute<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, TableColumn[] columns, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = new SqliteParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        }

        command.Prepare();

        // Synchronous on purpose: Microsoft.Data.Sqlite's async calls are synchronous underneath.
        for (var r = 0; r < rows.Count; r++)
        {
            if ((r & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var row = rows[r];
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private (SqliteConnection Connection, SqliteTransaction Transaction) Connection()
    {
        var transaction = Db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("Bulk writes must run inside a transaction on the context's connection.");
        return ((SqliteConnection)Db.Database.GetDbConnection(), transaction);
    }
}

/// <summary>Transactions and the data-version bump shared by the importer, the seeds and the demo generator.</summary>
internal static class DataWrites
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, inside the provider's execution strategy (SQL Server
    /// retries need that); joins the caller's transaction when there is one. The transaction first advances the data
    /// version: on every provider that UPDATE takes the write lock, so the audit chain's head that the work reads
    /// after it stays the head until the work commits.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(OpenAidDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await BumpDataVersionAsync(db, ct);
            return await work();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BumpDataVersionAsync(db, ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        });
    }

    /// <summary>
    /// Advances the single <see cref="DataVersion"/> row once, in SQL, so that writes that bypass
    /// SaveChanges still tell readers and caches that public data changed.
    /// </summary>
    private static async Task BumpDataVersionAsync(OpenAidDbContext db, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var updated = await db.DataVersions
            .Where(v => v.Id == DataVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1).SetProperty(v => v.ChangedAt, now), ct);
        if (updated > 0)
        {
            return;
        }

        // Not through SaveChanges: its own bump would add a second singleton to the tracker.
        var entity = db.Model.FindEntityType(typeof(DataVersion))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(store)!;
        var sql = $"INSERT INTO \"{table}\" (\"{Column(nameof(DataVersion.Id))}\", \"{Column(nameof(DataVersion.Version))}\", \"{Column(nameof(DataVersion.ChangedAt))}\") VALUES ({{0}}, {{1}}, {{2}})";
        await db.Database.ExecuteSqlRawAsync(sql, [DataVersion.SingletonId, 1L, now], ct);
    }
}
