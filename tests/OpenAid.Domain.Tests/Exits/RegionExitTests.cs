using OpenAid.Domain.Common;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Exits;

public class RegionExitTests
{
    private static readonly DateOnly Today = new(2020, 11, 2);

    private static readonly ExitCriterion Guangxi = new()
    {
        Id = 9, ProvinceCode = 450000000000, Level = RegionLevel.Village, FromYear = 2018, MaxPovertyIncidenceBasisPoints = 300, IncidenceSource = "国家标准",
        MinCollectiveIncomeFen = 5_000_000, MinCollectiveIncomeFromYear = 2020, Source = "广西 五（三）",
    };

    private static readonly ExitFigures Meeting = new(1000, 20, 6, 5_000_000, 1_000_000);

    private static Region Village(PovertyStatus status = PovertyStatus.Poor, RegionLevel level = RegionLevel.Village) =>
        new() { Code = 451_021_100_001, Name = "大石村委会", Level = level, PovertyStatus = status };

    private static RegionExit Propose(Region? region = null, ExitFigures? figures = null, RegionExit? underWay = null, int days = 10) =>
        RegionExit.Propose("TC-451021-2020-0001", region ?? Village(), 2020, Guangxi, figures ?? Meeting, underWay, 7, "县扶贫开发领导小组组长", days, Today);

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal((code, field), (e.Code, e.Field));
    }

    [Fact]
    public void A_proposal_stores_the_assessment_as_it_stood()
    {
        var exit = Propose();

        Assert.Equal((ExitStatus.Proposed, 2020, Today.AddDays(10), 9), (exit.Status, exit.Year, exit.NoticePeriodEndsOn, exit.CriterionId));
        Assert.True(exit.Assessment.Met);
        Assert.Equal(Meeting, exit.Assessment.Figures);
        Assert.Equal([ExitThreshold.PovertyIncidence, ExitThreshold.CollectiveIncome], exit.Assessment.Checks.Select(c => c.Threshold));
        Assert.Contains("\"Threshold\":\"PovertyIncidence\"", exit.AssessmentJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_that_miss_a_threshold_are_refused_naming_it()
    {
        var e = Assert.Throws<DomainException>(() => Propose(figures: Meeting with { CollectiveIncomeFen = 4_999_999 }));

        Assert.Equal("EXIT_CRITERIA_NOT_MET", e.Code);
        Assert.Contains(e.Parameters, p => p is { Name: "missed", Value: "COLLECTIVE_INCOME" });
    }

    [Fact]
    public void Only_a_poor_village_or_county_without_an_exit_under_way_exits()
    {
        AssertRefused("EXIT_NOT_APPLICABLE", "region", () => Propose(Village(level: RegionLevel.Township)));
        AssertRefused("REGION_NOT_POOR", "region", () => Propose(Village(PovertyStatus.NotRegistered)));
        AssertRefused("REGION_NOT_POOR", "region", () => Propose(Village(PovertyStatus.Exited)));
        AssertRefused("EXIT_UNDER_WAY", "region", () => Propose(underWay: Propose()));
        AssertRefused("NOTICE_PERIOD_TOO_SHORT", "noticePeriodDays", () => Propose(days: 9));
        AssertRefused("NO_EXIT_FIGURES", "year", () => RegionExit.Propose("TC-1", Village(), 2020, Guangxi, null, null, 7, "组长", 10, Today));
        AssertRefused("NO_EXIT_CRITERIA", "year", () => RegionExit.Propose("TC-1", Village(), 2020, null, Meeting, null, 7, "组长", 10, Today));
    }

    [Fact]
    public void The_responsible_role_passes_the_privacy_guard() =>
        Assert.Equal("PERSONAL_DATA", Assert.Throws<DomainException>(() => RegionExit.Propose("TC-1", Village(), 2020, Guangxi, Meeting, null, 7, "组长 13812345678", 10, Today)).Code);

    [Fact]
    public void The_notice_text_states_each_check_and_who_verifies()
    {
        var exit = Propose();
        var text = exit.NoticeText(Village(), "某县扶贫开发办公室", "0771-1234567");

        Assert.Equal("关于大石村委会2020年贫困村出列的公示", text.Title);
        Assert.Contains("村集体经济收入（要求50000.00元，实际50000.00元，依据广西 五（三））", text.Body, StringComparison.Ordinal);
        Assert.Contains("验收单位：某县扶贫开发办公室，负责人：县扶贫开发领导小组组长", text.Body, StringComparison.Ordinal);
        Assert.Equal(10, text.NoticePeriodDays);
        Assert.Null(Propose(Village(level: RegionLevel.County)).NoticeText(Village(level: RegionLevel.County), "省扶贫办", "0771-1234567").NoticePeriodDays);
    }
}
