namespace OpenAid.Domain.Funds;

public enum FundSourceType
{
    /// <summary>中央财政专项扶贫资金.</summary>
    CentralFiscal = 1,
    /// <summary>省级财政专项扶贫资金.</summary>
    ProvincialFiscal = 2,
    /// <summary>市级财政专项扶贫资金.</summary>
    CityFiscal = 3,
    /// <summary>县级财政专项扶贫资金.</summary>
    CountyFiscal = 4,
    /// <summary>统筹整合涉农资金.</summary>
    IntegratedAgriculture = 5,
    /// <summary>东西部扶贫协作资金.</summary>
    EastWestCooperation = 6,
    /// <summary>定点扶贫资金.</summary>
    DesignatedAssistance = 7,
    /// <summary>社会捐赠.</summary>
    SocialDonation = 8,
    /// <summary>扶贫贷款.</summary>
    Loan = 9,
}

public enum FundLevel
{
    Central = 1,
    Provincial = 2,
    City = 3,
    County = 4,
    Social = 5,
}
