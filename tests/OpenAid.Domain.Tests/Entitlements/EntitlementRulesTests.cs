using OpenAid.Domain.Common;
using OpenAid.Domain.Entitlements;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Entitlements;

public class EntitlementRulesTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);
    private static readonly Region Province = Sample.Place(450_000_000_000, "广西壮族自治区", RegionLevel.Province);
    private static readonly Region County = Sample.Place(451_021_000_000, "田阳县", RegionLevel.County);
    private static readonly Region OtherCounty = Sample.Place(451_022_000_000, "田东县", RegionLevel.County);
    private const string Title = "《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》";

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    private static Notice PolicyNotice(Region region, NoticeKind kind = NoticeKind.Policy, bool publish = true)
    {
        var notice = Notice.Draft("CG-451021-2020-0001", kind, region, 1, new NoticeText("关于公布扶贫政策的公告", "现将有关政策公告如下。", Today, null, "0776-7612317"), Today, [], []).WithId(9);
        if (publish)
        {
            notice.Publish("GS-451021-2020-0001", Today, new WorkingDays([]));
        }

        return notice;
    }

    private static Entitlement Record(
        Region? region = null, int year = 2020, EntitlementProgram program = EntitlementProgram.RainDewPlan, string? grade = null, long standardFen = 300_000,
        EntitlementUnit unit = EntitlementUnit.PerStudentPerYear, string title = Title, string? number = null, int recipients = 120, Notice? notice = null, bool taken = false) =>
        Entitlement.Record("DY-451021-2020-0001", region ?? County, year, program, grade, standardFen, unit, title, number, recipients, notice, taken, Today);

    [Fact]
    public void A_standard_records_its_amount_document_and_recipients()
    {
        var entitlement = Record(number: " 桂发〔2018〕35号 ", notice: PolicyNotice(Province));

        Assert.Equal((County.Code, 2020, EntitlementProgram.RainDewPlan, ""), (entitlement.RegionCode, entitlement.Year, entitlement.Program, entitlement.Grade));
        Assert.Equal((300_000L, EntitlementUnit.PerStudentPerYear, 120), (entitlement.StandardFen, entitlement.Unit, entitlement.Recipients));
        Assert.Equal(Title, entitlement.DocumentTitle);
        Assert.Equal("桂发〔2018〕35号", entitlement.DocumentNumber);
        Assert.Equal(9, entitlement.NoticeId);
        Assert.Null(Record().DocumentNumber);
        Assert.Null(Record().NoticeId);
        Assert.Equal(0, Record(recipients: 0).Recipients);
    }

    [Fact]
    public void Housing_renovation_is_graded_and_other_programs_may_be()
    {
        AssertRefused("REQUIRED", "grade", () => Record(program: EntitlementProgram.HousingRenovation, unit: EntitlementUnit.PerDwelling));
        Assert.Equal("D级危房", Record(program: EntitlementProgram.HousingRenovation, grade: " D级危房 ", unit: EntitlementUnit.PerDwelling).Grade);
        Assert.Equal("一类", Record(program: EntitlementProgram.MinimumLivingAllowance, grade: "一类", unit: EntitlementUnit.PerPersonPerMonth).Grade);
        Assert.Equal("", Record(grade: "  ").Grade);
    }

    [Fact]
    public void Amounts_counts_years_and_texts_are_checked()
    {
        AssertRefused("INVALID_AMOUNT", "standardFen", () => Record(standardFen: 0));
        AssertRefused("INVALID_COUNT", "recipients", () => Record(recipients: -1));
        AssertRefused("INVALID_COUNT", "recipients", () => Record(recipients: Entitlement.MaxRecipients + 1));
        AssertRefused("INVALID_YEAR", "year", () => Record(year: 2021));
        AssertRefused("INVALID_YEAR", "year", () => Record(year: 1999));
        AssertRefused("REQUIRED", "documentTitle", () => Record(title: " "));
        AssertRefused("PERSONAL_DATA", "documentTitle", () => Record(title: "联系人 13912345678"));
        AssertRefused("PERSONAL_DATA", "grade", () => Record(grade: "户主身份证 450000199001011234"));
        AssertRefused("TOO_LONG", "documentNumber", () => Record(number: new string('号', Entitlement.DocumentNumberMaxLength + 1)));
    }

    [Fact]
    public void The_notice_is_a_published_policy_notice_of_the_region_or_above()
    {
        Assert.Equal(9, Record(notice: PolicyNotice(County)).NoticeId);
        AssertRefused("NOT_A_POLICY_NOTICE", "notice", () => Record(notice: PolicyNotice(OtherCounty)));
        AssertRefused("NOT_A_POLICY_NOTICE", "notice", () => Record(notice: PolicyNotice(County, publish: false)));
        AssertRefused("NOT_A_POLICY_NOTICE", "notice", () => Record(notice: PolicyNotice(County, NoticeKind.Exit)));
        AssertRefused("NOT_A_POLICY_NOTICE", "notice", () => Record(Province, notice: PolicyNotice(County)));
    }

    [Fact]
    public void A_standard_is_recorded_once_per_region_year_program_and_grade() =>
        AssertRefused("ENTITLEMENT_RECORDED", "program", () => Record(taken: true));
}
