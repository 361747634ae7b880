using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>recordVillageFacilities and recordMonitoring over HTTP: record, correct, refuse, and the public Region fields.</summary>
[Collection(SharedPublishingServer.Name)]
public class VillageFacilitiesTests(PublishingServer server)
{
    private const string FacilitiesSelection = "facilities { year mainProblemsSolved items { item present main } }";
    private const string MonitoringSelection = "monitoring { year peopleExited peopleRelapsed householdsMonitored fromVillages }";

    private static readonly string[] Main = ["HARDENED_ROAD", "POWER", "SAFE_WATER", "BROADBAND", "CLINIC", "CULTURE_ROOM", "SCHOOL_ACCESS"];

    private string Publisher => server.Token(Roles.Publisher);

    [Fact]
    public async Task A_publisher_records_and_corrects_a_checklist_and_anyone_reads_it()
    {
        var recorded = (await server.MutateOkAsync("recordVillageFacilities", new { region = server.Village.ShortCode, year = 2005, present = Main }, Publisher, FacilitiesSelection)).GetProperty("facilities");
        Assert.True(recorded.GetProperty("mainProblemsSolved").GetBoolean());

        var corrected = (await server.MutateOkAsync("recordVillageFacilities", new { region = server.Village.ShortCode, year = 2005, present = new[] { "POWER", "BUS_SERVICE" } }, Publisher, FacilitiesSelection)).GetProperty("facilities");
        Assert.False(corrected.GetProperty("mainProblemsSolved").GetBoolean());

        var read = await server.GraphQLAsync(
            "query($code: String!) { region(code: $code) { facilities(year: 2005) { year mainProblemsSolved items { item present main } } facilityYears } }",
            new { code = server.Village.ShortCode });
        var items = read.Get("data", "region", "facilities", "items").EnumerateArray().ToDictionary(i => i.GetProperty("item").GetString()!, i => (i.GetProperty("present").GetBoolean(), i.GetProperty("main").GetBoolean()));
        Assert.Equal(9, items.Count);
        Assert.Equal((true, true), items["POWER"]);
        Assert.Equal((true, false), items["BUS_SERVICE"]);
        Assert.Equal((false, true), items["HARDENED_ROAD"]);
        Assert.Contains(2005, read.Get("data", "region", "facilityYears").EnumerateArray().Select(y => y.GetInt32()));
    }

    /// <summary>Hunan's village exit requires the main infrastructure and public services solved: the year's checklist decides it.</summary>
    [Fact]
    public async Task A_Hunan_village_meets_its_exit_criterion_only_when_its_checklist_has_every_main_item()
    {
        var village = await server.ReadAsync(async db =>
        {
            var hunan = RegionCode.Of(430000000000);
            var found = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code > hunan.SubtreeStart && r.Code < hunan.SubtreeEnd).OrderBy(r => r.Code).FirstAsync();
            return new Place(found.Code, found.RegionCode.ShortForm, found.Name);
        });
        var publisher = server.Token(Roles.Publisher, village);
        var year = PublishingServer.Today.Year - 1;
        await server.MutateOkAsync("recordVillageStatistics", new
        {
            region = village.ShortCode, year, population = 1000, poorPeople = 10, poorHouseholds = 4, collectiveIncomeFen = 4_000_000, perCapitaDisposableIncomeFen = 1_200_000,
        }, publisher);

