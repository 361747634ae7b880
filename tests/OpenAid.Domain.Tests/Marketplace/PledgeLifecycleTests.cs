using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Marketplace;

public class PledgeLifecycleTests
{
    private static readonly DateOnly Today = MarketplaceArrange.Today;
    private static readonly DateTimeOffset Now = MarketplaceArrange.Now;

    /// <summary>A pledge made five days ago (<see cref="MarketplaceArrange.NewPledge"/>), brought to <paramref name="status"/> through its methods.</summary>
    private static Pledge NewPledge(long quantity = 1_000, PledgeKind kind = PledgeKind.Money, int confirmInDays = 10, PledgeStatus status = PledgeStatus.Pledged)
    {
        var pledge = MarketplaceArrange.NewPledge(quantity, kind, status == PledgeStatus.Lapsed ? -1 : confirmInDays);
        switch (status)
        {
            case PledgeStatus.Lapsed:
                pledge.Lapse(null, Today);
                return pledge;
            case PledgeStatus.Cancelled:
                pledge.Cancel("企业经营困难。", null, Today);
                return pledge;
            case PledgeStatus.Pledged:
                return pledge;
        }

        pledge.Confirm(Now, Today);
        switch (status)
        {
            case PledgeStatus.Delivered:
                pledge.RecordDelivery(1, Today, "银行回单", Today);
                break;
            case PledgeStatus.Completed:
                pledge.ConfirmReceipt(pledge.RecordDelivery(quantity, Today, "银行回单", Today), null, "村委会", Now);
                break;
        }

        return pledge;
    }

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

    [Fact]
    public void A_tally_rates_only_pledges_with_a_deadline()
    {
        var tally = new PledgeTally();
        Assert.Null(tally.OnTimeShare);

        tally.Add(NewPledge(), null, Today);
        Assert.Null(tally.OnTimeShare);

        var completed = NewPledge();
        completed.Confirm(Now, Today);
        completed.ConfirmReceipt(completed.RecordDelivery(1_000, Today, "x", Today), null, "村委会", Now);
        tally.Add(completed, Today, Today);
        tally.Add(NewPledge(status: PledgeStatus.Cancelled), Today, Today);

        Assert.Equal((3, 1, 1, 1), (tally.Pledges, tally.Confirmed, tally.OnTime, tally.Late));
        Assert.Equal(0.5m, tally.OnTimeShare);
    }

    [Fact]
    public void A_pledge_stays_delivered_while_any_delivery_awaits_the_village()
    {
        var pledge = NewPledge(status: PledgeStatus.Confirmed);
        var first = pledge.RecordDelivery(300, Today, "x", Today);
        var second = pledge.RecordDelivery(200, Today, "x", Today);

        pledge.ConfirmReceipt(first, null, "村委会", Now);
        Assert.Equal(PledgeStatus.Delivered, pledge.Status);

        pledge.ConfirmReceipt(second, null, "村委会", Now);
        Assert.Equal(PledgeStatus.Received, pledge.Status);
        Assert.Equal((500L, 500L), (PledgeLifecycle.Delivered(pledge), PledgeLifecycle.Received(pledge)));
    }

    [Theory]
    [InlineData(-3, Punctuality.Late)] // due before the last delivery
    [InlineData(-1, Punctuality.Late)] // due between the first and the last delivery
    [InlineData(0, Punctuality.OnTime)] // the last delivery on the due date
    [InlineData(5, Punctuality.OnTime)]
    public void A_completed_pledge_is_on_time_when_its_last_delivery_is(int dueInDays, Punctuality expected)
    {
        var pledge = NewPledge(status: PledgeStatus.Confirmed);
        foreach (var deliveredOn in (DateOnly[])[Today.AddDays(-2), Today])
        {
            pledge.ConfirmReceipt(pledge.RecordDelivery(500, deliveredOn, "x", Today), null, "村委会", Now);
        }

        Assert.Equal(PledgeStatus.Completed, pledge.Status);
        Assert.Equal(expected, PledgeLifecycle.Punctuality(pledge, Today.AddDays(dueInDays), Today));
    }

