using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenAid.Data;

/// <summary>
/// The transactions that write. SQLite has one write lock per database file, which EF's transactions take at their
/// start (BEGIN IMMEDIATE). A writer that finds it held gets SQLITE_BUSY, and Microsoft.Data.Sqlite tries again after
/// a 150 ms sleep that blocks its thread, as often as the command timeout allows: with 8 concurrent writers, the
/// unlucky ones lost the race several times in a row and waited 0.7–1.6 s for writes that take 8 ms (bench/README.md,
/// Writes under load). So on SQLite the writers of this process queue for the lock on a semaphore, in turn and without
/// a thread asleep; SQLite's lock still keeps the writers of other processes apart. Elsewhere a plain transaction.
/// </summary>
public static class WriteTransactions
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return await database.BeginTransactionAsync(ct);
        }

        var gate = Gates.GetOrAdd(sqlite.DataSource, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return new InTurn(await database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The transaction, which gives the turn to the next writer once disposed (committed or not).</summary>
    private sealed class InTurn(IDbContextTransaction transaction, SemaphoreSlim gate) : IDbContextTransaction
    {
        private int _ended;

        public Guid TransactionId => transaction.TransactionId;

        public void Commit() => transaction.Commit();

        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

        public void Rollback() => transaction.Rollback();

        public Task RollbackAsync(CancellationToken cancellationToken = default) => transaction.RollbackAsync(cancellationToken);

        public void Dispose()
        {
            transaction.Dispose();
            End();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            End();
        }

        private void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
