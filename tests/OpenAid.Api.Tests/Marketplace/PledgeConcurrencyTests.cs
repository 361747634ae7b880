using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Pledges;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>A need is never pledged beyond what it asks, however many donors pledge at once.</summary>
[Collection(SharedMarketplaceServer.Name)]
public class PledgeConcurrencyTests(MarketplaceServer server)
{
    [Fact]
    public async Task Fifty_concurrent_pledges_at_a_need_with_room_for_ten_take_exactly_the_ten()
    {
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: null, quantity: 10, unit: "套", category: "DAILY_NECESSITIES"));
        var donor = server.Donor;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            server.SendMutationAsync("pledge", new { need, kind = "GOODS", quantity = 1 }, donor, "pledge { code }"))));

        Assert.All(responses, r => Assert.True(r.Errors.Count == 0, r.ToString()));
        var codes = responses.Select(r => r.Get("data", "pledge", "errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).SingleOrDefault()).ToList();
        Assert.Equal(10, codes.Count(c => c is null));
        Assert.All(codes.Where(c => c is not null), c => Assert.Equal("NEED_FULLY_PLEDGED", c));
        await AssertStoredAsync(need, expectedPledged: 10, expectedPledges: 10);
    }

    [Fact]
    public async Task Concurrent_pledges_of_different_sizes_never_overfill_and_every_refusal_was_needed()
    {
        const long Requested = 100;
        var need = await server.NeedAsync(input: server.NeedInput(amountFen: null, quantity: Requested, unit: "套", category: "DAILY_NECESSITIES"));
        var sizes = Enumerable.Range(0, 50).Select(i => 1 + (i * 7 % 9)).ToList();
        var tokens = new[] { server.Donor, server.SecondDonor };

        var responses = await Task.WhenAll(sizes.Select((size, i) => Task.Run(() =>
            server.SendMutationAsync("pledge", new { need, kind = "GOODS", quantity = size }, tokens[i % 2], "pledge { code }"))));

        Assert.All(responses, r => Assert.True(r.Errors.Count == 0, r.ToString()));
        var outcomes = responses.Select((r, i) => (Size: sizes[i], Code: r.Get("data", "pledge", "errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).SingleOrDefault())).ToList();
        var accepted = outcomes.Where(o => o.Code is null).Sum(o => o.Size);
        Assert.True(accepted <= Requested, $"{accepted} pledged of {Requested}");
        Assert.All(outcomes.Where(o => o.Code is not null), o => Assert.Contains(o.Code, (string[])["NEED_FULLY_PLEDGED", "EXCEEDS_REMAINING"]));

        // Refused only when it did not fit: the smallest refused offer is more than what is left.
        var refused = outcomes.Where(o => o.Code is not null).ToList();
        Assert.True(refused.Count == 0 || refused.Min(o => o.Size) > Requested - accepted, $"accepted {accepted}, yet refused an offer of {refused.Min(o => o.Size)}");
        await AssertStoredAsync(need, expectedPledged: accepted, expectedPledges: outcomes.Count(o => o.Code is null));
    }

    private async Task AssertStoredAsync(string need, long expectedPledged, int expectedPledges)
    {
        var stored = await server.ReadAsync(async db =>
        {
            var row = await db.Needs.SingleAsync(n => n.Code == need);
            var pledges = await db.Pledges.Where(p => p.NeedId == row.Id && p.Status == PledgeStatus.Pledged).Select(p => p.Quantity).ToListAsync();
            return (row.Pledged, row.Requested, Sum: pledges.Sum(), pledges.Count);
        });
        Assert.Equal(expectedPledged, stored.Pledged);
        Assert.Equal(expectedPledged, stored.Sum);
        Assert.Equal(expectedPledges, stored.Count);
        Assert.True(stored.Pledged <= stored.Requested);
    }
}
