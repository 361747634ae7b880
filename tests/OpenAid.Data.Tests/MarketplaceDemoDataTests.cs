using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAid.Demo;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;
using Xunit.Abstractions;

namespace OpenAid.Data.Tests;

/// <summary>The demo marketplace obeys the rules the API enforces, and holds every state, as of the demo's "as of" date.</summary>
[Collection("demo")]
public class MarketplaceDemoDataTests(DemoDatabaseFixture fixture, ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = DemoDatabaseFixture.AsOf;

    [Fact]
    public async Task No_need_is_pledged_beyond_what_it_asks_and_its_sums_match_its_pledges()
    {
        var (needs, pledges) = await LoadAsync();
        var byNeed = pledges.Where(p => p.NeedId is not null).ToLookup(p => p.NeedId!.Value);
        Assert.InRange(needs.Count, 250, 700);
        Assert.All(needs, n =>
        {
            Assert.True(n.Pledged >= 0 && n.Pledged <= n.Requested, $"{n.Code}: pledged {n.Pledged} of {n.Requested}");
            Assert.Equal(byNeed[n.Id].Sum(PledgeLifecycle.Holding), n.Pledged);
            Assert.Equal(byNeed[n.Id].Sum(PledgeLifecycle.Received), n.Received);
            Assert.True(n.Received <= n.Pledged, n.Code);
            Assert.Equal(n.Status == NeedStatus.Fulfilled || (n.Status == NeedStatus.Closed && n.Received == n.Requested), n.Received == n.Requested);
        });
        Assert.All(pledges.Where(p => p.NeedId is not null), p => Assert.Equal(needs.Single(n => n.Id == p.NeedId).Unit, p.Unit));
    }

    [Fact]
    public async Task What_is_received_was_delivered_and_what_is_delivered_was_pledged()
    {
        var (_, pledges) = await LoadAsync();
        Assert.All(pledges, p =>
        {
            Assert.True(PledgeLifecycle.Received(p) <= PledgeLifecycle.Delivered(p), p.Code);
            Assert.True(PledgeLifecycle.Delivered(p) <= p.Quantity, p.Code);
            Assert.True(p.Quantity > 0 && p.IsDemo);
            Assert.Equal(PledgeLifecycle.IsMoney(p.Kind), p.Unit == NeedLifecycle.MoneyUnit);
            Assert.Equal(p.Status == PledgeStatus.Cancelled, p.CancellationReason is not null);
            Assert.Equal(p.Status is not (PledgeStatus.Pledged or PledgeStatus.Lapsed), p.ConfirmedAt is not null);
            Assert.All(p.Deliveries, d =>
            {
                Assert.True(d.Quantity > 0);
                Assert.InRange(d.DeliveredOn, DateOnly.FromDateTime(p.PledgedAt.DateTime), AsOf);
                Assert.True(d.ReceivedAt is null || DateOnly.FromDateTime(d.ReceivedAt.Value.DateTime) >= d.DeliveredOn, p.Code);
                Assert.Equal(d.ReceivedAt is null, d.ReceivedBy is null);
            });
            var allReceived = p.Deliveries.Count > 0 && p.Deliveries.All(d => d.ReceivedAt is not null);
            switch (p.Status)
            {
                case PledgeStatus.Completed:
                    Assert.True(allReceived && PledgeLifecycle.Received(p) == p.Quantity, p.Code);
                    break;
                case PledgeStatus.Received:
                    Assert.True(allReceived && PledgeLifecycle.Received(p) < p.Quantity, p.Code);
                    break;
                case PledgeStatus.Delivered:
                    Assert.Contains(p.Deliveries, d => d.ReceivedAt is null);
                    break;
                case PledgeStatus.Pledged or PledgeStatus.Confirmed or PledgeStatus.Lapsed:
                    Assert.Empty(p.Deliveries);
                    break;
            }
        });
        Assert.Contains(pledges, p => p.Deliveries.Count > 1);
    }

    [Fact]
    public async Task Needs_and_pledges_pass_through_every_state()
    {
        var (needs, pledges) = await LoadAsync();
        var lapsedByNeed = pledges.Where(p => p.NeedId is not null && p.Status == PledgeStatus.Pledged && p.ConfirmBy < AsOf)
            .GroupBy(p => p.NeedId!.Value).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
        var needStates = needs.Select(n => NeedLifecycle.EffectiveStatus(n, lapsedByNeed.GetValueOrDefault(n.Id), AsOf)).ToList();
        var pledgeStates = pledges.Select(p => PledgeLifecycle.EffectiveStatus(p, AsOf)).ToList();
        output.WriteLine(string.Join(", ", needStates.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine(string.Join(", ", pledgeStates.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

        Assert.Equal(Enum.GetValues<NeedStatus>().Order(), needStates.Distinct().Order());
        Assert.Equal(Enum.GetValues<PledgeStatus>().Order(), pledgeStates.Distinct().Order());
        Assert.Equal(Enum.GetValues<PledgeKind>().Order(), pledges.Select(p => p.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<NeedCategory>().Order(), needs.Select(n => n.Category).Distinct().Order());

        // Lapses both stored (a later write on the need) and not yet stored (the reads compute them).
        Assert.Contains(pledges, p => p.Status == PledgeStatus.Lapsed);
        Assert.Contains(pledges, p => p.Status == PledgeStatus.Pledged && p.ConfirmBy < AsOf && p.NeedId is not null);
        Assert.Contains(needs, n => n.ProjectId is not null);
        Assert.Contains(needs, n => n.PairingId is not null);
    }

    [Fact]
    public async Task Reviews_are_named_and_over_cap_approvals_say_why()
    {
        var (needs, _) = await LoadAsync();
        var caps = new NeedCaps();
        Assert.All(needs, n =>
        {
            var reviewed = n.Status is not (NeedStatus.Draft or NeedStatus.PendingReview);
            Assert.Equal(reviewed, n.ReviewerName is not null && n.ReviewedAt is not null);
            Assert.Equal(n.Status == NeedStatus.Rejected, n.RejectionReason is not null);
            if (reviewed && n.Status != NeedStatus.Rejected)
            {
                Assert.Equal(caps.For(n.Category).IsExceededBy(n), n.CapOverrideReason is not null);
            }

            Assert.Matches("^XQ-\\d{6}-20\\d{2}-\\d{4}$", n.Code);
            Assert.True(n.Deadline > DateOnly.FromDateTime(n.CreatedAt.DateTime) && n.IsDemo);
            Assert.EndsWith("（演示数据）", n.Description, StringComparison.Ordinal);
        });
        Assert.Contains(needs, n => n.CapOverrideReason is not null);
        Assert.Equal(needs.Count, needs.Select(n => n.Code).Distinct().Count());
    }

    [Fact]
    public async Task Pledges_are_money_of_kind_pledge_and_received_deliveries_social_money_paid_to_the_village()
    {
        await using var db = fixture.Open();
        var (_, pledges) = await LoadAsync();
        var money = pledges.Where(p => PledgeLifecycle.IsMoney(p.Kind)).ToList();
        var pledged = await db.Transactions.Where(t => t.Kind == TransactionKind.Pledge).SumAsync(t => t.AmountFen);
        var disbursed = await db.Transactions.Where(t => t.Kind == TransactionKind.Disbursement && t.FundId == null)
            .Select(t => new { t.AmountFen, t.SourceType, t.ProjectId }).ToListAsync();

        Assert.Equal(money.Sum(p => p.Quantity), pledged);
        Assert.Equal(money.Sum(PledgeLifecycle.Received), disbursed.Sum(t => t.AmountFen));
        Assert.All(disbursed, t => Assert.Equal((FundSourceType.SocialDonation, (int?)null), (t.SourceType, t.ProjectId)));
        Assert.Equal(await db.Transactions.CountAsync(), await db.Transactions.Select(t => t.Code).Distinct().CountAsync());
    }

    [Fact]
    public async Task Scorecards_differ_between_organisations()
    {
        var (needs, pledges) = await LoadAsync();
        var deadlines = needs.ToDictionary(n => n.Id, n => n.Deadline);
        var tallies = pledges.Where(p => p.NeedId is not null).GroupBy(p => p.OrganizationId).Select(g =>
        {
            var tally = new PledgeTally();
            foreach (var pledge in g)
            {
                tally.Add(pledge, deadlines[pledge.NeedId!.Value], AsOf);
            }

            return tally;
        }).Where(t => t.OnTime + t.Late >= 3).ToList();

        Assert.True(tallies.Count >= 10, $"{tallies.Count} organisations with three or more rated pledges");
        Assert.Contains(tallies, t => t.OnTimeShare >= 0.8m);
        Assert.Contains(tallies, t => t.OnTimeShare <= 0.5m);
        Assert.Contains(tallies, t => t.Cancelled + t.Lapsed > 0);
    }

    [Fact]
    public async Task No_marketplace_text_holds_personal_data()
    {
        var (needs, pledges) = await LoadAsync();
        var texts = needs.SelectMany(n => new[] { n.Title, n.Description, n.ReviewerName, n.RejectionReason, n.CapOverrideReason })
            .Concat(pledges.Select(p => p.CancellationReason))
            .Concat(pledges.SelectMany(p => p.Deliveries).SelectMany(d => new[] { d.Evidence, d.ReceivedBy }));
        Assert.DoesNotContain(texts, t => PrivacyGuard.FindPersonalData(t) is not null);
    }

    private async Task<(List<Need> Needs, List<Pledge> Pledges)> LoadAsync()
    {
        await using var db = fixture.Open();
        return (await db.Needs.AsNoTracking().ToListAsync(), await db.Pledges.AsNoTracking().Include(p => p.Deliveries).ToListAsync());
    }
}

/// <summary>The marketplace is the same from the same seed, through the SQLite bulk path and the provider-neutral one.</summary>
[Collection("regions")]
public class MarketplaceDeterminismTests(RegionsFixture fixture)
{
    [Fact]
    public async Task Both_write_paths_give_the_same_marketplace()
    {
        var options = new DemoDataOptions { Scale = 0.2 };
        var sqlite = await FingerprintAsync(options, providerNeutral: false);
        var ef = await FingerprintAsync(options, providerNeutral: true);
        Assert.Equal(sqlite, ef);
        Assert.Contains("RJ-", sqlite, StringComparison.Ordinal);
    }

    private async Task<string> FingerprintAsync(DemoDataOptions options, bool providerNeutral)
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        var result = await new DemoDataGenerator(options).GenerateAsync(db, null, providerNeutral, CancellationToken.None);
        Assert.True(result.Needs > 0 && result.Pledges > 0 && result.PledgeDeliveries > 0, result.ToString());
        var text = new StringBuilder();
        foreach (var n in await db.Needs.OrderBy(n => n.Code).Select(n => new { n.Code, n.Status, n.Requested, n.Pledged, n.Received, n.Deadline, n.ReviewerName }).ToListAsync())
        {
            text.AppendLine(n.ToString());
        }

        foreach (var p in await db.Pledges.OrderBy(p => p.Code).Select(p => new
        {
            p.Code, p.Status, p.Quantity, p.ConfirmBy,
            Need = db.Needs.Where(n => n.Id == p.NeedId).Select(n => n.Code).FirstOrDefault(),
            Delivered = db.PledgeDeliveries.Where(d => d.PledgeId == p.Id).Sum(d => (long?)d.Quantity),
        }).ToListAsync())
        {
            text.AppendLine(p.ToString());
        }

        var (count, sum) = (await db.Transactions.CountAsync(), await db.Transactions.SumAsync(t => t.AmountFen));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{count} {sum}"));
        return text.ToString();
    }
}
