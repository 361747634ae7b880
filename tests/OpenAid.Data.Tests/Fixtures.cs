using System.Diagnostics;
using OpenAid.Demo;

namespace OpenAid.Data.Tests;

/// <summary>
/// A fresh database initialised as the app's first start does it: migrations, places, exit rules, the default demo data
/// anchored on a fixed day, so that no test depends on the wall clock.
/// </summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The demo data's anchor: its last day.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 30);

    /// <summary>The demo's first year: six years up to the anchor's.</summary>
    public static readonly int FirstYear = AsOf.Year - 5;

    private readonly TempFolder _folder = new();

    public string File => _folder.File("demo.db");

    public ProgressLog Progress { get; } = new();

    public DatabaseInitializationResult First { get; private set; } = null!;

    public TimeSpan Elapsed { get; private set; }

    public SqliteOpenAidDbContext Open() => TestDatabase.Open(File);

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var db = Open();
        First = await DatabaseInitializer.InitializeAsync(db, new DemoDataSeeder(new DemoDataOptions { AsOf = AsOf }), Progress, CancellationToken.None);
        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>A database with the places and exit rules only (no demo data), to copy for tests that write.</summary>
public sealed class RegionsFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private int _copies;

    public string Template => _folder.File("regions.db");

    public ProgressLog Progress { get; } = new();

    public DatabaseInitializationResult Result { get; private set; } = null!;

    public SqliteOpenAidDbContext Open() => TestDatabase.Open(Template);

    /// <summary>A private copy of the template database.</summary>
    public string Copy()
    {
        var file = _folder.File($"copy{Interlocked.Increment(ref _copies)}.db");
        TestDatabase.Copy(Template, file);
        return file;
    }

    /// <summary>An empty file name in the same temporary folder.</summary>
    public string NewFile(string name) => _folder.File(name);

    public async Task InitializeAsync()
    {
        await using var db = Open();
        Result = await DatabaseInitializer.InitializeAsync(db, demoData: null, Progress, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition("demo")]
public sealed class DemoDatabaseGroup : ICollectionFixture<DemoDatabaseFixture>;

[CollectionDefinition("regions")]
public sealed class RegionsGroup : ICollectionFixture<RegionsFixture>;
