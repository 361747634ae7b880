namespace OpenAid.Data;

/// <summary>
/// The optional last step of <see cref="DatabaseInitializer"/>: demo data on top of the real places. Declared
/// here and implemented outside the production data assembly (OpenAid.Demo's DemoDataSeeder), so that the
/// demo is a client of the data layer and never a part of it; the host passes one in, or null for none.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Whether this database has the demo data already (the initializer then skips the step).</summary>
    Task<bool> ExistsAsync(OpenAidDbContext db, CancellationToken ct);

    /// <summary>Writes the demo data into a database that has none; returns what it wrote (<see cref="DatabaseInitializationResult.DemoData"/>).</summary>
    Task<object> SeedAsync(OpenAidDbContext db, IProgress<string>? progress, CancellationToken ct);
}
