using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAid.Data;

/// <summary>
/// Per-connection SQLite settings. WAL (set once by the initializer, it persists in the file) lets readers run
/// beside the writer; with WAL, synchronous=NORMAL stays durable across application crashes and spares an
/// fsync per commit. secure_delete zeroes content as SQLite frees it (a row rewritten by an update, a page let go), so
/// that a value erased by an audit redaction leaves no copy in free space, including copies freed by earlier writes
/// of the same record; the service rarely frees anything (nothing public is deleted), so it costs little. They are
/// connection settings, so every connection the pool opens needs them.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>
    /// The native connections already set. EF opens a pooled connection for every query, and setting them again each
    /// time would cost two statements per query; a native connection lives as long as the pool keeps it.
    /// </summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NotSetYet(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkSet(handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NotSetYet(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkSet(handle);
        }
    }

    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";

    private bool NotSetYet(DbConnection connection, out SQLitePCL.sqlite3? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !_set.TryGetValue(handle, out _);
    }

    /// <summary>Only once the settings went through: a connection whose open was cancelled half-way is set again next time.</summary>
    private void MarkSet(SQLitePCL.sqlite3? handle)
    {
        if (handle is not null)
        {
            _set.AddOrUpdate(handle, handle);
        }
    }
}

/// <summary>SQLite upkeep that a write needs beyond its transaction.</summary>
public static class SqliteMaintenance
{
    private const int Attempts = 40;

    /// <summary>
    /// Copies the write-ahead log into the database file and empties it (wal_checkpoint(TRUNCATE)), so that the page
    /// images a write replaced leave no copy in the -wal file. Tried again while a reader still holds an older
    /// snapshot, which keeps the log from being reset. True when the log is empty, and on other providers, which
    /// have no such file (SQL Server: see README, The audit trail).
    /// </summary>
    public static async Task<bool> TruncateWalAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return true;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                await using (var command = db.Database.GetDbConnection().CreateCommand())
                {
                    command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    // The first column is 1 when the checkpoint could not finish (a reader or writer in the way).
                    if (await reader.ReadAsync(ct) && reader.GetInt32(0) == 0)
                    {
                        return true;
                    }
                }

                await Task.Delay(50, ct);
            }

            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
