using OpenAid.Domain.Common;

namespace OpenAid.Domain.Funds;

/// <summary>
/// What a project holds of one fund: the fund's allocations to it, and what was recorded from the fund for the
/// project so far, by kind (read in the same transaction). Money is recorded from a fund only for a project it was
/// allocated to, and of each kind never beyond the allocation: a fund's money is traceable to what allocated it.
/// </summary>
public sealed class FundShare(Fund fund, long allocatedFen, IReadOnlyDictionary<TransactionKind, long>? recordedFen = null)
{
    public Fund Fund { get; } = fund;

    /// <summary>Checks one more record of <paramref name="kind"/> from the fund for <paramref name="projectCode"/>.</summary>
    public void Check(string projectCode, TransactionKind kind, long amountFen)
    {
        if (allocatedFen <= 0)
        {
            throw new DomainException(Errors.FundNotAllocated, $"Fund {Fund.Code} has no allocation to project {projectCode}; allocate it first.", "fund", ("fund", Fund.Code), ("project", projectCode));
        }

        var recorded = recordedFen?.GetValueOrDefault(kind) ?? 0;
        if (recorded + amountFen > allocatedFen)
        {
            throw new DomainException(
                Errors.ExceedsAllocation,
                $"Fund {Fund.Code} allocated {new Money(allocatedFen)} yuan to project {projectCode}, of which {new Money(recorded)} yuan are already recorded as {kind}; {new Money(amountFen)} yuan were asked.",
                "amountFen", ("fund", Fund.Code), ("project", projectCode), ("kind", kind), ("allocatedFen", allocatedFen), ("recordedFen", recorded), ("askedFen", amountFen));
        }
    }
}
