using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;

namespace OpenAid.Domain.Tests.Objections;

/// <summary>Objections filed against a notice, and what each refusal of <see cref="Objection"/> says.</summary>
public class ObjectionFilingTests
{
    private static readonly DateOnly Published = new(2019, 4, 1);
    private static readonly DateTimeOffset Now = new(2019, 4, 3, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_objection_to_a_notice_in_its_period_concerns_the_notice_and_its_region()
    {
        var notice = NoticeRulesTests.NewNotice(publishedOn: Published, noticePeriodDays: 10).WithId(31);

        var objection = Objection.File("YY-451021-2019-0001", notice, null, ObjectionCategory.WrongBeneficiaries, "受益户名单与实际不符。", null, null, Published.AddDays(10));

        Assert.Equal(((int?)31, notice.RegionCode, ObjectionStatus.Received, "YY-451021-2019-0001", "受益户名单与实际不符。"), (objection.NoticeId, objection.RegionCode, objection.Status, objection.Code, objection.Description));
    }

    public static TheoryData<Action, string, string?, string> Refusals => new()
    {
        { () => File(NoticeRulesTests.NewNotice(publishedOn: Published, noticePeriodDays: 10), 451021100201), "REGION_NOT_APPLICABLE", "region", "An objection to a notice concerns the notice's region; leave 'region' out." },
        { () => File(NoticeRulesTests.NewNotice(publishedOn: Published, noticePeriodDays: 10), null, Published.AddDays(11)), "NOTICE_PERIOD_ENDED", "notice", "The notice period of GS-451021-2019-0031 ended on 2019-04-11. To report misuse, file without a notice and name the region." },
        { () => File(NoticeRulesTests.NewNotice(NoticeStatus.Withdrawn, Published, 10), null), "NOTICE_NOT_IN_FORCE", "notice", "Notice GS-451021-2019-0031 is withdrawn; object to the notice in force, or report misuse without a notice." },
        { () => File(null, null), "REQUIRED", "notice", "Give the notice you object to, or the region of the misuse you report." },
        { () => Objection.File("YY-1", null, 451021100201, ObjectionCategory.Other, "x", new string('名', Objection.ContactNameMaxLength + 1), null, Published), "TOO_LONG", "contactName", "'contactName' may have at most 100 characters; it has 101." },
        { () => Objection.File("YY-1", null, 451021100201, ObjectionCategory.Other, "x", null, "call me", Published), "INVALID_PHONE", "contactPhone", "'contactPhone' must be a phone number (digits, spaces, dashes, an optional leading +); it was 'call me'." },
        { () => File(null, 451021100201).Respond("已核实。", "县扶贫办", Now), "INVALID_TRANSITION", "objection", "Objection YY-451021-2019-0001 is Received; it cannot become Answered. The lifecycle is Received → Investigating → Answered, or Rejected before it is answered." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void An_objection_refusal_names_the_field_and_the_rule(Action refused, string code, string? field, string message)
    {
        var error = Assert.Throws<DomainException>(refused);
        Assert.Equal((code, field, message), (error.Code, error.Field, error.Message));
    }

    private static Objection File(Notice? notice, long? regionCode, DateOnly? today = null) =>
        Objection.File("YY-451021-2019-0001", notice, regionCode, ObjectionCategory.FalseClaims, "受益户名单与实际不符。", null, null, today ?? Published);
}
