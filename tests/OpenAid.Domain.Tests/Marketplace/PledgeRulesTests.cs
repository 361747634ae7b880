using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Marketplace;

/// <summary>The rules of <see cref="Pledge"/>'s own methods, at their edges.</summary>
public class PledgeRulesTests
{
    private static readonly DateOnly Today = MarketplaceArrange.Today;
    private static readonly DateTimeOffset Now = MarketplaceArrange.Now;
    private static readonly Region Village = MarketplaceArrange.Village;
    private static readonly Project Project = Sample.Project(3, "XM-451021-2020-0001", 451021101201);
    private static readonly AidProgram Program = Sample.Program(9, "DKXZ", "东西部协作");

    [Theory]
    [InlineData(0L, "INVALID_QUANTITY")]
    [InlineData(1L, null)]
    [InlineData(Fields.MaxAmountFen, null)]
    [InlineData(Fields.MaxAmountFen + 1, "INVALID_QUANTITY")]
    public void A_pledge_is_of_more_than_nothing_and_at_most_the_largest_amount(long quantity, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => ToVillage(quantity: quantity)));

    [Theory]
    [InlineData(-1, "INVALID_DATE")]
    [InlineData(0, null)]
    [InlineData(PledgeLifecycle.MaxConfirmDays, null)]
    [InlineData(PledgeLifecycle.MaxConfirmDays + 1, "INVALID_DATE")]
    public void The_confirmation_date_is_from_today_to_ninety_days_on(int days, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => ToVillage(confirmBy: Today.AddDays(days))));

    [Fact]
    public void Without_a_confirmation_date_a_pledge_has_thirty_days()
    {
        var pledge = ToVillage();
        Assert.Equal((PledgeStatus.Pledged, Today.AddDays(PledgeLifecycle.DefaultConfirmDays), Now), (pledge.Status, pledge.ConfirmBy, pledge.PledgedAt));
        Assert.Equal((Village.Code, (int?)null, (int?)null, NeedLifecycle.MoneyUnit), (pledge.RegionCode, pledge.NeedId, pledge.ProjectId, pledge.Unit));
    }

    [Fact]
    public void A_pledge_has_exactly_one_target()
    {
        var need = Open(1_000);
        Assert.Equal("ONE_TARGET_REQUIRED", MarketplaceArrange.CodeOf(() => Make(null, null, false, null)));
        Assert.Equal("ONE_TARGET_REQUIRED", MarketplaceArrange.CodeOf(() => Make(need, null, false, Village)));
        Assert.Equal("ONE_TARGET_REQUIRED", MarketplaceArrange.CodeOf(() => Make(null, Project, true, Village)));
        var township = new Region { Code = 451021101000, Name = "某镇", Level = RegionLevel.Township };
        Assert.Equal("NOT_A_VILLAGE", MarketplaceArrange.CodeOf(() => Make(null, null, false, township)));
    }

    [Fact]
    public void A_project_takes_a_pledge_only_while_it_took_pledges_on_the_pledge_s_day()
    {
        Assert.Equal("PROJECT_NOT_ACTIVE", MarketplaceArrange.CodeOf(() => Make(null, Project, false, null)));

        // A project closed by now took pledges while it was under way: the caller says so, the status is not asked.
        var pledge = Make(null, Project, true, null);
        Assert.Equal(((int?)3, Project.RegionCode), (pledge.ProjectId, pledge.RegionCode));
    }

    [Theory]
    [InlineData(1_000L, null)]
    [InlineData(1_001L, "EXCEEDS_REMAINING")]
    public void A_pledge_to_a_need_takes_exactly_the_room_left_and_not_one_more(long quantity, string? code)
    {
        var need = Open(1_000);
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Make(need, null, false, null, quantity: quantity)));
        Assert.Equal(code is null ? 1_000 : 0, need.Pledged);
    }

    [Fact]
    public void A_pledge_to_a_need_takes_its_unit_its_project_and_its_village()
    {
        var need = Open(40, "套");
        var pledge = Make(need, null, false, null, PledgeKind.Goods, 40, "套");
        Assert.Equal(("套", need.RegionCode, NeedStatus.FullyPledged), (pledge.Unit, pledge.RegionCode, need.Status));
        Assert.Equal("UNIT_MISMATCH", MarketplaceArrange.CodeOf(() => Make(Open(40, "套"), null, false, null, PledgeKind.Goods, 1, "吨")));
        Assert.Equal("KIND_MISMATCH", MarketplaceArrange.CodeOf(() => Make(Open(40, "套"), null, false, null, PledgeKind.Money, 1)));
        Assert.Equal("KIND_MISMATCH", MarketplaceArrange.CodeOf(() => Make(Open(1_000), null, false, null, PledgeKind.Goods, 1)));
        Assert.Equal("KIND_MISMATCH", MarketplaceArrange.CodeOf(() => Make(Open(1_000), null, false, null, PledgeKind.Purchases, 1)));
    }

    [Theory]
    [InlineData(PledgeKind.Money, null, "fen", null)]
    [InlineData(PledgeKind.Money, "fen", "fen", null)]
    [InlineData(PledgeKind.Purchases, "吨", null, "UNIT_NOT_APPLICABLE")]
    [InlineData(PledgeKind.Goods, " 吨 ", "吨", null)]
    [InlineData(PledgeKind.Goods, null, null, "REQUIRED")]
    [InlineData(PledgeKind.Services, "fen", null, "INVALID_UNIT")]
    public void Money_is_counted_in_fen_and_everything_else_in_its_own_unit(PledgeKind kind, string? unit, string? stored, string? code)
    {
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => ToVillage(kind, unit: unit)));
        if (code is null)
        {
            Assert.Equal(stored, ToVillage(kind, unit: unit).Unit);
        }
    }

    [Fact]
    public void A_named_program_counts_only_if_the_donor_joined_it()
    {
        Assert.Equal(9, ToVillage(program: Program, joined: true).ProgramId);
        Assert.Equal(2, ToVillage(defaultProgramId: 2).ProgramId);
        Assert.Equal("NOT_A_MEMBER", MarketplaceArrange.CodeOf(() => ToVillage(program: Program, joined: false)));
    }

    [Fact]
    public void A_pledge_is_numbered_once()
    {
        var pledge = MarketplaceArrange.NewPledge();
        Assert.Throws<InvalidOperationException>(() => pledge.Number("RJ-451021-2020-0002"));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "PLEDGE_LAPSED")]
    public void A_pledge_is_confirmed_on_its_confirmation_date_and_lapsed_the_day_after(int daysAfter, string? code)
    {
        var pledge = ToVillage(confirmBy: Today);
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => pledge.Confirm(Now, Today.AddDays(daysAfter))));
        Assert.Equal(code is null ? PledgeStatus.Confirmed : PledgeStatus.Pledged, pledge.Status);
    }

    [Fact]
    public void A_lapse_is_stored_only_after_the_confirmation_date_and_gives_the_room_back()
    {
        var need = Open(1_000);
        var pledge = Make(need, null, false, null, confirmBy: Today);

        Assert.Equal(0, pledge.Lapse(need, Today));
        Assert.Equal((PledgeStatus.Pledged, 1_000L), (pledge.Status, need.Pledged));

        Assert.Equal(1_000, pledge.Lapse(need, Today.AddDays(1)));
        Assert.Equal((PledgeStatus.Lapsed, 0L, NeedStatus.Open), (pledge.Status, need.Pledged, need.Status));
        Assert.Equal(0, pledge.Lapse(need, Today.AddDays(2)));
    }

    [Fact]
    public void A_confirmed_pledge_never_lapses()
    {
        var pledge = ToVillage(confirmBy: Today);
        pledge.Confirm(Now, Today);
        Assert.Equal(0, pledge.Lapse(null, Today.AddDays(1)));
        Assert.Equal(PledgeStatus.Confirmed, PledgeLifecycle.EffectiveStatus(pledge, Today.AddDays(1)));
    }

    [Theory]
    [InlineData(400L, null)]
    [InlineData(401L, "EXCEEDS_PLEDGE")]
    public void A_delivery_is_at_most_exactly_the_rest(long quantity, string? code)
    {
        var pledge = Confirmed(1_000);
        pledge.RecordDelivery(600, Today, "银行回单", Today);
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => pledge.RecordDelivery(quantity, Today, "银行回单", Today)));
        Assert.Equal(code is null ? 2 : 1, pledge.Deliveries.Count);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "INVALID_DATE")]
    [InlineData(-5, null)]
    [InlineData(-6, "INVALID_DATE")]
    public void A_delivery_falls_between_the_pledge_s_day_and_today(int days, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Confirmed(1_000).RecordDelivery(1, Today.AddDays(days), "银行回单", Today)));

    [Fact]
    public void A_delivery_carries_public_evidence()
    {
        Assert.Equal("REQUIRED", MarketplaceArrange.CodeOf(() => Confirmed(1_000).RecordDelivery(1, Today, " ", Today)));
        Assert.Equal("TOO_LONG", MarketplaceArrange.CodeOf(() => Confirmed(1_000).RecordDelivery(1, Today, new string('单', PledgeDelivery.EvidenceMaxLength + 1), Today)));
        Assert.Equal("银行回单", Confirmed(1_000).RecordDelivery(1, Today, " 银行回单 ", Today).Evidence);
    }

    [Fact]
    public void A_cancelled_or_completed_pledge_takes_no_delivery()
    {
        var cancelled = Confirmed(1_000);
        cancelled.Cancel("企业经营困难。", null, Today);
        Assert.Equal("INVALID_TRANSITION", MarketplaceArrange.CodeOf(() => cancelled.RecordDelivery(1, Today, "x", Today)));

        var completed = Confirmed(1_000);
        completed.ConfirmReceipt(completed.RecordDelivery(1_000, Today, "x", Today), null, "村委会", Now);
        Assert.Equal(PledgeStatus.Completed, completed.Status);
        Assert.Equal("INVALID_TRANSITION", MarketplaceArrange.CodeOf(() => completed.RecordDelivery(1, Today, "x", Today)));
        Assert.Equal("INVALID_TRANSITION", MarketplaceArrange.CodeOf(() => completed.Cancel("x", null, Today)));
        Assert.Equal("INVALID_TRANSITION", MarketplaceArrange.CodeOf(() => completed.Confirm(Now, Today)));
    }

    [Fact]
    public void A_receipt_counts_in_the_need_and_belongs_to_the_pledge()
    {
        var need = Open(1_000);
        var pledge = Make(need, null, false, null);
        pledge.Confirm(Now, Today);
        var delivery = pledge.RecordDelivery(1_000, Today, "银行回单", Today);
        Assert.Throws<ArgumentException>(() => Confirmed(1_000).ConfirmReceipt(delivery, null, "村委会", Now));

        pledge.ConfirmReceipt(delivery, need, "村委会（驻村工作队）", Now);
        Assert.Equal((1_000L, NeedStatus.Fulfilled), (need.Received, need.Status));
        Assert.Equal(("村委会（驻村工作队）", (DateTimeOffset?)Now), (delivery.ReceivedBy, delivery.ReceivedAt));
    }

    [Fact]
    public void Cancelling_gives_the_undelivered_room_back_to_the_need()
    {
        var need = Open(1_000);
        var pledge = Make(need, null, false, null);
        pledge.Confirm(Now, Today);
        pledge.RecordDelivery(250, Today, "银行回单", Today);

        Assert.Equal(750, pledge.Cancel(" 企业经营困难。 ", need, Today));
        Assert.Equal((250L, NeedStatus.PartlyPledged, "企业经营困难。"), (need.Pledged, need.Status, pledge.CancellationReason));
        Assert.Equal("REQUIRED", MarketplaceArrange.CodeOf(() => Confirmed(1_000).Cancel(" ", null, Today)));
    }

    private static Pledge Make(
        Need? need, Project? project, bool projectTakesPledges, Region? village, PledgeKind kind = PledgeKind.Money, long quantity = 1_000,
        string? unit = null, DateOnly? confirmBy = null, AidProgram? program = null, bool joined = false, int? defaultProgramId = null) =>
        Pledge.Make(MarketplaceArrange.Donor, need, project, projectTakesPledges, village, kind, quantity, unit, confirmBy, program, joined, defaultProgramId, Now, Today);

    private static Pledge ToVillage(
        PledgeKind kind = PledgeKind.Money, long quantity = 1_000, string? unit = null, DateOnly? confirmBy = null, AidProgram? program = null,
        bool joined = false, int? defaultProgramId = null) =>
        Make(null, null, false, Village, kind, quantity, unit, confirmBy, program, joined, defaultProgramId);

    /// <summary>A pledge made five days ago and confirmed.</summary>
    private static Pledge Confirmed(long quantity)
    {
        var pledge = MarketplaceArrange.NewPledge(quantity);
        pledge.Confirm(Now, Today);
        return pledge;
    }

    private static Need Open(long requested, string unit = NeedLifecycle.MoneyUnit) =>
        MarketplaceArrange.NewNeed(requested, unit, NeedStatus.Open);
}
