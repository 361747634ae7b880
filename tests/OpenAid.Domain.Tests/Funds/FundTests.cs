using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Projects;

namespace OpenAid.Domain.Tests.Funds;

/// <summary>The rules of <see cref="Fund.Create"/> and <see cref="Fund.Allocate"/>, at their edges.</summary>
public class FundTests
{
    private static readonly DateOnly Decided = new(2019, 3, 1);
    private const long County = 451021000000;

    [Fact]
    public void A_fund_takes_its_checked_fields()
    {
        var fund = Create(name: " 财政专项扶贫资金 ", documentNumber: " 阳财农〔2019〕1号 ", purpose: " 产业发展。 ");

        Assert.Equal(
            ("ZJ-451021-2019-0001", "财政专项扶贫资金", "阳财农〔2019〕1号", FundSourceType.CentralFiscal, FundLevel.Central, 2019, 100_000_00L, County, 3, "产业发展。", Decided, 0, false),
            (fund.Code, fund.Name, fund.DocumentNumber, fund.SourceType, fund.Level, fund.FiscalYear, fund.AmountFen, fund.RegionCode, fund.IssuerOrganizationId, fund.Purpose, fund.DecidedOn, fund.Version, fund.IsDemo));
        fund.MarkAsDemo();
        Assert.True(fund.IsDemo);
    }

    [Theory]
    [InlineData(1999, "INVALID_YEAR", "fiscalYear")]
    [InlineData(2101, "INVALID_YEAR", "fiscalYear")]
    [InlineData(2017, "INVALID_DATE", "decidedOn")] // decided two years after the fiscal year
    [InlineData(2018, null, null)] // a year before or after is fine
    [InlineData(2020, null, null)]
    [InlineData(2021, "INVALID_DATE", "decidedOn")]
    public void The_decision_falls_within_a_year_of_the_fiscal_year(int fiscalYear, string? code, string? field) =>
        AssertOutcome(code, field, () => Create(fiscalYear: fiscalYear));

    [Theory]
    [InlineData(-1L, "INVALID_AMOUNT")]
    [InlineData(0L, null)] // a county block, fed by transfers
    [InlineData(1L, null)]
    [InlineData(Fields.MaxAmountFen, null)]
    [InlineData(Fields.MaxAmountFen + 1, "INVALID_AMOUNT")]
    public void A_fund_holds_at_most_the_largest_amount(long amountFen, string? code) =>
        AssertOutcome(code, code is null ? null : "amountFen", () => Create(amountFen: amountFen));

    [Fact]
    public void A_province_s_fund_brings_money_of_its_own()
    {
        AssertOutcome("INVALID_AMOUNT", "amountFen", () => Chain(1, Province, 0));
        var fund = Chain(1, Province, 500);
        Assert.Equal((500L, 500L, false), (fund.AmountFen, fund.OwnAmountFen, fund.IsIntegratedPool));
    }

    [Theory]
    [InlineData(County, FundSourceType.IntegratedAgriculture, FundLevel.County, 0L, null)]
    [InlineData(City, FundSourceType.IntegratedAgriculture, FundLevel.County, 0L, "region")]
    [InlineData(County, FundSourceType.CountyFiscal, FundLevel.County, 0L, "sourceType")]
    [InlineData(County, FundSourceType.IntegratedAgriculture, FundLevel.Central, 0L, "level")]
    [InlineData(County, FundSourceType.IntegratedAgriculture, FundLevel.County, 1L, "amountFen")]
    public void An_integrated_pool_is_a_county_s_and_holds_only_what_it_receives(long region, FundSourceType source, FundLevel level, long amountFen, string? field) =>
        AssertOutcome(field is null ? null : "INVALID_POOL", field, () => Chain(1, region, amountFen, source, level, pool: true));

    [Fact]
    public void A_transfer_moves_money_down_and_records_it_on_both_funds()
    {
        var (province, block) = (Chain(1, Province, 1_000), Chain(2, County, 0));

        var transfer = province.Transfer(block, 600, 100, Decided.AddDays(5));

        Assert.Equal((1, 2, 600L, Decided.AddDays(5)), (transfer.FromFundId, transfer.ToFundId, transfer.AmountFen, transfer.Date));
        Assert.Equal((1_000L, 600L, 0L, 1, 1), (province.AmountFen, block.AmountFen, block.OwnAmountFen, province.Version, block.Version));
    }

