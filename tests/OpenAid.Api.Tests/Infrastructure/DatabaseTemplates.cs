using Microsoft.Data.Sqlite;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>
/// Start-up's database step (migrations, the 104,672 villages and, when asked, the demo data with its audit entries)
/// takes seconds, and dozens of test servers would each repeat it on the same inputs. It runs once per test run and
/// kind of database, through the same <see cref="OpenAidHost.PrepareDatabaseAsync"/>; each server then starts on a
/// copy, where the same step finds everything in place. Servers that set their own database, demo or clock settings
/// start from nothing, as before.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly Lazy<Task<string>> WithDemoData = new(() => PrepareAsync(seedDemoData: true));
    private static readonly Lazy<Task<string>> WithoutDemoData = new(() => PrepareAsync(seedDemoData: false));

    /// <summary>Copies the prepared database of this kind to <paramref name="databasePath"/>.</summary>
    public static async Task CopyToAsync(bool seedDemoData, string databasePath)
    {
        var template = await (seedDemoData ? WithDemoData : WithoutDemoData).Value;
        File.Copy(template, databasePath);
    }

    private static async Task<string> PrepareAsync(bool seedDemoData)
    {
        var folder = Path.Combine(Path.GetTempPath(), "openaid-tests", $"template-{(seedDemoData ? "demo" : "places")}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var working = Path.Combine(folder, "working.db");
        await using (var app = OpenAidHost.Build(
        [
            "--environment=Development",
            "--applicationName=OpenAid.Api",
            $"--contentRoot={Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api")}",
            $"--staticWebAssets={Path.Combine(folder, "no-static-web-assets.json")}",
            "--Database:Provider=Sqlite",
            $"--Database:ConnectionString=Data Source={working}",
            $"--Database:SeedDemoData={(seedDemoData ? "true" : "false")}",
            $"--Database:DemoDataAsOf={DemoYears.Calendar.AsOf:yyyy-MM-dd}",
            "--Logging:LogLevel:Default=Warning",
        ]))
        {
            await OpenAidHost.PrepareDatabaseAsync(app);
        }

        // One self-contained file (nothing left in a -wal beside it) that every copy starts from.
        var template = Path.Combine(folder, "template.db");
        await using (var connection = new SqliteConnection($"Data Source={working};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", template);
            await vacuum.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(working);
        return template;
    }
}
