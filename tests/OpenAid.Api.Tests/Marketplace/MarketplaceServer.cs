using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>
/// The real API over real HTTP with the real places and the demo data, and the cast of a match: a county in a Guangxi
/// city that 粤桂扶贫协作 pairs with a Guangdong city, its poverty office (officer and named reviewer), one of its
/// villages, a private enterprise of that Guangdong city that joined the program, a second donor, and a Hunan county
/// for callers from elsewhere. Every write goes through HTTP with tokens of the local signer; responses count their
/// SQL commands.
/// </summary>
public sealed class MarketplaceServer : ApiServer, IAsyncLifetime
{
    public MarketplaceServer()
        : this(clock: null)
    {
    }

    /// <param name="clock">A clock the test moves; xunit fixtures use the parameterless constructor.</param>
    internal MarketplaceServer(TimeProvider? clock)
        : base(seedDemoData: true, new Dictionary<string, string?> { ["Diagnostics:SqlCommandHeader"] = "true" }, clock)
    {
    }

    private static int _counter;

    public const string ReviewerName = "李明";

    public static DateOnly Today => TimeProvider.System.Today();

    public Place County { get; private set; } = null!;

    public Place Village { get; private set; } = null!;

    /// <summary>A second village of the county.</summary>
    public Place OtherVillage { get; private set; } = null!;

    public Place OtherCounty { get; private set; } = null!;

    public Place OtherCountyVillage { get; private set; } = null!;

    /// <summary>The county poverty office: the officer and the reviewer act for it.</summary>
    public string Office { get; private set; } = null!;

    public string OtherOffice { get; private set; } = null!;

    /// <summary>A private enterprise registered in the Guangdong city paired with the county's city, member of 粤桂扶贫协作.</summary>
    public string Enterprise { get; private set; } = null!;

    public string EnterpriseName { get; private set; } = null!;

    public string OtherDonor { get; private set; } = null!;

    /// <summary>The Guangdong helper city and the Guangxi helped city of the pairing.</summary>
    public string HelperCityName { get; private set; } = null!;

    public string HelpedCityName { get; private set; } = null!;

    public string Officer => Token(Roles.Publisher, County, Office);

    public string Reviewer => Token(Roles.Reviewer, County, Office, ReviewerName);

    public string Donor => Token(Roles.Donor, null, Enterprise);

    public string SecondDonor => Token(Roles.Donor, null, OtherDonor);

    public string OtherOfficer => Token(Roles.Publisher, OtherCounty, OtherOffice);

    public string OtherReviewer => Token(Roles.Reviewer, OtherCounty, OtherOffice, "王芳");

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var ygxz = await db.Programs.SingleAsync(p => p.Code == "YGXZ");
        var offices = (await db.Organizations.Where(o => o.Kind == OrganizationKind.Government && o.Name.EndsWith("扶贫开发办公室")).OrderBy(o => o.Id).ToListAsync())
            .Where(o => o.RegionCode is { } home && RegionCode.LevelOf(home) == RegionLevel.County)
            .ToList();
        var members = await db.Organizations
            .Where(o => o.Kind == OrganizationKind.PrivateEnterprise && db.ProgramMemberships.Any(m => m.OrganizationId == o.Id && m.ProgramId == ygxz.Id))
            .OrderBy(o => o.Id)
            .ToListAsync();
        foreach (var pairing in await db.Pairings.Where(p => p.ProgramId == ygxz.Id && p.HelperRegionCode != null).OrderBy(p => p.Id).ToListAsync())
        {
            var (helper, helped) = (RegionCode.Of(pairing.HelperRegionCode!.Value), RegionCode.Of(pairing.HelpedRegionCode));
            var enterprise = members.FirstOrDefault(o => o.RegionCode is { } home && helper.Contains(home));
            var office = offices.FirstOrDefault(o => o.RegionCode is { } home && helped.Contains(home));
            if (enterprise is null || office is null)
            {
                continue;
            }

            var villages = await db.Regions.Where(r => r.Code > office.RegionCode && r.Code < office.RegionCode + 1_000_000 && r.Level == RegionLevel.Village).OrderBy(r => r.Code).Take(2).ToListAsync();
            County = await PlaceAsync(db, office.RegionCode!.Value);
            (Village, OtherVillage) = (Place(villages[0]), Place(villages[1]));
            (Office, Enterprise, EnterpriseName) = (office.Code, enterprise.Code, enterprise.Name);
            HelperCityName = (await db.Regions.SingleAsync(r => r.Code == helper.Value)).Name;
            HelpedCityName = (await db.Regions.SingleAsync(r => r.Code == helped.Value)).Name;
            break;
        }

