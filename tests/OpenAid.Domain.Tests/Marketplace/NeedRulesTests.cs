using OpenAid.Domain.Needs;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Marketplace;

/// <summary>The rules of <see cref="Need"/>'s own methods, at their edges.</summary>
public class NeedRulesTests
{
    private static readonly DateOnly Today = MarketplaceArrange.Today;
    private static readonly DateTimeOffset Now = MarketplaceArrange.Now;
    private static readonly Region Village = MarketplaceArrange.Village;
    private static readonly NeedCap Cap = new(MaxFen: 1_000_000, MaxQuantity: 100);

    [Theory]
    [InlineData(0, "INVALID_DATE")]
    [InlineData(1, null)]
    [InlineData(NeedLifecycle.MaxDeadlineDays, null)]
    [InlineData(NeedLifecycle.MaxDeadlineDays + 1, "INVALID_DATE")]
    public void A_deadline_is_after_today_and_within_two_years(int days, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Register(deadline: Today.AddDays(days))));

    [Theory]
    [InlineData(100_000L, null, null, null)]
    [InlineData(100_000L, null, "套", "UNIT_NOT_APPLICABLE")]
    [InlineData(0L, null, null, "INVALID_AMOUNT")]
    [InlineData(null, 1L, "套", null)]
    [InlineData(null, Need.MaxQuantity, "套", null)]
    [InlineData(null, Need.MaxQuantity + 1, "套", "INVALID_QUANTITY")]
    [InlineData(null, 0L, "套", "INVALID_QUANTITY")]
    [InlineData(null, 5L, null, "REQUIRED")]
    [InlineData(null, 5L, "FEN", "INVALID_UNIT")]
    [InlineData(null, null, null, "REQUIRED")]
    [InlineData(100_000L, 5L, "套", "AMBIGUOUS_AMOUNT")]
    public void A_need_asks_either_money_or_a_quantity_in_a_unit(long? amountFen, long? quantity, string? unit, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Register(amountFen, quantity, unit)));

    [Fact]
    public void A_need_is_registered_as_a_draft_or_submitted_at_once_for_a_village_or_a_township()
    {
        var draft = Register();
        Assert.Equal((NeedStatus.Draft, Village.Code, NeedLifecycle.MoneyUnit, 0L), (draft.Status, draft.RegionCode, draft.Unit, draft.Pledged));
        Assert.Equal(NeedStatus.PendingReview, Register(submit: true).Status);

        var township = new Region { Code = 451021101000, Name = "某镇", Level = RegionLevel.Township };
        Assert.Equal(township.Code, Register(region: township).RegionCode);
        var county = new Region { Code = 451021000000, Name = "某县", Level = RegionLevel.County };
        Assert.Equal("NOT_A_VILLAGE", MarketplaceArrange.CodeOf(() => Register(region: county)));
    }

    [Fact]
    public void A_project_or_a_pairing_is_linked_only_where_it_covers_the_place()
    {
        var here = Sample.Project(3, "XM-1", 451021000000);
        var elsewhere = Sample.Project(4, "XM-2", 451022000000);
        var pairing = Sample.Pairing(5, "JD-1", 451021101201);
        var farPairing = Sample.Pairing(6, "JD-2", 451021102000);

        var need = Register(project: here, pairing: pairing);
        Assert.Equal(((int?)3, (int?)5), (need.ProjectId, need.PairingId));
        Assert.Equal("PROJECT_ELSEWHERE", MarketplaceArrange.CodeOf(() => Register(project: elsewhere)));
        Assert.Equal("PAIRING_ELSEWHERE", MarketplaceArrange.CodeOf(() => Register(pairing: farPairing)));
    }

    [Fact]
    public void A_need_is_numbered_once()
    {
        var need = Register();
        need.Number("XQ-451021-2020-0001");
        Assert.Equal("XQ-451021-2020-0001", need.Code);
        Assert.Throws<InvalidOperationException>(() => need.Number("XQ-451021-2020-0002"));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, "DEADLINE_PASSED")]
    public void A_need_is_approved_up_to_its_deadline(int deadlineInDays, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Pending(deadlineInDays: deadlineInDays).Approve("李明", null, Cap, Now, Today)));

    [Theory]
    [InlineData(1_000_000, NeedLifecycle.MoneyUnit, null, null)]
    [InlineData(1_000_000, NeedLifecycle.MoneyUnit, "理由。", "OVERRIDE_NOT_NEEDED")]
    [InlineData(1_000_001, NeedLifecycle.MoneyUnit, null, "CAP_OVERRIDE_REQUIRED")]
    [InlineData(1_000_001, NeedLifecycle.MoneyUnit, "理由。", null)]
    [InlineData(100, "套", null, null)]
    [InlineData(100, "套", "理由。", "OVERRIDE_NOT_NEEDED")]
    [InlineData(101, "套", null, "CAP_OVERRIDE_REQUIRED")]
    [InlineData(101, "套", "理由。", null)]
    public void The_cap_takes_a_need_exactly_at_its_limit_and_one_over_only_with_a_reason(long requested, string unit, string? reason, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Pending(requested, unit).Approve("李明", reason, Cap, Now, Today)));

    [Fact]
    public void A_review_approves_or_rejects_with_only_its_own_reason_and_never_by_the_registrant()
    {
        Assert.Equal("REVIEWER_IS_REGISTRANT", MarketplaceArrange.CodeOf(() => Pending().Review(NeedReviewDecision.Approve, "李明", true, null, null, Cap, Now, Today)));
        Assert.Equal("REASON_NOT_APPLICABLE", MarketplaceArrange.CodeOf(() => Pending().Review(NeedReviewDecision.Approve, "李明", false, "重复。", null, Cap, Now, Today)));
        Assert.Equal("REASON_NOT_APPLICABLE", MarketplaceArrange.CodeOf(() => Pending().Review(NeedReviewDecision.Reject, "李明", false, "重复。", "理由。", Cap, Now, Today)));
        Assert.Equal("REQUIRED", MarketplaceArrange.CodeOf(() => Pending().Review(NeedReviewDecision.Reject, "李明", false, " ", null, Cap, Now, Today)));

        var approved = Pending(requested: 1_000_001);
        approved.Review(NeedReviewDecision.Approve, "李明", false, " ", " 深度贫困村。 ", Cap, Now, Today);
        Assert.Equal((NeedStatus.Open, "深度贫困村。"), (approved.Status, approved.CapOverrideReason));

        var rejected = Pending();
        rejected.Review(NeedReviewDecision.Reject, "李明", false, " 重复。 ", null, Cap, Now, Today);
        Assert.Equal((NeedStatus.Rejected, "重复。", "李明", (DateTimeOffset?)Now), (rejected.Status, rejected.RejectionReason, rejected.ReviewerName, rejected.ReviewedAt));
    }

    [Fact]
    public void A_reviewer_is_published_with_their_unit_unless_both_together_are_too_long()
    {
        Assert.Equal("李明（凌云县扶贫开发办公室）", Need.ReviewerNameOf(" 李明 ", "凌云县扶贫开发办公室"));
        Assert.Equal("李明", Need.ReviewerNameOf("李明", new string('办', Need.ReviewerNameMaxLength - 3)));
        Assert.Equal($"李明（{new string('办', Need.ReviewerNameMaxLength - 4)}）", Need.ReviewerNameOf("李明", new string('办', Need.ReviewerNameMaxLength - 4)));
        Assert.Equal("REVIEWER_NOT_NAMED", MarketplaceArrange.CodeOf(() => Need.ReviewerNameOf(" ", "凌云县扶贫开发办公室")));
        Assert.Equal("REVIEWER_NOT_NAMED", MarketplaceArrange.CodeOf(() => Need.ReviewerNameOf(null, "凌云县扶贫开发办公室")));
        Assert.Null(MarketplaceArrange.CodeOf(() => Need.ReviewerNameOf(new string('李', Need.ReviewerOwnNameMaxLength), "x")));
        Assert.Equal("TOO_LONG", MarketplaceArrange.CodeOf(() => Need.ReviewerNameOf(new string('李', Need.ReviewerOwnNameMaxLength + 1), "x")));
    }

    [Theory]
    [InlineData(999, NeedStatus.PartlyPledged)]
    [InlineData(1_000, NeedStatus.FullyPledged)]
    public void A_pledge_takes_up_to_exactly_the_room_left(long quantity, NeedStatus status)
    {
        var need = Open(1_000);
        need.TakePledge(quantity, Today);
        Assert.Equal((status, quantity, 1_000 - quantity), (need.Status, need.Pledged, need.Remaining));
    }

    [Fact]
    public void One_more_than_the_room_left_is_refused_and_changes_nothing()
    {
        var need = Open(1_000);
        need.TakePledge(400, Today);
        Assert.Equal("EXCEEDS_REMAINING", MarketplaceArrange.CodeOf(() => need.TakePledge(601, Today)));
        Assert.Equal((400L, NeedStatus.PartlyPledged), (need.Pledged, need.Status));
        need.TakePledge(600, Today);
        Assert.Equal("NEED_FULLY_PLEDGED", MarketplaceArrange.CodeOf(() => need.TakePledge(1, Today)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, "NEED_EXPIRED")]
    public void A_need_takes_pledges_on_its_deadline_and_not_the_day_after(int deadlineInDays, string? code) =>
        Assert.Equal(code, MarketplaceArrange.CodeOf(() => Open(1_000, deadlineInDays).TakePledge(1, Today)));

    [Fact]
    public void Released_room_reopens_the_need_and_never_goes_below_nothing()
    {
        var need = Open(1_000);
        need.TakePledge(1_000, Today);
        need.Release(300);
        Assert.Equal((700L, NeedStatus.PartlyPledged), (need.Pledged, need.Status));
        need.Release(5_000);
        Assert.Equal((0L, NeedStatus.Open), (need.Pledged, need.Status));
    }

    [Fact]
    public void Received_exactly_what_was_asked_fulfils_the_need()
    {
        var need = Open(1_000);
        need.TakePledge(1_000, Today);
        need.Receive(999);
        Assert.Equal(NeedStatus.FullyPledged, need.Status);
        need.Receive(1);
        Assert.Equal((NeedStatus.Fulfilled, 1_000L), (need.Status, need.Received));
    }

    [Fact]
    public void A_need_with_pledges_under_way_does_not_close()
    {
        var need = Open(1_000);
        need.TakePledge(500, Today);
        Assert.Equal("NEED_HAS_OPEN_PLEDGES", MarketplaceArrange.CodeOf(() => need.Close(0, hasOpenPledges: true, Today)));
        Assert.Equal(NeedStatus.PartlyPledged, need.Status);

        need.Close(0, hasOpenPledges: false, Today);
        Assert.Equal(NeedStatus.Closed, need.Status);
        Assert.Equal("INVALID_TRANSITION", MarketplaceArrange.CodeOf(() => need.Close(0, hasOpenPledges: false, Today)));
    }

    [Fact]
    public void An_expired_need_closes_but_a_rejected_one_does_not()
    {
        var expired = Open(1_000, deadlineInDays: -1);
        expired.Close(0, hasOpenPledges: false, Today);
        Assert.Equal(NeedStatus.Closed, expired.Status);
        Assert.Equal("INVALID_TRANSITION", MarketplaceArrange.CodeOf(() => MarketplaceArrange.NewNeed(status: NeedStatus.Rejected).Close(0, false, Today)));
    }

    private static Need Register(
        long? amountFen = 100_000, long? quantity = null, string? unit = null, DateOnly? deadline = null, Region? region = null,
        Project? project = null, Pairing? pairing = null, bool submit = false) =>
        Need.Register(
            region ?? Village, NeedCategory.Education, "助学金", "资助12名学生。", amountFen, quantity, unit, deadline ?? Today.AddDays(30),
            NeedPriority.Normal, project, pairing, 1, submit, Now, Today);

    private static Need Pending(long requested = 100_000, string unit = NeedLifecycle.MoneyUnit, int deadlineInDays = 30) =>
        MarketplaceArrange.NewNeed(requested, unit, NeedStatus.PendingReview, deadlineInDays);

    private static Need Open(long requested, int deadlineInDays = 30) =>
        MarketplaceArrange.NewNeed(requested, NeedLifecycle.MoneyUnit, NeedStatus.Open, deadlineInDays);
}
