using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Notices;

/// <summary>What each refusal of <see cref="Notice"/> says, its links to subjects and corrections, and its missing arguments.</summary>
public class NoticeRefusalTests
{
    private static readonly DateOnly Today = new(2019, 3, 29);
    private static readonly DateOnly Decided = new(2019, 3, 1);
    private static readonly WorkingDays Calendar = new([]);
    private static readonly Region County = new() { Code = 451021000000, Name = "田阳县", Level = RegionLevel.County };
    private static readonly Region Village = new() { Code = 451021100201, Name = "四那村", Level = RegionLevel.Village };
    private static readonly Region OtherVillage = new() { Code = 451022100201, Name = "别县村", Level = RegionLevel.Village };

    public static TheoryData<Action, string, string, string> Refusals => new()
    {
        { () => Draft(County, Text(decidedOn: Today.AddDays(1))), "INVALID_DATE", "decidedOn", "'decidedOn' (2019-03-30) must be a date from 2000 up to today (2019-03-29)." },
        { () => Draft(County, Text(period: 10)), "NOTICE_PERIOD_NOT_APPLICABLE", "noticePeriodDays", "田阳县 is a county: notices at county level and above have no notice period, they stay public for good. Leave 'noticePeriodDays' out." },
        { () => Draft(Village, Text()), "REQUIRED", "noticePeriodDays", "A village notice runs a notice period of at least 10 days; give 'noticePeriodDays'." },
        { () => Draft(Village, Text(period: 9)), "NOTICE_PERIOD_TOO_SHORT", "noticePeriodDays", "Township and village notices run at least 10 days for objections; 'noticePeriodDays' was 9." },
        { () => Draft(Village, Text(period: 366)), "NOTICE_PERIOD_TOO_LONG", "noticePeriodDays", "'noticePeriodDays' may be at most 365; it was 366." },
        { () => Draft(County, Text(phone: "not a number")), "INVALID_PHONE", "localSupervisionPhone", "'localSupervisionPhone' must be an office landline such as 0776-7612317 or a 12xxx service number; it was 'not a number'." },
        { () => Draft(County, Text(), funds: [.. Enumerable.Range(0, NoticeRules.MaxSubjects + 1).Select(_ => Fund(County.Code))]), "TOO_MANY", "funds", "A notice may name at most 100 funds; 101 were given." },
        { () => Draft(Village, Text(period: 10), funds: [Fund(452000000000)]), "SUBJECT_OUTSIDE_REGION", "funds", "Fund ZJ-451021-2019-0001 belongs to region 452000000000, which neither lies within nor contains 四那村." },
        { () => Draft(Village, Text(period: 10), projects: [Project(OtherVillage.Code)]), "SUBJECT_OUTSIDE_REGION", "projects", "Project XM-451021-2019-0001 belongs to region 451022100201, which neither lies within nor contains 四那村." },
        { () => Notice.Draft("CG", NoticeKind.Fund, County, 1, Text(), Today, [], []), "SUBJECT_REQUIRED", "funds", "A fund notice names at least one fund." },
        { () => Notice.Draft("CG", NoticeKind.Project, County, 1, Text(), Today, [], []), "SUBJECT_REQUIRED", "projects", "A project notice names at least one project." },
        { () => Published().Publish("GS-2", Today, Calendar), "NOTICE_NOT_DRAFT", "notice", "Notice GS-1 is published, not a draft. Published notices are never edited: correct one with supersedeNotice or withdraw it with withdrawNotice." },
        { () => Draft(County, Text()).Withdraw("撤回。"), "NOTICE_NOT_PUBLISHED", "notice", "Notice CG is a draft; only a published notice can be withdrawn. Edit the draft with updateDraftNotice." },
        { () => Supersede(Draft(County, Text())), "NOTICE_NOT_PUBLISHED", "notice", "Notice CG is a draft; only a published notice can be corrected. Edit the draft with updateDraftNotice." },
        { () => Supersede(Withdrawn()), "NOTICE_NOT_PUBLISHED", "notice", "Notice GS-1 is withdrawn; only the notice in force can be corrected." },
        { () => Withdrawn().Withdraw("再次撤回。"), "NOTICE_NOT_PUBLISHED", "notice", "Notice GS-1 is withdrawn; only the notice in force can be withdrawn." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_notice_refusal_names_the_field_and_the_rule(Action refused, string code, string field, string message)
    {
        var error = Assert.Throws<DomainException>(refused);
        Assert.Equal((code, field, message), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void A_notice_links_the_funds_it_names_by_their_key()
    {
        var notice = Draft(County, Text(), funds: [Fund(County.Code).WithId(4), Fund(County.Code).WithId(4), Fund(County.Code).WithId(5)]);
        Assert.Equal([4, 5], notice.Funds.Select(f => f.FundId));
    }

    [Fact]
    public void A_correction_is_made_for_the_notice_s_own_region_only()
    {
        var notice = Published();
        var refused = Assert.Throws<ArgumentException>(() => notice.Supersede("GS-2", 1, OtherVillage, "更正。", Text(), [], [], Today, Calendar));
        Assert.Equal(("region", "Region 451022100201 is not the region of notice GS-1. (Parameter 'region')"), (refused.ParamName, refused.Message));
        Assert.Equal(NoticeStatus.Published, notice.Status);
    }

    [Fact]
    public void A_superseded_notice_points_at_its_stored_correction_and_nothing_else_does()
    {
        var old = Published().WithId(3);
        var correction = Supersede(old).WithId(8);
        old.PointAt(correction);
        Assert.Equal(8, old.SupersededByNoticeId);

        // A notice still in force is no correction's predecessor, even one that names its key.
        var inForce = Published().WithId(3);
        var message = Assert.Throws<InvalidOperationException>(() => inForce.PointAt(correction)).Message;
        Assert.Equal("Notice GS-2 is not the stored correction of notice GS-1.", message);

        // Nor is a superseded notice another one's.
        var other = Published().WithId(4);
        Supersede(other);
        Assert.Throws<InvalidOperationException>(() => other.PointAt(correction));
    }

    [Fact]
    public void Nothing_is_drafted_published_edited_or_linked_without_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Notice.Draft("CG", NoticeKind.Exit, null!, 1, Text(), Today, [], []));
        Assert.Throws<ArgumentNullException>(() => Notice.Draft("CG", NoticeKind.Exit, County, 1, null!, Today, [], []));
        Assert.Throws<ArgumentNullException>(() => Notice.Draft("CG", NoticeKind.Exit, County, 1, Text(), Today, null!, []));
        Assert.Throws<ArgumentNullException>(() => Notice.Draft("CG", NoticeKind.Exit, County, 1, Text(), Today, [], null!));
        Assert.Throws<ArgumentNullException>(() => Draft(County, Text()).UpdateDraft(null!, Text(), Today));
        Assert.Throws<ArgumentNullException>(() => Draft(County, Text()).Publish("GS-1", Today, null!));
        Assert.Throws<ArgumentNullException>(() => Published().PointAt(null!));
    }

    private static NoticeText Text(DateOnly? decidedOn = null, int? period = null, string phone = "0776-7612317") =>
        new("关于项目的公示", "公示内容。", decidedOn ?? Decided, period, phone);

    private static Notice Draft(Region region, NoticeText text, IReadOnlyCollection<Fund>? funds = null, IReadOnlyCollection<Project>? projects = null) =>
        Notice.Draft("CG", NoticeKind.Exit, region, 1, text, Today, funds ?? [], projects ?? []);

    private static Notice Published()
    {
        var notice = Draft(County, Text());
        notice.Publish("GS-1", Decided.AddDays(7), Calendar);
        return notice;
    }

    private static Notice Withdrawn()
    {
        var notice = Published();
        notice.Withdraw("撤回。");
        return notice;
    }

    private static Notice Supersede(Notice old) => old.Supersede("GS-2", 1, County, "更正。", Text(), [], [], Today, Calendar);

    private static Fund Fund(long regionCode) => Domain.Funds.Fund.Create(
        "ZJ-451021-2019-0001", "财政专项扶贫资金", "阳财农〔2019〕1号", FundSourceType.CentralFiscal, FundLevel.Central, 2019, 100_000_00,
        regionCode, 1, "产业发展。", Decided, documentNumberTaken: false);

    private static Project Project(long regionCode) => Sample.Project(1, "XM-451021-2019-0001", regionCode);
}
