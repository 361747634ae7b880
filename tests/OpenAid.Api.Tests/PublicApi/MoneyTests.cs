using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

[Collection(SharedDemoApiServer.Name)]
public class MoneyTests(DemoApiServer server)
{
    [Fact]
    public async Task Money_by_source_adds_up_to_the_stored_transactions()
    {
        // Guangxi (45), the year before the last, disbursements (kind 3): the reporter's "disbursements by source".
        var expected = Sql.Scalar(server.ConnectionString, DemoYears.Dated("SELECT COALESCE(SUM(AmountFen), 0) FROM Transactions WHERE ReceiverRegionCode >= 450000000000 AND ReceiverRegionCode < 460000000000 AND FiscalYear = {2019} AND Kind = 3"));

        var response = await server.PostAsync(DemoYears.Dated("""{ moneySummary(region: "45", year: {2019}, kind: DISBURSEMENT) { kind year sourceType amount { fen yuan currency } } }"""));

        var groups = response.Get("data", "moneySummary").EnumerateArray().ToList();
        Assert.True(groups.Count > 1, "expected several sources");
        Assert.All(groups, g => Assert.Equal("DISBURSEMENT", g.GetProperty("kind").GetString()));
        Assert.Equal(expected, groups.Sum(g => g.GetProperty("amount").GetProperty("fen").GetInt64()));
        Assert.All(groups, g => Assert.Equal(
            (g.GetProperty("amount").GetProperty("fen").GetInt64() / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            g.GetProperty("amount").GetProperty("yuan").GetString()));
        Assert.Equal(groups.Count, groups.Select(g => g.GetProperty("sourceType").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Money_by_region_splits_a_province_into_its_cities()
    {
        var response = await server.PostAsync("""
            { moneyByRegion(region: "45", kind: EXPENDITURE) { region { shortCode level } amount { fen } }
              moneySummary(region: "45", kind: EXPENDITURE) { amount { fen } } }
            """);

        var byCity = response.Get("data", "moneyByRegion").EnumerateArray().ToList();
        Assert.All(byCity, r => Assert.Equal("CITY", r.GetProperty("region").GetProperty("level").GetString()));
        Assert.Equal(
            response.Get("data", "moneySummary").EnumerateArray().Sum(g => g.GetProperty("amount").GetProperty("fen").GetInt64()),
            byCity.Sum(r => r.GetProperty("amount").GetProperty("fen").GetInt64()));
    }

    [Fact]
    public async Task A_funds_allocations_and_transfers_never_exceed_it()
    {
        var response = await server.PostAsync("{ funds(region: \"45\", first: 100) { nodes { amount { fen } allocated { fen } transferred { fen } unallocated { fen } allocations { amount { fen } } transfers { amount { fen } } } } }");

        foreach (var fund in response.Get("data", "funds", "nodes").EnumerateArray())
        {
            var amount = fund.GetProperty("amount").GetProperty("fen").GetInt64();
            var allocated = fund.GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("amount").GetProperty("fen").GetInt64());
            Assert.Equal(allocated, fund.GetProperty("allocated").GetProperty("fen").GetInt64());
            var transferred = fund.GetProperty("transfers").EnumerateArray().Sum(t => t.GetProperty("amount").GetProperty("fen").GetInt64());
            Assert.Equal(transferred, fund.GetProperty("transferred").GetProperty("fen").GetInt64());
            Assert.Equal(amount - allocated - transferred, fund.GetProperty("unallocated").GetProperty("fen").GetInt64());
            Assert.True(allocated + transferred <= amount);
        }
    }

    [Fact]
    public async Task Projects_are_counted_in_every_lifecycle_state()
    {
        var response = await server.PostAsync("{ projectStatusCounts { status count } projects { totalCount } }");

        var counts = response.Get("data", "projectStatusCounts").EnumerateArray().ToList();
        Assert.Equal(["IN_LIBRARY", "APPROVED", "IMPLEMENTING", "ACCEPTED", "CLOSED", "CANCELLED"], counts.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(response.Get("data", "projects", "totalCount").GetInt32(), counts.Sum(c => c.GetProperty("count").GetInt32()));
    }
}
