using Microsoft.EntityFrameworkCore;
using static OpenAid.Api.Tests.Marketplace.Payloads;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>Bad input to the marketplace is a typed error, and nothing is written: no audit entry, no new data version.</summary>
[Collection(SharedMarketplaceServer.Name)]
public class MarketplaceBadInputTests(MarketplaceServer server)
{
    [Fact]
    public async Task A_donor_pledges_for_its_own_organisation_only()
    {
        var need = await server.NeedAsync();

        await ForbiddenAsync("pledge", new { need, kind = "MONEY", quantity = 1_000, organization = server.OtherDonor }, server.Donor);
        await ForbiddenAsync("pledge", new { need, kind = "MONEY", quantity = 1_000 }, server.Officer);
        var unauthenticated = await server.SendMutationAsync("pledge", new { need, kind = "MONEY", quantity = 1_000 }, null, "__typename");
        Assert.Equal(["UNAUTHENTICATED"], unauthenticated.ErrorCodes);

        // Another organisation's donor can neither deliver on nor cancel the pledge.
        var pledge = await server.PledgeAsync(need, 1_000);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        await ForbiddenAsync("recordDelivery", new { pledge, quantity = 1_000, deliveredOn = MarketplaceServer.Day(MarketplaceServer.Today), evidence = "回单。" }, server.SecondDonor);
        await ForbiddenAsync("cancelPledge", new { pledge, reason = "不想要了。" }, server.SecondDonor);
    }

    [Theory]
    [InlineData("REJECTED", "NEED_NOT_OPEN")]
    [InlineData("PENDING_REVIEW", "NEED_NOT_OPEN")]
    [InlineData("EXPIRED", "NEED_EXPIRED")]
    [InlineData("CLOSED", "NEED_NOT_OPEN")]
    [InlineData("FULLY_PLEDGED", "NEED_FULLY_PLEDGED")]
    public async Task Pledges_against_a_need_that_is_not_open_are_refused(string state, string code)
    {
        var need = await server.NeedAsync(state is "REJECTED" or "PENDING_REVIEW" ? state : "OPEN", server.NeedInput(amountFen: 10_000));
        switch (state)
        {
            case "EXPIRED":
                await server.ExecuteSqlAsync($"UPDATE Needs SET Deadline = {MarketplaceServer.Today.AddDays(-1)} WHERE Code = {need}");
                break;
            case "CLOSED":
                await server.MutateOkAsync("closeNeed", new { need }, server.Officer);
                break;
            case "FULLY_PLEDGED":
                await server.PledgeAsync(need, 10_000, token: server.SecondDonor);
                break;
        }

        await RefusedAsync("pledge", new { need, kind = "MONEY", quantity = 1_000 }, server.Donor, code, "need");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public async Task Quantities_are_positive(long quantity)
    {
        var need = await server.NeedAsync();
        await RefusedAsync("pledge", new { need, kind = "MONEY", quantity }, server.Donor, "INVALID_QUANTITY", "quantity");

        var pledge = await server.PledgeAsync(need, 1_000);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        await RefusedAsync("recordDelivery", new { pledge, quantity, deliveredOn = MarketplaceServer.Day(MarketplaceServer.Today), evidence = "回单。" }, server.Donor, "INVALID_QUANTITY", "quantity");
    }

    [Fact]
    public async Task A_pledge_never_takes_more_than_is_left_and_fits_the_need()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 10_000));
        await RefusedAsync("pledge", new { need, kind = "MONEY", quantity = 10_001 }, server.Donor, "EXCEEDS_REMAINING", "quantity");
        await RefusedAsync("pledge", new { need, kind = "GOODS", quantity = 5, unit = "套" }, server.Donor, "KIND_MISMATCH", "kind");
        await RefusedAsync("pledge", new { need, village = server.Village.ShortCode, kind = "MONEY", quantity = 5 }, server.Donor, "ONE_TARGET_REQUIRED", "need");
        await RefusedAsync("pledge", new { kind = "MONEY", quantity = 5 }, server.Donor, "ONE_TARGET_REQUIRED", "need");
        await RefusedAsync("pledge", new { village = server.County.ShortCode, kind = "MONEY", quantity = 5 }, server.Donor, "NOT_A_VILLAGE", "village");
        await RefusedAsync("pledge", new { need, kind = "MONEY", quantity = 5, confirmBy = MarketplaceServer.Day(MarketplaceServer.Today.AddDays(-1)) }, server.Donor, "INVALID_DATE", "confirmBy");
        await RefusedAsync("pledge", new { need, kind = "MONEY", quantity = 5, program = "BQDBC" }, server.Donor, "NOT_A_MEMBER", "program");
        await RefusedAsync("pledge", new { need = "XQ-000000-1999-0001", kind = "MONEY", quantity = 5 }, server.Donor, "NOT_FOUND", "need");
    }

    [Fact]
    public async Task Deliveries_never_exceed_the_pledge()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: 10_000));
        var pledge = await server.PledgeAsync(need, 10_000);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        await server.DeliverAsync(pledge, 6_000);

        await RefusedAsync("recordDelivery", new { pledge, quantity = 4_001, deliveredOn = MarketplaceServer.Day(MarketplaceServer.Today), evidence = "回单。" }, server.Donor, "EXCEEDS_PLEDGE", "quantity");
        await RefusedAsync("recordDelivery", new { pledge, quantity = 100, deliveredOn = MarketplaceServer.Day(MarketplaceServer.Today.AddDays(1)), evidence = "回单。" }, server.Donor, "INVALID_DATE", "deliveredOn");
        await RefusedAsync("recordDelivery", new { pledge, quantity = 100, deliveredOn = MarketplaceServer.Day(MarketplaceServer.Today), evidence = "收款人手机13800138000。" }, server.Donor, "PERSONAL_DATA", "evidence");
        await server.DeliverAsync(pledge, 4_000);
        Assert.Equal(10_000, await server.ReadAsync(db => db.PledgeDeliveries.Where(d => db.Pledges.Any(p => p.Id == d.PledgeId && p.Code == pledge)).SumAsync(d => d.Quantity)));
    }

    [Fact]
    public async Task Only_the_villages_own_officials_confirm_agreements_and_receipts()
    {
        var need = await server.NeedAsync();
        var pledge = await server.PledgeAsync(need, 1_000);
        await ForbiddenAsync("confirmPledge", new { pledge }, server.OtherOfficer);
        await ForbiddenAsync("confirmPledge", new { pledge }, server.Donor);
        await server.MutateOkAsync("confirmPledge", new { pledge }, server.Officer);
        var delivery = await server.DeliverAsync(pledge, 1_000);

        await ForbiddenAsync("confirmReceipt", new { delivery }, server.OtherOfficer);
        await ForbiddenAsync("confirmReceipt", new { delivery }, server.Donor);
        await RefusedAsync("confirmReceipt", new { delivery = "not-an-id" }, server.Officer, "INVALID_ID", "delivery");
        var needId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Need:1")).TrimEnd('=');
        await RefusedAsync("confirmReceipt", new { delivery = needId }, server.Officer, "INVALID_ID", "delivery");
        await server.MutateOkAsync("confirmReceipt", new { delivery }, server.Officer);
    }

    private async Task RefusedAsync(string mutation, object input, string token, string code, string? field)
    {
        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync(mutation, input, token), code, field);
        Assert.Equal(before, await server.WatermarkAsync());
    }

    private async Task ForbiddenAsync(string mutation, object input, string token)
    {
        var before = await server.WatermarkAsync();
        var response = await server.SendMutationAsync(mutation, input, token, "__typename");
        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(before, await server.WatermarkAsync());
    }
}
