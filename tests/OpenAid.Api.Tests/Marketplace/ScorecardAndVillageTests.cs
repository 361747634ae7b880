using System.Text.Json;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Needs;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>Program scorecards and the village page move with the marketplace, and show the demo data's differences.</summary>
[Collection(SharedMarketplaceServer.Name)]
public class ScorecardAndVillageTests(MarketplaceServer server)
{
    private const string ProgramScorecard = """
        query($region: String, $year: Int) {
          programScorecard(program: "YGXZ", region: $region, year: $year) {
            program { code } year organizations enterprises villages needsPledged needsMet
            figures { pledges completed moneyPledged { fen } moneyReceived { fen } }
            byOrganization { organization { code } figures { pledges moneyPledged { fen } } }
          }
        }
        """;

    private const string VillagePage = """
        query($code: String!) {
          village(code: $code) {
            region { name }
            summary { needs openNeeds moneyAsked { fen } moneyPledged { fen } moneyReceived { fen } governmentAllocated { fen } governmentDisbursed { fen } }
            needs(first: 100) { totalCount nodes { code status } }
            pledges(first: 100) { totalCount nodes { code status } }
            deliveries(first: 100) { totalCount nodes { id isReceived quantity { quantity } pledge { code } } }
            governmentFunds(first: 5) { totalCount }
            money { kind sourceType year amount { fen } }
          }
        }
        """;

