using System.Text.Json;
using static OpenAid.Api.Tests.Publishing.NoticeRulesTests;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>Bad input of every kind is a typed payload error naming the field, and nothing is written.</summary>
[Collection(SharedPublishingServer.Name)]
public class BadInputTests(PublishingServer server)
{
    private Samples Samples => server.Samples;

    private string Publisher => Samples.Publisher;

    // 0 is a county block fed by transfers (FundChainTests); a province's fund must bring money (domain FundTests).
    [Theory]
    [InlineData(-100L)]
    [InlineData(100_000_000_000_001L)]
    public async Task Fund_amounts_must_be_positive_and_within_the_limit(long amountFen)
    {
        await RefusedAsync("createFund", Samples.FundInput(amountFen), "INVALID_AMOUNT", "amountFen");
    }

    [Fact]
    public async Task A_document_number_is_unique_within_a_fiscal_year()
    {
        var number = $"测财农〔{Samples.Year}〕{Samples.Unique()}号";
        await server.MutateOkAsync("createFund", Samples.FundInput(documentNumber: number), Publisher, "fund { code }");

        await RefusedAsync("createFund", Samples.FundInput(documentNumber: number), "DUPLICATE_DOCUMENT_NUMBER", "documentNumber");
    }

    [Fact]
    public async Task Allocations_never_exceed_the_fund_and_amounts_are_positive()
    {
        var fund = await Samples.FundAsync(100_000);
        var project = await Samples.ProjectAsync();
        await server.MutateOkAsync("allocateFund", new { fund, project, amountFen = 60_000, decidedOn = Samples.Today }, Publisher, "allocation { id }");

        await RefusedAsync("allocateFund", new { fund, project, amountFen = 40_001, decidedOn = Samples.Today }, "AMOUNT_EXCEEDS_FUND", "amountFen");
        await RefusedAsync("allocateFund", new { fund, project, amountFen = 0, decidedOn = Samples.Today }, "INVALID_AMOUNT", "amountFen");
    }

    [Fact]
    public async Task Disbursements_never_exceed_commitments()
    {
        var project = await Samples.ProjectAsync();
        await server.MutateOkAsync("recordTransaction", new { kind = "COMMITMENT", amountFen = 10_000, date = Samples.Today, project, description = "签订合同。" }, Publisher, "transaction { code }");

        await RefusedAsync("recordTransaction", new { kind = "DISBURSEMENT", amountFen = 10_001, date = Samples.Today, project, description = "拨付工程款。" }, "DISBURSEMENT_EXCEEDS_COMMITMENT", "amountFen");
    }

    [Theory]
    [InlineData("allocateFund", "fund")]
    [InlineData("allocateFund", "project")]
    [InlineData("moveProject", "project")]
    [InlineData("publishNotice", "notice")]
    [InlineData("withdrawNotice", "notice")]
    [InlineData("fileObjection", "notice")]
    [InlineData("startInvestigation", "objection")]
    [InlineData("createProject", "implementingOrganization")]
    [InlineData("draftNotice", "projects")]
    public async Task Unknown_references_are_refused_naming_the_field(string mutation, string field)
    {
        var input = mutation switch
        {
            "allocateFund" => new Dictionary<string, object?> { ["fund"] = await Samples.FundAsync(), ["project"] = await Samples.ProjectAsync(), ["amountFen"] = 100, ["decidedOn"] = Samples.Today },
            "moveProject" => new Dictionary<string, object?> { ["to"] = "APPROVED" },
            "withdrawNotice" => new Dictionary<string, object?> { ["reason"] = "撤回。" },
            "fileObjection" => new Dictionary<string, object?> { ["category"] = "OTHER", ["description"] = "有问题。" },
            "createProject" => With(Samples.ProjectInput(), "region", server.Village.ShortCode),
            "draftNotice" => With(Samples.NoticeInput(server.Village), "projects", Array.Empty<string>()),
            _ => new Dictionary<string, object?>(),
        };
        input[field] = field == "projects" ? new[] { "XM-000000-1999-0001" } : "NO-SUCH-CODE";

        await RefusedAsync(mutation, input, "NOT_FOUND", field, Token(mutation));
    }