    [Theory]
    [InlineData(0L, 1_000L, null)] // all the fund holds
    [InlineData(0L, 1_001L, "AMOUNT_EXCEEDS_FUND")]
    [InlineData(999L, 1L, null)] // allocations and transfers out so far count
    [InlineData(999L, 2L, "AMOUNT_EXCEEDS_FUND")]
    [InlineData(0L, 0L, "INVALID_AMOUNT")]
    public void A_transfer_never_exceeds_what_the_fund_still_holds(long heldOutSoFar, long amountFen, string? code)
    {
        var (province, block) = (Chain(1, Province, 1_000), Chain(2, County, 0));
        AssertOutcome(code, code is null ? null : "amountFen", () => province.Transfer(block, amountFen, heldOutSoFar, Decided));
        Assert.Equal(code is null ? amountFen : 0, block.AmountFen); // a refused transfer leaves both funds as they were
    }

    [Fact]
    public void A_pool_allocates_only_what_it_received()
    {
        var (county, pool) = (Chain(1, County, 1_000, FundSourceType.CountyFiscal, FundLevel.County), Chain(2, County, 0, FundSourceType.IntegratedAgriculture, FundLevel.County, pool: true));
        AssertOutcome("AMOUNT_EXCEEDS_FUND", "amountFen", () => pool.Allocate(ProjectIn(451021101201), 1, 0, Decided));
        county.Transfer(pool, 400, 0, Decided);
        AssertOutcome(null, null, () => pool.Allocate(ProjectIn(451021101201), 400, 0, Decided));
        AssertOutcome("AMOUNT_EXCEEDS_FUND", "amountFen", () => pool.Allocate(ProjectIn(451021101201), 1, 400, Decided));
    }

    public static TheoryData<string, Func<Fund>, Func<Fund>> RefusedTransfers => new()
    {
        { "TRANSFER_NOT_DOWN", () => Chain(1, County, 100), () => Chain(2, County, 0) }, // sideways
        { "TRANSFER_NOT_DOWN", () => Chain(1, County, 100), () => Chain(1, County, 0) }, // itself
        { "TRANSFER_NOT_DOWN", () => Chain(1, County, 100), () => Chain(2, Province, 100) }, // upwards
        { "TRANSFER_NOT_DOWN", () => Chain(1, County, 0, FundSourceType.IntegratedAgriculture, FundLevel.County, pool: true), () => Chain(2, Village, 0) }, // out of a pool
        { "TRANSFER_OUTSIDE_REGION", () => Chain(1, County, 100), () => Chain(2, OtherCounty, 0, FundSourceType.IntegratedAgriculture, FundLevel.County, pool: true) },
        { "TRANSFER_OUTSIDE_REGION", () => Chain(1, City, 100), () => Chain(2, OtherCitysCounty, 0) },
        { "TRANSFER_SOURCE_MISMATCH", () => Chain(1, Province, 100), () => Chain(2, County, 0, FundSourceType.ProvincialFiscal, FundLevel.Provincial) },
        { "TRANSFER_SOURCE_MISMATCH", () => Chain(1, Province, 100), () => Chain(2, County, 0, FundSourceType.CentralFiscal, FundLevel.Provincial) },
    };

    [Theory]
    [MemberData(nameof(RefusedTransfers))]
    public void Money_moves_only_down_within_the_giver_s_region_and_a_block_keeps_its_source(string code, Func<Fund> giver, Func<Fund> receiver)
    {
        var (from, to) = (giver(), receiver());
        AssertOutcome(code, "toFund", () => from.Transfer(to, 1, 0, Decided));
        Assert.Equal((0, 0), (from.Version, to.Version));
    }

