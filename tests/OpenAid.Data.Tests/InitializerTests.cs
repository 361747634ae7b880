using Microsoft.EntityFrameworkCore;
using OpenAid.Demo;
using Xunit.Abstractions;

namespace OpenAid.Data.Tests;

[Collection("demo")]
public class InitializerTests(DemoDatabaseFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Reports_each_step_and_its_time()
    {
        var lines = fixture.Progress.Lines;
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Contains(lines, l => l.StartsWith("Database: applied", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("104,672 villages", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Exit criteria: 11 rules seeded", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Demo data: ", StringComparison.Ordinal) && l.Contains("notices", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Database: ready in", StringComparison.Ordinal));

        var first = fixture.First;
        Assert.True(first.MigrationsApplied > 0);
        Assert.NotNull(first.Regions);
        Assert.Equal(11, first.ExitCriteriaSeeded);
        Assert.NotNull(first.DemoData);
    }

    [Fact]
    public async Task A_second_start_only_migrates()
    {
        long versionBefore;
        int projectsBefore;
        await using (var db = fixture.Open())
        {
            versionBefore = (await db.DataVersions.SingleAsync()).Version;
            projectsBefore = await db.Projects.CountAsync();
        }

        var progress = new ProgressLog();
        await using (var db = fixture.Open())
        {
            var again = await DatabaseInitializer.InitializeAsync(db, DemoDataSeeder.Default, progress, CancellationToken.None);
            Assert.Equal(0, again.MigrationsApplied);
            Assert.Null(again.Regions);
            Assert.Equal(0, again.ExitCriteriaSeeded);
            Assert.Null(again.DemoData);
        }

        Assert.Contains(progress.Lines, l => l == "Regions: already imported, skipped");
        Assert.Contains(progress.Lines, l => l == "Demo data: already present, skipped");
        await using (var db = fixture.Open())
        {
            Assert.Equal(versionBefore, (await db.DataVersions.SingleAsync()).Version);
            Assert.Equal(projectsBefore, await db.Projects.CountAsync());
            Assert.Equal(113_268, await db.Regions.CountAsync());
            Assert.Equal(11, await db.ExitCriteria.CountAsync());
        }
    }

    [Fact]
    public async Task Uses_write_ahead_logging_on_sqlite()
    {
        await using var db = fixture.Open();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Generating_demo_data_twice_is_refused()
    {
        await using var db = fixture.Open();
        Assert.True(await DemoDataGenerator.ExistsAsync(db));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoDataGenerator().GenerateAsync(db));
    }
}
