using OpenAid.Domain.Assets;
using OpenAid.Domain.Common;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Tests.Funds;

namespace OpenAid.Domain.Tests.Assets;

public class AssetRulesTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);
    /// <summary>The day <see cref="FundTests.ProjectIn"/> records each step on.</summary>
    private static readonly DateOnly Started = new(2019, 3, 1);
    private static readonly Region Village = Sample.Place(451_021_100_001, "大石村委会", RegionLevel.Village);
    private static readonly Region OtherVillage = Sample.Place(451_021_100_002, "那坡村委会", RegionLevel.Village);
    private static readonly Region ForeignVillage = Sample.Place(451_022_100_001, "别县村", RegionLevel.Village);
    private static readonly Region Township = Sample.Place(451_021_100_000, "田州镇", RegionLevel.Township);

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    /// <summary>A project of <paramref name="regionCode"/> moved from the library to <paramref name="status"/>, each step on <see cref="Started"/>.</summary>
    private static Project ProjectIn(ProjectStatus status, long regionCode = 451_021_100_001) => FundTests.ProjectIn(regionCode, 3, status);

    private static Asset Register(
        Project? project = null, Region? owner = null, string name = " 村级光伏电站（100千瓦） ", long valueFen = 80_000_000, int shares = 40, DateOnly? inUseSince = null) =>
        Asset.Register("ZS-451021-2020-0001", project ?? ProjectIn(ProjectStatus.Accepted), owner ?? Village, name, AssetKind.PhotovoltaicStation, valueFen, shares, inUseSince ?? new DateOnly(2019, 10, 1), Today).WithId(5);

    private static AssetIncome Income(
        Asset? asset = null, int year = 2019, long amount = 1_000_000, long collective = 400_000, long households = 400_000, int householdsPaid = 40,
        long jobs = 200_000, int jobsPaid = 5, AssetIncome? recorded = null) =>
        AssetIncome.Record(asset ?? Register(), year, amount, collective, households, householdsPaid, jobs, jobsPaid, recorded, Today);

    [Fact]
    public void An_asset_is_registered_for_its_village_collective_with_shares_counted()
    {
        var asset = Register();

        Assert.Equal("ZS-451021-2020-0001", asset.Code);
        Assert.Equal(3, asset.ProjectId);
        Assert.Equal(Village.Code, asset.RegionCode);
        Assert.Equal("村级光伏电站（100千瓦）", asset.Name);
        Assert.Equal(AssetKind.PhotovoltaicStation, asset.Kind);
        Assert.Equal(80_000_000, asset.ValueFen);
        Assert.Equal(40, asset.ShareHouseholds);
        Assert.False(asset.IsDemo);
        Assert.Equal(0, Register(shares: 0).ShareHouseholds);
        Assert.Equal(Asset.MaxHouseholds, Register(shares: Asset.MaxHouseholds).ShareHouseholds);
    }

    [Theory]
    [InlineData(ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.Closed)]
    public void A_project_that_built_something_registers_assets(ProjectStatus status) =>
        Assert.Equal(3, Register(ProjectIn(status)).ProjectId);

    [Theory]
    [InlineData(ProjectStatus.InLibrary)]
    [InlineData(ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Cancelled)]
    public void A_project_that_built_nothing_registers_no_asset(ProjectStatus status) =>
        AssertRefused("INVALID_STATE", "project", () => Register(ProjectIn(status)));

    [Fact]
    public void The_owner_is_a_village_within_the_projects_place()
    {
        var townshipProject = ProjectIn(ProjectStatus.Accepted, Township.Code);
        Assert.Equal(OtherVillage.Code, Register(townshipProject, OtherVillage).RegionCode);
        AssertRefused("OWNER_ELSEWHERE", "owner", () => Register(townshipProject, Township));
        AssertRefused("OWNER_ELSEWHERE", "owner", () => Register(townshipProject, ForeignVillage));
        AssertRefused("OWNER_ELSEWHERE", "owner", () => Register(ProjectIn(ProjectStatus.Accepted), OtherVillage));
    }

    [Fact]
    public void Values_counts_names_and_dates_are_checked()
    {
        AssertRefused("INVALID_AMOUNT", "valueFen", () => Register(valueFen: 0));
        AssertRefused("INVALID_AMOUNT", "valueFen", () => Register(valueFen: Fields.MaxAmountFen + 1));
        AssertRefused("INVALID_COUNT", "shareHouseholds", () => Register(shares: -1));
        AssertRefused("INVALID_COUNT", "shareHouseholds", () => Register(shares: Asset.MaxHouseholds + 1));
        AssertRefused("REQUIRED", "name", () => Register(name: "  "));
        AssertRefused("PERSONAL_DATA", "name", () => Register(name: "光伏电站 联系13912345678"));
        AssertRefused("INVALID_DATE", "inUseSince", () => Register(inUseSince: Today.AddDays(1)));
        AssertRefused("DATES_OUT_OF_ORDER", "inUseSince", () => Register(inUseSince: Started.AddDays(-1)));
        Assert.Equal(Today, Register(inUseSince: Today).InUseSince);
        Assert.Equal(Started, Register(inUseSince: Started).InUseSince);
    }

    [Fact]
    public void An_income_records_its_distribution_and_what_it_leaves()
    {
        var income = Income(amount: 1_200_000);

        Assert.Equal((5, 2019, Village.Code), (income.AssetId, income.Year, income.RegionCode));
        Assert.Equal((1_200_000L, 400_000L, 400_000L, 40, 200_000L, 5), (income.AmountFen, income.ToCollectiveFen, income.ToHouseholdsFen, income.HouseholdsPaid, income.ToJobsFen, income.JobsPaid));
        Assert.Equal(200_000, income.RetainedFen);
        Assert.Equal(Today, income.RecordedOn);
        Assert.Equal(0, Income(amount: 1_000_000).RetainedFen);
    }

    [Fact]
    public void A_year_without_income_is_recorded_with_nothing_paid()
    {
        var none = Income(amount: 0, collective: 0, households: 0, householdsPaid: 0, jobs: 0, jobsPaid: 0);
        Assert.Equal((0L, 0L), (none.AmountFen, none.RetainedFen));
    }

    [Fact]
    public void The_parts_never_exceed_the_income()
    {
        AssertRefused("PARTS_EXCEED_AMOUNT", "amountFen", () => Income(amount: 999_999));
        AssertRefused("PARTS_EXCEED_AMOUNT", "amountFen", () => Income(amount: 0, collective: 1, households: 0, householdsPaid: 0, jobs: 0, jobsPaid: 0));
        AssertRefused("INVALID_AMOUNT", "toJobsFen", () => Income(jobs: -1));
        AssertRefused("INVALID_AMOUNT", "amountFen", () => Income(amount: -1));
    }

    [Fact]
    public void Recipients_are_counted_exactly_when_they_were_paid()
    {
        AssertRefused("RECIPIENTS_INCONSISTENT", "householdsPaid", () => Income(householdsPaid: 0));
        AssertRefused("RECIPIENTS_INCONSISTENT", "householdsPaid", () => Income(households: 0, householdsPaid: 3));
        AssertRefused("RECIPIENTS_INCONSISTENT", "jobsPaid", () => Income(jobsPaid: 0));
        AssertRefused("RECIPIENTS_INCONSISTENT", "jobsPaid", () => Income(jobs: 0, jobsPaid: 1));
        AssertRefused("INVALID_COUNT", "householdsPaid", () => Income(householdsPaid: -1));
        AssertRefused("INVALID_COUNT", "jobsPaid", () => Income(jobsPaid: Asset.MaxHouseholds + 1));
        Assert.Equal(1, Income(households: 1, householdsPaid: 1).HouseholdsPaid);
    }

    [Fact]
    public void One_income_a_year_from_the_year_the_asset_went_into_use_to_this_one()
    {
        var asset = Register();
        AssertRefused("ASSET_INCOME_RECORDED", "year", () => Income(asset, recorded: Income(asset)));
        AssertRefused("INVALID_YEAR", "year", () => Income(asset, year: 2018));
        AssertRefused("INVALID_YEAR", "year", () => Income(asset, year: 2021));
        Assert.Equal(2020, Income(asset, year: 2020).Year);
    }

    [Fact]
    public void The_income_of_a_demo_asset_is_demo_data()
    {
        var asset = Register();
        asset.MarkAsDemo();
        Assert.True(Income(asset).IsDemo);
        Assert.False(Income().IsDemo);
    }
}
