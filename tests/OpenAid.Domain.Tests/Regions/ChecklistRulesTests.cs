using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Regions;

public class ChecklistRulesTests
{
    private static readonly Region Village = new() { Code = 451_021_100_001, Name = "大石村委会", Level = RegionLevel.Village };
    private static readonly Region County = new() { Code = 451_021_000_000, Name = "田阳县", Level = RegionLevel.County };
    private static readonly Region Township = new() { Code = 451_021_100_000, Name = "田州镇", Level = RegionLevel.Township };
    private static readonly DateOnly Today = new(2020, 1, 1);

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_checklist_records_the_items_present_and_no_others()
    {
        var facilities = VillageFacilities.Record(Village, 2019, [VillageFacility.Power, VillageFacility.Clinic, VillageFacility.Power], Today);

        Assert.Equal([VillageFacility.Power, VillageFacility.Clinic], facilities.Present);
        Assert.False(facilities.Has(VillageFacility.HardenedRoad));
        Assert.False(facilities.MainProblemsSolved);
    }

    [Fact]
    public void Main_problems_are_solved_when_every_main_item_is_present_whatever_the_others()
    {
        Assert.True(VillageFacilities.Record(Village, 2020, VillageFacilities.MainItems, Today).MainProblemsSolved);
        Assert.False(VillageFacilities.Record(Village, 2020, VillageFacilities.MainItems.Skip(1), Today).MainProblemsSolved);
        Assert.False(VillageFacilities.Record(Village, 2020, [VillageFacility.BusService, VillageFacility.Broadcasting], Today).MainProblemsSolved);
        Assert.DoesNotContain(VillageFacility.BusService, VillageFacilities.MainItems);
    }

    [Fact]
    public void A_correction_replaces_the_checklist()
    {
        var facilities = VillageFacilities.Record(Village, 2020, VillageFacilities.AllItems, Today);
        facilities.Correct([VillageFacility.SafeWater]);

        Assert.Equal([VillageFacility.SafeWater], facilities.Present);
        facilities.Correct([]);
        Assert.Empty(facilities.Present);
    }

    [Fact]
    public void A_correction_of_demo_figures_is_no_longer_demo_data()
    {
        var facilities = VillageFacilities.Record(Village, 2019, [VillageFacility.Power], Today);
        var monitoring = RegionMonitoring.Record(County, 2019, 10, 1, 2, null, Today);
        var statistics = VillageStatistics.Record(Village, 2019, 900, 20, 6, 4_000_000, 600_000, Today);
        var county = CountyStatistics.Record(County, 2019, 300_000, 5_000, 1_500, 900_000, Today);
        var average = ProvincialRuralIncome.Record(new Region { Code = 450_000_000_000, Name = "广西壮族自治区", Level = RegionLevel.Province }, 2019, 1_300_000, Today);
        facilities.MarkAsDemo();
        monitoring.MarkAsDemo();
        statistics.MarkAsDemo();
        county.MarkAsDemo();
        average.MarkAsDemo();

        facilities.Correct([VillageFacility.Power, VillageFacility.Clinic]);
        monitoring.Correct(11, 1, 2, null);
        statistics.Correct(900, 19, 6, 4_000_000, 600_000);
        county.Correct(300_000, 4_900, 1_500, 900_000);
        average.Correct(1_310_000);

        Assert.False(facilities.IsDemo);
        Assert.False(monitoring.IsDemo);
        Assert.False(statistics.IsDemo);
        Assert.False(county.IsDemo);
        Assert.False(average.IsDemo);
    }

    [Fact]
    public void Only_villages_have_a_checklist()
    {
        AssertRefused("NOT_A_VILLAGE", "region", () => VillageFacilities.Record(County, 2020, [], Today));
        AssertRefused("NOT_A_VILLAGE", "region", () => VillageFacilities.Record(Township, 2020, [], Today));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_checklist_year_has_begun_and_is_a_year(int year) =>
        AssertRefused("INVALID_YEAR", "year", () => VillageFacilities.Record(Village, year, [], Today));

    [Fact]
    public void An_unknown_item_is_a_bug_of_the_caller() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VillageFacilities.Record(Village, 2020, [(VillageFacility)99], Today));

    [Fact]
    public void Villages_and_counties_record_monitoring_counts()
    {
        var village = RegionMonitoring.Record(Village, 2020, 40, 2, 6, 1000, Today);
        var county = RegionMonitoring.Record(County, 2020, 4000, 20, 600, null, Today);

        Assert.Equal((40, 2, 6, RegionLevel.Village), (village.PeopleExited, village.PeopleRelapsed, village.HouseholdsMonitored, village.Level));
        Assert.Equal(RegionLevel.County, county.Level);
        Assert.False(county.IsTotal);
    }

    [Fact]
    public void Monitoring_counts_are_not_recorded_for_a_township() =>
        AssertRefused("NOT_VILLAGE_OR_COUNTY", "region", () => RegionMonitoring.Record(Township, 2020, 0, 0, 0, null, Today));

