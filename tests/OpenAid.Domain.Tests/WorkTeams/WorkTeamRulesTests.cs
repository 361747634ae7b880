using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using OpenAid.Domain.WorkTeams;

namespace OpenAid.Domain.Tests.WorkTeams;

/// <summary>Work teams, first secretaries and households' helpers: the rules of "the people on the ground".</summary>
public class WorkTeamRulesTests
{
    private static readonly DateOnly Today = Sample.Today;
    private static readonly Region Province = Sample.Place(450000000000, "广西壮族自治区", RegionLevel.Province);
    private static readonly Region County = Sample.Place(451027000000, "凌云县", RegionLevel.County);
    private static readonly Region Township = Sample.Place(451027101000, "泗城镇", RegionLevel.Township);
    private static readonly Region Village = Sample.Place(451027101201, "某村", RegionLevel.Village);

    private static readonly Organization Department = Government(1, "ORG-000001", "广西壮族自治区民政厅", OrganizationLocation.In(Province));
    private static readonly Organization CountyOffice = Government(2, "ORG-000002", "凌云县扶贫开发办公室", OrganizationLocation.In(County));
    private static readonly Organization CentralUnit = Government(3, "ORG-000003", "某中央单位", OrganizationLocation.Of(null, 11, "北京市西城区", provinceHeld: false));

    private static Organization Government(int id, string code, string name, OrganizationLocation location) =>
        Organization.Register(code, OrganizationKind.Government, name, null, creditCodeTaken: false, null, location).WithId(id);

    private static WorkTeam Assign(
        Organization? unit = null, Region? village = null, string? active = null, DateOnly? startedOn = null, DateOnly? plannedEndOn = null, int size = 3,
        string? secretary = "第一书记（自治区民政厅派驻）", Organization? secretaryUnit = null, IReadOnlyList<string>? titles = null) =>
        WorkTeam.Assign(
            "ZC-00001", unit ?? Department, village ?? Village, active, startedOn ?? Today.AddDays(-30), plannedEndOn ?? Today.AddYears(2), size,
            secretary, secretaryUnit, titles ?? ["队长", "队员"], Today);

    private static void Refused(Action act, string code, string? field)
    {
        var error = Assert.Throws<DomainException>(act);
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void A_team_is_assigned_by_role_titles_and_unit_and_is_active()
    {
        var team = Assign(titles: ["队长", "  队员\n（农技）  "]);

        Assert.True(team.IsActive);
        Assert.Equal(Village.Code, team.ActiveVillageCode);
        Assert.Equal(Department.Id, team.FirstSecretaryOrganizationId);
        Assert.Equal("第一书记（自治区民政厅派驻）", team.FirstSecretaryTitle);
        Assert.Equal(["队长", "队员 （农技）"], team.MemberTitles);
    }

    [Fact]
    public void A_team_without_a_first_secretary_may_come_from_a_county_unit()
    {
        var team = Assign(unit: CountyOffice, secretary: null);

        Assert.Null(team.FirstSecretaryTitle);
        Assert.Null(team.FirstSecretaryOrganizationId);
    }

    [Fact]
    public void A_first_secretary_may_be_sent_by_another_unit_above_county_level()
    {
        var team = Assign(unit: CountyOffice, secretaryUnit: CentralUnit);

        Assert.Equal(CentralUnit.Id, team.FirstSecretaryOrganizationId);
        Assert.Equal(CountyOffice.Id, team.OrganizationId);
    }

    [Fact]
    public void A_first_secretary_of_a_county_unit_is_refused() =>
        Refused(() => Assign(unit: CountyOffice), "FIRST_SECRETARY_UNIT_LEVEL", "organization");

    [Fact]
    public void A_first_secretary_sent_by_a_named_county_unit_is_refused_on_that_field() =>
        Refused(() => Assign(secretaryUnit: CountyOffice), "FIRST_SECRETARY_UNIT_LEVEL", "firstSecretaryOrganization");

    [Fact]
    public void Units_above_county_level_are_province_city_or_outside_the_provinces_held()
    {
        Assert.True(WorkTeam.AboveCountyLevel(Department));
        Assert.True(WorkTeam.AboveCountyLevel(CentralUnit));
        Assert.True(WorkTeam.AboveCountyLevel(Government(4, "ORG-000004", "百色市民政局", OrganizationLocation.In(Sample.Place(451000000000, "百色市", RegionLevel.City)))));
        Assert.False(WorkTeam.AboveCountyLevel(CountyOffice));
        Assert.False(WorkTeam.AboveCountyLevel(Government(5, "ORG-000005", "泗城镇人民政府", OrganizationLocation.In(Township))));
    }

    [Fact]
    public void Only_a_village_gets_a_team()
    {
        Refused(() => Assign(village: Township), "NOT_A_VILLAGE", "region");
        Refused(() => Assign(village: County), "NOT_A_VILLAGE", "region");
    }

    [Fact]
    public void A_second_team_while_one_is_active_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Assign(active: "ZC-00007"));

