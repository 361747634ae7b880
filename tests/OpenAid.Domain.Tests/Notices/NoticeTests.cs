using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Notices;

public class NoticeTests
{
    private static readonly DateOnly Today = new(2019, 3, 29);

    // Fri 2019-03-01: 15 working days later is Fri 2019-03-22, 16 is Mon 2019-03-25 (no holidays in March).
    private static readonly DateOnly Decided = new(2019, 3, 1);
    private static readonly WorkingDays Calendar = new([]);

    private static readonly Region County = new() { Code = 451021000000, Name = "田阳县", Level = RegionLevel.County };
    private static readonly Region Township = new() { Code = 451021100000, Name = "百育镇", Level = RegionLevel.Township };
    private static readonly Region Village = new() { Code = 451021100201, Name = "四那村", Level = RegionLevel.Village };
    private static readonly Region OtherVillage = new() { Code = 451022100201, Name = "别县村", Level = RegionLevel.Village };

    [Fact]
    public void A_draft_takes_its_checked_text_and_subjects()
    {
        var notice = Notice.Draft(
            "CG-451021-2019-0001", NoticeKind.Project, Village, 7, Text(title: "  标题  ", period: 10), Today, [CountyFund()], [VillageProject(), VillageProject()]);

        Assert.Equal(NoticeStatus.Draft, notice.Status);
        Assert.Equal("CG-451021-2019-0001", notice.Code);
        Assert.Equal("标题", notice.Title);
        Assert.Equal(Village.Code, notice.RegionCode);
        Assert.Equal(7, notice.PublisherOrganizationId);
        Assert.Equal(10, notice.NoticePeriodDays);
        Assert.Equal(Notice.NationalSupervisionPhone, notice.SupervisionPhone);
        Assert.Equal("0776-7612317", notice.LocalSupervisionPhone);
        Assert.Single(notice.Funds);
        Assert.Single(notice.Projects);
        Assert.Null(notice.PublishedOn);
        Assert.Null(notice.NoticePeriodEndsOn);
        Assert.False(notice.IsDemo);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(365)]
    public void Township_and_village_notice_periods_run_from_10_to_365_days(int days)
    {
        Assert.Equal(days, Draft(Village, Text(period: days)).NoticePeriodDays);
        Assert.Equal(days, Draft(Township, Text(period: days)).NoticePeriodDays);
    }

    [Theory]
    [InlineData(9, "NOTICE_PERIOD_TOO_SHORT")]
    [InlineData(0, "NOTICE_PERIOD_TOO_SHORT")]
    [InlineData(366, "NOTICE_PERIOD_TOO_LONG")]
    [InlineData(null, "REQUIRED")]
    public void A_village_notice_period_outside_the_bounds_is_refused(int? days, string code) =>
        AssertRefused(code, "noticePeriodDays", () => Draft(Village, Text(period: days)));

    [Fact]
    public void County_notices_have_no_notice_period()
    {
        Assert.Null(Draft(County, Text(period: null)).NoticePeriodDays);
        AssertRefused("NOTICE_PERIOD_NOT_APPLICABLE", "noticePeriodDays", () => Draft(County, Text(period: 10)));
    }

    [Theory]
    [InlineData("0776-7612317")]
    [InlineData("7612317")]
    [InlineData("12317")]
    public void The_local_supervision_number_is_an_office_line(string phone) =>
        Assert.Equal(phone, Draft(County, Text(phone: phone)).LocalSupervisionPhone);

    [Theory]
    [InlineData("not a number", "INVALID_PHONE")]
    [InlineData("", "REQUIRED")]
    [InlineData("0776-7612317-0776-76123", "TOO_LONG")]
    public void Other_supervision_numbers_are_refused(string phone, string code) =>
        AssertRefused(code, "localSupervisionPhone", () => Draft(County, Text(phone: phone)));

    [Fact]
    public void Title_and_body_are_required_and_bounded()
    {
        AssertRefused("REQUIRED", "title", () => Draft(County, Text(title: " ")));
        AssertRefused("TOO_LONG", "title", () => Draft(County, Text(title: new string('题', Notice.TitleMaxLength + 1))));
        Assert.Equal(Notice.TitleMaxLength, Draft(County, Text(title: new string('题', Notice.TitleMaxLength))).Title.Length);
        AssertRefused("REQUIRED", "body", () => Draft(County, Text(body: "")));
        AssertRefused("TOO_LONG", "body", () => Draft(County, Text(body: new string('文', Notice.BodyMaxLength + 1))));
    }

