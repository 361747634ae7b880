using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenAid.Data;

/// <summary>Reads that must all see one state of the database: the audit chain and the live records it is checked against.</summary>
public static class ConsistentReads
{
    /// <summary>
    /// Runs <paramref name="read"/> in one read transaction, inside the execution strategy. On SQLite a deferred
    /// transaction: its first read fixes a WAL snapshot, and writers go on meanwhile. Elsewhere a serializable one,
    /// which holds writers off until the reads end (SQL Server's snapshot isolation would not, but needs a database option).
    /// </summary>
    public static Task<T> InOneStateAsync<T>(OpenAidDbContext db, Func<Task<T>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                if (db.Database.GetDbConnection() is SqliteConnection sqlite)
                {
                    await using var deferred = sqlite.BeginTransaction(deferred: true);
                    await db.Database.UseTransactionAsync(deferred, ct);
                    try
                    {
                        return await read();
                    }
                    finally
                    {
                        await db.Database.UseTransactionAsync(null, ct);
                    }
                }

                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                var result = await read();
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }
}
