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
    }
}
