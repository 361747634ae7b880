using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Demo;

// Fills a SQLite database at five-province scale for the benchmark (bench/README.md):
//   dotnet run -c Release --project bench/Generator -- [--db bench/out/bench.db] [--scale 20] [--factor 1] [--force]
// 1. The product's own start-up path: migrations, all real places (104,672 villages), exit rules, and the demo data
//    generator at --scale, which gives plausible, linked records (funds → allocations → projects → notices).
// 2. A bulk top-up in SQL, in one transaction, up to the target volumes: clones of demo records under new codes
//    (organisations, projects, funds, notices, transactions), and needs and pledges, which the demo does not make;
//    --factor multiplies these volumes (10: 3 M transactions, 1 M notices), the places stay the real ones.
var arguments = Arguments.Parse(args);
var total = Stopwatch.StartNew();
if (File.Exists(arguments.Database) && !arguments.Force)
{
    Console.WriteLine($"{arguments.Database} exists; reusing it (--force to rebuild).");
    return 0;
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(arguments.Database))!);
foreach (var suffix in (string[])["", "-wal", "-shm"])
{
    File.Delete(arguments.Database + suffix);
}

var connectionString = $"Data Source={arguments.Database}";
var options = new DbContextOptionsBuilder<SqliteOpenAidDbContext>();
DataServiceCollectionExtensions.ConfigureSqlite(options, connectionString);
await using (var db = new SqliteOpenAidDbContext(options.Options))
{
    await DatabaseInitializer.InitializeAsync(db, new DemoDataSeeder(new DemoDataOptions { Scale = arguments.Scale }), new ConsoleProgress(total));
}

await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    await TopUp.RunAsync(connection, arguments.Targets, total);
}

await using (var summaries = new SqliteOpenAidDbContext(options.Options)) { await OpenAid.Data.Summaries.MoneySummaryLedger.RebuildAsync(summaries, new ConsoleProgress(total), CancellationToken.None); }

SqliteConnection.ClearAllPools();
Console.WriteLine($"[{total.Elapsed:mm\\:ss}] Done: {arguments.Database} ({new FileInfo(arguments.Database).Length / 1024 / 1024:N0} MB) in {total.Elapsed.TotalSeconds:N0} s.");
return 0;

internal sealed record Arguments(string Database, double Scale, bool Force, IReadOnlyDictionary<string, int> Targets)
{
    public static Arguments Parse(string[] args)
    {
        var database = Path.Combine("bench", "out", "bench.db");
        var scale = 20.0;
        var force = false;
        var factor = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db":
                    database = args[++i];
                    break;
                case "--scale":
                    scale = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--factor":
                    factor = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --db <file> --scale <demo scale> --factor <volume multiple> --force");
            }
        }

        if (factor < 1)
        {
            throw new ArgumentException("--factor is a whole multiple of the five-province volumes, 1 or more.");
        }

        // The five-province scale, times the factor.
        var targets = new Dictionary<string, int>
        {
            ["Organizations"] = 20_000,
            ["Projects"] = 50_000,
            ["Funds"] = 100_000,
            ["Notices"] = 100_000,
            ["Transactions"] = 300_000,
            ["Needs"] = 30_000,
            ["Pledges"] = 60_000,
        };
        return new Arguments(database, scale, force, targets.ToDictionary(t => t.Key, t => t.Value * factor));
    }
}

internal sealed class ConsoleProgress(Stopwatch total) : IProgress<string>
{
    public void Report(string value) => Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {value}");
}
