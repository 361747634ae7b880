using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Api.Tests.PublicApi;
using OpenAid.Data;
using OpenAid.Data.Summaries;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The money summary against a full recomputation: random writes through the API (accepted and refused) keep it equal
/// to a GROUP BY over the transactions, the rebuild restores it whatever it held, and the money fields read it.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class MoneySummaryTests(PublishingServer server)
{
    private const string Fields = "kind sourceType year count amount { fen }";

    private Samples Samples => server.Samples;

    [Fact]
    public async Task Random_writes_keep_the_summary_equal_to_a_recomputation_and_the_rebuild_restores_it()
    {
        AssertSummaryMatches(); // the demo seed rebuilt it after its bulk insert
        var random = new Random(20261203);
        var places = new[] { server.Village, server.Township, server.County };
        var fund = await Samples.FundAsync(50_000_000);
        var projects = new List<string>();
        var (accepted, refused) = (0, 0);
        for (var step = 0; step < 40; step++)
        {
            if (projects.Count == 0 || random.Next(5) == 0)
            {
                var project = await Samples.ProjectAsync("APPROVED", places[random.Next(places.Length)]);
                await server.MutateOkAsync("allocateFund", new { fund, project, amountFen = 400_000, decidedOn = PublishingServer.Day(PublishingServer.Today) }, Samples.Publisher);
                projects.Add(project);
            }

            // Kinds in random order, so that some exceed what came before them and are refused (and must leave no trace).
            var kind = ((string[])["COMMITMENT", "DISBURSEMENT", "EXPENDITURE", "INCOMING_FUNDS"])[random.Next(4)];
            var date = PublishingServer.Day(PublishingServer.Today.AddDays(-random.Next(3 * 365)));
            var input = new Dictionary<string, object?>
            {
                ["kind"] = kind,
                ["amountFen"] = random.Next(1, 200_000),
                ["date"] = date,
                ["project"] = projects[random.Next(projects.Count)],
                ["description"] = "拨付工程款。",
            };
            if (random.Next(2) == 0)
            {
                input["fund"] = fund;
            }

            var payload = await server.MutateAsync("recordTransaction", input, Samples.Publisher, "transaction { code }");
            (accepted, refused) = payload.GetProperty("errors").GetArrayLength() == 0 ? (accepted + 1, refused) : (accepted, refused + 1);
        }

        Assert.True(accepted > 10 && refused > 0, $"{accepted} accepted, {refused} refused");
        AssertSummaryMatches();
        foreach (var region in (string?[])[null, server.County.ShortCode[..2], server.County.ShortCode[..4], server.County.ShortCode, server.Township.ShortCode, server.Village.ShortCode])
        {
            await AssertFieldsAgreeWithTheTransactionsAsync(region);
        }

        // Whatever the table holds, the rebuild recomputes it; twice is the same as once.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            await db.MoneySummaries.Where(s => s.Span == 1).ExecuteDeleteAsync();
            await db.MoneySummaries.Where(s => s.Span == 1_000).ExecuteUpdateAsync(s => s.SetProperty(r => r.AmountFen, r => r.AmountFen + 1));
            Assert.NotEqual(Rows(MoneySummaryCheck.Recomputed), Rows(MoneySummaryCheck.Stored));
            var rows = await MoneySummaryLedger.RebuildAsync(db, null, CancellationToken.None);
            Assert.Equal(rows, await MoneySummaryLedger.RebuildAsync(db, null, CancellationToken.None));
            Assert.Equal(Rows(MoneySummaryCheck.Recomputed).Count, rows);
        }

        AssertSummaryMatches();
    }

    [Fact]
    public async Task The_money_fields_read_the_summary_unless_a_date_range_or_fund_needs_the_transactions()
    {
        var county = server.County.ShortCode;
        var project = await Samples.ProjectAsync("APPROVED", server.County);
        await server.MutateOkAsync("recordTransaction", new { kind = "INCOMING_FUNDS", amountFen = 12_345, date = PublishingServer.Day(PublishingServer.Today), project, description = "上级补助资金到位。" }, Samples.Publisher);
        var before = await MoneyAsync(county, "");

        // Behind the API, the county's summary rows alone change (and the data version, so no cache answers): both fields
        // read them (moneyByRegion of the city reads its counties' rows), the dated ones, which sum the transactions, do not.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            await db.MoneySummaries.Where(s => s.RegionCode == server.County.Code && s.Span == 1_000_000).ExecuteUpdateAsync(s => s.SetProperty(r => r.AmountFen, r => r.AmountFen + 1_000_000));
            await db.DataVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1));
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1_500)); // the cache's version recheck
            var added = 1_000_000 * Sql.Scalar(server.ConnectionString, string.Create(CultureInfo.InvariantCulture, $"SELECT COUNT(*) FROM MoneySummaries WHERE Span = 1000000 AND RegionCode = {server.County.Code}"));
            Assert.Equal((before.Summary + added, before.ByRegion + added), await MoneyAsync(county, ""));
            Assert.Equal(before, await MoneyAsync(county, ", from: \"1900-01-01\""));
        }
        finally
        {
            await using var scope = server.Services.CreateAsyncScope();
            await MoneySummaryLedger.RebuildAsync(scope.ServiceProvider.GetRequiredService<OpenAidDbContext>(), null, CancellationToken.None);
        }

        Assert.Equal(before, await MoneyAsync(county, ""));
    }

    /// <summary>The county's total in moneySummary, and its city's entry for it in moneyByRegion.</summary>
    private async Task<(long Summary, long ByRegion)> MoneyAsync(string county, string filters)
    {
        var data = (await server.GraphQLAsync(
            $$"""{ moneySummary(region: "{{county}}"{{filters}}) { amount { fen } } moneyByRegion(region: "{{county[..4]}}"{{filters}}) { region { shortCode } amount { fen } } }""")).Data;
        return (data.GetProperty("moneySummary").EnumerateArray().Sum(g => Fen(g)),
            data.GetProperty("moneyByRegion").EnumerateArray().Where(g => g.GetProperty("region").GetProperty("shortCode").GetString() == county).Sum(g => Fen(g)));
    }

    /// <summary>moneySummary and moneyByRegion as the summary answers them, against the same fields made to sum the transactions by a date range that holds them all.</summary>
    private async Task AssertFieldsAgreeWithTheTransactionsAsync(string? region)
    {
        string Query(string range)
        {
            var arguments = string.Join(", ", new[] { region is null ? null : $"region: \"{region}\"", range }.Where(a => !string.IsNullOrEmpty(a)));
            var list = arguments.Length == 0 ? "" : $"({arguments})";
            var byRegion = region is null || region.Length < 12 ? $"moneyByRegion{list} {{ region {{ code }} kind count amount {{ fen }} }}" : "";
            return $$"""{ moneySummary{{list}} { {{Fields}} } {{byRegion}} }""";
        }

        var fromSummary = (await server.GraphQLAsync(Query(""))).Data.ToString();
        var fromTransactions = (await server.GraphQLAsync(Query("from: \"1900-01-01\""))).Data.ToString();
        Assert.Equal(fromTransactions, fromSummary);
        Assert.Contains("\"fen\"", fromSummary, StringComparison.Ordinal);
    }

    private void AssertSummaryMatches() => MoneySummaryCheck.AssertMatches(server.ConnectionString);

    private List<string> Rows(string sql) => MoneySummaryCheck.Rows(server.ConnectionString, sql);

    private static long Fen(JsonElement group) => group.GetProperty("amount").GetProperty("fen").GetInt64();
}