    [Fact]
    public void The_decision_lies_between_2000_and_today()
    {
        Assert.Equal(Today, Draft(County, Text(decidedOn: Today)).DecidedOn);
        Assert.Equal(new DateOnly(2000, 1, 1), Draft(County, Text(decidedOn: new DateOnly(2000, 1, 1))).DecidedOn);
        AssertRefused("INVALID_DATE", "decidedOn", () => Draft(County, Text(decidedOn: Today.AddDays(1))));
        AssertRefused("INVALID_DATE", "decidedOn", () => Draft(County, Text(decidedOn: new DateOnly(1999, 12, 31))));
    }

    [Fact]
    public void Fund_and_project_notices_name_their_subject()
    {
        AssertRefused("SUBJECT_REQUIRED", "funds", () => Notice.Draft("CG", NoticeKind.Fund, County, 1, Text(), Today, [], [VillageProject()]));
        AssertRefused("SUBJECT_REQUIRED", "projects", () => Notice.Draft("CG", NoticeKind.Project, County, 1, Text(), Today, [CountyFund()], []));
        Assert.Empty(Notice.Draft("CG", NoticeKind.Exit, County, 1, Text(), Today, [], []).Funds);
    }

    [Fact]
    public void A_policy_notice_is_about_the_policy_and_names_no_fund_or_project()
    {
        Assert.Equal(NoticeKind.Policy, Notice.Draft("CG", NoticeKind.Policy, County, 1, Text(), Today, [], []).Kind);
        AssertRefused("SUBJECT_NOT_APPLICABLE", "funds", () => Notice.Draft("CG", NoticeKind.Policy, County, 1, Text(), Today, [CountyFund()], []));
        AssertRefused("SUBJECT_NOT_APPLICABLE", "projects", () => Notice.Draft("CG", NoticeKind.Policy, County, 1, Text(), Today, [], [VillageProject()]));
    }

    [Fact]
    public void Subjects_lie_within_the_notice_region_or_contain_it()
    {
        Assert.Single(Notice.Draft("CG", NoticeKind.Project, County, 1, Text(), Today, [], [VillageProject()]).Projects);
        Assert.Single(Notice.Draft("CG", NoticeKind.Fund, Village, 1, Text(period: 10), Today, [CountyFund()], []).Funds);
        AssertRefused("SUBJECT_OUTSIDE_REGION", "projects",
            () => Notice.Draft("CG", NoticeKind.Project, OtherVillage, 1, Text(period: 10), Today, [], [VillageProject()]));
        AssertRefused("SUBJECT_OUTSIDE_REGION", "funds",
            () => Notice.Draft("CG", NoticeKind.Fund, OtherVillage, 1, Text(period: 10), Today, [CountyFund()], []));
    }

    [Fact]
    public void At_most_100_subjects_of_each_kind()
    {
        var hundred = Enumerable.Range(1, NoticeRules.MaxSubjects).Select(i => $"XM-{i}").ToList();
        Assert.Equal(NoticeRules.MaxSubjects, Notice.SubjectCodes(hundred, "projects").Count);
        Assert.Equal(new[] { "A" }, Notice.SubjectCodes(["A", "A"], "funds"));
        Assert.Empty(Notice.SubjectCodes(null, "funds"));
        AssertRefused("TOO_MANY", "projects", () => Notice.SubjectCodes([.. hundred, "XM-101"], "projects"));

        var projects = Enumerable.Range(1, NoticeRules.MaxSubjects + 1).Select(VillageProject).ToList();
        AssertRefused("TOO_MANY", "projects", () => Notice.Draft("CG", NoticeKind.Project, County, 1, Text(), Today, [], projects));
    }

    [Fact]
    public void A_draft_is_edited_until_published()
    {
        var notice = Draft(Village, Text(period: 10));
        notice.UpdateDraft(Village, Text(title: "新标题", period: 20), Today);
        Assert.Equal("新标题", notice.Title);
        Assert.Equal(20, notice.NoticePeriodDays);
        AssertRefused("NOTICE_PERIOD_TOO_SHORT", "noticePeriodDays", () => notice.UpdateDraft(Village, Text(period: 9), Today));
        Assert.Throws<ArgumentException>(() => notice.UpdateDraft(OtherVillage, Text(period: 10), Today));

        notice.Publish("GS-451021-2019-0001", Today, Calendar);
        AssertRefused("NOTICE_NOT_DRAFT", "notice", () => notice.UpdateDraft(Village, Text(period: 10), Today));
        AssertRefused("NOTICE_NOT_DRAFT", "notice", () => notice.Publish("GS-451021-2019-0002", Today, Calendar));
    }

