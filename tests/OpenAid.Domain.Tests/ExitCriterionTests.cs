using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

/// <summary>
/// Every threshold the documents state, at its edge values. The rows mirror the seeded criteria (ExitCriteriaSeed),
/// whose own values the data tests check.
/// </summary>
public class ExitCriterionTests
{
    private const string National = "国家标准（《关于建立贫困退出机制的意见》）";

    private static readonly ExitCriterion HunanVillage = new()
    {
        ProvinceCode = 430000000000, Level = RegionLevel.Village, FromYear = 2016, MaxPovertyIncidenceBasisPoints = 200, IncidenceSource = "湖南 §2",
        MinCollectiveIncomeFen = 4_000_000, RequiresInfrastructureSolved = true, Source = "湖南 §2",
    };

    private static readonly ExitCriterion HunanCounty2016 = new()
    {
        ProvinceCode = 430000000000, Level = RegionLevel.County, FromYear = 2016, MaxPovertyIncidenceBasisPoints = 200, IncidenceSource = "湖南 §2",
        MinRuralIncomeFen = 800_000, MinRuralIncomeFromYear = 2017, Source = "湖南 §2",
    };

    private static readonly ExitCriterion HunanCounty2020 = new()
    {
        ProvinceCode = 430000000000, Level = RegionLevel.County, FromYear = 2020, MaxPovertyIncidenceBasisPoints = 200, IncidenceSource = "湖南 §2",
        MinRuralIncomeFen = 1_000_000, Source = "湖南 §2",
    };

    private static readonly ExitCriterion GuangdongVillage = new()
    {
        ProvinceCode = 440000000000, Level = RegionLevel.Village, FromYear = 2013, MaxPovertyIncidenceBasisPoints = 200, IncidenceSource = National,
        MinCollectiveIncomeFen = 5_000_000, MinVillageIncomeShareBasisPoints = 6_000, MinHelpedHouseholdIncomeShareBasisPoints = 4_500, Source = "连州 一（二）",
    };

    private static readonly ExitCriterion GuangxiVillage = new()
    {
        ProvinceCode = 450000000000, Level = RegionLevel.Village, FromYear = 2018, MaxPovertyIncidenceBasisPoints = 300, IncidenceSource = National,
        MinCollectiveIncomeFen = 5_000_000, MinCollectiveIncomeFromYear = 2020, Source = "广西 五（三）",
    };

    private static readonly ExitCriterion YunnanVillage = new()
    {
        ProvinceCode = 530000000000, Level = RegionLevel.Village, FromYear = 2015, MaxPovertyIncidenceBasisPoints = 300, IncidenceSource = National, Source = National,
    };

    private static ExitFigures Village(int poorPeople = 10, long collective = 5_000_000, long perCapita = 1_000_000, long? helped = null, long? average = null, bool? infrastructure = null) =>
        new(1000, poorPeople, poorPeople / 3, collective, perCapita, helped, average, infrastructure);

    private static ExitFigures County(int poorPeople, long ruralIncome) => new(100_000, poorPeople, poorPeople / 3, null, ruralIncome);

    private static ExitCheck Check(ExitAssessment assessment, ExitThreshold threshold) => assessment.Checks.Single(c => c.Threshold == threshold);

    [Theory]
    [InlineData(20, true)] // exactly 2.00%
    [InlineData(21, false)] // 2.10%
    public void Hunan_villages_exit_at_an_incidence_of_at_most_2_percent(int poorPeople, bool passed) =>
        Assert.Equal(passed, Check(HunanVillage.Assess(Village(poorPeople, infrastructure: true), 2019), ExitThreshold.PovertyIncidence).Passed);

    [Theory]
    [InlineData(4_000_000, true)] // exactly ¥40,000
    [InlineData(3_999_999, false)]
    public void Hunan_villages_need_a_collective_income_of_at_least_40000_yuan(long collective, bool passed)
    {
        var assessment = HunanVillage.Assess(Village(collective: collective, infrastructure: true), 2019);

        Assert.Equal(passed, Check(assessment, ExitThreshold.CollectiveIncome).Passed);
        Assert.Equal(passed, assessment.Met);
    }

    [Theory]
    [InlineData(true, true, 1L)]
    [InlineData(false, false, 0L)]
    [InlineData(null, false, null)] // no checklist recorded: the check fails, it never passes unchecked
    public void Hunan_villages_need_their_infrastructure_and_public_services_solved(bool? solved, bool passed, long? actual)
    {
        var check = Check(HunanVillage.Assess(Village(infrastructure: solved), 2019), ExitThreshold.InfrastructureSolved);

        Assert.Equal((passed, actual, 1L), (check.Passed, check.Actual, check.Required));
    }

    [Theory]
    [InlineData(2016, null, 799_999, true)] // the income floor applies from 2017
    [InlineData(2017, 800_000L, 800_000, true)] // exactly ¥8,000 in 2017
    [InlineData(2017, 800_000L, 799_999, false)]
    [InlineData(2019, 800_000L, 800_000, true)] // the year before 2020 still asks ¥8,000
    public void Hunan_counties_need_8000_yuan_rural_income_from_2017(int year, long? required, long income, bool met)
    {
        var assessment = HunanCounty2016.Assess(County(2_000, income), year);

        Assert.Equal(required, assessment.Checks.SingleOrDefault(c => c.Threshold == ExitThreshold.RuralPerCapitaIncome)?.Required);
        Assert.Equal(met, assessment.Met);
    }

    [Theory]
    [InlineData(1_000_000, true)] // exactly ¥10,000 in 2020
    [InlineData(999_999, false)]
    public void Hunan_counties_need_10000_yuan_rural_income_from_2020(long income, bool met) =>
        Assert.Equal(met, HunanCounty2020.Assess(County(2_000, income), 2020).Met);