        Assert.True(Office is not null, "The demo data has no 粤桂扶贫协作 pairing with both a member enterprise and a county poverty office.");
        var other = offices.First(o => o.RegionCode / 10_000_000_000 == 43);
        OtherCounty = await PlaceAsync(db, other.RegionCode!.Value);
        OtherCountyVillage = Place(await db.Regions.Where(r => r.Code > other.RegionCode && r.Code < other.RegionCode + 1_000_000 && r.Level == RegionLevel.Village).OrderBy(r => r.Code).FirstAsync());
        OtherOffice = other.Code;
        OtherDonor = (await db.Organizations.Where(o => o.Kind == OrganizationKind.PrivateEnterprise && o.Code != Enterprise).OrderBy(o => o.Id).FirstAsync()).Code;
    }

    /// <summary>A token of the local signer; a Donor's region does not matter, only its organisation.</summary>
    public string Token(string role, Place? region, string organization, string? name = null, string? subject = null) =>
        Token([role], region, organization, name, subject);

    public string Token(string[] roles, Place? region, string organization, string? name = null, string? subject = null) =>
        MintToken(roles, region?.ShortCode, organization, name, subject);

    public static int Unique() => Interlocked.Increment(ref _counter);

    /// <summary>A query that must succeed; returns its data.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? token = null)
    {
        var response = await GraphQLAsync(query, variables, token);
        Assert.True(response.Errors.Count == 0, $"query failed: {response}");
        return response.Data;
    }

    /// <summary>
    /// Changes stored data behind the API, to let time pass (a deadline or a confirmation date that went by). It advances
    /// the data version as an import would, and waits out the cache's version recheck, so that no cached answer is stale.
    /// </summary>
    public async Task ExecuteSqlAsync(FormattableString sql)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        await db.Database.ExecuteSqlAsync(sql);
        await db.DataVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1));
        await Task.Delay(TimeSpan.FromMilliseconds(1_500));
    }

    /// <summary>A money need of the test village (or another place), registered by the officer and submitted.</summary>
    public object NeedInput(long? amountFen = 1_000_000, long? quantity = null, string? unit = null, Place? village = null, string category = "EDUCATION", string priority = "NORMAL", int deadlineInDays = 60) => new
    {
        region = (village ?? Village).ShortCode,
        category,
        title = $"贫困家庭学生助学金（测试{Unique()}）",
        description = "资助本村12名建档立卡贫困家庭在校学生，每人每学期补助。",
        amountFen,
        quantity,
        unit,
        deadline = Day(Today.AddDays(deadlineInDays)),
        priority,
        submit = true,
    };

    /// <summary>Registers a need (submitted for review) and takes it to <paramref name="status"/>: PENDING_REVIEW, OPEN or REJECTED.</summary>
    public async Task<string> NeedAsync(string status = "OPEN", object? input = null, string? officer = null, string? reviewer = null)
    {
        var code = (await MutateOkAsync("registerNeed", input ?? NeedInput(), officer ?? Officer, "need { code }")).GetProperty("need").GetProperty("code").GetString()!;
        if (status == "OPEN")
        {
            await MutateOkAsync("reviewNeed", new { need = code, decision = "APPROVE" }, reviewer ?? Reviewer);
        }
        else if (status == "REJECTED")
        {
            await MutateOkAsync("reviewNeed", new { need = code, decision = "REJECT", reason = "与已立项项目重复。" }, reviewer ?? Reviewer);
        }

        return code;
    }

    /// <summary>A pledge of the enterprise against <paramref name="need"/>; returns its code.</summary>
    public async Task<string> PledgeAsync(string need, long quantity, string kind = "MONEY", string? token = null, string? unit = null) =>
        (await MutateOkAsync("pledge", new { need, kind, quantity, unit }, token ?? Donor, "pledge { code }")).GetProperty("pledge").GetProperty("code").GetString()!;

    /// <summary>Records a delivery of a confirmed pledge; returns the delivery's global ID.</summary>
    public async Task<string> DeliverAsync(string pledge, long quantity, string? token = null) =>
        (await MutateOkAsync("recordDelivery", new { pledge, quantity, deliveredOn = Day(Today), evidence = "银行回单，村委会已核对到账。" }, token ?? Donor, "delivery { id }"))
            .GetProperty("delivery").GetProperty("id").GetString()!;

    private static async Task<Place> PlaceAsync(OpenAidDbContext db, long code) => Place(await db.Regions.SingleAsync(r => r.Code == code));

    private static Place Place(Region region) => new(region.Code, region.RegionCode.ShortForm, region.Name);
}

/// <summary>One marketplace server for every marketplace test class; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedMarketplaceServer : ICollectionFixture<MarketplaceServer>
{
    public const string Name = "Marketplace API server";
}

/// <summary>Assertions on payload errors.</summary>
public static class Payloads
{
    public static void AssertError(JsonElement payload, string code, string? field)
    {
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count == 1, $"expected one error {code}, got {payload}");
        Assert.Equal(code, errors[0].GetProperty("code").GetString());
        Assert.Equal(field, errors[0].GetProperty("field").GetString());
    }

    public static string Text(this JsonElement element, params string[] path) => Walk(element, path).GetString()!;

    public static long Number(this JsonElement element, params string[] path) => Walk(element, path).GetInt64();

    public static JsonElement Walk(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element;
    }
}
