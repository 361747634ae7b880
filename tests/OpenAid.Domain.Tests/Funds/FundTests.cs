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
    [InlineData(0L, "INVALID_AMOUNT")]
    [InlineData(1L, null)]
    [InlineData(Fields.MaxAmountFen, null)]
    [InlineData(Fields.MaxAmountFen + 1, "INVALID_AMOUNT")]
    public void A_fund_holds_more_than_nothing_and_at_most_the_largest_amount(long amountFen, string? code) =>
        AssertOutcome(code, code is null ? null : "amountFen", () => Create(amountFen: amountFen));

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
