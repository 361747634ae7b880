using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;

namespace OpenAid.Domain.Tests.Marketplace;

public class NeedLifecycleTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);
    private static readonly DateTimeOffset Now = new(2020, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly NeedCap Cap = new(MaxFen: 1_000_000, MaxQuantity: 100);

    public static Need NewNeed(long requested = 100_000, string unit = NeedLifecycle.MoneyUnit, NeedStatus status = NeedStatus.Draft, int deadlineInDays = 30, long pledged = 0) => new()
    {
        Code = "XQ-451021-2020-0001",
        Category = NeedCategory.Education,
        Title = "助学金",
        Description = "资助12名学生。",
        Requested = requested,
        Pledged = pledged,
        Unit = unit,
        Status = status,
        Deadline = Today.AddDays(deadlineInDays),
    };

    [Fact]
    public void A_draft_is_submitted_then_approved_by_a_named_reviewer()
    {
        var need = NewNeed();
        NeedLifecycle.Submit(need);
        Assert.Equal(NeedStatus.PendingReview, need.Status);

        NeedLifecycle.Approve(need, "李明（凌云县扶贫开发办公室）", null, Cap, Now, Today);

        Assert.Equal(NeedStatus.Open, need.Status);
        Assert.Equal("李明（凌云县扶贫开发办公室）", need.ReviewerName);
        Assert.Equal(Now, need.ReviewedAt);
        Assert.Null(need.CapOverrideReason);
    }

    [Fact]
    public void Only_a_draft_is_submitted_and_only_a_pending_need_is_reviewed()
    {
        Assert.Equal("INVALID_TRANSITION", Code(() => NeedLifecycle.Submit(NewNeed(status: NeedStatus.Open))));
        Assert.Equal("INVALID_TRANSITION", Code(() => NeedLifecycle.Approve(NewNeed(), "李明", null, Cap, Now, Today)));
        Assert.Equal("INVALID_TRANSITION", Code(() => NeedLifecycle.Reject(NewNeed(status: NeedStatus.Rejected), "李明", "重复。", Now)));
    }

    [Fact]
    public void Over_its_cap_a_need_is_approved_only_with_an_override_reason_and_within_it_without_one()
    {
        var over = NewNeed(requested: 1_000_001, status: NeedStatus.PendingReview);
        Assert.Equal("CAP_OVERRIDE_REQUIRED", Code(() => NeedLifecycle.Approve(over, "李明", null, Cap, Now, Today)));
        NeedLifecycle.Approve(over, "李明", "深度贫困村，道路为唯一出行通道。", Cap, Now, Today);
        Assert.Equal("深度贫困村，道路为唯一出行通道。", over.CapOverrideReason);

        var within = NewNeed(requested: 1_000_000, status: NeedStatus.PendingReview);
        Assert.Equal("OVERRIDE_NOT_NEEDED", Code(() => NeedLifecycle.Approve(within, "李明", "无需。", Cap, Now, Today)));

        // Quantity needs are held to the quantity cap.
        Assert.Equal("CAP_OVERRIDE_REQUIRED", Code(() => NeedLifecycle.Approve(NewNeed(101, "套", NeedStatus.PendingReview), "李明", null, Cap, Now, Today)));
    }

    [Fact]
    public void A_need_due_today_is_still_approved()
    {
        var need = NewNeed(status: NeedStatus.PendingReview, deadlineInDays: 0);

        NeedLifecycle.Approve(need, "李明", null, Cap, Now, Today);

        Assert.Equal(NeedStatus.Open, need.Status);
    }

    [Fact]
    public void A_need_past_its_deadline_is_not_approved()
    {
        Assert.Equal("DEADLINE_PASSED", Code(() => NeedLifecycle.Approve(NewNeed(status: NeedStatus.PendingReview, deadlineInDays: -1), "李明", null, Cap, Now, Today)));
    }

    [Fact]
    public void A_rejection_keeps_the_reviewer_and_the_reason()
    {
        var need = NewNeed(status: NeedStatus.PendingReview);
        NeedLifecycle.Reject(need, "李明", "跑步机不属于基本生活需要。", Now);
        Assert.Equal(NeedStatus.Rejected, need.Status);
        Assert.Equal("跑步机不属于基本生活需要。", need.RejectionReason);
        Assert.False(NeedLifecycle.IsPublic(need.Status));
    }

    [Fact]
    public void Pledges_fill_a_need_exactly_and_never_beyond()
    {
        var need = NewNeed(requested: 10, unit: "套", status: NeedStatus.Open);
        NeedLifecycle.TakePledge(need, 4, Today);
        Assert.Equal(NeedStatus.PartlyPledged, need.Status);
        Assert.Equal("EXCEEDS_REMAINING", Code(() => NeedLifecycle.TakePledge(need, 7, Today)));
        NeedLifecycle.TakePledge(need, 6, Today);
        Assert.Equal(NeedStatus.FullyPledged, need.Status);
        Assert.Equal(0, need.Remaining);
        Assert.Equal("NEED_FULLY_PLEDGED", Code(() => NeedLifecycle.TakePledge(need, 1, Today)));

        NeedLifecycle.Release(need, 6);
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
        Assert.Equal(code, Code(() => NeedLifecycle.TakePledge(NewNeed(status: status), 1, Today)));

    [Fact]
    public void Expiry_is_computed_from_the_deadline_unless_the_need_is_fully_pledged()
    {
        var need = NewNeed(requested: 10, unit: "套", status: NeedStatus.Open, deadlineInDays: 0);
        Assert.Equal(NeedStatus.Open, NeedLifecycle.EffectiveStatus(need, 0, Today));
        Assert.Equal(NeedStatus.Expired, NeedLifecycle.EffectiveStatus(need, 0, Today.AddDays(1)));
        Assert.Equal("NEED_EXPIRED", Code(() => NeedLifecycle.TakePledge(need, 1, Today.AddDays(1))));

        need.Pledged = 10;
        need.Status = NeedStatus.FullyPledged;
        Assert.Equal(NeedStatus.FullyPledged, NeedLifecycle.EffectiveStatus(need, 0, Today.AddDays(1)));

        // A lapsed pledge that still holds 3 makes it partly pledged, and so expired.
        Assert.Equal(NeedStatus.Expired, NeedLifecycle.EffectiveStatus(need, 3, Today.AddDays(1)));
        Assert.Equal(NeedStatus.PartlyPledged, NeedLifecycle.EffectiveStatus(need, 3, Today));
    }

    [Fact]
    public void Everything_received_fulfils_the_need_and_a_need_closes_without_open_pledges()
    {
        var need = NewNeed(requested: 10, unit: "套", status: NeedStatus.FullyPledged);
        need.Pledged = 10;
        NeedLifecycle.Receive(need, 6);
        Assert.Equal(NeedStatus.FullyPledged, need.Status);
        NeedLifecycle.Receive(need, 4);
        Assert.Equal(NeedStatus.Fulfilled, need.Status);

        Assert.Equal("NEED_HAS_OPEN_PLEDGES", Code(() => NeedLifecycle.Close(need, 0, hasOpenPledges: true, Today)));
        NeedLifecycle.Close(need, 0, hasOpenPledges: false, Today);
        Assert.Equal(NeedStatus.Closed, need.Status);
        Assert.Equal("INVALID_TRANSITION", Code(() => NeedLifecycle.Close(need, 0, false, Today)));
        Assert.Equal("INVALID_TRANSITION", Code(() => NeedLifecycle.Close(NewNeed(status: NeedStatus.PendingReview), 0, false, Today)));

        var expired = NewNeed(status: NeedStatus.Open, deadlineInDays: -3);
        NeedLifecycle.Close(expired, 0, false, Today);
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

    public static TheoryData<Action, string, string, string> Refusals => new()
    {
        { () => NeedLifecycle.Submit(NewNeed(status: NeedStatus.Open)), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Open and cannot be submitted for review: only a draft is." },
        { () => NeedLifecycle.Approve(NewNeed(), "李明", null, Cap, Now, Today), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Draft and cannot be approved: only a need pending review is." },
        { () => NeedLifecycle.Reject(NewNeed(status: NeedStatus.Open), "李明", "重复。", Now), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Open and cannot be rejected: only a need pending review is." },
        { () => NeedLifecycle.Approve(NewNeed(status: NeedStatus.PendingReview, deadlineInDays: -1), "李明", null, Cap, Now, Today), "DEADLINE_PASSED", "need", "Need XQ-451021-2020-0001 has a deadline of 2020-05-31, which has passed;" },
        { () => NeedLifecycle.Approve(NewNeed(1_000_001, status: NeedStatus.PendingReview), "李明", null, Cap, Now, Today), "CAP_OVERRIDE_REQUIRED", "capOverrideReason", "Need XQ-451021-2020-0001 asks 10000.01 yuan, over the Education cap of 10000.00 yuan." },
        { () => NeedLifecycle.Approve(NewNeed(101, "套", NeedStatus.PendingReview), "李明", null, Cap, Now, Today), "CAP_OVERRIDE_REQUIRED", "capOverrideReason", "Need XQ-451021-2020-0001 asks 101 套, over the Education cap of 100 套." },
        { () => NeedLifecycle.Approve(NewNeed(status: NeedStatus.PendingReview), "李明", "无需。", Cap, Now, Today), "OVERRIDE_NOT_NEEDED", "capOverrideReason", "Need XQ-451021-2020-0001 is within the Education cap; leave 'capOverrideReason' out." },
        { () => NeedLifecycle.TakePledge(NewNeed(10, "套", NeedStatus.FullyPledged, pledged: 10), 1, Today), "NEED_FULLY_PLEDGED", "need", "Need XQ-451021-2020-0001 is fully pledged: nothing is left to pledge." },
        { () => NeedLifecycle.TakePledge(NewNeed(status: NeedStatus.Open, deadlineInDays: -1), 1, Today), "NEED_EXPIRED", "need", "Need XQ-451021-2020-0001 expired on 2020-05-31 before it was fully pledged; it takes no more pledges." },
        { () => NeedLifecycle.TakePledge(NewNeed(status: NeedStatus.Closed), 1, Today), "NEED_NOT_OPEN", "need", "Need XQ-451021-2020-0001 is Closed and takes no more pledges." },
        { () => NeedLifecycle.TakePledge(NewNeed(status: NeedStatus.Rejected), 1, Today), "NEED_NOT_OPEN", "need", "Need XQ-451021-2020-0001 is not open for pledges: only needs a reviewer approved are." },
        { () => NeedLifecycle.TakePledge(NewNeed(10, "套", NeedStatus.PartlyPledged, pledged: 4), 7, Today), "EXCEEDS_REMAINING", "quantity", "Need XQ-451021-2020-0001 has 6 套 left to pledge; 7 套 were offered." },
        { () => NeedLifecycle.TakePledge(NewNeed(100, status: NeedStatus.PartlyPledged, pledged: 40), 61, Today), "EXCEEDS_REMAINING", "quantity", "Need XQ-451021-2020-0001 has 0.60 yuan left to pledge; 0.61 yuan were offered." },
        { () => NeedLifecycle.Close(NewNeed(status: NeedStatus.Draft), 0, false, Today), "INVALID_TRANSITION", "need", "Need XQ-451021-2020-0001 is Draft and cannot be closed: only an approved need that is not closed yet is." },
        { () => NeedLifecycle.Close(NewNeed(status: NeedStatus.Open), 0, true, Today), "NEED_HAS_OPEN_PLEDGES", "need", "Need XQ-451021-2020-0001 still has pledges under way;" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_names_the_need_the_field_and_the_rule(Action refused, string code, string field, string explanation)
    {
        var error = Refusal(refused);

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.StartsWith(explanation, error.Message, StringComparison.Ordinal);
    }

    private static string Code(Action action) => Refusal(action).Code;

    private static DomainException Refusal(Action action) => Assert.Throws<DomainException>(action);
}