    [Theory]
    [InlineData(2021)]
    [InlineData(1999)]
    public void A_monitoring_year_has_begun(int year) =>
        AssertRefused("INVALID_YEAR", "year", () => RegionMonitoring.Record(Village, year, 0, 0, 0, null, Today));

    [Theory]
    [InlineData(-1, 0, 0, "peopleExited")]
    [InlineData(0, -1, 0, "peopleRelapsed")]
    [InlineData(0, 0, -1, "householdsMonitored")]
    [InlineData(1001, 0, 0, "peopleExited")]
    [InlineData(0, 1001, 0, "peopleRelapsed")]
    [InlineData(0, 0, 1001, "householdsMonitored")]
    public void Counts_are_from_zero_to_the_population(int exited, int relapsed, int monitored, string field) =>
        AssertRefused("INVALID_COUNT", field, () => RegionMonitoring.Record(Village, 2020, exited, relapsed, monitored, 1000, Today));

    [Fact]
    public void Counts_may_equal_the_population()
    {
        var counts = RegionMonitoring.Record(Village, 2020, 1000, 1000, 1000, 1000, Today);
        Assert.Equal(1000, counts.HouseholdsMonitored);
    }

    [Fact]
    public void Without_statistics_counts_are_bounded_by_the_largest_village_or_county()
    {
        Assert.Equal(VillageStatistics.MaxVillagePopulation, RegionMonitoring.Record(Village, 2020, VillageStatistics.MaxVillagePopulation, 0, 0, null, Today).PeopleExited);
        AssertRefused("INVALID_COUNT", "peopleExited", () => RegionMonitoring.Record(Village, 2020, VillageStatistics.MaxVillagePopulation + 1, 0, 0, null, Today));
        Assert.Equal(RegionMonitoring.MaxCountyPopulation, RegionMonitoring.Record(County, 2020, RegionMonitoring.MaxCountyPopulation, 0, 0, null, Today).PeopleExited);
        AssertRefused("INVALID_COUNT", "peopleExited", () => RegionMonitoring.Record(County, 2020, RegionMonitoring.MaxCountyPopulation + 1, 0, 0, null, Today));
    }

    [Fact]
    public void A_correction_replaces_the_counts_under_the_same_bounds()
    {
        var counts = RegionMonitoring.Record(Village, 2020, 40, 2, 6, 1000, Today);
        counts.Correct(30, 1, 5, 1000);
        Assert.Equal((30, 1, 5), (counts.PeopleExited, counts.PeopleRelapsed, counts.HouseholdsMonitored));
        AssertRefused("INVALID_COUNT", "householdsMonitored", () => counts.Correct(3, 1, 5, 4));
    }

    [Fact]
    public void A_county_total_is_marked_as_a_sum() =>
        Assert.True(RegionMonitoring.Total(County.Code, 2020, 1, 0, 2, isDemo: false).IsTotal);

    private static Region Exited(long code, RegionLevel level) => new() { Code = code, Name = "某地", Level = level, PovertyStatus = PovertyStatus.Exited };

    [Fact]
    public void Only_exited_villages_and_counties_keep_policies()
    {
        Assert.Null(PolicyContinuation.For(Village));
        Assert.Null(PolicyContinuation.For(Exited(451_021_100_000, RegionLevel.Township)));
        Assert.NotNull(PolicyContinuation.For(Exited(451_021_100_001, RegionLevel.Village)));
    }

    [Fact]
    public void Guangxi_keeps_policies_to_2020_and_Hunan_names_no_end()
    {
        var guangxi = PolicyContinuation.For(Exited(451_021_000_000, RegionLevel.County))!;
        var hunan = PolicyContinuation.For(Exited(431_228_100_001, RegionLevel.Village))!;

        Assert.Equal(2020, guangxi.LastYear);
        Assert.Contains("广西", guangxi.DocumentTitle, StringComparison.Ordinal);
        Assert.True(guangxi.HoldsIn(2020));
        Assert.False(guangxi.HoldsIn(2021));
        Assert.Null(hunan.LastYear);
        Assert.Contains("湖南", hunan.DocumentTitle, StringComparison.Ordinal);
        Assert.True(hunan.HoldsIn(2100));
    }

    [Fact]
    public void Yunnan_speaks_of_counties_so_its_villages_and_other_provinces_fall_back_to_the_national_rule()
    {
        Assert.Contains("云南", PolicyContinuation.For(Exited(532_501_000_000, RegionLevel.County))!.DocumentTitle, StringComparison.Ordinal);
        Assert.Same(PolicyContinuation.National, PolicyContinuation.For(Exited(532_501_100_001, RegionLevel.Village)));
        Assert.Same(PolicyContinuation.National, PolicyContinuation.For(Exited(441_882_100_001, RegionLevel.Village)));
        Assert.Same(PolicyContinuation.National, PolicyContinuation.For(Exited(210_921_000_000, RegionLevel.County)));
    }
}
