using OpenAid.Domain.Common;
using OpenAid.Domain.Objections;

namespace OpenAid.Domain.Tests.Objections;

public class ObjectionTests
{
    private const long Village = 451_021_100_001;
    private const string Unit = "沅陵县扶贫开发办公室 · 审核员";
    private static readonly DateTimeOffset Filed = new(2020, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2020, 5, 1);

    private static Objection Report(string? contactName = null, string? contactPhone = null, string description = "村道只修了一半") =>
        Objection.File("YY-451021-2020-0001", null, Village, ObjectionCategory.MeasuresNotCarriedOut, description, contactName, contactPhone, Today);

    private static void AssertRefused(string code, string? field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_misuse_report_is_received_in_its_region()
    {
        var objection = Report();

        Assert.Equal(ObjectionStatus.Received, objection.Status);
        Assert.Equal(Village, objection.RegionCode);
        Assert.Null(objection.NoticeId);
        // Only the day of filing is kept, never the time of day: the start of that day in Beijing.
        Assert.Equal(new DateTimeOffset(2020, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)), objection.FiledAt);
        Assert.Null(objection.ContactName);
        Assert.Null(objection.ContactPhone);
    }

    [Fact]
    public void A_filing_names_a_notice_or_a_region() =>
        AssertRefused("REQUIRED", "notice", () => Objection.File("YY", null, null, ObjectionCategory.Other, "x", null, null, Today));

