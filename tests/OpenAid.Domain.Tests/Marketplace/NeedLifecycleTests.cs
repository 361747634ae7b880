using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Marketplace;

public class NeedLifecycleTests
{
    private static readonly DateOnly Today = MarketplaceArrange.Today;
    private static readonly DateTimeOffset Now = MarketplaceArrange.Now;
    private static readonly NeedCap Cap = new(MaxFen: 1_000_000, MaxQuantity: 100);

    private static Need NewNeed(long requested = 100_000, string unit = NeedLifecycle.MoneyUnit, NeedStatus status = NeedStatus.Draft, int deadlineInDays = 30) =>
        MarketplaceArrange.NewNeed(requested, unit, status, deadlineInDays);

    [Fact]
    public void A_draft_is_submitted_then_approved_by_a_named_reviewer()
    {
        var need = NewNeed();
        need.Submit();
        Assert.Equal(NeedStatus.PendingReview, need.Status);

        need.Approve("李明（凌云县扶贫开发办公室）", null, Cap, Now, Today);

        Assert.Equal(NeedStatus.Open, need.Status);
        Assert.Equal("李明（凌云县扶贫开发办公室）", need.ReviewerName);
        Assert.Equal(Now, need.ReviewedAt);
        Assert.Null(need.CapOverrideReason);
    }

    [Fact]
    public void Only_a_draft_is_submitted_and_only_a_pending_need_is_reviewed()
    {
        Assert.Equal("INVALID_TRANSITION", Code(() => NewNeed(status: NeedStatus.Open).Submit()));
        Assert.Equal("INVALID_TRANSITION", Code(() => NewNeed().Approve("李明", null, Cap, Now, Today)));
        Assert.Equal("INVALID_TRANSITION", Code(() => NewNeed(status: NeedStatus.Rejected).Reject("李明", "重复。", Now)));
    }

    [Fact]
    public void Over_its_cap_a_need_is_approved_only_with_an_override_reason_and_within_it_without_one()
    {
        var over = NewNeed(requested: 1_000_001, status: NeedStatus.PendingReview);
        Assert.Equal("CAP_OVERRIDE_REQUIRED", Code(() => over.Approve("李明", null, Cap, Now, Today)));
        over.Approve("李明", "深度贫困村，道路为唯一出行通道。", Cap, Now, Today);
        Assert.Equal("深度贫困村，道路为唯一出行通道。", over.CapOverrideReason);

        var within = NewNeed(requested: 1_000_000, status: NeedStatus.PendingReview);
        Assert.Equal("OVERRIDE_NOT_NEEDED", Code(() => within.Approve("李明", "无需。", Cap, Now, Today)));

        // Quantity needs are held to the quantity cap.
        Assert.Equal("CAP_OVERRIDE_REQUIRED", Code(() => NewNeed(101, "套", NeedStatus.PendingReview).Approve("李明", null, Cap, Now, Today)));
    }

    [Fact]
    public void A_need_past_its_deadline_is_not_approved()
    {
        Assert.Equal("DEADLINE_PASSED", Code(() => NewNeed(status: NeedStatus.PendingReview, deadlineInDays: -1).Approve("李明", null, Cap, Now, Today)));
    }

    [Fact]
    public void A_rejection_keeps_the_reviewer_and_the_reason()
    {
        var need = NewNeed(status: NeedStatus.PendingReview);
        need.Reject("李明", "跑步机不属于基本生活需要。", Now);
        Assert.Equal(NeedStatus.Rejected, need.Status);
        Assert.Equal("跑步机不属于基本生活需要。", need.RejectionReason);
        Assert.False(NeedLifecycle.IsPublic(need.Status));
    }

    [Fact]
    public void Pledges_fill_a_need_exactly_and_never_beyond()
    {
        var need = NewNeed(requested: 10, unit: "套", status: NeedStatus.Open);
        need.TakePledge(4, Today);
        Assert.Equal(NeedStatus.PartlyPledged, need.Status);
        Assert.Equal("EXCEEDS_REMAINING", Code(() => need.TakePledge(7, Today)));
        need.TakePledge(6, Today);
        Assert.Equal(NeedStatus.FullyPledged, need.Status);
        Assert.Equal(0, need.Remaining);
        Assert.Equal("NEED_FULLY_PLEDGED", Code(() => need.TakePledge(1, Today)));

        need.Release(6);
        Assert.Equal(NeedStatus.PartlyPledged, need.Status);
        Assert.Equal(4, need.Pledged);
    }