    [Theory]
    [InlineData(22, 0)] // exactly 15 working days: on time
    [InlineData(25, 1)] // 16 working days: one day late
    [InlineData(1, 0)]
    public void Publishing_numbers_dates_and_counts_the_lateness(int day, int late)
    {
        var notice = Draft(Village, Text(decidedOn: Decided, period: 10));
        var published = new DateOnly(2019, 3, day);
        notice.Publish("GS-451021-2019-0001", published, Calendar);

        Assert.Equal(NoticeStatus.Published, notice.Status);
        Assert.Equal("GS-451021-2019-0001", notice.Code);
        Assert.Equal(published, notice.PublishedOn);
        Assert.Equal(late, notice.WorkingDaysLate);
        Assert.Equal(late > 0, notice.IsLate);
        Assert.Equal(published.AddDays(10), notice.NoticePeriodEndsOn);
    }

    [Fact]
    public void Holidays_do_not_count_towards_lateness()
    {
        var notice = Draft(County, Text(decidedOn: Decided));
        notice.Publish("GS", new DateOnly(2019, 3, 25), new WorkingDays([new DateOnly(2019, 3, 4)]));
        Assert.Equal(0, notice.WorkingDaysLate);
    }

    [Theory]
    [InlineData(22, 0)]
    [InlineData(24, 0)] // the weekend after the 15th working day adds none
    [InlineData(25, 1)]
    public void The_publication_preview_counts_as_publishing_would_and_changes_nothing(int day, int late)
    {
        var notice = Draft(Village, Text(decidedOn: Decided, period: 10));
        var on = new DateOnly(2019, 3, day);

        var preview = notice.PreviewPublication(on, Calendar);

        Assert.Equal(new DateOnly(2019, 3, 24), preview.OnTimeUntil);
        Assert.Equal(late, preview.WorkingDaysLate);
        Assert.Equal(late > 0, preview.IsLate);
        Assert.Equal(on.AddDays(10), preview.NoticePeriodEndsOn);
        Assert.Equal(NoticeStatus.Draft, notice.Status);
        Assert.Null(notice.PublishedOn);
        notice.Publish("GS", on, Calendar);
        Assert.Equal(preview.WorkingDaysLate, notice.WorkingDaysLate);
        AssertRefused("NOTICE_NOT_DRAFT", "notice", () => notice.PreviewPublication(on, Calendar));
    }

    [Fact]
    public void The_on_time_day_moves_past_holidays_and_county_notices_preview_no_notice_period()
    {
        var preview = Draft(County, Text(decidedOn: Decided)).PreviewPublication(Today, new WorkingDays([new DateOnly(2019, 3, 4)]));

        Assert.Equal(new DateOnly(2019, 3, 25), preview.OnTimeUntil);
        Assert.Null(preview.NoticePeriodEndsOn);
    }

    [Fact]
    public void A_correction_supersedes_the_published_notice()
    {
        var old = Published(NoticeKind.Project, [VillageProject()]);
        var correction = old.Supersede(
            "GS-451021-2019-0002", 9, County, " 金额有误。", Text(title: "更正"), [], [VillageProject(2)], Decided.AddDays(30), Calendar);

        Assert.Equal(NoticeStatus.Superseded, old.Status);
        Assert.Equal(NoticeStatus.Published, correction.Status);
        Assert.Equal("GS-451021-2019-0002", correction.Code);
        Assert.Equal(NoticeKind.Project, correction.Kind);
        Assert.Equal(old.RegionCode, correction.RegionCode);
        Assert.Equal(9, correction.PublisherOrganizationId);
        Assert.Equal("金额有误。", correction.CorrectionReason);
        Assert.Equal(old.Id, correction.SupersedesNoticeId);
        Assert.Equal(2, Assert.Single(correction.Projects).ProjectId);
        Assert.Equal(5, correction.WorkingDaysLate);
        Assert.Null(old.SupersededByNoticeId);
    }

