using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;

namespace OpenAid.Domain.Tests.Funds;

public class ProjectLedgerTests
{
    private static ProjectLedger Ledger(long committed = 0, long disbursed = 0, long spent = 0) =>
        new("XM-451021-2019-0001", new Dictionary<TransactionKind, long>
        {
            [TransactionKind.Commitment] = committed,
            [TransactionKind.Disbursement] = disbursed,
            [TransactionKind.Expenditure] = spent,
        });

    [Theory]
    [InlineData(TransactionKind.Disbursement, 100, 40, 0, 60)]
    [InlineData(TransactionKind.Expenditure, 100, 60, 10, 50)]
    [InlineData(TransactionKind.Commitment, 0, 0, 0, 1)]
    [InlineData(TransactionKind.IncomingFunds, 0, 0, 0, 5)]
    public void A_record_up_to_what_the_level_above_holds_is_counted(TransactionKind kind, long committed, long disbursed, long spent, long amount)
    {
        var ledger = Ledger(committed, disbursed, spent);
        var before = ledger.Total(kind);

        Assert.Equal(amount, ledger.Record(kind, amount));

        Assert.Equal(before + amount, ledger.Total(kind));
    }

    [Theory]
    [InlineData(TransactionKind.Disbursement, 100, 40, 0, 61, "DISBURSEMENT_EXCEEDS_COMMITMENT", "Project XM-451021-2019-0001 has 0.60 yuan committed and not yet disbursed; 0.61 yuan were asked.")]
    [InlineData(TransactionKind.Expenditure, 100, 60, 10, 51, "EXPENDITURE_EXCEEDS_DISBURSEMENT", "Project XM-451021-2019-0001 has 0.50 yuan disbursed and not yet spent; 0.51 yuan were asked.")]
    [InlineData(TransactionKind.Pledge, 100, 0, 0, 1, "PLEDGE_NOT_HERE", "Pledges are made against needs with 'pledge', not recorded here.")]
    public void A_record_beyond_the_level_above_is_refused_and_not_counted(TransactionKind kind, long committed, long disbursed, long spent, long amount, string code, string message)
    {
        var ledger = Ledger(committed, disbursed, spent);
        var before = ledger.Total(kind);

        var refused = Assert.Throws<DomainException>(() => ledger.Record(kind, amount));

        Assert.Equal(code, refused.Code);
        Assert.Equal(message, refused.Message);
        Assert.Equal(kind == TransactionKind.Pledge ? "kind" : "amountFen", refused.Field);
        Assert.Equal(before, ledger.Total(kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Amounts_are_positive(long amount)
    {
        var refused = Assert.Throws<DomainException>(() => new ProjectLedger("XM-1").Record(TransactionKind.Commitment, amount));

        Assert.Equal("INVALID_AMOUNT", refused.Code);
    }

    [Fact]
    public void Records_accumulate_so_that_later_ones_are_checked_against_earlier_ones()
    {
        var ledger = new ProjectLedger("XM-1");
        ledger.Record(TransactionKind.Commitment, 100);
        ledger.Record(TransactionKind.Disbursement, 70);
        ledger.Record(TransactionKind.Disbursement, 30);

        Assert.Throws<DomainException>(() => ledger.Record(TransactionKind.Disbursement, 1));
        Assert.Equal(100, ledger.Total(TransactionKind.Disbursement));
    }

    [Fact]
    public void A_project_record_takes_the_fund_source_the_project_receiver_and_moves_the_concurrency_token()
    {
        var project = Sample.Project(7, "XM-451021-2019-0007", 451021101201);
        var fund = Fund.Create(
            "ZJ-451021-2019-0001", "财政专项扶贫资金", "阳财农〔2019〕1号", FundSourceType.CentralFiscal, FundLevel.Central, 2019, 100_000,
            451021000000, 1, "产业发展。", new DateOnly(2019, 3, 1), documentNumberTaken: false).WithId(3);
        var version = project.Version;

        var record = MoneyTransaction.ForProject(
            project, new ProjectLedger(project.Code), "JY-0000001", TransactionKind.Commitment, 500, new DateOnly(2020, 1, 2), new FundShare(fund, 1_000), 451021000000, [], " 下达资金计划。 ");

        Assert.Equal(("JY-0000001", TransactionKind.Commitment, 500L, 2020), (record.Code, record.Kind, record.AmountFen, record.FiscalYear));
        Assert.Equal((3, FundSourceType.CentralFiscal, 7), (record.FundId, record.SourceType, record.ProjectId));
        Assert.Equal((project.ImplementingOrganizationId, project.RegionCode, 451021000000L), (record.ReceiverOrganizationId, record.ReceiverRegionCode, record.ProviderRegionCode));
        Assert.Equal("下达资金计划。", record.Description);
        Assert.Equal(version + 1, project.Version);
    }

    [Fact]
    public void Money_without_a_fund_counts_as_the_county_budget()
    {
        var project = Sample.Project(7, "XM-1", 451021101201);

        var record = MoneyTransaction.ForProject(project, new ProjectLedger(project.Code), "JY-1", TransactionKind.IncomingFunds, 5, new DateOnly(2020, 1, 2), null, null, [], "拨入。");

        Assert.Equal((null, FundSourceType.CountyFiscal), (record.FundId, record.SourceType));
    }
}
