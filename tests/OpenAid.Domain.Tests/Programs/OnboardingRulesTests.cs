using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Programs;

/// <summary>Registering organisations, creating programs, deciding applications, leaving, pairing.</summary>
public class OnboardingRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = Sample.Today;
    private static readonly Region County = Sample.Place(451027000000, "凌云县", RegionLevel.County);
    private static readonly Region Village = Sample.Place(451027101201, "某村", RegionLevel.Village);
    private static readonly Region Guangzhou = Sample.Place(440100000000, "广州市", RegionLevel.City);

    private static void Refused(Action act, string code, string? field)
    {
        var error = Assert.Throws<DomainException>(act);
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    private static Organization Register(
        OrganizationKind kind = OrganizationKind.PrivateEnterprise, string name = "凌云某茶业有限公司", string? creditCode = null, bool taken = false,
        string? description = "茶叶种植和加工。", OrganizationLocation? location = null) =>
        Organization.Register("ORG-000900", kind, name, creditCode ?? Sample.CreditCodeFor(900), taken, description, location ?? OrganizationLocation.In(County));

    // ------------------------------------------------------------- credit codes

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData(" 91350100M000100Y43 ")] // surrounding spaces are trimmed
    public void A_credit_code_is_taken_as_written_once_trimmed(string code) =>
        Assert.Equal("91350100M000100Y43", CreditCode.Parse(code, "creditCode"));

    [Theory]
    [InlineData("９1350100M000100Y43")] // a full-width digit is not read as 9
    [InlineData("91350100m000100Y43")] // lower case
    [InlineData("91350100M000100O43")] // O is not in the alphabet
    [InlineData("91350100M000100Y44")] // a mistyped check character
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("9135 100M000100Y43")] // a space inside
    [InlineData("")]
    public void Anything_else_is_an_invalid_credit_code(string code) =>
        Refused(() => CreditCode.Parse(code, "creditCode"), "INVALID_CREDIT_CODE", "creditCode");

    [Fact]
    public void The_refusal_names_a_disguised_character_and_its_position()
    {
        var error = Assert.Throws<DomainException>(() => CreditCode.Parse("９1350100M000100Y43", "creditCode"));

        Assert.Contains("U+FF19", error.Message, StringComparison.Ordinal);
        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9145100012345678B")] // check character 0: the weighted sum is a multiple of 31
    [InlineData("9145100012345678M")] // check character Y: the last of the alphabet
    public void Codes_whose_check_character_is_at_either_end_of_the_alphabet_are_valid(string first17)
    {
        var code = first17 + CreditCode.CheckCharacter(first17);

        Assert.Equal(code, CreditCode.Parse(code, "creditCode"));
    }

    // ------------------------------------------------------------- organisations

    [Fact]
    public void An_enterprise_is_registered_in_a_region_with_its_code()
    {
        var organization = Register();

        Assert.Equal(("ORG-000900", OrganizationKind.PrivateEnterprise, "凌云某茶业有限公司", Sample.CreditCodeFor(900)), (organization.Code, organization.Kind, organization.Name, organization.CreditCode));
        Assert.Equal((451027000000L, (int?)null, (string?)null), (organization.RegionCode, organization.OutsideProvince, organization.Place));
    }

    [Fact]
    public void A_Hong_Kong_donor_is_registered_outside_the_held_provinces()
    {
        var organization = Register(kind: OrganizationKind.SocialOrganization, location: OrganizationLocation.Of(null, 81, " 香港特别行政区湾仔区 ", provinceHeld: false));

        Assert.Equal(((long?)null, (int?)81, "香港特别行政区湾仔区"), (organization.RegionCode, organization.OutsideProvince, organization.Place));
    }

    public static TheoryData<Func<object>, string, string> Refusals => new()
    {
        { () => Register(creditCode: " "), "REQUIRED", "creditCode" },
        { () => Register(taken: true), "DUPLICATE_CREDIT_CODE", "creditCode" },
        { () => Register(creditCode: "９1350100M000100Y43"), "INVALID_CREDIT_CODE", "creditCode" },
        { () => Register(description: "联系人电话13812345678。"), "PERSONAL_DATA", "description" },
        { () => Register(name: new string('企', Organization.NameMaxLength + 1)), "TOO_LONG", "name" },
        { () => Register(name: " "), "REQUIRED", "name" },
        { () => Register(description: new string('茶', Organization.DescriptionMaxLength + 1)), "TOO_LONG", "description" },
        { () => OrganizationLocation.Of(County, 11, null, provinceHeld: false), "ONE_LOCATION_REQUIRED", "region" },
        { () => OrganizationLocation.Of(County, null, "北京市", provinceHeld: false), "ONE_LOCATION_REQUIRED", "region" },
        { () => OrganizationLocation.Of(null, null, null, provinceHeld: false), "ONE_LOCATION_REQUIRED", "region" },
        { () => OrganizationLocation.Of(null, 99, "某地", provinceHeld: false), "INVALID_PROVINCE_CODE", "outsideProvince" },
        { () => OrganizationLocation.Of(null, 45, "南宁市", provinceHeld: true), "PROVINCE_HELD", "outsideProvince" },
        { () => OrganizationLocation.Of(null, 11, " ", provinceHeld: false), "REQUIRED", "place" },
        { () => OrganizationLocation.Of(null, 31, "上海市13812345678", provinceHeld: false), "PERSONAL_DATA", "place" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Registration_refuses_what_breaks_a_rule(Func<object> register, string code, string field) =>
        Refused(() => register(), code, field);

    [Theory]
    [InlineData(OrganizationKind.Government)]
    [InlineData(OrganizationKind.IndividualDonor)]
    public void Government_units_and_individual_donors_may_come_without_a_credit_code(OrganizationKind kind) =>
        Assert.Null(Register(kind: kind, creditCode: " ").CreditCode);

    [Fact]
    public void An_update_replaces_what_is_published_and_keeps_the_code()
    {
        var organization = Register();

        organization.Update(OrganizationKind.StateOwnedEnterprise, "凌云某茶业集团", Sample.CreditCodeFor(901), false, null, OrganizationLocation.Of(null, 11, "北京市西城区", false));

        Assert.Equal(("ORG-000900", OrganizationKind.StateOwnedEnterprise, "凌云某茶业集团", (string?)null, (long?)null, (int?)11), (organization.Code, organization.Kind, organization.Name, organization.Description, organization.RegionCode, organization.OutsideProvince));
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var organization = Register();

        Refused(() => organization.Update(OrganizationKind.PrivateEnterprise, "新名称", Sample.CreditCodeFor(900), false, "电话 138 1234 5678", OrganizationLocation.In(County)), "PERSONAL_DATA", "description");

        Assert.Equal(("凌云某茶业有限公司", "茶叶种植和加工。"), (organization.Name, organization.Description));
    }

    // ------------------------------------------------------------- programs

    [Theory]
    [InlineData("ygxz")]
    [InlineData("1YG")]
    [InlineData("Y")]
    [InlineData("YG-XZ")]
    [InlineData("ＹＧＸＺ")]
    [InlineData("ABCDEFGHIJKLMNOPQ")] // 17 characters
    public void A_program_code_is_capital_letters_and_digits(string code) =>
        Refused(() => AidProgram.Create(code, false, "粤桂扶贫协作", ProgramKind.EastWestCooperation, "东西部扶贫协作。", 2016, null, null), "INVALID_PROGRAM_CODE", "code");

    [Fact]
    public void A_program_is_created_with_its_period_and_lead_region()
    {
        var program = AidProgram.Create(" YGXZ2 ", false, "粤桂扶贫协作", ProgramKind.EastWestCooperation, "东西部扶贫协作。", 1996, 2020, Sample.Place(450000000000, "广西壮族自治区", RegionLevel.Province));

        Assert.Equal(("YGXZ2", 1996, (int?)2020, (long?)450000000000), (program.Code, program.StartYear, program.EndYear, program.RegionCode));
        Assert.True(program.RunsIn(2020));
        Assert.False(program.RunsIn(2021));
    }

    [Theory]
    [InlineData(true, 2016, null, "DUPLICATE_CODE", "code")]
    [InlineData(false, 2016, 2015, "YEARS_OUT_OF_ORDER", "endYear")]
    [InlineData(false, 1979, null, "INVALID_YEAR", "startYear")]
    [InlineData(false, 2016, 2101, "INVALID_YEAR", "endYear")]
    public void A_program_is_refused_a_taken_code_or_a_period_out_of_order(bool taken, int start, int? end, string code, string field) =>
        Refused(() => AidProgram.Create("YGXZ", taken, "粤桂扶贫协作", ProgramKind.EastWestCooperation, "东西部扶贫协作。", start, end, null), code, field);

    // ------------------------------------------------------------- applications and memberships

    private static readonly AidProgram Ygxz = Sample.Program(3, "YGXZ", "粤桂扶贫协作");
    private static readonly Organization Enterprise = Sample.Enterprise(7, "ORG-000007", "某企业");

    private static ProgramApplication Apply(AidProgram? program = null, ProgramMembership? membership = null, bool pending = false, string motivation = "在凌云县开展茶叶产业帮扶。") =>
        ProgramApplication.Apply(program ?? Ygxz, Enterprise, membership, pending, motivation, Now, Today);

    [Fact]
    public void An_approved_application_makes_a_membership_from_this_year()
    {
        var application = Apply();

        var membership = application.Approve(Ygxz, null, null, Now, Today);

        Assert.Equal((ApplicationStatus.Approved, (DateTimeOffset?)Now), (application.Status, application.DecidedAt));
        Assert.Equal((3, 7, 2020, true), (membership!.ProgramId, membership.OrganizationId, membership.JoinedYear, membership.IsCurrent));
    }

    [Fact]
    public void A_member_that_left_applies_again_and_its_membership_becomes_current()
    {
        var former = ProgramMembership.Of(3, 7, 2016);
        former.Leave("企业经营调整。", Today.AddDays(-30));
        var application = Apply(membership: former);

        Assert.Null(application.Approve(Ygxz, former, "重新加入。", Now, Today));

        Assert.Equal((true, 2020, (string?)null), (former.IsCurrent, former.JoinedYear, former.LeaveReason));
    }

    [Fact]
    public void A_declined_application_keeps_its_reason()
    {
        var application = Apply();

        application.Decline(" 申请材料不全，请补充后重新申请。 ", Now);

        Assert.Equal((ApplicationStatus.Declined, "申请材料不全，请补充后重新申请。"), (application.Status, application.DecisionReason));
    }

    public static TheoryData<Action, string, string> ApplicationRefusals => new()
    {
        { () => Apply(membership: ProgramMembership.Of(3, 7, 2018)), "ALREADY_A_MEMBER", "program" },
        { () => Apply(pending: true), "APPLICATION_PENDING", "program" },
        { () => Apply(program: AidProgram.Create("OLD", false, "旧项目", ProgramKind.EnterpriseCampaign, "已结束。", 2015, 2019, null)), "PROGRAM_ENDED", "program" },
        { () => Apply(motivation: "联系人13812345678"), "PERSONAL_DATA", "motivation" },
        { () => Apply(motivation: " "), "REQUIRED", "motivation" },
        { () => Apply().Decline(" ", Now), "REQUIRED", "reason" },
        { () => Apply().Decline(null, Now), "REQUIRED", "reason" },
        { () => Apply().Approve(Ygxz, null, "联系电话13812345678", Now, Today), "PERSONAL_DATA", "reason" },
        { () => Apply().Approve(Ygxz, ProgramMembership.Of(3, 7, 2018), null, Now, Today), "ALREADY_A_MEMBER", "application" },
        {
            () =>
            {
                var application = Apply();
                application.Decline("不符合条件。", Now);
                application.Approve(Ygxz, null, null, Now, Today);
            },
            "INVALID_TRANSITION", "application"
        },
    };

    [Theory]
    [MemberData(nameof(ApplicationRefusals))]
    public void Applications_are_refused_or_decided_only_by_the_rules(Action act, string code, string field) => Refused(act, code, field);

    [Fact]
    public void Leaving_ends_the_membership_with_its_reason_once()
    {
        var membership = ProgramMembership.Of(3, 7, 2018);

        Refused(() => membership.Leave(" ", Today), "REQUIRED", "reason");
        membership.Leave("企业经营调整。", Today);

        Assert.Equal((false, (DateOnly?)Today, "企业经营调整。"), (membership.IsCurrent, membership.LeftOn, membership.LeaveReason));
        Refused(() => membership.Leave("再次退出。", Today), "NOT_A_MEMBER", "program");
    }

    // ------------------------------------------------------------- pairings

    private static Pairing Pair(Organization? helper = null, Region? helperRegion = null, Region? helped = null, int start = 2018, int? end = 2022, long budget = 50_000_000, string plan = "每年援建一个产业项目。") =>
        Pairing.Create("JD-00900", Ygxz, helper, helperRegion, helped ?? County, start, end, plan, budget, Today);

    [Fact]
    public void A_region_helps_a_region_and_ending_the_pairing_keeps_it_with_its_reason()
    {
        var pairing = Pair(helperRegion: Guangzhou);

        pairing.End("帮扶关系调整。", Today);

        Assert.Equal((440100000000L, 451027000000L, (int?)2020, (DateOnly?)Today, "帮扶关系调整。"), (pairing.HelperRegionCode!.Value, pairing.HelpedRegionCode, pairing.EndYear, pairing.EndedOn, pairing.EndReason));
        Refused(() => pairing.End("再次结束。", Today), "INVALID_TRANSITION", "pairing");
    }

    [Fact]
    public void Ending_a_pairing_whose_last_year_passed_keeps_that_year() =>
        Assert.Equal(2019, EndedPairing(Pair(helper: Enterprise, end: 2019)).EndYear);

    private static Pairing EndedPairing(Pairing pairing)
    {
        pairing.End("已到期。", Today);
        return pairing;
    }

    public static TheoryData<Action, string, string> PairingRefusals => new()
    {
        { () => Pair(), "ONE_HELPER_REQUIRED", "helperOrganization" },
        { () => Pair(helper: Enterprise, helperRegion: Guangzhou), "ONE_HELPER_REQUIRED", "helperOrganization" },
        { () => Pair(helperRegion: County, helped: Village), "HELPER_IS_HELPED", "helperRegion" },
        { () => Pair(helperRegion: Village, helped: County), "HELPER_IS_HELPED", "helperRegion" },
        { () => Pair(helperRegion: County), "HELPER_IS_HELPED", "helperRegion" },
        { () => Pair(helper: Enterprise, start: 2018, end: 2017), "YEARS_OUT_OF_ORDER", "endYear" },
        { () => Pair(helper: Enterprise, start: 1999), "INVALID_YEAR", "startYear" },
        { () => Pair(helper: Enterprise, budget: -1), "INVALID_AMOUNT", "yearlyBudgetFen" },
        { () => Pair(helper: Enterprise, plan: "对接人手机13812345678"), "PERSONAL_DATA", "yearlyPlan" },
        { () => Pairing.Create("JD-1", AidProgram.Create("OLD", false, "旧项目", ProgramKind.EnterpriseCampaign, "已结束。", 2015, 2019, null), Enterprise, null, County, 2018, null, "计划。", 0, Today), "PROGRAM_ENDED", "program" },
        { () => EndedPairing(Pair(helper: Enterprise)).End("x", Today), "INVALID_TRANSITION", "pairing" },
        { () => Pair(helper: Enterprise).End("对接人13812345678", Today), "PERSONAL_DATA", "reason" },
    };

    [Theory]
    [MemberData(nameof(PairingRefusals))]
    public void Pairings_are_refused_what_breaks_a_rule(Action act, string code, string field) => Refused(act, code, field);
}