    [Fact]
    public void A_correction_checks_its_reason_text_and_subjects_and_leaves_the_old_notice_in_force_when_refused()
    {
        var old = Published(NoticeKind.Project, [VillageProject()]);
        AssertRefused("REQUIRED", "reason", () => Supersede(old, reason: " "));
        AssertRefused("TOO_LONG", "reason", () => Supersede(old, reason: new string('因', Notice.ReasonMaxLength + 1)));
        AssertRefused("NOTICE_PERIOD_NOT_APPLICABLE", "noticePeriodDays", () => Supersede(old, text: Text(period: 10)));
        AssertRefused("SUBJECT_REQUIRED", "projects", () => old.Supersede("GS-2", 1, County, "更正。", Text(), [], [], Today, Calendar));
        Assert.Equal(NoticeStatus.Published, old.Status);
    }

    [Fact]
    public void Only_the_notice_in_force_is_corrected_or_withdrawn()
    {
        AssertRefused("NOTICE_NOT_PUBLISHED", "notice", () => Supersede(Draft(County, Text())));
        AssertRefused("NOTICE_NOT_PUBLISHED", "notice", () => Draft(County, Text()).Withdraw("撤回。"));

        var superseded = Published(NoticeKind.Exit, []);
        Supersede(superseded);
        AssertRefused("NOTICE_NOT_PUBLISHED", "notice", () => Supersede(superseded));
        AssertRefused("NOTICE_NOT_PUBLISHED", "notice", () => superseded.Withdraw("撤回。"));

        var withdrawn = Published(NoticeKind.Exit, []);
        withdrawn.Withdraw("撤回。");
        AssertRefused("NOTICE_NOT_PUBLISHED", "notice", () => withdrawn.Withdraw("再次撤回。"));
        AssertRefused("NOTICE_NOT_PUBLISHED", "notice", () => Supersede(withdrawn));
    }

    [Fact]
    public void A_withdrawn_notice_keeps_its_reason()
    {
        var notice = Published(NoticeKind.Exit, []);
        AssertRefused("REQUIRED", "reason", () => notice.Withdraw(""));
        Assert.Equal(NoticeStatus.Published, notice.Status);

        notice.Withdraw(" 项目已取消。 ");
        Assert.Equal(NoticeStatus.Withdrawn, notice.Status);
        Assert.Equal("项目已取消。", notice.WithdrawalReason);
    }

    [Fact]
    public void A_superseded_notice_points_only_at_its_stored_correction()
    {
        var old = Published(NoticeKind.Exit, []);
        var correction = Supersede(old);

        // Neither has a key outside the database: the link waits for the correction's.
        Assert.Throws<InvalidOperationException>(() => old.PointAt(correction));
        Assert.Throws<InvalidOperationException>(() => Published(NoticeKind.Exit, []).PointAt(correction));
    }

    [Fact]
    public void Demo_notices_are_marked()
    {
        var notice = Draft(County, Text());
        notice.MarkAsDemo();
        Assert.True(notice.IsDemo);
    }

    private static NoticeText Text(
        string title = "关于项目的公示", string body = "公示内容。", DateOnly? decidedOn = null, int? period = null, string phone = "0776-7612317") =>
        new(title, body, decidedOn ?? Decided, period, phone);

    private static Notice Draft(Region region, NoticeText text) => Notice.Draft("CG", NoticeKind.Exit, region, 1, text, Today, [], []);

    private static Notice Published(NoticeKind kind, IReadOnlyCollection<Project> projects)
    {
        var notice = Notice.Draft("CG", kind, County, 1, Text(), Today, [], projects);
        notice.Publish("GS-1", Decided.AddDays(7), Calendar);
        return notice;
    }

    private static Notice Supersede(Notice old, string reason = "更正。", NoticeText? text = null) =>
        old.Supersede("GS-2", 1, County, reason, text ?? Text(), [], old.Kind == NoticeKind.Exit ? [] : [VillageProject()], Today, Calendar);

    private static Fund CountyFund() => Fund.Create(
        "ZJ-451021-2019-0001", "财政专项扶贫资金", "阳财农〔2019〕1号", FundSourceType.CentralFiscal, FundLevel.Central, 2019, 100_000_00,
        County.Code, 1, "产业发展。", Decided, documentNumberTaken: false);

    private static Project VillageProject(int id = 1) => Sample.Project(id, $"XM-451021-2019-{id:D4}", Village.Code);

    private static void AssertRefused(string code, string field, Action write)
    {
        var refused = Assert.Throws<DomainException>(write);
        Assert.Equal(code, refused.Code);
        Assert.Equal(field, refused.Field);
    }
}
