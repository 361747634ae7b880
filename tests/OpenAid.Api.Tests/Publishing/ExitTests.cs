using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// Exits over HTTP: proposal on figures that meet the criteria (which publishes the EXIT notice), confirmation after the
/// notice period and only without open or upheld objections, withdrawal with a reason, and who may do each.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class ExitTests(PublishingServer server)
{
    private const string ExitFields = """
        code status year level proposedOn noticePeriodEndsOn confirmedOn withdrawalReason responsibleRole verifyingLevel
        region { shortCode povertyStatus actualExitYear }
        verifyingOrganization { code }
        notice { code kind status withdrawalReason exit { code } }
        assessment { year met checks { threshold required actual passed source } figures { population poorPeople povertyIncidencePercent } }
        """;

    private Samples Samples => server.Samples;

    private static string Error(JsonElement payload) => payload.GetProperty("errors")[0].GetProperty("code").GetString()!;

    private async Task<JsonElement> ProposeAsync(Place village, string? token = null) =>
        (await server.MutateOkAsync("proposeExit", Samples.ProposeExitInput(village), token ?? Samples.Publisher, $"exit {{ {ExitFields} }}")).GetProperty("exit");

    private async Task<JsonElement> ExitAsync(string code) =>
        (await server.GraphQLAsync($"query($code: String!) {{ exit(code: $code) {{ {ExitFields} }} }}", new { code })).Get("data", "exit");

    [Fact]
    public async Task A_proposal_publishes_its_exit_notice_linked_both_ways_with_the_assessment_stored()
    {
        var village = await Samples.ExitableVillageAsync();

        var exit = await ProposeAsync(village);

        var code = exit.GetProperty("code").GetString()!;
        Assert.StartsWith($"TC-{server.County.ShortCode}-", code, StringComparison.Ordinal);
        Assert.Equal(("PROPOSED", Samples.Year - 1, "VILLAGE", "COUNTY"), (exit.GetProperty("status").GetString(), exit.GetProperty("year").GetInt32(), exit.GetProperty("level").GetString(), exit.GetProperty("verifyingLevel").GetString()));
        Assert.Equal(PublishingServer.Day(PublishingServer.Today.AddDays(10)), exit.GetProperty("noticePeriodEndsOn").GetString());
        var notice = exit.GetProperty("notice");
        Assert.Equal(("EXIT", "PUBLISHED", code), (notice.GetProperty("kind").GetString(), notice.GetProperty("status").GetString(), notice.GetProperty("exit").GetProperty("code").GetString()));
        var assessment = exit.GetProperty("assessment");
        Assert.True(assessment.GetProperty("met").GetBoolean());
        var check = assessment.GetProperty("checks")[0];
        Assert.Equal(("POVERTY_INCIDENCE", "2.00", "1.00", true), (check.GetProperty("threshold").GetString(), check.GetProperty("required").GetString(), check.GetProperty("actual").GetString(), check.GetProperty("passed").GetBoolean()));
        Assert.StartsWith("国家标准（《关于建立贫困退出机制的意见》）", check.GetProperty("source").GetString(), StringComparison.Ordinal);

        // The notice page reaches the exit; the village lists it; the list filters find it.
        var read = await server.GraphQLAsync(
            "query($n: String!, $v: String!) { notice(code: $n) { body exit { code } } region(code: $v) { exits { code } } exits(region: $v, status: PROPOSED) { totalCount nodes { code } } }",
            new { n = notice.GetProperty("code").GetString(), v = village.ShortCode });
        Assert.Equal(code, read.Get("data", "notice", "exit", "code").GetString());
        Assert.Contains("县扶贫开发领导小组组长", read.Get("data", "notice", "body").GetString(), StringComparison.Ordinal);
        Assert.Equal(code, read.Get("data", "region", "exits")[0].GetProperty("code").GetString());
        Assert.Equal(1, read.Get("data", "exits", "totalCount").GetInt32());

        // The stored assessment does not follow later corrections of the figures.
        await server.MutateOkAsync("recordVillageStatistics", new
        {
            region = village.ShortCode, year = Samples.Year - 1, population = 1000, poorPeople = 90, poorHouseholds = 30, collectiveIncomeFen = 0, perCapitaDisposableIncomeFen = 0,
        }, Samples.Publisher);
        Assert.Equal("1.00", (await ExitAsync(code)).GetProperty("assessment").GetProperty("figures").GetProperty("povertyIncidencePercent").GetString());
    }

    [Fact]
    public async Task Figures_that_miss_the_criteria_are_refused_naming_the_threshold_and_nothing_is_written()
    {
        var village = await Samples.ExitableVillageAsync(poorPeople: 30);
        var before = await server.WatermarkAsync();

        var payload = await server.MutateAsync("proposeExit", Samples.ProposeExitInput(village), Samples.Publisher, "exit { code }");

        Assert.Equal("EXIT_CRITERIA_NOT_MET", Error(payload));
        Assert.Contains(payload.GetProperty("errors")[0].GetProperty("params").EnumerateArray(), p => p.GetProperty("name").GetString() == "missed" && p.GetProperty("value").GetString() == "POVERTY_INCIDENCE");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task Only_a_poor_village_or_county_exits_and_only_once()
    {
        var township = await server.MutateAsync("proposeExit", Samples.ProposeExitInput(server.Township), Samples.Publisher, "exit { code }");
        Assert.Equal("EXIT_NOT_APPLICABLE", Error(township));

        var village = await Samples.ExitableVillageAsync();
        await server.ReadAsync(db => db.Regions.Where(r => r.Code == village.Code).ExecuteUpdateAsync(u => u.SetProperty(r => r.PovertyStatus, PovertyStatus.NotRegistered)));
        Assert.Equal("REGION_NOT_POOR", Error(await server.MutateAsync("proposeExit", Samples.ProposeExitInput(village), Samples.Publisher, "exit { code }")));

        var proposed = await Samples.ExitableVillageAsync();
        await ProposeAsync(proposed);
        Assert.Equal("EXIT_UNDER_WAY", Error(await server.MutateAsync("proposeExit", Samples.ProposeExitInput(proposed), Samples.Publisher, "exit { code }")));
    }

    [Fact]
    public async Task Confirmation_after_the_notice_period_exits_the_village_in_the_exit_year()
    {
        var code = await Samples.ExitAsync();
        Assert.Equal("EXIT_NOTICE_PERIOD_RUNNING", Error(await server.MutateAsync("confirmExit", new { exit = code }, Samples.Publisher)));

        await Samples.BackdateAsync(code, 11);
        var exit = (await server.MutateOkAsync("confirmExit", new { exit = code }, Samples.Publisher, $"exit {{ {ExitFields} }}")).GetProperty("exit");

        Assert.Equal(("CONFIRMED", Samples.Today), (exit.GetProperty("status").GetString(), exit.GetProperty("confirmedOn").GetString()));
        var region = exit.GetProperty("region");
        Assert.Equal(("EXITED", Samples.Year - 1), (region.GetProperty("povertyStatus").GetString(), region.GetProperty("actualExitYear").GetInt32()));

        var again = await server.MutateAsync("proposeExit", Samples.ProposeExitInput(new Place(0, region.GetProperty("shortCode").GetString()!, "")), Samples.Publisher, "exit { code }");
        Assert.Equal("REGION_NOT_POOR", Error(again));
        Assert.Equal("INVALID_TRANSITION", Error(await server.MutateAsync("confirmExit", new { exit = code }, Samples.Publisher)));
    }

    [Fact]
    public async Task An_open_objection_holds_the_exit_back_and_one_found_not_upheld_does_not()
    {
        var code = await Samples.ExitAsync();
        var notice = (await ExitAsync(code)).GetProperty("notice").GetProperty("code").GetString();
        var objection = (await server.MutateOkAsync("fileObjection", new { notice, category = "FAKE_EXIT", description = "贫困人口数据与实际不符。" }, null, "objection { code }"))
            .GetProperty("objection").GetProperty("code").GetString();
        await Samples.BackdateAsync(code, 11);

        Assert.Equal("EXIT_OBJECTION_OPEN", Error(await server.MutateAsync("confirmExit", new { exit = code }, Samples.Publisher)));

        await server.MutateOkAsync("startInvestigation", new { objection }, Samples.Reviewer);
        var answered = await server.MutateOkAsync("answerObjection", new { objection, answer = "经入户核查，数据属实。", finding = "NOT_UPHELD" }, Samples.Reviewer, "objection { finding }");
        Assert.Equal("NOT_UPHELD", answered.GetProperty("objection").GetProperty("finding").GetString());
        await server.MutateOkAsync("confirmExit", new { exit = code }, Samples.Publisher);
    }

    [Theory]
    [InlineData("UPHELD")]
    [InlineData("PARTLY_UPHELD")]
    public async Task An_upheld_objection_blocks_confirmation_and_the_exit_is_withdrawn_with_its_notice(string finding)
    {
        var code = await Samples.ExitAsync();
        var notice = (await ExitAsync(code)).GetProperty("notice").GetProperty("code").GetString();
        var objection = (await server.MutateOkAsync("fileObjection", new { notice, category = "FAKE_EXIT", description = "部分贫困户未达到脱贫标准。" }, null, "objection { code }"))
            .GetProperty("objection").GetProperty("code").GetString();
        await server.MutateOkAsync("startInvestigation", new { objection }, Samples.Reviewer);
        await server.MutateOkAsync("answerObjection", new { objection, answer = "经核查，反映情况属实。", finding }, Samples.Reviewer);
        await Samples.BackdateAsync(code, 11);

        Assert.Equal("EXIT_OBJECTION_UPHELD", Error(await server.MutateAsync("confirmExit", new { exit = code }, Samples.Publisher)));

        var exit = (await server.MutateOkAsync("withdrawExit", new { exit = code, reason = "异议属实，撤回退出。" }, Samples.Publisher, $"exit {{ {ExitFields} }}")).GetProperty("exit");
        Assert.Equal(("WITHDRAWN", "异议属实，撤回退出。"), (exit.GetProperty("status").GetString(), exit.GetProperty("withdrawalReason").GetString()));
        Assert.Equal(("WITHDRAWN", "异议属实，撤回退出。"), (exit.GetProperty("notice").GetProperty("status").GetString(), exit.GetProperty("notice").GetProperty("withdrawalReason").GetString()));
        Assert.Equal("POOR", exit.GetProperty("region").GetProperty("povertyStatus").GetString());
    }

    [Fact]
    public async Task The_notice_of_an_exit_is_neither_corrected_nor_withdrawn_on_its_own()
    {
        var code = await Samples.ExitAsync();
        var notice = (await ExitAsync(code)).GetProperty("notice").GetProperty("code").GetString()!;

        foreach (var (mutation, input) in new (string, object)[] { ("supersedeNotice", Samples.SupersedeInput(notice)), ("withdrawNotice", new { notice, reason = "公示有误。" }) })
        {
            var payload = await server.MutateAsync(mutation, input, Samples.Publisher, "errors { code field params { name value } }");
            Assert.Equal(("NOTICE_OF_AN_EXIT", "notice"), (Error(payload), payload.GetProperty("errors")[0].GetProperty("field").GetString()));
            Assert.Contains(payload.GetProperty("errors")[0].GetProperty("params").EnumerateArray(), p => p.GetProperty("name").GetString() == "exit" && p.GetProperty("value").GetString() == code);
        }

        var exit = await ExitAsync(code);
        Assert.Equal(("PROPOSED", "PUBLISHED"), (exit.GetProperty("status").GetString(), exit.GetProperty("notice").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_village_publisher_proposes_but_only_the_county_level_confirms_or_withdraws()
    {
        var villagePublisher = server.Token(Roles.Publisher, server.Village);
        var code = await Samples.ExitAfterPeriodAsync();

        foreach (var (mutation, input) in new (string, object)[] { ("confirmExit", new { exit = code }), ("withdrawExit", new { exit = code, reason = "撤回。" }) })
        {
            var before = await server.WatermarkAsync();
            Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync(mutation, input, villagePublisher, "__typename")).ErrorCodes);
            Assert.Equal(before, await server.WatermarkAsync());
        }

        var other = await server.SendMutationAsync("proposeExit", Samples.ProposeExitInput(await Samples.ExitableVillageAsync()), server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], other.ErrorCodes);
    }

    [Fact]
    public async Task A_county_is_assessed_on_its_county_wide_statistics_not_the_sum_of_its_villages()
    {
        var year = Samples.Year - 1;
        await server.MutateOkAsync("recordCountyStatistics", new
        {
            region = server.County.ShortCode, year, population = 400_000, poorPeople = 8_000, poorHouseholds = 2_500, ruralPerCapitaDisposableIncomeFen = 1_100_000,
        }, Samples.Publisher);

        var read = await server.GraphQLAsync(
            "query($c: String!, $y: Int!) { region(code: $c) { countyStatistics { year population } exitAssessment(year: $y) { met figures { population poorPeople povertyIncidencePercent perCapitaIncome { yuan } } } } }",
            new { c = server.County.ShortCode, y = year });

        var figures = read.Get("data", "region", "exitAssessment", "figures");
        Assert.Equal((400_000, 8_000, "2.00"), (figures.GetProperty("population").GetInt32(), figures.GetProperty("poorPeople").GetInt32(), figures.GetProperty("povertyIncidencePercent").GetString()));
        Assert.True(read.Get("data", "region", "exitAssessment", "met").GetBoolean());
        Assert.Contains(read.Get("data", "region", "countyStatistics").EnumerateArray(), s => s.GetProperty("year").GetInt32() == year);
    }
}

/// <summary>The confirm path with time moved, not dated back: the exit waits out its notice period day by day.</summary>
public sealed class ExitClockTests() : ClockedServerTests<PublishingServer>(clock => new PublishingServer(clock))
{
    [Fact]
    public async Task An_exit_is_confirmed_from_the_day_after_its_notice_period()
    {
        var code = await Server.Samples.ExitAsync();

        Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal("EXIT_NOTICE_PERIOD_RUNNING", (await Server.MutateAsync("confirmExit", new { exit = code }, Server.Samples.Publisher)).GetProperty("errors")[0].GetProperty("code").GetString());

        Clock.Advance(TimeSpan.FromDays(1));
        var exit = (await Server.MutateOkAsync("confirmExit", new { exit = code }, Server.Samples.Publisher, "exit { status region { povertyStatus } }")).GetProperty("exit");
        Assert.Equal(("CONFIRMED", "EXITED"), (exit.GetProperty("status").GetString(), exit.GetProperty("region").GetProperty("povertyStatus").GetString()));
    }
}
