using OpenAid.Domain.Common;

namespace OpenAid.Domain.Needs;

/// <summary>
/// What a need's state means (the transitions are <see cref="Need"/>'s own methods): draft → pending review → open → partly pledged → fully pledged → fulfilled → closed, or
/// rejected (with a reason). Expiry is never stored: a need whose deadline passed before it was fully pledged
/// simply is expired, so no scheduled job can forget it.
/// </summary>
public static class NeedLifecycle
{
    /// <summary>The unit of a need (and a pledge) that asks for money: its quantities are fen.</summary>
    public const string MoneyUnit = "fen";

    /// <summary>The longest a need may stay open: two years from registration.</summary>
    public const int MaxDeadlineDays = 730;

    /// <summary>Stored statuses whose effective status follows the pledges and the deadline.</summary>
    public static readonly NeedStatus[] LiveStatuses = [NeedStatus.Open, NeedStatus.PartlyPledged, NeedStatus.FullyPledged];

    /// <summary>Statuses the public may see: everything a named reviewer approved. Drafts, the review queue and rejections are not public.</summary>
    public static readonly NeedStatus[] PublicStatuses =
        [NeedStatus.Open, NeedStatus.PartlyPledged, NeedStatus.FullyPledged, NeedStatus.Fulfilled, NeedStatus.Closed];

    public static bool IsMoney(Need need) => need.Unit == MoneyUnit;

    public static bool IsPublic(NeedStatus stored) => PublicStatuses.Contains(stored);

    /// <summary>Open, partly or fully pledged, from what is pledged against what is asked.</summary>
    public static NeedStatus StatusFor(long pledged, long requested) =>
        pledged <= 0 ? NeedStatus.Open : pledged < requested ? NeedStatus.PartlyPledged : NeedStatus.FullyPledged;

    /// <summary>
    /// The status as of <paramref name="today"/>. <paramref name="lapsedQuantity"/> is what pledges that lapsed
    /// since the need was last written still hold: it no longer counts.
    /// </summary>
    public static NeedStatus EffectiveStatus(Need need, long lapsedQuantity, DateOnly today)
    {
        if (!LiveStatuses.Contains(need.Status))
        {
            return need.Status;
        }

        var status = StatusFor(need.Pledged - lapsedQuantity, need.Requested);
        return status != NeedStatus.FullyPledged && need.Deadline < today ? NeedStatus.Expired : status;
    }

    /// <summary>"12,000.00 yuan" for money, "40 套" otherwise.</summary>
    public static string Describe(long quantity, string unit) =>
        unit == MoneyUnit ? $"{new Money(quantity)} yuan" : $"{quantity} {unit}";
}
