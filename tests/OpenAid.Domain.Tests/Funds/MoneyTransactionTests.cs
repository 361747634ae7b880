using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;

namespace OpenAid.Domain.Tests.Funds;

/// <summary>The rules of <see cref="MoneyTransaction.ForProject"/>: payments never run ahead of what backs them.</summary>
public class MoneyTransactionTests
{
    private static readonly DateOnly Day = new(2019, 5, 20);

    [Theory]
    [InlineData(TransactionKind.Commitment, 0L, 0L, 0L, 1L, null)] // a commitment needs nothing before it
    [InlineData(TransactionKind.IncomingFunds, 0L, 0L, 0L, 1L, null)]
    [InlineData(TransactionKind.Disbursement, 1_000L, 400L, 0L, 600L, null)] // exactly what is committed and not disbursed
    [InlineData(TransactionKind.Disbursement, 1_000L, 400L, 0L, 601L, "DISBURSEMENT_EXCEEDS_COMMITMENT")]
    [InlineData(TransactionKind.Disbursement, 0L, 0L, 0L, 1L, "DISBURSEMENT_EXCEEDS_COMMITMENT")]
    [InlineData(TransactionKind.Expenditure, 1_000L, 600L, 100L, 500L, null)] // exactly what is disbursed and not spent
    [InlineData(TransactionKind.Expenditure, 1_000L, 600L, 100L, 501L, "EXPENDITURE_EXCEEDS_DISBURSEMENT")]
    [InlineData(TransactionKind.Expenditure, 1_000L, 0L, 0L, 1L, "EXPENDITURE_EXCEEDS_DISBURSEMENT")] // committed is not disbursed
    [InlineData(TransactionKind.Pledge, 0L, 0L, 0L, 1L, "PLEDGE_NOT_HERE")]
    public void Disbursements_stay_within_commitments_and_expenditures_within_disbursements(
        TransactionKind kind, long committed, long disbursed, long spent, long amountFen, string? code)
    {
        var totals = new Dictionary<TransactionKind, long>
        {
            [TransactionKind.Commitment] = committed,
            [TransactionKind.Disbursement] = disbursed,
            [TransactionKind.Expenditure] = spent,
        };

        FundTests.AssertOutcome(code, code is null ? null : code == "PLEDGE_NOT_HERE" ? "kind" : "amountFen", () => Record(kind, amountFen, totals));
    }

    [Fact]
    public void A_refusal_says_what_is_left()
    {
        var totals = new Dictionary<TransactionKind, long> { [TransactionKind.Commitment] = 100_000, [TransactionKind.Disbursement] = 40_000, [TransactionKind.Expenditure] = 10_000 };

        Assert.Equal(
            "Project XM-451021-2019-0001 has 600.00 yuan committed and not yet disbursed; 600.01 yuan were asked.",
            Assert.Throws<DomainException>(() => Record(TransactionKind.Disbursement, 60_001, totals)).Message);
        Assert.Equal(
            "Project XM-451021-2019-0001 has 300.00 yuan disbursed and not yet spent; 300.01 yuan were asked.",
            Assert.Throws<DomainException>(() => Record(TransactionKind.Expenditure, 30_001, totals)).Message);
    }

    [Fact]
    public void A_transaction_follows_the_money_from_its_fund_to_the_project_and_moves_the_project_s_token()
    {
        var project = FundTests.ProjectIn(451021101201, id: 9);
        var fund = Fund.Create(
            "ZJ-451021-2019-0001", "财政专项扶贫资金", "阳财农〔2019〕1号", FundSourceType.ProvincialFiscal, FundLevel.Provincial, 2019, 10_000_000,
            451021000000, 3, "产业发展。", Day, documentNumberTaken: false).WithId(4);
        var version = project.Version;

        var transaction = MoneyTransaction.ForProject(project, new Dictionary<TransactionKind, long>(), "JY-1", TransactionKind.Commitment, 5_000, Day, fund, 450000000000, " 下达资金计划。 ");

        Assert.Equal(
            ("JY-1", TransactionKind.Commitment, 5_000L, Day, 2019, (int?)4, FundSourceType.ProvincialFiscal, (int?)9, (long?)450000000000, (int?)1, 451021101201L, "下达资金计划。"),
            (transaction.Code, transaction.Kind, transaction.AmountFen, transaction.Date, transaction.FiscalYear, transaction.FundId, transaction.SourceType, transaction.ProjectId,
                transaction.ProviderRegionCode, transaction.ReceiverOrganizationId, transaction.ReceiverRegionCode, transaction.Description));
        Assert.Equal(version + 1, project.Version);
    }

    [Fact]
    public void Money_without_a_fund_is_county_money()
    {
        var transaction = Record(TransactionKind.Commitment, 1, new Dictionary<TransactionKind, long>());

        Assert.Equal(((int?)null, FundSourceType.CountyFiscal, (long?)null), (transaction.FundId, transaction.SourceType, transaction.ProviderRegionCode));
    }

    [Fact]
    public void A_refused_record_leaves_the_project_s_token_as_it_was()
    {
        var project = FundTests.ProjectIn(451021101201);
        var version = project.Version;

        Assert.Throws<DomainException>(() => MoneyTransaction.ForProject(project, new Dictionary<TransactionKind, long>(), "JY-1", TransactionKind.Disbursement, 1, Day, null, null, "x"));
        Assert.Throws<DomainException>(() => MoneyTransaction.ForProject(project, new Dictionary<TransactionKind, long>(), "JY-1", TransactionKind.Commitment, 1, Day, null, null, " "));
        Assert.Equal(version, project.Version);
    }

    [Theory]
    [InlineData(0L, "INVALID_AMOUNT", "amountFen")]
    [InlineData(Fields.MaxAmountFen + 1, "INVALID_AMOUNT", "amountFen")]
    public void An_amount_is_more_than_nothing_and_at_most_the_largest(long amountFen, string code, string field) =>
        FundTests.AssertOutcome(code, field, () => Record(TransactionKind.Commitment, amountFen, new Dictionary<TransactionKind, long>()));

    [Fact]
    public void A_record_says_where_pledges_go_names_its_description_and_needs_a_project_and_its_totals()
    {
        Assert.Equal("Pledges are made against needs with 'pledge', not recorded here.", Assert.Throws<DomainException>(() => Record(TransactionKind.Pledge, 1, new Dictionary<TransactionKind, long>())).Message);
        var blank = Assert.Throws<DomainException>(() => MoneyTransaction.ForProject(FundTests.ProjectIn(451021101201), new Dictionary<TransactionKind, long>(), "JY-1", TransactionKind.Commitment, 1, Day, null, null, " "));
        Assert.Equal(("REQUIRED", "description"), (blank.Code, blank.Field));
        Assert.Throws<ArgumentNullException>(() => MoneyTransaction.ForProject(null!, new Dictionary<TransactionKind, long>(), "JY-1", TransactionKind.Commitment, 1, Day, null, null, "x"));
        Assert.Throws<ArgumentNullException>(() => MoneyTransaction.ForProject(FundTests.ProjectIn(451021101201), null!, "JY-1", TransactionKind.Commitment, 1, Day, null, null, "x"));
    }

    private static MoneyTransaction Record(TransactionKind kind, long amountFen, IReadOnlyDictionary<TransactionKind, long> totals) =>
        MoneyTransaction.ForProject(FundTests.ProjectIn(451021101201), totals, "JY-1", kind, amountFen, Day, null, null, "拨付。");
}
