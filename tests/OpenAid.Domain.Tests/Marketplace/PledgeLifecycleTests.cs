using OpenAid.Domain.Common;
using OpenAid.Domain.Pledges;

namespace OpenAid.Domain.Tests.Marketplace;

public class PledgeLifecycleTests
{
    private static readonly DateOnly Today = MarketplaceArrange.Today;
    private static readonly DateTimeOffset Now = MarketplaceArrange.Now;

    private static Pledge NewPledge(long quantity = 1_000, PledgeKind kind = PledgeKind.Money, int confirmInDays = 10) =>
        MarketplaceArrange.NewPledge(quantity, kind, confirmInDays);

    [Fact]
    public void A_pledge_is_confirmed_delivered_in_parts_received_and_completed()
    {
        var pledge = NewPledge();
        pledge.Confirm(Now, Today);
        Assert.Equal(PledgeStatus.Confirmed, pledge.Status);

        var first = pledge.RecordDelivery(600, Today, "银行回单", Today);
        Assert.Equal(PledgeStatus.Delivered, pledge.Status);
        pledge.ConfirmReceipt(first, null, "某村委会（驻村工作队）", Now);
        Assert.Equal(PledgeStatus.Received, pledge.Status);

        Assert.Equal("EXCEEDS_PLEDGE", Code(() => pledge.RecordDelivery(401, Today, "银行回单", Today)));
        var second = pledge.RecordDelivery(400, Today, "银行回单", Today);
        Assert.Equal(PledgeStatus.Delivered, pledge.Status);
        Assert.Equal("EXCEEDS_PLEDGE", Code(() => pledge.RecordDelivery(1, Today, "银行回单", Today)));
        pledge.ConfirmReceipt(second, null, "某村委会（驻村工作队）", Now);
        Assert.Equal(PledgeStatus.Completed, pledge.Status);
        Assert.Equal("ALREADY_RECEIVED", Code(() => pledge.ConfirmReceipt(second, null, "x", Now)));
        Assert.Equal(1_000, PledgeLifecycle.Received(pledge));
    }

    [Fact]
    public void Deliveries_need_an_agreement_a_positive_quantity_and_a_date_between_pledge_and_today()
    {
        var pledge = NewPledge();
        Assert.Equal("PLEDGE_NOT_CONFIRMED", Code(() => pledge.RecordDelivery(1, Today, "x", Today)));
        pledge.Confirm(Now, Today);
        Assert.Equal("INVALID_QUANTITY", Code(() => pledge.RecordDelivery(0, Today, "x", Today)));
        Assert.Equal("INVALID_QUANTITY", Code(() => pledge.RecordDelivery(-5, Today, "x", Today)));
        Assert.Equal("INVALID_DATE", Code(() => pledge.RecordDelivery(1, Today.AddDays(1), "x", Today)));
        Assert.Equal("INVALID_DATE", Code(() => pledge.RecordDelivery(1, Today.AddDays(-30), "x", Today)));
        Assert.Empty(pledge.Deliveries);
    }

    [Fact]
    public void An_unconfirmed_pledge_lapses_after_its_date_without_any_job()
    {
        var pledge = NewPledge(confirmInDays: 0);
        Assert.Equal(PledgeStatus.Pledged, PledgeLifecycle.EffectiveStatus(pledge, Today));
        var later = Today.AddDays(1);
        Assert.Equal(PledgeStatus.Lapsed, PledgeLifecycle.EffectiveStatus(pledge, later));
        Assert.Equal("PLEDGE_LAPSED", Code(() => pledge.Confirm(Now, later)));
        Assert.Equal("PLEDGE_LAPSED", Code(() => pledge.Cancel("x", null, later)));

        Assert.Equal(0, pledge.Lapse(null, Today));
        Assert.Equal(1_000, pledge.Lapse(null, later));
        Assert.Equal(PledgeStatus.Lapsed, pledge.Status);
        Assert.Equal(0, PledgeLifecycle.Holding(pledge));
    }

    [Fact]
    public void Cancelling_gives_back_what_was_not_delivered()
    {
        var pledge = NewPledge();
        pledge.Confirm(Now, Today);
        pledge.RecordDelivery(300, Today, "x", Today);

        var released = pledge.Cancel("企业经营困难。", null, Today);

        Assert.Equal(700, released);
        Assert.Equal(PledgeStatus.Cancelled, pledge.Status);
        Assert.Equal(300, PledgeLifecycle.Holding(pledge));
        Assert.Equal("INVALID_TRANSITION", Code(() => pledge.Cancel("x", null, Today)));

        // The village may still confirm what did arrive; the pledge stays cancelled.
        pledge.ConfirmReceipt(pledge.Deliveries[0], null, "村委会", Now);
        Assert.Equal(PledgeStatus.Cancelled, pledge.Status);
    }

    [Fact]
    public void Punctuality_is_rated_against_the_deadline_once_settled_or_overdue()
    {
        var due = Today.AddDays(10);
        var onTime = NewPledge();
        onTime.Confirm(Now, Today);
        onTime.ConfirmReceipt(onTime.RecordDelivery(1_000, Today, "x", Today), null, "村委会", Now);
        Assert.Equal(Punctuality.OnTime, PledgeLifecycle.Punctuality(onTime, due, Today));
        Assert.Equal(Punctuality.Late, PledgeLifecycle.Punctuality(onTime, Today.AddDays(-1), Today));
        Assert.Equal(Punctuality.NotRated, PledgeLifecycle.Punctuality(onTime, null, Today));

        var open = NewPledge();
        Assert.Equal(Punctuality.NotRated, PledgeLifecycle.Punctuality(open, due, Today));
        Assert.Equal(Punctuality.Late, PledgeLifecycle.Punctuality(open, due, due.AddDays(1)));
    }

    [Fact]
    public void A_tally_counts_each_step_and_adds_money_only()
    {
        var tally = new PledgeTally();
        var completed = NewPledge(1_000);
        completed.Confirm(Now, Today);
        completed.ConfirmReceipt(completed.RecordDelivery(1_000, Today, "x", Today), null, "村委会", Now);
        var cancelled = NewPledge(500);
        cancelled.Confirm(Now, Today);
        cancelled.RecordDelivery(200, Today, "x", Today);
        cancelled.Cancel("x", null, Today);
        var lapsed = NewPledge(300, confirmInDays: -1);
        var goods = NewPledge(40, PledgeKind.Goods);

        foreach (var pledge in (Pledge[])[completed, cancelled, lapsed, goods])
        {
            tally.Add(pledge, Today.AddDays(5), Today);
        }

        Assert.Equal((4, 2, 2, 1, 1, 1, 1, 1), (tally.Pledges, tally.Confirmed, tally.Delivered, tally.Received, tally.Completed, tally.Cancelled, tally.Lapsed, tally.Open));
        Assert.Equal((1_800L, 1_500L, 1_200L, 1_000L, 600L), (tally.MoneyPledgedFen, tally.MoneyConfirmedFen, tally.MoneyDeliveredFen, tally.MoneyReceivedFen, tally.MoneyWithdrawnFen));
        Assert.Equal((1, 2), (tally.OnTime, tally.Late));
        Assert.Equal(1m / 3, tally.OnTimeShare);
    }

    private static string Code(Action action) => Assert.Throws<DomainException>(action).Code;
}
