using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Funds;
using static OpenAid.Api.Tests.Marketplace.Payloads;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>
/// One match end to end over HTTP — officer registers, reviewer approves, enterprise pledges, village confirms the
/// agreement, enterprise delivers in parts, village confirms each receipt — and what it does to the need, the money
/// views and the scorecard; then cancellation, and lapse and expiry computed from the date.
/// </summary>
[Collection(SharedMarketplaceServer.Name)]
public class PledgeFlowTests(MarketplaceServer server)
{
    private const string PledgeFields = "code status kind quantity { quantity unit money { yuan } } delivered { quantity } received { quantity } program { code } region { code } need { code } deliveries { id isReceived receivedBy quantity { quantity } }";

    [Fact]
    public async Task A_match_goes_from_need_to_received_delivery_and_moves_need_money_and_scorecard()
    {
        var scorecardBefore = await ScorecardAsync();
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 600_000));

        var pledged = await server.MutateOkAsync("pledge", new { need, kind = "MONEY", quantity = 400_000 }, server.Donor, $"pledge {{ {PledgeFields} }}");
        var pledge = pledged.Text("pledge", "code");
        Assert.Equal("PLEDGED", pledged.Text("pledge", "status"));
        Assert.Equal("4000.00", pledged.Text("pledge", "quantity", "money", "yuan"));
        Assert.Equal("YGXZ", pledged.Text("pledge", "program", "code"));
        Assert.Equal(server.Village.Code.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), pledged.Text("pledge", "region", "code"));
        Assert.Equal(("PARTLY_PLEDGED", 200_000L), await NeedStateAsync(need));

        // The donor delivers only once the village side confirmed the agreement.
        AssertError(await server.MutateAsync("recordDelivery", new { pledge, quantity = 100_000, deliveredOn = MarketplaceServer.Day(MarketplaceServer.Today), evidence = "银行回单。" }, server.Donor), "PLEDGE_NOT_CONFIRMED", "pledge");
        Assert.Equal("CONFIRMED", (await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer, "pledge { status }")).Text("pledge", "status"));

        var first = await server.DeliverAsync(pledge, 250_000);
        var second = await server.DeliverAsync(pledge, 150_000);
        Assert.Equal("DELIVERED", await PledgeStatusAsync(pledge));

        var received = await server.MutateOkAsync("confirmReceipt", new { delivery = first }, server.Officer, $"delivery {{ isReceived receivedBy pledge {{ {PledgeFields} }} }}");
        Assert.True(received.Walk("delivery", "isReceived").GetBoolean());
        Assert.False(string.IsNullOrEmpty(received.Text("delivery", "receivedBy")));
        Assert.Equal("DELIVERED", received.Text("delivery", "pledge", "status"));
        Assert.Equal(250_000, received.Number("delivery", "pledge", "received", "quantity"));

        await server.MutateOkAsync("confirmReceipt", new { delivery = second }, server.Officer);
        Assert.Equal("COMPLETED", await PledgeStatusAsync(pledge));
        MoneySummaryCheck.AssertMatches(server.ConnectionString); // the pledge and its receipts are money: the summary keeps them
        AssertError(await server.MutateAsync("confirmReceipt", new { delivery = second }, server.Officer), "ALREADY_RECEIVED", "delivery");

        // The rest of the need from a second donor, delivered and received: the need is fulfilled.
        var rest = await server.PledgeAsync(need, 200_000, token: server.SecondDonor);
        Assert.Equal(("FULLY_PLEDGED", 0L), await NeedStateAsync(need));
        await server.MutateOkAsync("confirmPledge", new { pledge = rest }, server.Officer);
        await server.MutateOkAsync("confirmReceipt", new { delivery = await server.DeliverAsync(rest, 200_000, server.SecondDonor) }, server.Officer);
        Assert.Equal(("FULFILLED", 0L), await NeedStateAsync(need));

        // Money views: one pledge transaction per pledge, one social-donation disbursement per received delivery.
        var money = await server.ReadAsync(db => db.Transactions.Where(t => t.Description.Contains(pledge)).OrderBy(t => t.Id).Select(t => new { t.Kind, t.AmountFen, t.SourceType, t.ReceiverRegionCode }).ToListAsync());
        Assert.Equal([(TransactionKind.Pledge, 400_000L), (TransactionKind.Disbursement, 250_000L), (TransactionKind.Disbursement, 150_000L)], money.Select(t => (t.Kind, t.AmountFen)));
        Assert.All(money, t => Assert.Equal((FundSourceType.SocialDonation, server.Village.Code), (t.SourceType, t.ReceiverRegionCode)));

        // The scorecard moved: one more pledge, confirmed, delivered, received and completed, on time.
        var after = await ScorecardAsync();
        Assert.Equal(scorecardBefore.Number("pledges") + 1, after.Number("pledges"));
        Assert.Equal(scorecardBefore.Number("completed") + 1, after.Number("completed"));
        Assert.Equal(scorecardBefore.Number("onTime") + 1, after.Number("onTime"));
        Assert.Equal(scorecardBefore.Number("moneyReceived", "fen") + 400_000, after.Number("moneyReceived", "fen"));
        Assert.Equal(scorecardBefore.Number("moneyPledged", "fen") + 400_000, after.Number("moneyPledged", "fen"));
    }

    [Fact]
    public async Task A_scorecard_counts_a_delivery_as_received_only_once_the_village_confirms_it()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: null, quantity: 40, unit: "套", category: "DAILY_NECESSITIES"));
        var pledge = await server.PledgeAsync(need, 40, kind: "GOODS");
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        var delivery = await server.DeliverAsync(pledge, 40);
        var before = await ScorecardAsync();

        await server.MutateOkAsync("confirmReceipt", new { delivery }, server.Officer);

        var after = await ScorecardAsync();
        Assert.Equal(before.Number("received") + 1, after.Number("received"));
        Assert.Equal(before.Number("completed") + 1, after.Number("completed"));
        Assert.Equal(before.Number("moneyReceived", "fen"), after.Number("moneyReceived", "fen"));
        Assert.Equal(40, (await server.QueryAsync("query($c: String!) { need(code: $c) { received { quantity unit } } }", new { c = need })).Number("need", "received", "quantity"));
    }

    [Fact]
    public async Task Cancelling_gives_the_undelivered_rest_back_to_the_need()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000));
        var pledge = await server.PledgeAsync(need, 100_000);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        await server.DeliverAsync(pledge, 30_000);
        Assert.Equal(("FULLY_PLEDGED", 0L), await NeedStateAsync(need));

        AssertError(await server.MutateAsync("cancelPledge", new { pledge, reason = "" }, server.Donor), "REQUIRED", "reason");
        var cancelled = await server.MutateOkAsync("cancelPledge", new { pledge, reason = "企业经营困难，余款无法支付。" }, server.Donor, "pledge { status delivered { quantity } }");

        Assert.Equal("CANCELLED", cancelled.Text("pledge", "status"));
        Assert.Equal(("PARTLY_PLEDGED", 70_000L), await NeedStateAsync(need));
        AssertError(await server.MutateAsync("cancelPledge", new { pledge, reason = "再次撤回。" }, server.Donor), "INVALID_TRANSITION", "pledge");
    }

    [Fact]
    public async Task An_unconfirmed_pledge_lapses_after_its_date_and_its_room_goes_back_to_the_need()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000));
        var pledge = await server.PledgeAsync(need, 100_000);
        Assert.Equal(("FULLY_PLEDGED", 0L), await NeedStateAsync(need));

        // Time passes: the confirmation date is yesterday. No job runs; the reads compute the lapse.
        var yesterday = MarketplaceServer.Today.AddDays(-1);
        await server.ExecuteSqlAsync($"UPDATE Pledges SET ConfirmBy = {yesterday} WHERE Code = {pledge}");

        Assert.Equal("LAPSED", await PledgeStatusAsync(pledge));
        Assert.Equal(("OPEN", 100_000L), await NeedStateAsync(need));
        AssertError(await server.MutateAsync("confirmPledge", new { pledge }, server.Officer), "PLEDGE_LAPSED", "pledge");
        var lapsed = await server.QueryAsync("query($need: String!) { pledges(need: $need, status: LAPSED) { totalCount } }", new { need });
        Assert.Equal(1, lapsed.Number("pledges", "totalCount"));

        // The next pledge stores the lapse and takes the room.
        await server.PledgeAsync(need, 100_000, token: server.SecondDonor);
        Assert.Equal(("FULLY_PLEDGED", 0L), await NeedStateAsync(need));
        Assert.Equal(0L, await server.ReadAsync(db => db.Needs.Where(n => n.Code == need).Select(n => n.Requested - n.Pledged).SingleAsync()));
    }

    [Fact]
    public async Task A_need_past_its_deadline_is_expired_and_takes_no_pledges()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000));
        await server.PledgeAsync(need, 40_000);
        await server.ExecuteSqlAsync($"UPDATE Needs SET Deadline = {MarketplaceServer.Today.AddDays(-1)} WHERE Code = {need}");

        Assert.Equal(("EXPIRED", 60_000L), await NeedStateAsync(need));
        var open = await server.QueryAsync("query($region: String!) { openNeeds(region: $region, first: 100) { nodes { code } } }", new { region = server.Village.ShortCode });
        Assert.DoesNotContain(need, open.Walk("openNeeds", "nodes").EnumerateArray().Select(n => n.Text("code")));
        var expired = await server.QueryAsync("query($region: String!) { needs(region: $region, status: EXPIRED, first: 100) { nodes { code } } }", new { region = server.Village.ShortCode });
        Assert.Contains(need, expired.Walk("needs", "nodes").EnumerateArray().Select(n => n.Text("code")));
    }

    [Fact]
    public async Task Pledges_to_a_village_or_a_project_need_no_need()
    {
        var village = await server.MutateOkAsync("pledge", new { village = server.OtherVillage.ShortCode, kind = "JOBS", quantity = 15, unit = "个岗位" }, server.Donor, $"pledge {{ {PledgeFields} }}");
        Assert.Equal("个岗位", village.Text("pledge", "quantity", "unit"));
        Assert.Equal(JsonValueKind.Null, village.Walk("pledge", "quantity", "money").ValueKind);
        Assert.Equal(JsonValueKind.Null, village.Walk("pledge", "need").ValueKind);

        var project = await server.ReadAsync(db => db.Projects.Where(p => p.Status == Domain.Projects.ProjectStatus.Implementing).OrderBy(p => p.Id).Select(p => p.Code).FirstAsync());
        var toProject = await server.MutateOkAsync("pledge", new { project, kind = "MONEY", quantity = 5_000_000 }, server.Donor, "pledge { code region { code } }");
        Assert.Equal(1, await server.ReadAsync(db => db.Transactions.CountAsync(t => t.Kind == TransactionKind.Pledge && t.Description.Contains(toProject.Text("pledge", "code")) && t.ProjectId != null)));
    }

    private async Task<(string Status, long Remaining)> NeedStateAsync(string need)
    {
        var data = await server.QueryAsync("query($c: String!) { need(code: $c) { status remaining { quantity } } }", new { c = need });
        return (data.Text("need", "status"), data.Number("need", "remaining", "quantity"));
    }

    private async Task<string> PledgeStatusAsync(string pledge) =>
        (await server.QueryAsync("query($c: String!) { pledge(code: $c) { status } }", new { c = pledge })).Text("pledge", "status");

    private async Task<JsonElement> ScorecardAsync() =>
        (await server.QueryAsync(
            "query($o: String!) { organizationScorecard(organization: $o) { total { pledges confirmed delivered received completed onTime late moneyPledged { fen } moneyReceived { fen } } } }",
            new { o = server.Enterprise })).Walk("organizationScorecard", "total");
}
