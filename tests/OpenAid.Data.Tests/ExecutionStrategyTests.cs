using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;

namespace OpenAid.Data.Tests;

/// <summary>
/// SQLite runs under a retrying execution strategy, as SQL Server does in production: a transaction opened outside
/// <c>CreateExecutionStrategy().ExecuteAsync</c> fails, so every test on SQLite proves the writes work on SQL Server.
/// </summary>
[Collection("regions")]
public class ExecutionStrategyTests(RegionsFixture fixture)
{
    [Fact]
    public async Task A_transaction_opened_outside_the_execution_strategy_is_refused()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.RegisterSequences.ToListAsync());
        Assert.Contains("execution strategy", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_audited_save_without_a_transaction_commits_inside_the_strategy()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        db.Actor = new AuditActor("test", "Admin", null);
        db.RegisterSequences.Add(new RegisterSequence { Prefix = "TEST-000000-2026-", Last = 1 });

        await db.SaveChangesAsync();

        await using var reader = TestDatabase.Open(db.Database.GetDbConnection().DataSource);
        Assert.Equal(1, await reader.RegisterSequences.CountAsync());
    }
}