    [Theory]
    [InlineData(PledgeStatus.Confirmed, 0, Punctuality.NotRated)] // due today: not overdue yet
    [InlineData(PledgeStatus.Confirmed, -1, Punctuality.Late)]
    [InlineData(PledgeStatus.Delivered, -1, Punctuality.Late)]
    [InlineData(PledgeStatus.Cancelled, 30, Punctuality.Late)] // never delivered counts late at once
    [InlineData(PledgeStatus.Lapsed, 30, Punctuality.Late)]
    public void A_pledge_not_completed_is_late_once_settled_or_overdue(PledgeStatus status, int dueInDays, Punctuality expected) =>
        Assert.Equal(expected, PledgeLifecycle.Punctuality(NewPledge(status: status), Today.AddDays(dueInDays), Today));

    [Theory]
    [InlineData(PledgeKind.Money, true)]
    [InlineData(PledgeKind.Purchases, true)]
    [InlineData(PledgeKind.Goods, false)]
    [InlineData(PledgeKind.Services, false)]
    [InlineData(PledgeKind.Jobs, false)]
    public void Money_and_purchases_are_counted_in_fen(PledgeKind kind, bool money) => Assert.Equal(money, PledgeLifecycle.IsMoney(kind));

    [Theory]
    [InlineData(PledgeStatus.Pledged, true)]
    [InlineData(PledgeStatus.Confirmed, true)]
    [InlineData(PledgeStatus.Delivered, true)]
    [InlineData(PledgeStatus.Received, true)]
    [InlineData(PledgeStatus.Completed, false)]
    [InlineData(PledgeStatus.Cancelled, false)]
    [InlineData(PledgeStatus.Lapsed, false)]
    public void A_pledge_is_under_way_until_completed_cancelled_or_lapsed(PledgeStatus status, bool open) =>
        Assert.Equal(open, PledgeLifecycle.IsOpen(status));

