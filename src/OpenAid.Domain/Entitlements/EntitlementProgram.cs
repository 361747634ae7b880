using System.ComponentModel;

namespace OpenAid.Domain.Entitlements;

/// <summary>The policies whose standards and recipients are published per region and year.</summary>
[Description("The policy an entitlement standard belongs to.")]
public enum EntitlementProgram
{
    [Description("雨露计划: vocational-education subsidy per student of a poor household.")]
    RainDewPlan = 1,
    [Description("危房改造: housing renovation subsidy per dwelling, by grade of the dwelling.")]
    HousingRenovation = 2,
    [Description("低保: rural minimum living standard (最低生活保障).")]
    MinimumLivingAllowance = 3,
    [Description("特困供养: support of people in extreme hardship.")]
    ExtremeHardshipSupport = 4,
}

/// <summary>What an entitlement's standard is counted per.</summary>
[Description("What an entitlement's standard amount is counted per.")]
public enum EntitlementUnit
{
    [Description("每生每年: per student per year.")]
    PerStudentPerYear = 1,
    [Description("每户: per dwelling renovated (once).")]
    PerDwelling = 2,
    [Description("每人每月: per person per month.")]
    PerPersonPerMonth = 3,
    [Description("每人每年: per person per year.")]
    PerPersonPerYear = 4,
}