    [Fact]
    public async Task An_unknown_region_is_refused_naming_the_field()
    {
        await RefusedAsync("createProject", With(Samples.ProjectInput(), "region", "459999"), "REGION_NOT_FOUND", "region");
        await RefusedAsync("createProject", With(Samples.ProjectInput(), "region", "45x"), "INVALID_REGION_CODE", "region");
    }

    [Fact]
    public async Task Planned_dates_out_of_order_are_refused()
    {
        var input = Samples.ProjectInput(plannedStart: Samples.Today, plannedEnd: PublishingServer.Day(PublishingServer.Today.AddDays(-1)));

        await RefusedAsync("createProject", input, "DATES_OUT_OF_ORDER", "plannedEnd");
    }

    [Fact]
    public async Task A_project_moves_one_step_at_a_time_with_its_actual_dates_in_order()
    {
        var project = await Samples.ProjectAsync();
        await RefusedAsync("moveProject", new { project, to = "IMPLEMENTING" }, "INVALID_TRANSITION", "to");
        await RefusedAsync("moveProject", new { project, to = "CLOSED" }, "INVALID_TRANSITION", "to");
        await RefusedAsync("moveProject", new { project, to = "APPROVED", reason = "无需理由。" }, "REASON_NOT_APPLICABLE", "reason");
        await RefusedAsync("moveProject", new { project, to = "APPROVED", on = PublishingServer.Day(PublishingServer.Today.AddDays(1)) }, "INVALID_DATE", "on");

        await server.MutateOkAsync("moveProject", new { project, to = "APPROVED" }, Publisher, Samples.Selection);
        var started = PublishingServer.Today.AddDays(-10);
        var implementing = await server.MutateOkAsync("moveProject", new { project, to = "IMPLEMENTING", on = PublishingServer.Day(started) }, Publisher, "project { status actualStart actualEnd }");
        Assert.Equal(PublishingServer.Day(started), implementing.GetProperty("project").GetProperty("actualStart").GetString());

        await RefusedAsync("moveProject", new { project, to = "ACCEPTED", on = PublishingServer.Day(started.AddDays(-1)) }, "DATES_OUT_OF_ORDER", "on");
        var accepted = await server.MutateOkAsync("moveProject", new { project, to = "ACCEPTED" }, Publisher, "project { status actualStart actualEnd }");
        Assert.Equal(Samples.Today, accepted.GetProperty("project").GetProperty("actualEnd").GetString());
        await RefusedAsync("moveProject", new { project, to = "CANCELLED", reason = "太迟了。" }, "INVALID_TRANSITION", "to");
    }

    [Fact]
    public async Task A_cancellation_needs_a_reason_and_is_final()
    {
        var project = await Samples.ProjectAsync("APPROVED");
        await RefusedAsync("moveProject", new { project, to = "CANCELLED" }, "REQUIRED", "reason");

        var cancelled = await server.MutateOkAsync("moveProject", new { project, to = "CANCELLED", reason = "选址调整，项目取消。" }, Publisher, "project { status cancellationReason }");

        Assert.Equal("CANCELLED", cancelled.GetProperty("project").GetProperty("status").GetString());
        Assert.Equal("选址调整，项目取消。", cancelled.GetProperty("project").GetProperty("cancellationReason").GetString());
        await RefusedAsync("moveProject", new { project, to = "IMPLEMENTING" }, "INVALID_TRANSITION", "to");
    }