    public static TheoryData<Action, string, string, string> Refusals => new()
    {
        { () => NewPledge(status: PledgeStatus.Confirmed).Confirm(Now, Today), "INVALID_TRANSITION", "pledge", "Pledge RJ-451021-2020-0001 is Confirmed and cannot be confirmed: only a pledge awaiting its agreement is." },
        { () => NewPledge(confirmInDays: -1).Confirm(Now, Today), "PLEDGE_LAPSED", "pledge", "Pledge RJ-451021-2020-0001 lapsed: it was not confirmed by 2020-05-31. Pledge again if the offer stands." },
        { () => NewPledge().RecordDelivery(1, Today, "x", Today), "PLEDGE_NOT_CONFIRMED", "pledge", "Pledge RJ-451021-2020-0001 has no agreement yet:" },
        { () => NewPledge(confirmInDays: -1).RecordDelivery(1, Today, "x", Today), "PLEDGE_LAPSED", "pledge", "Pledge RJ-451021-2020-0001 lapsed: it was not confirmed by 2020-05-31." },
        { () => NewPledge(status: PledgeStatus.Cancelled).RecordDelivery(1, Today, "x", Today), "INVALID_TRANSITION", "pledge", "Pledge RJ-451021-2020-0001 is Cancelled and cannot be delivered: only a confirmed pledge that is not completed or cancelled is." },
        { () => NewPledge(status: PledgeStatus.Completed).RecordDelivery(1, Today, "x", Today), "INVALID_TRANSITION", "pledge", "Pledge RJ-451021-2020-0001 is Completed and cannot be delivered:" },
        { () => NewPledge(status: PledgeStatus.Confirmed).RecordDelivery(0, Today, "x", Today), "INVALID_QUANTITY", "quantity", "'quantity' must be more than 0; it was 0." },
        { () => NewPledge(status: PledgeStatus.Confirmed).RecordDelivery(1_001, Today, "x", Today), "EXCEEDS_PLEDGE", "quantity", "Pledge RJ-451021-2020-0001 has 10.00 yuan left to deliver; 10.01 yuan were recorded." },
        { () => NewPledge(40, PledgeKind.Goods, status: PledgeStatus.Confirmed).RecordDelivery(41, Today, "x", Today), "EXCEEDS_PLEDGE", "quantity", "Pledge RJ-451021-2020-0001 has 40 套 left to deliver; 41 套 were recorded." },
        { () => NewPledge(status: PledgeStatus.Confirmed).RecordDelivery(1, new DateOnly(2020, 5, 26), "x", Today), "INVALID_DATE", "deliveredOn", "'deliveredOn' (2020-05-26) must fall between the pledge (2020-05-27) and today." },
        { ReceiveTwice, "ALREADY_RECEIVED", "delivery", "This delivery of pledge RJ-451021-2020-0001 was confirmed as received on 2020-06-01." },
        { () => NewPledge(status: PledgeStatus.Completed).Cancel("x", null, Today), "INVALID_TRANSITION", "pledge", "Pledge RJ-451021-2020-0001 is Completed and cannot be cancelled: only a pledge under way is." },
        { () => ToVillage(quantity: 0), "INVALID_QUANTITY", "quantity", "'quantity' must be more than 0 and at most 100000000000000; it was 0." },
        { () => ToVillage(confirmBy: Today.AddDays(-1)), "INVALID_DATE", "confirmBy", "'confirmBy' (2020-05-31) must be from today to 90 days on." },
        { () => Make(project: Sample.Project(3, "XM-451021-2020-0001", 451021101201)), "PROJECT_NOT_ACTIVE", "project", "Project XM-451021-2020-0001 is InLibrary; pledge to an active project." },
        { () => Make(village: new Region { Code = 451021101000, Name = "某镇", Level = RegionLevel.Township }), "NOT_A_VILLAGE", "village", "某镇 is a Township; pledge to a village (12 digits), or to one of its needs." },
        { () => Make(), "ONE_TARGET_REQUIRED", "need", "Pledge against exactly one of 'need', 'project' or 'village'." },
        { () => ToVillage(program: Sample.Program(9, "DKXZ", "东西部协作")), "NOT_A_MEMBER", "program", "某企业 has not joined 东西部协作; pledge without 'program' or for a program it joined." },
        { () => Make(need: Open(1_000), kind: PledgeKind.Goods), "KIND_MISMATCH", "kind", "Need XQ-451021-2020-0001 asks money; a Goods pledge does not fit it." },
        { () => Make(need: Open(40, "套")), "KIND_MISMATCH", "kind", "Need XQ-451021-2020-0001 asks a quantity in 套; a Money pledge does not fit it." },
        { () => Make(need: Open(40, "套"), kind: PledgeKind.Goods, unit: "吨"), "UNIT_MISMATCH", "unit", "Need XQ-451021-2020-0001 is counted in 套; pledge in that unit." },
        { () => ToVillage(unit: "吨"), "UNIT_NOT_APPLICABLE", "unit", "Money and purchases are counted in fen; leave 'unit' out." },
        { () => ToVillage(PledgeKind.Goods, unit: " "), "REQUIRED", "unit", "'unit' must not be empty." },
        { () => ToVillage(PledgeKind.Services, unit: "fen"), "INVALID_UNIT", "unit", "Pledge money as kind MONEY." },
        { () => NewPledge(status: PledgeStatus.Confirmed).RecordDelivery(1, Today, " ", Today), "REQUIRED", "evidence", "'evidence' must not be empty." },
        { () => NewPledge().Cancel(" ", null, Today), "REQUIRED", "reason", "'reason' must not be empty." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_names_the_pledge_the_field_and_the_rule(Action refused, string code, string field, string explanation)
    {
        var error = Assert.Throws<DomainException>(refused);

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.StartsWith(explanation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_purchase_need_takes_purchases_and_no_other_money()
    {
        Assert.Equal(PledgeKind.Purchases, Make(need: PurchaseNeed(), kind: PledgeKind.Purchases).Kind);
        Assert.Equal("KIND_MISMATCH", Assert.Throws<DomainException>(() => Make(need: PurchaseNeed(), kind: PledgeKind.Money)).Code);
    }

    [Fact]
    public void A_pledge_is_numbered_once_linked_to_its_written_need_and_marked_as_demo()
    {
        var pledge = NewPledge();
        Assert.Equal("Pledge RJ-451021-2020-0001 already has its number.", Assert.Throws<InvalidOperationException>(() => pledge.Number("RJ-2")).Message);
        pledge.LinkWrittenNeed(Open(1_000).WithId(12));
        Assert.Equal(12, pledge.NeedId);
        pledge.MarkAsDemo();
        Assert.True(pledge.IsDemo);
    }

    [Fact]
    public void Nothing_is_pledged_linked_or_received_without_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Pledge.Make(null!, null, null, false, MarketplaceArrange.Village, PledgeKind.Money, 1, null, null, null, false, null, Now, Today));
        Assert.Throws<ArgumentNullException>(() => NewPledge().LinkWrittenNeed(null!));
        Assert.Throws<ArgumentNullException>(() => NewPledge(status: PledgeStatus.Confirmed).ConfirmReceipt(null!, null, "村委会", Now));

        var foreign = NewPledge(status: PledgeStatus.Confirmed).RecordDelivery(1, Today, "x", Today);
        var refused = Assert.Throws<ArgumentException>(() => NewPledge(status: PledgeStatus.Confirmed).ConfirmReceipt(foreign, null, "村委会", Now));
        Assert.Equal(("delivery", "The delivery is not one of pledge RJ-451021-2020-0001. (Parameter 'delivery')"), (refused.ParamName, refused.Message));
    }

    private static Pledge Make(
        Need? need = null, Project? project = null, Region? village = null, PledgeKind kind = PledgeKind.Money, long quantity = 1_000, string? unit = null,
        DateOnly? confirmBy = null, AidProgram? program = null)
    {
        var pledge = Pledge.Make(MarketplaceArrange.Donor, need, project, false, village, kind, quantity, unit, confirmBy, program, false, null, Now, Today);
        pledge.Number("RJ-451021-2020-0001");
        return pledge;
    }

    private static Pledge ToVillage(PledgeKind kind = PledgeKind.Money, long quantity = 1_000, string? unit = null, DateOnly? confirmBy = null, AidProgram? program = null) =>
        Make(village: MarketplaceArrange.Village, kind: kind, quantity: quantity, unit: unit, confirmBy: confirmBy, program: program);

    private static Need Open(long requested, string unit = NeedLifecycle.MoneyUnit) => MarketplaceArrange.NewNeed(requested, unit, NeedStatus.Open);

    private static Need PurchaseNeed()
    {
        var need = Need.Register(
            MarketplaceArrange.Village, NeedCategory.ProductPurchase, "采购农产品", "采购百香果。", 100_000, null, null, Today.AddDays(30), NeedPriority.Normal, null, null, 1,
            submit: true, Now, Today);
        need.Approve("李明", null, new NeedCap(long.MaxValue, long.MaxValue), Now, Today);
        return need;
    }

    private static void ReceiveTwice()
    {
        var pledge = NewPledge(status: PledgeStatus.Confirmed);
        var delivery = pledge.RecordDelivery(1, Today, "x", Today);
        pledge.ConfirmReceipt(delivery, null, "村委会", Now);
        pledge.ConfirmReceipt(delivery, null, "村委会", Now);
    }

    private static string Code(Action action) => Assert.Throws<DomainException>(action).Code;
}