        async Task<(bool Met, JsonElement Check)> AssessAsync()
        {
            var assessment = (await server.GraphQLAsync(
                "query($code: String!, $year: Int!) { region(code: $code) { exitAssessment(year: $year) { met checks { threshold actual passed source } } } }",
                new { code = village.ShortCode, year })).Get("data", "region", "exitAssessment");
            var check = assessment.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("threshold").GetString() == "INFRASTRUCTURE_SOLVED");
            return (assessment.GetProperty("met").GetBoolean(), check);
        }

        await server.MutateOkAsync("recordVillageFacilities", new { region = village.ShortCode, year, present = Main.Skip(1).ToArray() }, publisher);
        var (metWithoutRoad, withoutRoad) = await AssessAsync();
        Assert.False(metWithoutRoad);
        Assert.False(withoutRoad.GetProperty("passed").GetBoolean());

        await server.MutateOkAsync("recordVillageFacilities", new { region = village.ShortCode, year, present = Main }, publisher);
        var (met, solved) = await AssessAsync();
        Assert.True(met, "incidence 1%, collective income ¥40,000 and every main item meet Hunan's village criterion");
        Assert.True(solved.GetProperty("passed").GetBoolean());
        Assert.Contains("湖南", solved.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_checklist_is_refused_above_village_level_outside_the_grant_and_in_the_future()
    {
        NoticeRulesTests.AssertError(await server.MutateAsync("recordVillageFacilities", new { region = server.Township.ShortCode, year = 2005, present = Main }, Publisher, FacilitiesSelection), "NOT_A_VILLAGE", "region");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordVillageFacilities", new { region = server.Village.ShortCode, year = PublishingServer.Today.Year + 1, present = Main }, Publisher, FacilitiesSelection), "INVALID_YEAR", "year");
        var foreign = await server.SendMutationAsync("recordVillageFacilities", new { region = server.Village.ShortCode, year = 2005, present = Main }, server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], foreign.ErrorCodes);
    }

    [Fact]
    public async Task Monitoring_counts_are_bounded_by_the_population_and_a_county_shows_its_villages_sum()
    {
        await server.MutateOkAsync("recordVillageStatistics", new
        {
            region = server.Village.ShortCode, year = 2006, population = 900, poorPeople = 40, poorHouseholds = 12, collectiveIncomeFen = 0, perCapitaDisposableIncomeFen = 900_000,
        }, Publisher);
        NoticeRulesTests.AssertError(
            await server.MutateAsync("recordMonitoring", new { region = server.Village.ShortCode, year = 2006, peopleExited = 901, peopleRelapsed = 0, householdsMonitored = 0 }, Publisher, MonitoringSelection),
            "INVALID_COUNT", "peopleExited");
        NoticeRulesTests.AssertError(
            await server.MutateAsync("recordMonitoring", new { region = server.Township.ShortCode, year = 2006, peopleExited = 1, peopleRelapsed = 0, householdsMonitored = 0 }, Publisher, MonitoringSelection),
            "NOT_VILLAGE_OR_COUNTY", "region");

        await server.MutateOkAsync("recordMonitoring", new { region = server.Village.ShortCode, year = 2006, peopleExited = 30, peopleRelapsed = 2, householdsMonitored = 5 }, Publisher, MonitoringSelection);
        var corrected = (await server.MutateOkAsync("recordMonitoring", new { region = server.Village.ShortCode, year = 2006, peopleExited = 28, peopleRelapsed = 3, householdsMonitored = 6 }, Publisher, MonitoringSelection)).GetProperty("monitoring");
        Assert.Equal(28, corrected.GetProperty("peopleExited").GetInt32());

        var county = await server.GraphQLAsync("query($code: String!) { region(code: $code) { monitoring { year peopleExited peopleRelapsed householdsMonitored fromVillages } } }", new { code = server.County.ShortCode });
        var summed = county.Get("data", "region", "monitoring").EnumerateArray().Single(m => m.GetProperty("year").GetInt32() == 2006);
        Assert.True(summed.GetProperty("fromVillages").GetBoolean());
        Assert.Equal(3, summed.GetProperty("peopleRelapsed").GetInt32());

        // The county's own counts take the place of the sum.
        await server.MutateOkAsync("recordMonitoring", new { region = server.County.ShortCode, year = 2006, peopleExited = 500, peopleRelapsed = 7, householdsMonitored = 90 }, Publisher);
        var own = (await server.GraphQLAsync("query($code: String!) { region(code: $code) { monitoring { year peopleRelapsed fromVillages } } }", new { code = server.County.ShortCode }))
            .Get("data", "region", "monitoring").EnumerateArray().Single(m => m.GetProperty("year").GetInt32() == 2006);
        Assert.Equal((7, false), (own.GetProperty("peopleRelapsed").GetInt32(), own.GetProperty("fromVillages").GetBoolean()));
    }

    [Fact]
    public async Task A_place_that_has_not_exited_keeps_no_continuation()
    {
        var read = await server.GraphQLAsync("query($code: String!) { region(code: $code) { povertyStatus policyContinuation { lastYear documentTitle } } }", new { code = server.Village.ShortCode });
        var region = read.Get("data", "region");
        Assert.Equal(region.GetProperty("povertyStatus").GetString() == "EXITED", region.GetProperty("policyContinuation").ValueKind == JsonValueKind.Object);
    }
}
