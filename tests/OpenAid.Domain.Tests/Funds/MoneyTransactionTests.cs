using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;

namespace OpenAid.Domain.Tests.Funds;

/// <summary>What <see cref="MoneyTransaction.ForProject"/> adds to the ledger's checks (<see cref="ProjectLedgerTests"/>).</summary>
public class MoneyTransactionTests
{
    private static readonly DateOnly Day = new(2019, 5, 20);

    [Fact]
    public void A_refused_record_leaves_the_project_s_token_as_it_was()
    {
        var project = FundTests.ProjectIn(451021101201);
        var version = project.Version;

        Assert.Throws<DomainException>(() => MoneyTransaction.ForProject(project, new ProjectLedger(project.Code), "JY-1", TransactionKind.Disbursement, 1, Day, null, null, [], "x"));
        var blank = Assert.Throws<DomainException>(() => MoneyTransaction.ForProject(project, new ProjectLedger(project.Code), "JY-1", TransactionKind.Commitment, 1, Day, null, null, [], " "));

        var nothing = Assert.Throws<DomainException>(() => MoneyTransaction.ForProject(project, new ProjectLedger(project.Code), "JY-1", TransactionKind.Commitment, 0, Day, null, null, [], "x"));

        Assert.Equal(("REQUIRED", "description"), (blank.Code, blank.Field));
        Assert.Equal(("INVALID_AMOUNT", "amountFen"), (nothing.Code, nothing.Field));
        Assert.Equal(version, project.Version);
    }

    [Fact]
    public void Nothing_is_recorded_without_a_project_and_its_ledger()
    {
        Assert.Throws<ArgumentNullException>(() => MoneyTransaction.ForProject(null!, new ProjectLedger("XM-1"), "JY-1", TransactionKind.Commitment, 1, Day, null, null, [], "x"));
        Assert.Throws<ArgumentNullException>(() => MoneyTransaction.ForProject(FundTests.ProjectIn(451021101201), null!, "JY-1", TransactionKind.Commitment, 1, Day, null, null, [], "x"));
    }
}