        Assert.Equal(("WORK_TEAM_ACTIVE", "region"), (error.Code, error.Field));
        Assert.Contains(error.Parameters, p => p is { Name: "workTeam", Value: "ZC-00007" });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void A_size_outside_1_to_50_is_refused(int size) =>
        Refused(() => Assign(size: size), "INVALID_COUNT", "size");

    [Fact]
    public void Sizes_1_and_50_are_taken()
    {
        Assert.Equal(1, Assign(size: 1, titles: ["队长"]).Size);
        Assert.Equal(50, Assign(size: 50).Size);
    }

    [Fact]
    public void More_titles_than_members_or_than_ten_are_refused()
    {
        Refused(() => Assign(size: 1, titles: ["队长", "队员"]), "TOO_MANY", "memberTitles");
        Refused(() => Assign(size: 20, titles: [.. Enumerable.Range(1, 11).Select(i => $"队员{i}")]), "TOO_MANY", "memberTitles");
    }

    [Fact]
    public void A_start_after_today_or_a_planned_end_not_after_the_start_is_refused()
    {
        Refused(() => Assign(startedOn: Today.AddDays(1)), "INVALID_DATE", "startedOn");
        Refused(() => Assign(startedOn: Today.AddDays(-10), plannedEndOn: Today.AddDays(-10)), "DATES_OUT_OF_ORDER", "plannedEndOn");
        Assert.Equal(Today, Assign(startedOn: Today).StartedOn);
    }

    [Theory]
    [InlineData("第一书记 13912345678")]
    [InlineData("第一书记（110105194912310021）")]
    public void Personal_data_in_the_first_secretary_title_is_refused(string title) =>
        Refused(() => Assign(secretary: title), "PERSONAL_DATA", "firstSecretaryTitle");

    [Fact]
    public void Personal_data_or_blank_member_titles_are_refused()
    {
        Refused(() => Assign(titles: ["队长", "队员 13912345678"]), "PERSONAL_DATA", "memberTitles[1]");
        Refused(() => Assign(titles: [" "]), "REQUIRED", "memberTitles[0]");
        Refused(() => Assign(titles: [new string('队', WorkTeam.TitleMaxLength + 1)]), "TOO_LONG", "memberTitles[0]");
    }

    [Fact]
    public void Ending_keeps_the_team_as_history_and_frees_the_village()
    {
        var team = Assign();

        team.End("任期届满，工作队轮换。", Today);

        Assert.False(team.IsActive);
        Assert.Null(team.ActiveVillageCode);
        Assert.Equal(Village.Code, team.VillageCode);
        Assert.Equal(Today, team.EndedOn);
        Assert.Equal("任期届满，工作队轮换。", team.EndReason);
    }

    [Fact]
    public void Ending_twice_without_a_reason_or_with_personal_data_is_refused()
    {
        var team = Assign();
        Refused(() => team.End(" ", Today), "REQUIRED", "reason");
        Refused(() => team.End("联系 13912345678", Today), "PERSONAL_DATA", "reason");
        Assert.True(team.IsActive);

        team.End("村已出列。", Today);
        Refused(() => team.End("再次结束。", Today), "INVALID_TRANSITION", "workTeam");
    }