    [Theory]
    [InlineData(2_000, true)] // county-wide incidence exactly 2.00%
    [InlineData(2_010, false)] // 2.01%
    public void Hunan_counties_are_judged_on_county_wide_incidence(int poorPeople, bool passed) =>
        Assert.Equal(passed, Check(HunanCounty2020.Assess(County(poorPeople, 1_200_000), 2020), ExitThreshold.PovertyIncidence).Passed);

    [Theory]
    [InlineData(600_000, false, 6_000L)] // exactly 60% is not above 60%
    [InlineData(600_001, true, 6_000L)]
    [InlineData(599_999, false, 5_999L)]
    public void Guangdong_key_villages_need_a_per_capita_income_above_60_percent_of_the_provincial_rural_average(long perCapita, bool passed, long actual)
    {
        var check = Check(GuangdongVillage.Assess(Village(perCapita: perCapita, helped: 450_000, average: 1_000_000), 2015), ExitThreshold.VillageIncomeShare);

        Assert.Equal((passed, actual, 6_000L), (check.Passed, check.Actual, check.Required));
    }

    [Theory]
    [InlineData(450_000L, true)] // exactly 45%
    [InlineData(449_999L, false)]
    [InlineData(null, false)] // not recorded
    public void Guangdong_helped_households_need_at_least_45_percent_of_the_provincial_rural_average(long? helped, bool passed) =>
        Assert.Equal(passed, Check(GuangdongVillage.Assess(Village(perCapita: 700_000, helped: helped, average: 1_000_000), 2015), ExitThreshold.HelpedHouseholdIncomeShare).Passed);

    [Fact]
    public void Guangdong_shares_fail_without_a_recorded_provincial_average()
    {
        var assessment = GuangdongVillage.Assess(Village(perCapita: 700_000, helped: 500_000, average: null), 2015);

        Assert.False(assessment.Met);
        Assert.All(assessment.Checks.Where(c => c.Threshold is ExitThreshold.VillageIncomeShare or ExitThreshold.HelpedHouseholdIncomeShare), c => Assert.Null(c.Actual));
    }

    [Fact]
    public void Guangdong_villages_meet_every_threshold_together()
    {
        var assessment = GuangdongVillage.Assess(Village(poorPeople: 20, collective: 5_000_000, perCapita: 700_000, helped: 450_000, average: 1_000_000), 2015);

        Assert.True(assessment.Met);
        Assert.Equal(
            [ExitThreshold.PovertyIncidence, ExitThreshold.CollectiveIncome, ExitThreshold.VillageIncomeShare, ExitThreshold.HelpedHouseholdIncomeShare],
            assessment.Checks.Select(c => c.Threshold));
        Assert.Equal(National, Check(assessment, ExitThreshold.PovertyIncidence).Source);
        Assert.Equal("连州 一（二）", Check(assessment, ExitThreshold.CollectiveIncome).Source);
    }

    [Theory]
    [InlineData(2019, false)] // ¥50,000 by 2020, not earlier
    [InlineData(2020, true)]
    [InlineData(2021, true)]
    public void Guangxi_villages_need_50000_yuan_collective_income_from_2020_on(int year, bool checkedThatYear)
    {
        var assessment = GuangxiVillage.Assess(Village(collective: 4_999_999), year);

        Assert.Equal(checkedThatYear, assessment.Checks.Any(c => c.Threshold == ExitThreshold.CollectiveIncome));
        Assert.Equal(!checkedThatYear, assessment.Met);
    }

    [Theory]
    [InlineData(30, true)] // exactly 3.00%: the western national standard
    [InlineData(31, false)]
    public void Western_provinces_without_a_figure_of_their_own_apply_the_national_3_percent(int poorPeople, bool met)
    {
        var assessment = YunnanVillage.Assess(Village(poorPeople, collective: 0), 2019);

        Assert.Equal(met, assessment.Met);
        Assert.Equal([National], assessment.Checks.Select(c => c.Source));
    }

    [Fact]
    public void Each_missed_threshold_is_named()
    {
        var assessment = HunanVillage.Assess(Village(poorPeople: 31, collective: 3_999_999), 2019);

        Assert.Equal(
            ["poverty incidence 3.10% > 2.00%", "collective income ¥39999.99 < ¥40000.00", "infrastructure and public services: no checklist recorded"],
            assessment.Missed);
        Assert.False(assessment.MetOn(ExitThreshold.PovertyIncidence));
        Assert.True(HunanVillage.Assess(Village(poorPeople: 20), 2019).MetOn(ExitThreshold.PovertyIncidence, ExitThreshold.CollectiveIncome));
    }

    [Fact]
    public void Incidence_only_keeps_the_incidence_limit()
    {
        var assessment = HunanCounty2020.IncidenceOnly().Assess(County(2_000, 0), 2020);

        Assert.True(assessment.Met);
        Assert.Equal([ExitThreshold.PovertyIncidence], assessment.Checks.Select(c => c.Threshold));
    }

    [Theory]
    [InlineData(0, 0, 0)] // no population, no incidence
    [InlineData(1000, 31, 310)]
    [InlineData(3, 1, 3333)]
    [InlineData(40_000, 1, 0)] // a quarter of a basis point
    [InlineData(20_000, 1, 1)] // half a basis point rounds away from zero
    [InlineData(20_000, 5, 3)] // and so do 2.5
    [InlineData(3, 3, 10_000)]
    public void Poverty_incidence_is_poor_people_per_population_in_basis_points(int population, int poorPeople, int basisPoints) =>
        Assert.Equal(basisPoints, new ExitFigures(population, poorPeople, 0, 0, 0).PovertyIncidenceBasisPoints);
}