    [Theory]
    [InlineData(NeedStatus.Draft, "NEED_NOT_OPEN")]
    [InlineData(NeedStatus.PendingReview, "NEED_NOT_OPEN")]
    [InlineData(NeedStatus.Rejected, "NEED_NOT_OPEN")]
    [InlineData(NeedStatus.Closed, "NEED_NOT_OPEN")]
    [InlineData(NeedStatus.Fulfilled, "NEED_NOT_OPEN")]
    public void Only_open_needs_take_pledges(NeedStatus status, string code) =>
        Assert.Equal(code, Code(() => NewNeed(status: status).TakePledge(1, Today)));

    [Fact]
    public void Expiry_is_computed_from_the_deadline_unless_the_need_is_fully_pledged()
    {
        var need = NewNeed(requested: 10, unit: "套", status: NeedStatus.Open, deadlineInDays: 0);
        Assert.Equal(NeedStatus.Open, NeedLifecycle.EffectiveStatus(need, 0, Today));
        Assert.Equal(NeedStatus.Expired, NeedLifecycle.EffectiveStatus(need, 0, Today.AddDays(1)));
        Assert.Equal("NEED_EXPIRED", Code(() => need.TakePledge(1, Today.AddDays(1))));

        need.TakePledge(10, Today);
        Assert.Equal(NeedStatus.FullyPledged, NeedLifecycle.EffectiveStatus(need, 0, Today.AddDays(1)));

        // A lapsed pledge that still holds 3 makes it partly pledged, and so expired.
        Assert.Equal(NeedStatus.Expired, NeedLifecycle.EffectiveStatus(need, 3, Today.AddDays(1)));
        Assert.Equal(NeedStatus.PartlyPledged, NeedLifecycle.EffectiveStatus(need, 3, Today));
    }

    [Fact]
    public void Everything_received_fulfils_the_need_and_a_need_closes_without_open_pledges()
    {
        var need = NewNeed(requested: 10, unit: "套", status: NeedStatus.FullyPledged);
        need.Receive(6);
        Assert.Equal(NeedStatus.FullyPledged, need.Status);
        need.Receive(4);
        Assert.Equal(NeedStatus.Fulfilled, need.Status);

        Assert.Equal("NEED_HAS_OPEN_PLEDGES", Code(() => need.Close(0, hasOpenPledges: true, Today)));
        need.Close(0, hasOpenPledges: false, Today);
        Assert.Equal(NeedStatus.Closed, need.Status);
        Assert.Equal("INVALID_TRANSITION", Code(() => need.Close(0, false, Today)));
        Assert.Equal("INVALID_TRANSITION", Code(() => NewNeed(status: NeedStatus.PendingReview).Close(0, false, Today)));

        var expired = NewNeed(status: NeedStatus.Open, deadlineInDays: -3);
        expired.Close(0, false, Today);
        Assert.Equal(NeedStatus.Closed, expired.Status);
    }

    [Fact]
    public void Caps_have_defaults_for_every_category_and_take_overrides()
    {
        Assert.Equal(Enum.GetValues<NeedCategory>(), NeedCaps.Defaults.Keys.Order());
        var caps = new NeedCaps(new Dictionary<NeedCategory, NeedCap> { [NeedCategory.DailyNecessities] = new(2_000_000, 50) });
        Assert.Equal(2_000_000, caps.For(NeedCategory.DailyNecessities).MaxFen);
        Assert.Equal(NeedCaps.Defaults[NeedCategory.Education], caps.For(NeedCategory.Education));
        Assert.Throws<ArgumentException>(() => new NeedCaps(new Dictionary<NeedCategory, NeedCap> { [NeedCategory.Jobs] = new(0, 10) }));
    }

    [Theory]
    [InlineData(NeedLifecycle.MoneyUnit, true)]
    [InlineData("套", false)]
    [InlineData("元", false)] // money is counted in fen only
    public void A_need_asks_for_money_when_it_counts_in_fen(string unit, bool money) =>
        Assert.Equal(money, NeedLifecycle.IsMoney(NewNeed(unit: unit)));

    [Theory]
    [InlineData(1_200_000L, NeedLifecycle.MoneyUnit, "12000.00 yuan")]
    [InlineData(1L, NeedLifecycle.MoneyUnit, "0.01 yuan")]
    [InlineData(40L, "套", "40 套")]
    public void Quantities_are_described_in_yuan_or_in_their_unit(long quantity, string unit, string expected) =>
        Assert.Equal(expected, NeedLifecycle.Describe(quantity, unit));

