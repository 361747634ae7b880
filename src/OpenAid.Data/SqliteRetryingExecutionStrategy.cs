using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenAid.Data;

/// <summary>
/// Retries a unit of work that SQLite refused because another writer held the database (SQLITE_BUSY, SQLITE_LOCKED).
/// It also makes SQLite behave as production's retrying SQL Server strategy does: a transaction opened outside
/// <c>Database.CreateExecutionStrategy().ExecuteAsync(...)</c> fails at once, so every test on SQLite proves that the
/// writes would work on SQL Server too.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromMilliseconds(200))
{
    private const int MaxRetries = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };
}
