using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>recordMicrocredit over HTTP: record, correct by a new version, refuse, and the public sums by region and year.</summary>
[Collection(SharedPublishingServer.Name)]
public class MicrocreditTests(PublishingServer server)
{
    private const string Selection = "microcredit { code year version loansIssuedCount loansIssued { fen } outstandingBalance { fen } overdue { fen } overdueRatePercent interestSubsidy { fen } riskCompensationFund { fen } correctionReason isCurrent }";

    private string Publisher => server.Token(Roles.Publisher);

    /// <summary>Years before the demo data's and after the authorisation matrix's (2001 on).</summary>
    private static object Figures(string region, int year, long balanceFen = 1_000_000_000, long overdueFen = 5_000_000, string? correctionReason = null, int loans = 200) => new
    {
        region, year, loansIssuedCount = loans, loansIssuedFen = 1_000_000_000, outstandingBalanceFen = balanceFen, overdueFen,
        interestSubsidyFen = 30_000_000, riskCompensationFundFen = 100_000_000, correctionReason,
    };

    [Fact]
    public async Task A_county_publisher_records_and_corrects_and_the_old_version_stays_public()
    {
        var first = (await server.MutateOkAsync("recordMicrocredit", Figures(server.County.ShortCode, 2010), Publisher, Selection)).GetProperty("microcredit");
        Assert.Equal($"XD-{server.County.ShortCode}-2010-1", first.GetProperty("code").GetString());
        Assert.Equal("0.50", first.GetProperty("overdueRatePercent").GetString());

        // A second record of the year is a correction: it needs a reason.
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.County.ShortCode, 2010, overdueFen: 4_000_000), Publisher, Selection), "REQUIRED", "correctionReason");
        var second = (await server.MutateOkAsync("recordMicrocredit", Figures(server.County.ShortCode, 2010, overdueFen: 4_000_000, correctionReason: "逾期金额统计口径更正。"), Publisher, Selection)).GetProperty("microcredit");
        Assert.Equal((2, true, "逾期金额统计口径更正。"), (second.GetProperty("version").GetInt32(), second.GetProperty("isCurrent").GetBoolean(), second.GetProperty("correctionReason").GetString()));

        var county = (await server.GraphQLAsync(
            "query($code: String!) { region(code: $code) { microcredit(year: 2010) { year countiesReporting overdue { fen } } microcreditRecords { year version isCurrent overdue { fen } } } }",
            new { code = server.County.ShortCode })).Get("data", "region");
        Assert.Equal(4_000_000, county.GetProperty("microcredit").GetProperty("overdue").GetProperty("fen").GetInt64());
        var versions = county.GetProperty("microcreditRecords").EnumerateArray().Where(r => r.GetProperty("year").GetInt32() == 2010)
            .Select(r => (r.GetProperty("version").GetInt32(), r.GetProperty("isCurrent").GetBoolean(), r.GetProperty("overdue").GetProperty("fen").GetInt64())).ToList();
        Assert.Equal([(2, true, 4_000_000L), (1, false, 5_000_000L)], versions);
    }

    [Fact]
    public async Task Microcredit_is_refused_below_county_level_with_overdue_above_the_balance_negative_or_in_a_foreign_county()
    {
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.Village.ShortCode, 2011), Publisher, Selection), "NOT_A_COUNTY", "region");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.County.ShortCode, 2011, balanceFen: 1_000, overdueFen: 1_001), Publisher, Selection), "OVERDUE_EXCEEDS_BALANCE", "overdueFen");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.County.ShortCode, 2011, loans: -1), Publisher, Selection), "INVALID_COUNT", "loansIssuedCount");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.County.ShortCode, 2011, balanceFen: -1, overdueFen: 0), Publisher, Selection), "INVALID_AMOUNT", "outstandingBalanceFen");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.County.ShortCode, PublishingServer.Today.Year + 1), Publisher, Selection), "INVALID_YEAR", "year");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordMicrocredit", Figures(server.County.ShortCode, 2011, correctionReason: "更正。"), Publisher, Selection), "REASON_NOT_APPLICABLE", "correctionReason");
        var foreign = await server.SendMutationAsync("recordMicrocredit", Figures(server.County.ShortCode, 2011), server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], foreign.ErrorCodes);

        var county = await server.GraphQLAsync("query($code: String!) { region(code: $code) { microcredit(year: 2011) { year } } }", new { code = server.County.ShortCode });
        Assert.Equal(JsonValueKind.Null, county.Get("data", "region", "microcredit").ValueKind);
    }

    [Fact]
    public async Task A_province_shows_the_sum_of_its_counties_in_force_and_the_list_keeps_superseded_versions()
    {
        await server.MutateOkAsync("recordMicrocredit", Figures(server.County.ShortCode, 2012, balanceFen: 800_000_000, overdueFen: 8_000_000), Publisher, Selection);
        await server.MutateOkAsync("recordMicrocredit", Figures(server.County.ShortCode, 2012, balanceFen: 900_000_000, overdueFen: 9_000_000, correctionReason: "余额更正。"), Publisher, Selection);
        await server.MutateOkAsync("recordMicrocredit", Figures(server.OtherCounty.ShortCode, 2012, balanceFen: 100_000_000, overdueFen: 1_000_000), server.Token(Roles.Publisher, server.OtherCounty), Selection);

        // Each county once, as corrected; the province of each sums what is below it.
        var provinces = new[] { server.County.ShortCode[..2], server.OtherCounty.ShortCode[..2] }.Distinct().ToList();
        long expected = 0;
        foreach (var province in provinces)
        {
            var summary = (await server.GraphQLAsync(
                "query($region: String) { microcreditSummary(region: $region, year: 2012) { countiesReporting loansIssuedCount outstandingBalance { fen } overdue { fen } } }",
                new { region = province })).Get("data", "microcreditSummary");
            var viaRegion = (await server.GraphQLAsync("query($code: String!) { region(code: $code) { microcredit(year: 2012) { outstandingBalance { fen } } microcreditByYear { year } } }", new { code = province }))
                .Get("data", "region");
            Assert.Equal(summary.GetProperty("outstandingBalance").GetProperty("fen").GetInt64(), viaRegion.GetProperty("microcredit").GetProperty("outstandingBalance").GetProperty("fen").GetInt64());
            Assert.Contains(2012, viaRegion.GetProperty("microcreditByYear").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
            expected += summary.GetProperty("outstandingBalance").GetProperty("fen").GetInt64();
        }

        Assert.Equal(1_000_000_000, expected);
        var everywhere = (await server.GraphQLAsync("{ microcreditSummary(year: 2012) { countiesReporting loansIssuedCount overdue { fen } overdueRatePercent } }")).Get("data", "microcreditSummary");
        Assert.Equal((2, 400, 10_000_000L, "1.00"), (everywhere.GetProperty("countiesReporting").GetInt32(), everywhere.GetProperty("loansIssuedCount").GetInt32(), everywhere.GetProperty("overdue").GetProperty("fen").GetInt64(), everywhere.GetProperty("overdueRatePercent").GetString()));

        var inForce = await server.GraphQLAsync("{ microcreditRecords(year: 2012, first: 10) { totalCount } all: microcreditRecords(year: 2012, includeSuperseded: true, first: 10) { totalCount } }");
        Assert.Equal((2, 3), (inForce.Get("data", "microcreditRecords", "totalCount").GetInt32(), inForce.Get("data", "all", "totalCount").GetInt32()));
    }
}