    [Fact]
    public void The_description_is_public_text()
    {
        AssertRefused("REQUIRED", "description", () => Report(description: "  "));
        AssertRefused("TOO_LONG", "description", () => Report(description: new string('x', Objection.DescriptionMaxLength + 1)));
        AssertRefused("PERSONAL_DATA", "description", () => Report(description: "请打 13812345678 联系我"));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("+86 138-1234-5678")]
    [InlineData("0745 1234567")]
    [InlineData("123456")]
    public void Any_phone_is_a_contact(string phone) =>
        Assert.Equal(phone, Report(contactPhone: $" {phone} ").ContactPhone);

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("138-1234-")]
    [InlineData("++8613812345678")]
    public void Anything_else_is_not_a_phone(string phone) =>
        AssertRefused("INVALID_PHONE", "contactPhone", () => Report(contactPhone: phone));

    [Fact]
    public void Contacts_are_bounded_and_blank_means_none()
    {
        Assert.Null(Report(contactName: " ", contactPhone: "").ContactName);
        Assert.Equal(Objection.ContactNameMaxLength, Report(contactName: new string('x', Objection.ContactNameMaxLength)).ContactName!.Length);
        AssertRefused("TOO_LONG", "contactName", () => Report(contactName: new string('x', Objection.ContactNameMaxLength + 1)));
        AssertRefused("TOO_LONG", "contactPhone", () => Report(contactPhone: new string('1', Objection.ContactPhoneMaxLength + 1)));
        Assert.Equal(Objection.ContactPhoneMaxLength, Report(contactPhone: new string('1', Objection.ContactPhoneMaxLength)).ContactPhone!.Length);
    }

    [Fact]
    public void An_investigated_objection_is_answered_publicly_by_a_unit()
    {
        var objection = Report();
        objection.StartInvestigation(Filed.AddDays(1));
        Assert.Equal((ObjectionStatus.Investigating, Filed.AddDays(1)), (objection.Status, objection.InvestigationStartedAt));

        objection.Respond(" 已责令整改 ", Unit, Filed.AddDays(10));

        Assert.Equal(ObjectionStatus.Answered, objection.Status);
        Assert.Equal(("已责令整改", Unit, Filed.AddDays(10)), (objection.Answer, objection.AnsweredBy, objection.AnsweredAt));
    }

    [Fact]
    public void A_reviewer_hides_a_description_once_with_a_public_reason_and_the_text_stays_in_the_record()
    {
        var objection = Report(description: "某某某是骗子");

        objection.HideDescription(" 含有辱骂内容 ", Unit, Filed.AddDays(1));

        Assert.True(objection.IsDescriptionHidden);
        Assert.Equal(("含有辱骂内容", Unit, Filed.AddDays(1)), (objection.DescriptionHiddenReason, objection.DescriptionHiddenBy, objection.DescriptionHiddenAt));
        Assert.Equal("某某某是骗子", objection.Description);
        AssertRefused("INVALID_TRANSITION", "objection", () => objection.HideDescription("再次", Unit, Filed));
        AssertRefused("REQUIRED", "reason", () => Report().HideDescription(" ", Unit, Filed));
    }

    [Fact]
    public void The_contact_is_read_by_auditors_and_by_the_regions_reviewer_only_while_investigating()
    {
        var objection = Report();
        Assert.True(objection.ContactReadableBy(auditor: true, reviewerOfRegion: false));
        Assert.False(objection.ContactReadableBy(auditor: false, reviewerOfRegion: true));

        objection.StartInvestigation(Filed);
        Assert.True(objection.ContactReadableBy(auditor: false, reviewerOfRegion: true));
        Assert.False(objection.ContactReadableBy(auditor: false, reviewerOfRegion: false));

        objection.Respond("已整改", Unit, Filed);
        Assert.False(objection.ContactReadableBy(auditor: false, reviewerOfRegion: true));
        Assert.True(objection.ContactReadableBy(auditor: true, reviewerOfRegion: false));
    }

    [Theory]
    [InlineData(9, 2, null)]
    [InlineData(10, 2, "about this region")]
    [InlineData(0, 3, "from where you file")]
    public void Filing_stops_at_the_daily_caps_per_region_and_per_client(int inRegionToday, long fromClientToday, string? refusal)
    {
        var caps = new ObjectionCaps(PerRegionPerDay: 10, PerClientPerDay: 2);
        if (refusal is null)
        {
            ObjectionRules.RequireWithinCaps(caps, inRegionToday, fromClientToday);
            return;
        }

        var e = Assert.Throws<DomainException>(() => ObjectionRules.RequireWithinCaps(caps, inRegionToday, fromClientToday));
        Assert.Equal("TOO_MANY_OBJECTIONS", e.Code);
        Assert.Contains(refusal, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_received_objection_is_not_answered_before_it_is_investigated() =>
        AssertRefused("INVALID_TRANSITION", "objection", () => Report().Respond("答复", Unit, Filed));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_received_or_investigated_objection_may_be_rejected(bool investigated)
    {
        var objection = Report();
        if (investigated)
        {
            objection.StartInvestigation(Filed);
        }

        objection.Reject("与公示无关", Unit, Filed.AddDays(2));

        Assert.Equal((ObjectionStatus.Rejected, "与公示无关", Unit), (objection.Status, objection.Answer, objection.AnsweredBy));
    }

    [Fact]
    public void A_rejected_objection_cannot_be_answered_investigated_or_rejected_again()
    {
        var objection = Report();
        objection.Reject("与公示无关", Unit, Filed);

        AssertRefused("INVALID_TRANSITION", "objection", () => objection.Respond("答复", Unit, Filed));
        AssertRefused("INVALID_TRANSITION", "objection", () => objection.StartInvestigation(Filed));
        AssertRefused("INVALID_TRANSITION", "objection", () => objection.Reject("再次", Unit, Filed));
        Assert.Equal("与公示无关", objection.Answer);
    }

    [Fact]
    public void An_answered_objection_is_closed()
    {
        var objection = Report();
        objection.StartInvestigation(Filed);
        objection.Respond("答复", Unit, Filed);

        AssertRefused("INVALID_TRANSITION", "objection", () => objection.Reject("驳回", Unit, Filed));
        AssertRefused("INVALID_TRANSITION", "objection", () => objection.StartInvestigation(Filed));
    }

    [Fact]
    public void Investigation_starts_once()
    {
        var objection = Report();
        objection.StartInvestigation(Filed);

        AssertRefused("INVALID_TRANSITION", "objection", () => objection.StartInvestigation(Filed));
    }

    [Fact]
    public void The_answer_is_public_text_named_after_its_field()
    {
        var objection = Report();
        objection.StartInvestigation(Filed);

        AssertRefused("REQUIRED", "answer", () => objection.Respond(" ", Unit, Filed));
        AssertRefused("TOO_LONG", "reason", () => objection.Reject(new string('x', Objection.AnswerMaxLength + 1), Unit, Filed));
        Assert.Equal(ObjectionStatus.Investigating, objection.Status);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void Responses_are_measured_against_the_deadline(int days, bool overdue)
    {
        Assert.Equal(overdue, ObjectionRules.IsOverdue(Filed, Filed.AddDays(days), Filed.AddDays(1)));
        Assert.Equal(overdue, ObjectionRules.IsOverdue(Filed, null, Filed.AddDays(days)));
        Assert.Equal(days, ObjectionRules.DaysToRespond(Filed, Filed.AddDays(days)));
        Assert.Null(ObjectionRules.DaysToRespond(Filed, null));
    }
}
