using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Api.Tests.Publishing;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.WorkTeams;

/// <summary>
/// The people on the ground over HTTP: a county Publisher assigns and ends a village's work team; who helps a village
/// shows its own pairings and those of the units above it; households' helpers are counted by unit; an organisation
/// lists the places it helps. Refusals are typed and write nothing.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class WorkTeamTests(PublishingServer server)
{
    private string Publisher => server.Token(Roles.Publisher);

    private string Admin => server.Token(Roles.Admin);

    /// <summary>A village of the test county without an active work team.</summary>
    private Task<Place> FreeVillageAsync() => server.ReadAsync(async db =>
    {
        var range = RegionCode.Of(server.County.Code);
        var village = await db.Regions
            .Where(r => r.Code > range.SubtreeStart && r.Code < range.SubtreeEnd && r.Level == RegionLevel.Village && !db.WorkTeams.Any(t => t.ActiveVillageCode == r.Code))
            .OrderByDescending(r => r.Code).FirstAsync();
        return new Place(village.Code, village.RegionCode.ShortForm, village.Name);
    });

    /// <summary>An organisation registered at province level, which may send a first secretary.</summary>
    private Task<string> ProvincialUnitAsync() => server.ReadAsync(async db =>
    {
        var province = server.County.Code / 10_000_000_000 * 10_000_000_000;
        return await db.Organizations.Where(o => o.RegionCode == province).OrderBy(o => o.Id).Select(o => o.Code).FirstAsync();
    });

    private static object Team(Place village, string organization, string? secretary = null, string? secretaryUnit = null, int size = 3, string[]? titles = null) => new
    {
        region = village.ShortCode, organization, startedOn = Samples.Today, plannedEndOn = PublishingServer.Day(PublishingServer.Today.AddYears(2)), size,
        firstSecretaryTitle = secretary, firstSecretaryOrganization = secretaryUnit, memberTitles = titles ?? ["队长", "队员（产业）"],
    };

    private const string TeamFields = "workTeam { code isActive size startedOn endedOn endReason memberTitles organization { code } village { code } firstSecretary { title organization { code } } }";

    private async Task RefusedAsync(object input, string code, string field)
    {
        var before = await server.WatermarkAsync();
        var payload = await server.MutateAsync("assignWorkTeam", input, Publisher);
        var errors = payload.GetProperty("errors");
        Assert.True(errors.GetArrayLength() == 1, payload.ToString());
        Assert.Equal((code, field), (errors[0].GetProperty("code").GetString(), errors[0].GetProperty("field").GetString()));
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task A_county_publisher_assigns_a_team_that_the_village_shows_and_ends_it_into_its_history()
    {
        var village = await FreeVillageAsync();
        var unit = await ProvincialUnitAsync();
        var assigned = (await server.MutateOkAsync("assignWorkTeam", Team(village, unit, "第一书记（省直单位派驻）"), Publisher, TeamFields)).GetProperty("workTeam");
        var code = assigned.GetProperty("code").GetString()!;
        Assert.StartsWith("ZC-", code, StringComparison.Ordinal);
        Assert.True(assigned.GetProperty("isActive").GetBoolean());
        Assert.Equal(unit, assigned.GetProperty("firstSecretary").GetProperty("organization").GetProperty("code").GetString());
        Assert.Equal(["队长", "队员（产业）"], assigned.GetProperty("memberTitles").EnumerateArray().Select(t => t.GetString()));

        var shown = await server.GraphQLAsync(
            "query($code: String!, $unit: String!) { region(code: $code) { workTeam { code } whoHelps { workTeam { code } assistingUnits { code } } } organization(code: $unit) { placesHelped(first: 100) { nodes { code } } } }",
            new { code = village.ShortCode, unit });
        Assert.True(shown.Errors.Count == 0, shown.ToString());
        Assert.Equal(code, shown.Get("data", "region", "workTeam", "code").GetString());
        Assert.Equal(code, shown.Get("data", "region", "whoHelps", "workTeam", "code").GetString());
        Assert.Contains(unit, shown.Get("data", "region", "whoHelps", "assistingUnits").EnumerateArray().Select(o => o.GetProperty("code").GetString()));
        Assert.Contains(village.Code.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), shown.Get("data", "organization", "placesHelped", "nodes").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        var ended = (await server.MutateOkAsync("endWorkTeam", new { workTeam = code, reason = "任期届满，工作队轮换。" }, Publisher, TeamFields)).GetProperty("workTeam");
        Assert.False(ended.GetProperty("isActive").GetBoolean());
        Assert.Equal(Samples.Today, ended.GetProperty("endedOn").GetString());

        var history = await server.GraphQLAsync("query($code: String!) { region(code: $code) { workTeam { code } workTeams { nodes { code endReason } } } }", new { code = village.ShortCode });
        Assert.Equal(JsonValueKind.Null, history.Get("data", "region", "workTeam").ValueKind);
        Assert.Contains(history.Get("data", "region", "workTeams", "nodes").EnumerateArray(), t => t.GetProperty("code").GetString() == code && t.GetProperty("endReason").GetString() == "任期届满，工作队轮换。");

        // The village is free again: a new team may follow.
        await server.MutateOkAsync("assignWorkTeam", Team(village, server.Office), Publisher);
    }

    [Fact]
    public async Task A_second_active_team_a_township_a_phone_in_a_title_and_a_county_first_secretary_are_refused()
    {
        var village = await FreeVillageAsync();
        await server.MutateOkAsync("assignWorkTeam", Team(village, server.Office), Publisher);

        await RefusedAsync(Team(village, server.Office), "WORK_TEAM_ACTIVE", "region");
        await RefusedAsync(Team(server.Township, server.Office), "NOT_A_VILLAGE", "region");
        var free = await FreeVillageAsync();
        await RefusedAsync(Team(free, await ProvincialUnitAsync(), "第一书记 13912345678"), "PERSONAL_DATA", "firstSecretaryTitle");
        await RefusedAsync(Team(free, server.Office, titles: ["队长 13912345678"]), "PERSONAL_DATA", "memberTitles[0]");
        await RefusedAsync(Team(free, server.Office, "第一书记（县扶贫办派驻）"), "FIRST_SECRETARY_UNIT_LEVEL", "organization");
        await RefusedAsync(Team(free, server.Office, size: 51), "INVALID_COUNT", "size");
    }

    [Fact]
    public async Task A_publisher_of_another_county_or_of_the_village_itself_may_not_assign_or_end()
    {
        var village = await FreeVillageAsync();
        var other = server.Token(Roles.Publisher, server.OtherCounty);
        var villagePublisher = server.MintToken([Roles.Publisher], village.ShortCode, server.Office, subject: "test-village-publisher");
        var before = await server.WatermarkAsync();
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("assignWorkTeam", Team(village, server.Office), other, "__typename")).ErrorCodes);
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("assignWorkTeam", Team(village, server.Office), villagePublisher, "__typename")).ErrorCodes);
        Assert.Equal(before, await server.WatermarkAsync());

        var code = (await server.MutateOkAsync("assignWorkTeam", Team(village, server.Office), Publisher, "workTeam { code }")).GetProperty("workTeam").GetProperty("code").GetString();
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("endWorkTeam", new { workTeam = code, reason = "调整。" }, other, "__typename")).ErrorCodes);
    }

    [Fact]
    public async Task Who_helps_a_village_shows_its_own_pairing_and_those_of_its_county_and_city_with_their_level()
    {
        var village = await FreeVillageAsync();
        var program = $"WT{Samples.Unique()}";
        await server.MutateOkAsync("createProgram", new { code = program, name = $"测试协作{program}", kind = "EAST_WEST_COOPERATION", description = "东西部协作。", startYear = 2016 }, Admin);
        async Task<string> PairAsync(string helped, object helper) =>
            (await server.MutateOkAsync("createPairing", Merge(new { program, helpedRegion = helped, startYear = 2016, yearlyPlan = "产业合作、劳务协作。", yearlyBudgetFen = 0 }, helper), Admin, "pairing { code }"))
                .GetProperty("pairing").GetProperty("code").GetString()!;
        var city = await PairAsync(server.County.ShortCode[..4], new { helperRegion = "4401" });
        var county = await PairAsync(server.County.ShortCode, new { helperOrganization = server.OtherOffice });
        var own = await PairAsync(village.ShortCode, new { helperOrganization = server.OtherOffice });

        var response = await server.GraphQLAsync(
            "query($code: String!) { region(code: $code) { whoHelps { pairings { level inherited pairing { code } } assistingUnits { code } } } }", new { code = village.ShortCode });
        Assert.True(response.Errors.Count == 0, response.ToString());
        var pairings = response.Get("data", "region", "whoHelps", "pairings").EnumerateArray()
            .ToDictionary(p => p.GetProperty("pairing").GetProperty("code").GetString()!, p => (p.GetProperty("level").GetString(), p.GetProperty("inherited").GetBoolean()));
        Assert.Equal(("VILLAGE", false), pairings[own]);
        Assert.Equal(("COUNTY", true), pairings[county]);
        Assert.Equal(("CITY", true), pairings[city]);
        var levels = response.Get("data", "region", "whoHelps", "pairings").EnumerateArray().Select(p => p.GetProperty("level").GetString()).ToList();
        Assert.Equal("VILLAGE", levels[0]);
        Assert.Contains(server.OtherOffice, response.Get("data", "region", "whoHelps", "assistingUnits").EnumerateArray().Select(o => o.GetProperty("code").GetString()));

        // A county sees its city's pairing too, not the village's.
        var above = await server.GraphQLAsync("query($code: String!) { region(code: $code) { whoHelps { pairings { pairing { code } } } } }", new { code = server.County.ShortCode });
        var codes = above.Get("data", "region", "whoHelps", "pairings").EnumerateArray().Select(p => p.GetProperty("pairing").GetProperty("code").GetString()).ToList();
        Assert.Contains(city, codes);
        Assert.DoesNotContain(own, codes);
    }

    [Fact]
    public async Task Households_helpers_are_counted_by_unit_summed_above_and_corrected()
    {
        var village = await FreeVillageAsync();
        var year = Samples.Year;
        var unit = await ProvincialUnitAsync();
        await server.MutateOkAsync("recordHouseholdHelpers", new { region = village.ShortCode, year, counts = new object[] { new { organization = unit, households = 30 }, new { organization = server.Office, households = 12 } } }, Publisher);
        const string Query = "query($code: String!, $year: Int!) { region(code: $code) { householdHelpers(year: $year) { households units { households organization { code } } } } }";
        var counted = await server.GraphQLAsync(Query, new { code = village.ShortCode, year });
        Assert.Equal(42, counted.Get("data", "region", "householdHelpers", "households").GetInt32());
        Assert.Equal(unit, counted.Get("data", "region", "householdHelpers", "units")[0].GetProperty("organization").GetProperty("code").GetString());
        var county = await server.GraphQLAsync(Query, new { code = server.County.ShortCode, year });
        Assert.True(county.Get("data", "region", "householdHelpers", "households").GetInt32() >= 42);

        await server.MutateOkAsync("recordHouseholdHelpers", new { region = village.ShortCode, year, counts = new object[] { new { organization = unit, households = 35 } } }, Publisher);
        var corrected = await server.GraphQLAsync(Query, new { code = village.ShortCode, year });
        Assert.Equal(35, corrected.Get("data", "region", "householdHelpers", "households").GetInt32());
        Assert.Equal(1, corrected.Get("data", "region", "householdHelpers", "units").GetArrayLength());

        var refused = await server.MutateAsync("recordHouseholdHelpers", new { region = village.ShortCode, year, counts = new object[] { new { organization = unit, households = 1 }, new { organization = unit, households = 2 } } }, Publisher);
        Assert.Equal("DUPLICATE_UNIT", refused.GetProperty("errors")[0].GetProperty("code").GetString());
        var foreign = await server.SendMutationAsync("recordHouseholdHelpers", new { region = village.ShortCode, year, counts = new object[] { new { organization = unit, households = 1 } } }, server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], foreign.ErrorCodes);
    }

    private static Dictionary<string, object?> Merge(object a, object b) =>
        JsonSerializer.SerializeToElement(a).EnumerateObject().Concat(JsonSerializer.SerializeToElement(b).EnumerateObject())
            .ToDictionary(p => p.Name, p => (object?)p.Value);
}
