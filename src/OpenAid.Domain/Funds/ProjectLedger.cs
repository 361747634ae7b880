using OpenAid.Domain.Common;

namespace OpenAid.Domain.Funds;

/// <summary>
/// What a project's money records add up to, by kind, so that each new record is checked against them: disbursements
/// never exceed commitments, expenditures never exceed disbursements. Pledges are promises made against needs and
/// never enter a project's ledger.
/// </summary>
public sealed class ProjectLedger(string projectCode, IReadOnlyDictionary<TransactionKind, long>? totals = null)
{
    private readonly Dictionary<TransactionKind, long> _totals = totals is null ? [] : new(totals);

    public long Total(TransactionKind kind) => _totals.GetValueOrDefault(kind);

    /// <summary>Checks one more record of <paramref name="kind"/> and counts it; returns the amount.</summary>
    public long Record(TransactionKind kind, long amountFen)
    {
        var amount = Fields.PositiveAmount(amountFen, "amountFen");
        switch (kind)
        {
            case TransactionKind.Pledge:
                throw new DomainException(Errors.PledgeNotHere, "Pledges are made against needs with 'pledge', not recorded here.", "kind");
            case TransactionKind.Disbursement when Total(TransactionKind.Disbursement) + amount > Total(TransactionKind.Commitment):
                throw new DomainException(
                    Errors.DisbursementExceedsCommitment,
                    $"Project {projectCode} has {new Money(Total(TransactionKind.Commitment) - Total(TransactionKind.Disbursement))} yuan committed and not yet disbursed; {new Money(amount)} yuan were asked.",
                    "amountFen", ("project", projectCode), ("remainingFen", Total(TransactionKind.Commitment) - Total(TransactionKind.Disbursement)), ("askedFen", amount));
            case TransactionKind.Expenditure when Total(TransactionKind.Expenditure) + amount > Total(TransactionKind.Disbursement):
                throw new DomainException(
                    Errors.ExpenditureExceedsDisbursement,
                    $"Project {projectCode} has {new Money(Total(TransactionKind.Disbursement) - Total(TransactionKind.Expenditure))} yuan disbursed and not yet spent; {new Money(amount)} yuan were asked.",
                    "amountFen", ("project", projectCode), ("remainingFen", Total(TransactionKind.Disbursement) - Total(TransactionKind.Expenditure)), ("askedFen", amount));
        }

        _totals[kind] = Total(kind) + amount;
        return amount;
    }
}
