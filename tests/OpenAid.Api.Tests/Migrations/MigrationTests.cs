using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenAid.Data;

namespace OpenAid.Api.Tests.Migrations;

/// <summary>
/// Production runs on SQL Server, which this machine does not have; scripting its migrations proves at
/// least that they compile, match the model and produce a clean idempotent script.
/// </summary>
public class MigrationTests
{
    [Fact]
    public void The_SQL_Server_migrations_script_idempotently()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Notices]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Funds_FiscalYear_DocumentNumber]", script, StringComparison.Ordinal);
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        File.WriteAllText(Path.Combine(artifacts.FullName, "sqlserver-idempotent.sql"), script);
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = SqlServer();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a SQL Server migration (see README).");
    }

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteOpenAidDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteOpenAidDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a SQLite migration (see README).");
    }

    private static SqlServerOpenAidDbContext SqlServer()
    {
        var options = new DbContextOptionsBuilder<SqlServerOpenAidDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlServer(options, "Server=127.0.0.1;Database=OpenAid;User Id=sa;Password=unused;TrustServerCertificate=True");
        return new SqlServerOpenAidDbContext(options.Options);
    }
}
