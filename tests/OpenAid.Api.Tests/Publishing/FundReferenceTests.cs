using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// What the money a publisher records may say, over HTTP: a fund's money stays within what the fund allocated to the
/// project, allocations past a project's budget are made with a warning, and no write takes a total past what a 64-bit
/// sum holds, so public sums never fail.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class FundReferenceTests(PublishingServer server)
{
    private Samples Samples => server.Samples;

    [Fact]
    public async Task Allocations_past_a_projects_budget_are_made_with_a_warning()
    {
        var project = await Samples.ProjectAsync(); // budget 500,000 fen
        var (first, second) = (await Samples.FundAsync(), await Samples.FundAsync());

        var within = await AllocateAsync(first, project, 400_000);
        var past = await AllocateAsync(second, project, 100_001);

        Assert.Equal(0, within.GetProperty("warnings").GetArrayLength());
        Assert.Equal(100_001, past.GetProperty("allocation").GetProperty("amount").GetProperty("fen").GetInt64());
        var warning = Assert.Single(past.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("OVER_BUDGET", "amountFen"), (warning.GetProperty("code").GetString(), warning.GetProperty("field").GetString()));
        Assert.Contains(project, warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, past.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task A_refused_write_carries_no_warnings()
    {
        var payload = await server.MutateAsync(
            "allocateFund", new { fund = await Samples.FundAsync(1_000), project = await Samples.ProjectAsync(), amountFen = 1_001, decidedOn = Samples.Today },
            Samples.Publisher, "warnings { code }");

        Assert.Equal(("AMOUNT_EXCEEDS_FUND", 0), (payload.GetProperty("errors")[0].GetProperty("code").GetString(), payload.GetProperty("warnings").GetArrayLength()));
    }

    [Fact]
    public async Task Money_from_a_fund_is_recorded_only_for_a_project_it_was_allocated_to_and_within_the_allocation()
    {
        var (project, fund, other) = (await Samples.ProjectAsync(), await Samples.FundAsync(), await Samples.FundAsync());
        await AllocateAsync(fund, project, 10_000);

        Assert.Equal([], await CommitAsync(project, fund, 10_000));
        Assert.Equal(["EXCEEDS_ALLOCATION:amountFen"], await CommitAsync(project, fund, 1));
        Assert.Equal(["FUND_NOT_ALLOCATED:fund"], await CommitAsync(project, other, 1));
        Assert.Equal(["PROVIDER_ELSEWHERE:providerRegion"], await CommitAsync(project, null, 1, providerRegion: server.County.ShortCode));
    }

    [Fact]
    public async Task No_write_takes_a_total_past_what_a_sum_can_hold_and_public_sums_never_fail()
    {
        // An import left the year's commitments just short of the largest 64-bit sum.
        var total = await server.ReadAsync(db => db.Transactions.SumAsync(t => t.AmountFen));
        var imported = long.MaxValue - total - 10_000_000_000_000;
        var code = $"JY-IMPORT-{Samples.Unique()}";
        await server.ReadAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO Transactions (Code, Kind, AmountFen, Date, FiscalYear, SourceType, ReceiverRegionCode, Description, IsDemo) VALUES ({code}, 2, {imported}, {Samples.Today}, {Samples.Year}, 4, {server.County.Code}, '导入的资金计划。', 0)"));
        // Rows written around the app forget the running totals, as the bulk writer does, so the next write sums again.
        await server.ReadAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM ColumnTotals"));
        try
        {
            var project = await Samples.ProjectAsync();
            var before = await server.WatermarkAsync();

            var refused = await CommitAsync(project, null, Fields.MaxAmountFen);

            Assert.Equal(["TOTAL_TOO_LARGE:amountFen"], refused);
            Assert.Equal(before, await server.WatermarkAsync());
            var summary = await server.GraphQLAsync($"{{ moneySummary(kind: COMMITMENT, year: {Samples.Year}) {{ amount {{ fen }} }} }}");
            Assert.True(summary.Errors.Count == 0, summary.ToString());
        }
        finally
        {
            await server.ReadAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM Transactions WHERE Code = {code}"));
            await server.ReadAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM ColumnTotals"));
        }
    }

    [Fact]
    public async Task The_running_total_a_write_checks_is_the_columns_sum_after_writes()
    {
        var project = await Samples.ProjectAsync();
        foreach (var amount in new[] { 1_000L, 25_000L, 7L })
        {
            Assert.Equal([], await CommitAsync(project, null, amount));
        }

        var running = await server.ReadAsync(db => db.ColumnTotals.SingleAsync(t => t.Name == "MoneyTransaction.AmountFen"));
        Assert.Equal(await server.ReadAsync(db => db.Transactions.SumAsync(t => t.AmountFen)), running.TotalFen);
    }

    private async Task<JsonElement> AllocateAsync(string fund, string project, long amountFen) =>
        await server.MutateOkAsync(
            "allocateFund", new { fund, project, amountFen, decidedOn = Samples.Today }, Samples.Publisher, "allocation { amount { fen } } warnings { code message field }");

    private async Task<List<string>> CommitAsync(string project, string? fund, long amountFen, string? providerRegion = null)
    {
        var payload = await server.MutateAsync(
            "recordTransaction",
            new { kind = "COMMITMENT", amountFen, date = Samples.Today, project, fund, providerRegion, description = "签订施工合同。" },
            Samples.Publisher);
        return [.. payload.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("code").GetString()}:{e.GetProperty("field").GetString()}")];
    }
}