    [Fact]
    public async Task A_program_scorecard_counts_enterprises_villages_needs_met_and_money_pledged_against_received()
    {
        var variables = new { region = server.County.ShortCode, year = MarketplaceServer.Today.Year };
        var before = (await server.QueryAsync(ProgramScorecard, variables)).GetProperty("programScorecard");

        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 70_000));
        var pledge = await server.PledgeAsync(need, 70_000);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        await server.MutateOkAsync("confirmReceipt", new { delivery = await server.DeliverAsync(pledge, 70_000) }, server.Officer);

        var after = (await server.QueryAsync(ProgramScorecard, variables)).GetProperty("programScorecard");
        Assert.Equal("YGXZ", after.Text("program", "code"));
        Assert.Equal(MarketplaceServer.Today.Year, after.Number("year"));
        Assert.True(after.Number("organizations") >= 1 && after.Number("enterprises") >= 1 && after.Number("villages") >= 1);
        Assert.Equal(before.Number("needsPledged") + 1, after.Number("needsPledged"));
        Assert.Equal(before.Number("needsMet") + 1, after.Number("needsMet"));
        Assert.Equal(before.Number("figures", "moneyPledged", "fen") + 70_000, after.Number("figures", "moneyPledged", "fen"));
        Assert.Equal(before.Number("figures", "moneyReceived", "fen") + 70_000, after.Number("figures", "moneyReceived", "fen"));
        Assert.Contains(server.Enterprise, after.GetProperty("byOrganization").EnumerateArray().Select(o => o.Text("organization", "code")));
    }

    [Fact]
    public async Task The_demo_scorecards_differ_between_organisations()
    {
        var data = await server.QueryAsync("""
            { programScorecard(program: "WQBWC") { organizations villages needsMet
                figures { pledges completed cancelled lapsed onTime late moneyPledged { fen } moneyReceived { fen } }
                byOrganization { organization { code } figures { pledges completed lapsed cancelled onTimeSharePercent } } } }
            """);
        var card = data.GetProperty("programScorecard");
        Assert.True(card.Number("organizations") >= 10, card.ToString());
        Assert.True(card.Number("needsMet") > 0, card.ToString());
        Assert.True(card.Number("figures", "moneyReceived", "fen") < card.Number("figures", "moneyPledged", "fen"));
        Assert.True(card.Number("figures", "cancelled") > 0 && card.Number("figures", "lapsed") > 0 && card.Number("figures", "late") > 0 && card.Number("figures", "onTime") > 0, card.ToString());
        var shares = card.GetProperty("byOrganization").EnumerateArray()
            .Select(o => o.Walk("figures", "onTimeSharePercent")).Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()).Distinct().ToList();
        Assert.True(shares.Count >= 3, $"on-time shares: {string.Join(", ", shares)}");

        // 万企帮万村 in Guangxi in the year before the last.
        var guangxi = (await server.QueryAsync(DemoYears.Dated("""
            { programScorecard(program: "WQBWC", region: "45", year: {2019}) { year region { name } organizations enterprises villages figures { pledges moneyPledged { fen } moneyReceived { fen } } } }
            """))).GetProperty("programScorecard");
        Assert.Equal(DemoYears.Year(2019), guangxi.Number("year"));
        Assert.True(guangxi.Number("enterprises") > 0 && guangxi.Number("villages") > 0 && guangxi.Number("figures", "moneyPledged", "fen") > 0, guangxi.ToString());
    }

    [Fact]
    public async Task The_village_page_shows_needs_pledges_deliveries_and_government_funds_side_by_side()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 90_000, village: server.OtherVillage));
        var pledge = await server.PledgeAsync(need, 90_000);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        var delivery = await server.DeliverAsync(pledge, 40_000);
        var before = (await server.QueryAsync(VillagePage, new { code = server.OtherVillage.ShortCode })).GetProperty("village");
        Assert.Contains(need, before.Walk("needs", "nodes").EnumerateArray().Select(n => n.Text("code")));
        Assert.Contains(pledge, before.Walk("pledges", "nodes").EnumerateArray().Select(n => n.Text("code")));
        var waiting = before.Walk("deliveries", "nodes").EnumerateArray().Single(d => d.Text("id") == delivery);
        Assert.False(waiting.GetProperty("isReceived").GetBoolean());

        await server.MutateOkAsync("confirmReceipt", new { delivery }, server.Officer);

        var after = (await server.QueryAsync(VillagePage, new { code = server.OtherVillage.ShortCode })).GetProperty("village");
        Assert.Equal(before.Number("summary", "moneyReceived", "fen") + 40_000, after.Number("summary", "moneyReceived", "fen"));
        Assert.True(after.Walk("deliveries", "nodes").EnumerateArray().Single(d => d.Text("id") == delivery).GetProperty("isReceived").GetBoolean());
        long Social(JsonElement page, string kind) => page.GetProperty("money").EnumerateArray()
            .Where(m => m.Text("kind") == kind && m.Text("sourceType") == "SOCIAL_DONATION").Sum(m => m.Number("amount", "fen"));
        Assert.Equal(Social(before, "DISBURSEMENT") + 40_000, Social(after, "DISBURSEMENT"));
        Assert.True(Social(after, "PLEDGE") >= 90_000);

        var region = await server.QueryAsync("query($c: String!) { region(code: $c) { name } }", new { c = server.OtherVillage.ShortCode });
        Assert.Equal(region.Text("region", "name"), after.Text("region", "name"));
        var county = await server.GraphQLAsync(VillagePage, new { code = server.County.ShortCode });
        Assert.Equal(["INVALID_ARGUMENT"], county.ErrorCodes);
    }

    [Fact]
    public async Task A_demo_village_page_holds_government_funds_and_marketplace_records_together()
    {
        var village = await server.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Regions.Where(r => db.Needs.Count(n => n.RegionCode == r.Code && n.IsDemo && NeedLifecycle.PublicStatuses.Contains(n.Status)) > 0 && db.Projects.Any(p => p.RegionCode == r.Code && db.FundAllocations.Any(a => a.ProjectId == p.Id)))
                .OrderBy(r => r.Code)));
        var page = (await server.QueryAsync(VillagePage, new { code = village.RegionCode.ShortForm })).GetProperty("village");
        Assert.True(page.Number("needs", "totalCount") > 0);
        Assert.True(page.Number("governmentFunds", "totalCount") > 0);
        Assert.True(page.Number("summary", "governmentAllocated", "fen") > 0);
    }

    [Fact]
    public async Task Needs_of_a_year_are_those_registered_in_it_as_their_codes_say()
    {
        var year = DemoYears.Year(2020);
        var counts = await server.QueryAsync(
            """
            query($year: Int) {
              all: needs(region: "45", first: 1) { totalCount }
              ofYear: needs(region: "45", year: $year, first: 100) { totalCount nodes { code } }
              before: needs(region: "45", year: 2000, first: 1) { totalCount }
              open: openNeeds(region: "45", year: $year, first: 100) { totalCount nodes { code } }
            }
            """,
            new { year });

        var expected = await server.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Needs, n => n.RegionCode >= 450000000000 && n.RegionCode < 460000000000 && NeedLifecycle.PublicStatuses.Contains(n.Status) && n.Code.Contains($"-{year}-")));
        Assert.True(expected > 0, $"the demo has Guangxi needs registered in {year}");
        Assert.Equal(expected, counts.Number("ofYear", "totalCount"));
        Assert.True(counts.Number("all", "totalCount") > expected);
        Assert.Equal(0, counts.Number("before", "totalCount"));
        Assert.True(counts.Number("open", "totalCount") > 0);
        Assert.All(counts.Walk("ofYear", "nodes").EnumerateArray().Concat(counts.Walk("open", "nodes").EnumerateArray()),
            n => Assert.Contains($"-{year}-", n.GetProperty("code").GetString(), StringComparison.Ordinal));
    }
}