    [Fact]
    public void Ending_before_the_start_is_refused() =>
        Refused(() => Assign(startedOn: Today).End("调整。", Today.AddDays(-1)), "INVALID_DATE", "workTeam");

    // ------------------------------------------------------------- households' helpers

    private static VillageStatistics Statistics(int poorHouseholds) =>
        VillageStatistics.Record(Village, 2019, 1200, 300, poorHouseholds, 0, 0, Today);

    [Fact]
    public void Helper_counts_are_one_row_per_unit()
    {
        var rows = HouseholdHelperCount.Record(Village, 2019, [(Department, 40), (CountyOffice, 20)], Statistics(60), Today);

        Assert.Equal([(Department.Id, 40), (CountyOffice.Id, 20)], rows.Select(r => (r.OrganizationId, r.Households)));
        Assert.All(rows, r => Assert.Equal((Village.Code, 2019), (r.VillageCode, r.Year)));
    }

    [Fact]
    public void A_recorded_count_replacing_a_demo_count_is_no_longer_demo_data()
    {
        var demo = HouseholdHelperCount.Demo(Village.Code, 2019, Department, 30);
        var left = HouseholdHelperCount.Demo(Village.Code, 2019, CountyOffice, 10);

        demo.Correct(HouseholdHelperCount.Record(Village, 2019, [(Department, 40)], Statistics(60), Today).Single());
        left.Withdraw();

        Assert.Equal((40, false), (demo.Households, demo.IsDemo));
        Assert.Equal((0, false), (left.Households, left.IsDemo));
    }

    [Fact]
    public void Helper_counts_beyond_the_poor_households_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => HouseholdHelperCount.Record(Village, 2019, [(Department, 40), (CountyOffice, 21)], Statistics(60), Today));

        Assert.Equal(("HELPED_EXCEEDS_HOUSEHOLDS", "counts.households"), (error.Code, error.Field));
        Assert.Contains(error.Parameters, p => p is { Name: "households", Value: "61" });
    }

    [Fact]
    public void Without_statistics_the_counts_are_taken_as_given() =>
        Assert.Single(HouseholdHelperCount.Record(Village, 2019, [(Department, 500)], null, Today));

    [Fact]
    public void Helper_counts_refuse_what_is_not_a_count_of_a_village_in_a_past_year()
    {
        Refused(() => HouseholdHelperCount.Record(County, 2019, [(Department, 1)], null, Today), "NOT_A_VILLAGE", "region");
        Refused(() => HouseholdHelperCount.Record(Village, Today.Year + 1, [(Department, 1)], null, Today), "INVALID_YEAR", "year");
        Refused(() => HouseholdHelperCount.Record(Village, 1999, [(Department, 1)], null, Today), "INVALID_YEAR", "year");
        Refused(() => HouseholdHelperCount.Record(Village, 2019, [], null, Today), "REQUIRED", "counts");
        Refused(() => HouseholdHelperCount.Record(Village, 2019, [(Department, -1)], null, Today), "INVALID_COUNT", "counts.households");
        Refused(() => HouseholdHelperCount.Record(Village, 2019, [(Department, 1), (Department, 2)], null, Today), "DUPLICATE_UNIT", "counts.organization");
        Refused(() => HouseholdHelperCount.Record(Village, 2019, [.. Enumerable.Range(1, 51).Select(i => (Government(100 + i, $"ORG-{i:D6}", $"单位{i}", OrganizationLocation.In(County)), 1))], null, Today), "TOO_MANY", "counts");
    }

    [Fact]
    public void A_correction_takes_the_new_count_and_a_unit_left_out_counts_zero()
    {
        var first = HouseholdHelperCount.Record(Village, 2019, [(Department, 40), (CountyOffice, 20)], null, Today);
        var corrected = HouseholdHelperCount.Record(Village, 2019, [(Department, 45)], null, Today);

        first[0].Correct(corrected[0]);
        first[1].Withdraw();

        Assert.Equal([45, 0], first.Select(r => r.Households));
    }
}