    [Fact]
    public void A_pool_takes_money_of_any_source_from_above_and_a_transfer_is_not_dated_before_the_giver()
    {
        var pool = Chain(2, County, 0, FundSourceType.IntegratedAgriculture, FundLevel.County, pool: true);
        Chain(1, Province, 100).Transfer(pool, 10, 0, Decided);
        Chain(3, City, 100, FundSourceType.CityFiscal, FundLevel.City).Transfer(pool, 10, 0, Decided);
        Assert.Equal(20, pool.AmountFen);
        AssertOutcome("INVALID_DATE", "date", () => Chain(1, Province, 100).Transfer(pool, 10, 0, Decided.AddDays(-1)));
    }

    [Theory]
    [InlineData(Province, "ALLOCATION_ABOVE_COUNTY")]
    [InlineData(City, "ALLOCATION_ABOVE_COUNTY")]
    [InlineData(County, null)]
    public void Only_a_county_s_fund_or_pool_allocates_to_projects(long region, string? code) =>
        AssertOutcome(code, code is null ? null : "fund", () => Chain(1, region, 100).Allocate(ProjectIn(451021101201), 1, 0, Decided));

    [Fact]
    public void Name_document_number_and_purpose_are_public_text_and_the_number_is_unique_in_its_year()
    {
        AssertOutcome("REQUIRED", "name", () => Create(name: " "));
        AssertOutcome("TOO_LONG", "documentNumber", () => Create(documentNumber: new string('号', Fund.DocumentNumberMaxLength + 1)));
        AssertOutcome("REQUIRED", "purpose", () => Create(purpose: ""));
        var taken = Assert.Throws<DomainException>(() => Create(documentNumberTaken: true));
        Assert.Equal(("DUPLICATE_DOCUMENT_NUMBER", "documentNumber", "A fund of 2019 already has the document number 阳财农〔2019〕1号."), (taken.Code, taken.Field, taken.Message));
    }

    [Theory]
    [InlineData(0L, 10_000_000L, null)] // exactly what the fund holds
    [InlineData(1L, 10_000_000L, "AMOUNT_EXCEEDS_FUND")] // one fen more
    [InlineData(9_999_999L, 1L, null)]
    [InlineData(9_999_999L, 2L, "AMOUNT_EXCEEDS_FUND")]
    public void An_allocation_takes_at_most_what_is_left(long allocatedSoFar, long amountFen, string? code) =>
        AssertOutcome(code, code is null ? null : "amountFen", () => Create(amountFen: 10_000_000).Allocate(ProjectIn(451021101201), amountFen, allocatedSoFar, Decided));

    [Fact]
    public void An_allocation_names_the_fund_the_project_and_the_decision_and_moves_the_fund_s_token()
    {
        var fund = Create(amountFen: 10_000_000).WithId(4);

        var allocation = fund.Allocate(ProjectIn(451021101201, id: 9), 2_500, 1_000, Decided.AddDays(3));

        Assert.Equal((4, 9, 2_500L, Decided.AddDays(3)), (allocation.FundId, allocation.ProjectId, allocation.AmountFen, allocation.DecidedOn));
        Assert.Equal(1, fund.Version);
    }