    [Fact]
    public async Task Project_results_are_counts_of_zero_or_more_for_targets_the_project_has()
    {
        var inLibrary = await Samples.ProjectAsync();
        var project = await Samples.ProjectAsync("IMPLEMENTING");
        await RefusedAsync("recordProjectResults", new { project = inLibrary, beneficiaryHouseholds = 1, beneficiaryPeople = 3 }, "INVALID_STATE", "project");
        await RefusedAsync("recordProjectResults", new { project, beneficiaryHouseholds = -1 }, "INVALID_COUNT", "beneficiaryHouseholds");
        await RefusedAsync("recordProjectResults", new { project, beneficiaryPeople = 20_000_000 }, "INVALID_COUNT", "beneficiaryPeople");
        await RefusedAsync("recordProjectResults", new { project, beneficiaryHouseholds = 10, beneficiaryPeople = 9 }, "COUNTS_INCONSISTENT", "beneficiaryPeople");
        await RefusedAsync("recordProjectResults", new { project, actuals = new[] { new { indicator = "不存在的指标", actual = 1 } } }, "TARGET_NOT_FOUND", "actuals.indicator");
        await RefusedAsync("recordProjectResults", new { project }, "NOTHING_TO_RECORD", null);

        var recorded = await server.MutateOkAsync(
            "recordProjectResults",
            new { project, beneficiaryHouseholds = 0, beneficiaryPeople = 0, actuals = new[] { new { indicator = "新建道路长度", actual = 2.5m } } },
            Publisher,
            "project { beneficiaryHouseholds beneficiaryPeople targets { indicator actual } }");

        Assert.Equal(0, recorded.GetProperty("project").GetProperty("beneficiaryHouseholds").GetInt32());
        Assert.Equal(2.5m, recorded.GetProperty("project").GetProperty("targets")[0].GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Village_statistics_are_counts_for_a_village_that_add_up()
    {
        object Figures(string region, int year = 2019, int population = 1000, int poorPeople = 100, int poorHouseholds = 30, long income = 0) =>
            new { region, year, population, poorPeople, poorHouseholds, collectiveIncomeFen = income, perCapitaDisposableIncomeFen = 900_000 };
        var village = server.Village.ShortCode;

        await RefusedAsync("recordVillageStatistics", Figures(server.Township.ShortCode), "NOT_A_VILLAGE", "region");
        await RefusedAsync("recordVillageStatistics", Figures(village, year: Samples.Year + 1), "INVALID_YEAR", "year");
        await RefusedAsync("recordVillageStatistics", Figures(village, population: -1), "INVALID_COUNT", "population");
        await RefusedAsync("recordVillageStatistics", Figures(village, poorPeople: 1001), "INVALID_COUNT", "poorPeople");
        await RefusedAsync("recordVillageStatistics", Figures(village, poorHouseholds: 101), "INVALID_COUNT", "poorHouseholds");
        await RefusedAsync("recordVillageStatistics", Figures(village, income: -1), "INVALID_AMOUNT", "collectiveIncomeFen");

        await server.MutateOkAsync("recordVillageStatistics", Figures(village), Publisher, "statistics { year }");
        var corrected = await server.MutateOkAsync("recordVillageStatistics", Figures(village, poorPeople: 90), Publisher, "statistics { year poorPeople povertyIncidencePercent }");

        Assert.Equal("9.00", corrected.GetProperty("statistics").GetProperty("povertyIncidencePercent").GetString());
        var stored = await server.GraphQLAsync("query($c: String!) { region(code: $c) { statistics { year poorPeople } } }", new { c = village });
        Assert.Equal(90, stored.Get("data", "region", "statistics").EnumerateArray().Single(s => s.GetProperty("year").GetInt32() == 2019).GetProperty("poorPeople").GetInt32());
    }

    [Fact]
    public async Task A_decision_date_in_the_future_is_refused()
    {
        var project = await Samples.ProjectAsync();

        await RefusedAsync("draftNotice", Samples.NoticeInput(server.Village, decidedOn: PublishingServer.Day(PublishingServer.Today.AddDays(1)), projects: [project]), "INVALID_DATE", "decidedOn");
    }

    private string? Token(string mutation) => mutation switch
    {
        "fileObjection" => null,
        "startInvestigation" => Samples.Reviewer,
        _ => Publisher,
    };

    private async Task RefusedAsync(string mutation, object input, string code, string? field, string? token = null)
    {
        var before = await server.WatermarkAsync();

        var payload = await server.MutateAsync(mutation, input, token ?? Token(mutation), Samples.Selection);

        AssertError(payload, code, field);
        Assert.Equal(before, await server.WatermarkAsync());
    }
}