    public static TheoryData<Action, string, string?, string> Refusals => new()
    {
        { () => NewNeed(status: NeedStatus.Open).Submit(), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Open and cannot be submitted for review: only a draft is." },
        { () => NewNeed().Approve("李明", null, Cap, Now, Today), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Draft and cannot be approved: only a need pending review is." },
        { () => NewNeed(status: NeedStatus.Open).Reject("李明", "重复。", Now), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Open and cannot be rejected: only a need pending review is." },
        { () => NewNeed(status: NeedStatus.PendingReview, deadlineInDays: -1).Approve("李明", null, Cap, Now, Today), "DEADLINE_PASSED", "need", "Need XQ-451021-2020-0001 has a deadline of 2020-05-31, which has passed;" },
        { () => NewNeed(1_000_001, status: NeedStatus.PendingReview).Approve("李明", null, Cap, Now, Today), "CAP_OVERRIDE_REQUIRED", "capOverrideReason", "Need XQ-451021-2020-0001 asks 10000.01 yuan, over the Education cap of 10000.00 yuan." },
        { () => NewNeed(101, "套", NeedStatus.PendingReview).Approve("李明", null, Cap, Now, Today), "CAP_OVERRIDE_REQUIRED", "capOverrideReason", "Need XQ-451021-2020-0001 asks 101 套, over the Education cap of 100 套." },
        { () => NewNeed(status: NeedStatus.PendingReview).Approve("李明", "无需。", Cap, Now, Today), "OVERRIDE_NOT_NEEDED", "capOverrideReason", "Need XQ-451021-2020-0001 is within the Education cap; leave 'capOverrideReason' out." },
        { () => NewNeed(10, "套", NeedStatus.FullyPledged).TakePledge(1, Today), "NEED_FULLY_PLEDGED", "need", "Need XQ-451021-2020-0001 is fully pledged: nothing is left to pledge." },
        { () => NewNeed(status: NeedStatus.Open, deadlineInDays: -1).TakePledge(1, Today), "NEED_EXPIRED", "need", "Need XQ-451021-2020-0001 expired on 2020-05-31 before it was fully pledged; it takes no more pledges." },
        { () => NewNeed(status: NeedStatus.Closed).TakePledge(1, Today), "NEED_NOT_OPEN", "need", "Need XQ-451021-2020-0001 is Closed and takes no more pledges." },
        { () => NewNeed(status: NeedStatus.Rejected).TakePledge(1, Today), "NEED_NOT_OPEN", "need", "Need XQ-451021-2020-0001 is not open for pledges: only needs a reviewer approved are." },
        { () => Pledged(NewNeed(10, "套", NeedStatus.Open), 4).TakePledge(7, Today), "EXCEEDS_REMAINING", "quantity", "Need XQ-451021-2020-0001 has 6 套 left to pledge; 7 套 were offered." },
        { () => Pledged(NewNeed(100, status: NeedStatus.Open), 40).TakePledge(61, Today), "EXCEEDS_REMAINING", "quantity", "Need XQ-451021-2020-0001 has 0.60 yuan left to pledge; 0.61 yuan were offered." },
        { () => NewNeed(status: NeedStatus.Draft).Close(0, false, Today), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Draft and cannot be closed: only an approved need that is not closed yet is." },
        { () => NewNeed(status: NeedStatus.Open).Close(0, true, Today), "NEED_HAS_OPEN_PLEDGES", "need", "Need XQ-451021-2020-0001 still has pledges under way;" },
        { () => Register(region: County), "NOT_A_VILLAGE", "region", "Needs are registered for a village or a township; 某县 is a County." },
        { () => Register(deadlineInDays: 0), "INVALID_DATE", "deadline", "'deadline' (2020-06-01) must be after today and within 730 days." },
        { () => Register(project: Sample.Project(4, "XM-2", 451022000000)), "PROJECT_ELSEWHERE", "project", "Project XM-2 is carried out neither in 某村 nor in a region above it." },
        { () => Register(pairing: Sample.Pairing(6, "JD-2", 451021102000)), "PAIRING_ELSEWHERE", "pairing", "Pairing JD-2 helps a region that does not contain 某村." },
        { () => Register(title: " "), "REQUIRED", "title", "'title' must not be empty." },
        { () => Register(description: ""), "REQUIRED", "description", "'description' must not be empty." },
        { () => Register(unit: "套"), "UNIT_NOT_APPLICABLE", "unit", "Money is counted in fen; leave 'unit' out with 'amountFen'." },
        { () => Register(amountFen: 0), "INVALID_AMOUNT", "amountFen", "'amountFen' must be more than 0" },
        { () => Register(amountFen: null, quantity: 0, unit: "套"), "INVALID_QUANTITY", "quantity", "'quantity' must be more than 0 and at most 1000000000; it was 0." },
        { () => Register(amountFen: null, quantity: 5, unit: " "), "REQUIRED", "unit", "'unit' must not be empty." },
        { () => Register(amountFen: null, quantity: 5, unit: "Fen"), "INVALID_UNIT", "unit", "Give money as 'amountFen', not as a quantity of fen." },
        { () => Register(amountFen: null), "REQUIRED", "amountFen", "Give what the need asks: 'amountFen' for money, or 'quantity' with 'unit'." },
        { () => Register(quantity: 5, unit: "套"), "AMBIGUOUS_AMOUNT", "quantity", "Give either 'amountFen' or 'quantity' with 'unit', not both." },
        { () => Review(NeedReviewDecision.Approve, registrant: true), "REVIEWER_IS_REGISTRANT", "need", "You registered need XQ-451021-2020-0001; another reviewer decides on it." },
        { () => Review(NeedReviewDecision.Approve, reason: "重复。"), "REASON_NOT_APPLICABLE", "reason", "An approval takes no 'reason'; give 'capOverrideReason' when the need is over its cap." },
        { () => Review(NeedReviewDecision.Approve, requested: 1_000_001, capOverrideReason: new string('因', Need.ReasonMaxLength + 1)), "TOO_LONG", "capOverrideReason", "'capOverrideReason' may have at most 1000 characters" },
        { () => Review(NeedReviewDecision.Reject, reason: "重复。", capOverrideReason: "理由。"), "REASON_NOT_APPLICABLE", "capOverrideReason", "A rejection takes no 'capOverrideReason'." },
        { () => Review(NeedReviewDecision.Reject, reason: " "), "REQUIRED", "reason", "'reason' must not be empty." },
        { () => Need.ReviewerNameOf(" ", "县扶贫办"), "REVIEWER_NOT_NAMED", null, "Needs are approved by a named reviewer: sign in with an account that carries your name (the token's 'name' claim)." },
        { () => Need.ReviewerNameOf(new string('李', Need.ReviewerOwnNameMaxLength + 1), "县扶贫办"), "TOO_LONG", "name", "'name' may have at most 40 characters" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_names_the_need_the_field_and_the_rule(Action refused, string code, string? field, string explanation)
    {
        var error = Refusal(refused);

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.StartsWith(explanation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_cap_override_reason_is_no_reason()
    {
        var need = NewNeed(status: NeedStatus.PendingReview);
        need.Review(NeedReviewDecision.Approve, "李明", false, null, " ", Cap, Now, Today);
        Assert.Equal((NeedStatus.Open, (string?)null), (need.Status, need.CapOverrideReason));
    }

    [Fact]
    public void A_need_is_numbered_once_demo_needs_are_marked_and_nothing_is_registered_or_approved_without_its_arguments()
    {
        var need = NewNeed();
        Assert.Equal("Need XQ-451021-2020-0001 already has its number.", Assert.Throws<InvalidOperationException>(() => need.Number("XQ-2")).Message);
        need.MarkAsDemo();
        Assert.True(need.IsDemo);
        Assert.Throws<ArgumentNullException>(() => Register(region: null, nullRegion: true));
        Assert.Throws<ArgumentNullException>(() => NewNeed(status: NeedStatus.PendingReview).Approve("李明", null, null!, Now, Today));
    }

    private static readonly Region County = new() { Code = 451021000000, Name = "某县", Level = RegionLevel.County };

    private static Need Register(
        Region? region = null, bool nullRegion = false, int deadlineInDays = 30, Project? project = null, Pairing? pairing = null, string title = "助学金",
        string description = "资助12名学生。", long? amountFen = 100_000, long? quantity = null, string? unit = null) =>
        Need.Register(
            nullRegion ? null! : region ?? MarketplaceArrange.Village, NeedCategory.Education, title, description, amountFen, quantity, unit, Today.AddDays(deadlineInDays),
            NeedPriority.Normal, project, pairing, 1, false, Now, Today);

    private static void Review(NeedReviewDecision decision, bool registrant = false, string? reason = null, string? capOverrideReason = null, long requested = 100_000) =>
        NewNeed(requested, status: NeedStatus.PendingReview).Review(decision, "李明", registrant, reason, capOverrideReason, Cap, Now, Today);

    private static Need Pledged(Need need, long quantity)
    {
        need.TakePledge(quantity, Today);
        return need;
    }

    private static string Code(Action action) => Refusal(action).Code;

    private static DomainException Refusal(Action action) => Assert.Throws<DomainException>(action);
}