    [Fact]
    public void A_refused_allocation_says_what_is_left_and_leaves_the_fund_as_it_was()
    {
        var fund = Create(amountFen: 10_000_000);

        var refused = Assert.Throws<DomainException>(() => fund.Allocate(ProjectIn(451021101201), 600_001, 9_400_000, Decided));

        Assert.Equal("Only 6000.00 yuan of fund ZJ-451021-2019-0001 is left to allocate; 6000.01 yuan were asked.", refused.Message);
        Assert.Equal(0, fund.Version);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void An_allocation_is_of_more_than_nothing(long amountFen) =>
        AssertOutcome("INVALID_AMOUNT", "amountFen", () => Create().Allocate(ProjectIn(451021101201), amountFen, 0, Decided));

    [Theory]
    [InlineData(451021000000L, null)] // the fund's own county
    [InlineData(451021101201L, null)] // a village within it
    [InlineData(451022101201L, "PROJECT_OUTSIDE_FUND_REGION")] // a village of the next county
    [InlineData(450000000000L, "PROJECT_OUTSIDE_FUND_REGION")] // the province above it
    public void Funds_go_to_projects_within_the_fund_s_region(long projectRegion, string? code) =>
        AssertOutcome(code, code is null ? null : "project", () => Create().Allocate(ProjectIn(projectRegion), 1, 0, Decided));

    [Theory]
    [InlineData(ProjectStatus.InLibrary, null)]
    [InlineData(ProjectStatus.Implementing, null)]
    [InlineData(ProjectStatus.Accepted, null)]
    [InlineData(ProjectStatus.Cancelled, "PROJECT_NOT_ACTIVE")]
    [InlineData(ProjectStatus.Closed, "PROJECT_NOT_ACTIVE")]
    public void Funds_go_to_active_projects_only(ProjectStatus status, string? code) =>
        AssertOutcome(code, code is null ? null : "project", () => Create().Allocate(ProjectIn(451021101201, status: status), 1, 0, Decided));

    public static TheoryData<Action, string> Explanations => new()
    {
        { () => Create(fiscalYear: 2021), "'decidedOn' (2019-03-01) must fall within a year of fiscal year 2021." },
        { () => Create().Allocate(ProjectIn(451022101201), 1, 0, Decided), "Project XM-451021-2019-0001 lies outside the region of fund ZJ-451021-2019-0001." },
        { () => Create().Allocate(ProjectIn(451021101201, status: ProjectStatus.Closed), 1, 0, Decided), "Project XM-451021-2019-0001 is Closed; funds go to active projects only." },
    };

    [Theory]
    [MemberData(nameof(Explanations))]
    public void A_fund_refusal_says_what_to_fix(Action refused, string message) => Assert.Equal(message, Assert.Throws<DomainException>(refused).Message);

    [Fact]
    public void Nothing_is_allocated_without_a_project() => Assert.Throws<ArgumentNullException>(() => Create().Allocate(null!, 1, 0, Decided));

    private const long Province = 450000000000;
    private const long City = 451000000000;
    private const long OtherCounty = 451022000000;
    private const long OtherCitysCounty = 452122000000;
    private const long Village = 451021101201;

    /// <summary>A fund of the chain with an id, held by <paramref name="region"/>.</summary>
    private static Fund Chain(int id, long region, long amountFen, FundSourceType source = FundSourceType.CentralFiscal, FundLevel level = FundLevel.Central, bool pool = false) =>
        Fund.Create($"ZJ-{region / 1_000_000:D6}-2019-{id:D4}", "资金", $"测财农〔2019〕{id}号", source, level, 2019, amountFen, region, 3, "产业发展。", Decided, false, pool).WithId(id);

    private static Fund Create(
        string name = "财政专项扶贫资金", string documentNumber = "阳财农〔2019〕1号", int fiscalYear = 2019, long amountFen = 100_000_00,
        string purpose = "产业发展。", bool documentNumberTaken = false) =>
        Fund.Create(
            "ZJ-451021-2019-0001", name, documentNumber, FundSourceType.CentralFiscal, FundLevel.Central, fiscalYear, amountFen, County, 3, purpose,
            Decided, documentNumberTaken);

    internal static Project ProjectIn(long regionCode, int id = 1, ProjectStatus status = ProjectStatus.Approved)
    {
        var project = Sample.Project(id, $"XM-451021-2019-{id:D4}", regionCode);
        ProjectStatus[] path = status switch
        {
            ProjectStatus.InLibrary => [],
            ProjectStatus.Approved => [ProjectStatus.Approved],
            ProjectStatus.Implementing => [ProjectStatus.Approved, ProjectStatus.Implementing],
            ProjectStatus.Accepted => [ProjectStatus.Approved, ProjectStatus.Implementing, ProjectStatus.Accepted],
            ProjectStatus.Closed => [ProjectStatus.Approved, ProjectStatus.Implementing, ProjectStatus.Accepted, ProjectStatus.Closed],
            _ => [ProjectStatus.Cancelled],
        };
        foreach (var step in path)
        {
            project.MoveTo(step, Decided, step == ProjectStatus.Cancelled ? "资金调整" : null, Decided);
        }

        return project;
    }

    internal static void AssertOutcome(string? code, string? field, Action write)
    {
        if (code is null)
        {
            write();
            return;
        }

        var refused = Assert.Throws<DomainException>(write);
        Assert.Equal((code, field), (refused.Code, refused.Field));
    }
}
