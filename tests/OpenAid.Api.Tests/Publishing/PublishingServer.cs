using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using OpenAid.Demo;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The real API with the real places and the demo data, plus two configured holidays in the last weeks so that the
/// lateness of notices published today is counted over a holiday. Writes go through HTTP with tokens of the local
/// signer; checks read the SQLite file through the server's own services.
/// </summary>
public sealed class PublishingServer : ApiServer, IAsyncLifetime
{
    public PublishingServer()
        : this(clock: null)
    {
    }

    /// <param name="clock">A clock the test moves; xunit fixtures use the parameterless constructor.</param>
    internal PublishingServer(TimeProvider? clock)
        : base(seedDemoData: true, Settings(), clock)
    {
    }

    /// <summary>A weekday holiday eight to ten days ago, and a two-day range about three weeks ago.</summary>
    public static readonly IReadOnlyList<DateOnly> ConfiguredHolidays = Holidays();

    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>The county the tests publish in, with its poverty office, one township and one of its villages.</summary>
    public Place County { get; private set; } = null!;

    public Place Township { get; private set; } = null!;

    public Place Village { get; private set; } = null!;

    /// <summary>Another county, for callers with the right role in the wrong region.</summary>
    public Place OtherCounty { get; private set; } = null!;

    /// <summary>The county poverty office (a government unit) that publishers and reviewers act for.</summary>
    public string Office { get; private set; } = null!;

    public string OtherOffice { get; private set; } = null!;

    public Samples Samples => new(this);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();

        // The initializer is idempotent: a no-op when start-up already imported the places and the demo data.
        await DatabaseInitializer.InitializeAsync(db, DemoDataSeeder.Default, progress: null);
        var offices = (await db.Organizations
                .Where(o => o.Kind == OrganizationKind.Government && o.Name.EndsWith("扶贫开发办公室"))
                .OrderBy(o => o.RegionCode)
                .ToListAsync())
            .Where(o => o.RegionCode is { } home && RegionCode.LevelOf(home) == RegionLevel.County)
            .ToList();
        var (office, other) = (offices[0], offices[^1]);
        var township = await db.Regions.Where(r => r.ParentCode == office.RegionCode && r.Level == RegionLevel.Township && db.Regions.Any(v => v.ParentCode == r.Code))
            .OrderBy(r => r.Code).FirstAsync();
        var village = await db.Regions.Where(r => r.ParentCode == township.Code).OrderBy(r => r.Code).FirstAsync();
        County = await PlaceAsync(db, office.RegionCode!.Value);
        OtherCounty = await PlaceAsync(db, other.RegionCode!.Value);
        Township = new Place(township.Code, township.RegionCode.ShortForm, township.Name);
        Village = new Place(village.Code, village.RegionCode.ShortForm, village.Name);
        Office = office.Code;
        OtherOffice = other.Code;
    }

    /// <summary>A token of the local signer for a role in the test county (or another region and organisation).</summary>
    public string Token(string role, Place? region = null, string? organization = null) =>
        MintToken(
            [role],
            (region ?? County).ShortCode,
            organization ?? (region is null || region == County ? Office : OtherOffice),
            subject: $"test-{role.ToLowerInvariant()}-{(region ?? County).ShortCode}");

    private static async Task<Place> PlaceAsync(OpenAidDbContext db, long code)
    {
        var region = await db.Regions.SingleAsync(r => r.Code == code);
        return new Place(region.Code, region.RegionCode.ShortForm, region.Name);
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        var holidays = Holidays();
        settings["Notices:Holidays:0"] = Day(holidays[0]);
        settings["Notices:Holidays:1"] = $"{Day(holidays[1])}..{Day(holidays[2])}";
        return settings;
    }

    private static List<DateOnly> Holidays()
    {
        var single = Today.AddDays(-8);
        while (single.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            single = single.AddDays(-1);
        }

        var rangeStart = Today.AddDays(-22);
        return [single, rangeStart, rangeStart.AddDays(1)];
    }
}

/// <summary>One server for every publishing test class; they run one after another, so watermarks are exact.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPublishingServer : ICollectionFixture<PublishingServer>
{
    public const string Name = "Publishing API server";
}
