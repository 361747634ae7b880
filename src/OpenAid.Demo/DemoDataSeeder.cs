namespace OpenAid.Demo;

/// <summary>
/// The demo data as the start-up step of <see cref="DatabaseInitializer"/>: runs <see cref="DemoDataGenerator"/>
/// with <see cref="Options"/> when the database has no demo data yet. Its result is a <see cref="DemoDataResult"/>.
/// </summary>
public sealed class DemoDataSeeder(DemoDataOptions? options = null) : IDemoDataSeeder
{
    /// <summary>The default volume and seed, as the app's first start uses them.</summary>
    public static DemoDataSeeder Default { get; } = new();

    public DemoDataOptions Options { get; } = options ?? DemoDataOptions.Default;

    public Task<bool> ExistsAsync(OpenAidDbContext db, CancellationToken ct) => DemoDataGenerator.ExistsAsync(db, ct);

    public async Task<object> SeedAsync(OpenAidDbContext db, IProgress<string>? progress, CancellationToken ct) =>
        await new DemoDataGenerator(Options).GenerateAsync(db, progress, ct);
}
