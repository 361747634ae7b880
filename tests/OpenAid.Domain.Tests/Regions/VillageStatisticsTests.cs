using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Regions;

public class VillageStatisticsTests
{
    private static readonly Region Village = new() { Code = 451_021_100_001, Name = "大石村委会", Level = RegionLevel.Village };
    private static readonly DateOnly Today = new(2020, 1, 1);

    private static VillageStatistics Record(int population = 1000, int poorPeople = 100, int poorHouseholds = 30, long collective = 0, long perCapita = 400_000, int year = 2020, Region? region = null) =>
        VillageStatistics.Record(region ?? Village, year, population, poorPeople, poorHouseholds, collective, perCapita, Today);

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_village_records_its_counts()
    {
        var statistics = Record();

        Assert.Equal((Village.Code, 2020, 1000, 100, 30, 0L, 400_000L), (statistics.RegionCode, statistics.Year, statistics.Population, statistics.PoorPeople, statistics.PoorHouseholds, statistics.CollectiveIncomeFen, statistics.PerCapitaDisposableIncomeFen));
        Assert.Equal(1000, statistics.PovertyIncidenceBasisPoints);
    }

    [Fact]
    public void Only_villages_record_statistics() =>
        AssertRefused("NOT_A_VILLAGE", "region", () => Record(region: new Region { Code = 451_021_000_000, Name = "沅陵县", Level = RegionLevel.County }));

    [Theory]
    [InlineData(2020, true)]
    [InlineData(2021, false)]
    [InlineData(1999, false)]
    public void The_year_has_begun(int year, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(year, Record(year: year).Year);
        }
        else
        {
            AssertRefused("INVALID_YEAR", "year", () => Record(year: year));
        }
    }

    [Fact]
    public void Poor_people_may_be_the_whole_population_but_no_more()
    {
        Assert.Equal(1000, Record(poorPeople: 1000).PoorPeople);
        AssertRefused("INVALID_COUNT", "poorPeople", () => Record(poorPeople: 1001));
    }

    [Fact]
    public void Poor_households_may_be_as_many_as_poor_people_but_no_more()
    {
        Assert.Equal(100, Record(poorHouseholds: 100).PoorHouseholds);
        AssertRefused("INVALID_COUNT", "poorHouseholds", () => Record(poorHouseholds: 101));
    }

    [Fact]
    public void The_population_is_bounded_by_the_largest_village()
    {
        Assert.Equal(VillageStatistics.MaxVillagePopulation, Record(population: VillageStatistics.MaxVillagePopulation).Population);
        AssertRefused("INVALID_COUNT", "population", () => Record(population: VillageStatistics.MaxVillagePopulation + 1));
        AssertRefused("INVALID_COUNT", "population", () => Record(population: -1));
    }

    [Fact]
    public void An_empty_village_has_no_incidence() =>
        Assert.Equal(0, Record(population: 0, poorPeople: 0, poorHouseholds: 0).PovertyIncidenceBasisPoints);

    [Theory]
    [InlineData(-1, 0, "collectiveIncomeFen")]
    [InlineData(0, -1, "perCapitaDisposableIncomeFen")]
    [InlineData(Fields.MaxAmountFen + 1, 0, "collectiveIncomeFen")]
    public void Incomes_are_zero_or_more(long collective, long perCapita, string field) =>
        AssertRefused("INVALID_AMOUNT", field, () => Record(collective: collective, perCapita: perCapita));

    [Fact]
    public void A_correction_replaces_the_figures_under_the_same_rules()
    {
        var statistics = Record();

        statistics.Correct(900, 90, 20, 5_000_000, 450_000);
        Assert.Equal((900, 90, 20, 5_000_000L, 450_000L), (statistics.Population, statistics.PoorPeople, statistics.PoorHouseholds, statistics.CollectiveIncomeFen, statistics.PerCapitaDisposableIncomeFen));

        AssertRefused("INVALID_COUNT", "poorPeople", () => statistics.Correct(900, 901, 0, 0, 0));
        Assert.Equal(90, statistics.PoorPeople);
    }

    [Fact]
    public void Demo_figures_are_marked()
    {
        var statistics = Record();
        statistics.MarkAsDemo();
        Assert.True(statistics.IsDemo);
    }

    [Fact]
    public void A_refusal_says_why_the_figures_do_not_fit()
    {
        var county = Assert.Throws<DomainException>(() => Record(region: new Region { Code = 451_021_000_000, Name = "沅陵县", Level = RegionLevel.County }));
        Assert.Equal("沅陵县 is a county; statistics are recorded per village and summed above.", county.Message);
        Assert.Equal("'year' (2021) is in the future; report a year once it has figures.", Assert.Throws<DomainException>(() => Record(year: 2021)).Message);
        Assert.Throws<ArgumentNullException>(() => VillageStatistics.Record(null!, 2020, 1, 0, 0, 0, 0, Today));
    }
}
