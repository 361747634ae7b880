using System.ComponentModel;

namespace OpenAid.Domain.Funds;

[Description("The source of money: fiscal special funds by level, integrated agriculture funds, east–west cooperation, designated assistance, social donations, loans.")]
public enum FundSourceType
{
    [Description("中央财政专项扶贫资金.")]
    CentralFiscal = 1,
    [Description("省级财政专项扶贫资金.")]
    ProvincialFiscal = 2,
    [Description("市级财政专项扶贫资金.")]
    CityFiscal = 3,
    [Description("县级财政专项扶贫资金.")]
    CountyFiscal = 4,
    [Description("统筹整合涉农资金.")]
    IntegratedAgriculture = 5,
    [Description("东西部扶贫协作资金.")]
    EastWestCooperation = 6,
    [Description("定点扶贫资金.")]
    DesignatedAssistance = 7,
    [Description("社会捐赠.")]
    SocialDonation = 8,
    [Description("扶贫贷款.")]
    Loan = 9,
}

[Description("The level that provides the money.")]
public enum FundLevel
{
    [Description("Central government (中央).")]
    Central = 1,
    [Description("Provincial government (省级).")]
    Provincial = 2,
    [Description("City or prefecture government (市级).")]
    City = 3,
    [Description("County government (县级).")]
    County = 4,
    [Description("Society: enterprises, social organisations and donors (社会).")]
    Social = 5,
}
