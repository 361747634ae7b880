using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

public class ExitCriterionTests
{
    private static readonly ExitCriterion Guangxi = new()
    {
        ProvinceCode = 450000000000,
        Level = RegionLevel.Village,
        FromYear = 2018,
        MaxPovertyIncidenceBasisPoints = 300,
        MinCollectiveIncomeFen = 5_000_000,
        Source = "seed 004",
    };

    private static readonly ExitCriterion HunanWithoutIncomeThreshold = new()
    {
        ProvinceCode = 430000000000,
        Level = RegionLevel.Village,
        FromYear = 2016,
        MaxPovertyIncidenceBasisPoints = 200,
        MinCollectiveIncomeFen = null,
        Source = "seed 000 §2",
    };

    [Fact]
    public void A_village_under_both_thresholds_exits()
    {
        var assessment = Guangxi.Assess(VillageStatistics.Total(0, 2019, population: 1000, poorPeople: 30, poorHouseholds: 0, collectiveIncomeFen: 5_000_000));

        Assert.True(assessment.Met);
        Assert.Empty(assessment.Missed);
    }

    [Fact]
    public void Each_missed_threshold_is_named()
    {
        var assessment = Guangxi.Assess(VillageStatistics.Total(0, 2019, population: 1000, poorPeople: 31, poorHouseholds: 0, collectiveIncomeFen: 4_999_999));

        Assert.False(assessment.Met);
        Assert.Equal(2, assessment.Missed.Count);
        Assert.Contains("3.10% > 3.00%", assessment.Missed[0], StringComparison.Ordinal);
        Assert.Contains("¥49999.99 < ¥50000.00", assessment.Missed[1], StringComparison.Ordinal);
        Assert.Equal(["poverty incidence 3.10% > 3.00%", "collective income ¥49999.99 < ¥50000.00"], assessment.Missed);
    }

    [Fact]
    public void Each_threshold_is_a_check_with_both_figures()
    {
        var assessment = Guangxi.Assess(VillageStatistics.Total(0, 2019, population: 1000, poorPeople: 31, poorHouseholds: 0, collectiveIncomeFen: 6_000_000));

        Assert.Equal(
            [new ExitCheck(ExitThreshold.PovertyIncidence, 300, 310, Passed: false), new ExitCheck(ExitThreshold.CollectiveIncome, 5_000_000, 6_000_000, Passed: true)],
            assessment.Checks);
        Assert.Equal(["poverty incidence 3.10% > 3.00%"], assessment.Missed);
    }

    [Fact]
    public void Without_an_income_threshold_only_the_incidence_counts()
    {
        Assert.True(HunanWithoutIncomeThreshold.Assess(Village(1000, 20, collectiveIncomeFen: 0)).Met);
        Assert.Equal(["poverty incidence 2.10% > 2.00%"], HunanWithoutIncomeThreshold.Assess(Village(1000, 21, collectiveIncomeFen: 0)).Missed);
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
        Assert.Equal(basisPoints, Village(population, poorPeople, collectiveIncomeFen: 0).PovertyIncidenceBasisPoints);

    private static VillageStatistics Village(int population, int poorPeople, long collectiveIncomeFen) =>
        VillageStatistics.Total(0, 2019, population, poorPeople, poorHouseholds: 0, collectiveIncomeFen);
}
