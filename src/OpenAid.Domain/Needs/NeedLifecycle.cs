using OpenAid.Domain.Common;

namespace OpenAid.Domain.Needs;

/// <summary>
/// How a need moves: draft → pending review → open → partly pledged → fully pledged → fulfilled → closed, or
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

    /// <summary>draft → pending review.</summary>
    public static void Submit(Need need)
    {
        if (need.Status != NeedStatus.Draft)
        {
            throw Transition(need, "submitted for review", "only a draft is");
        }

        need.Status = NeedStatus.PendingReview;
    }

    /// <summary>
    /// pending review → open, by a named reviewer. A need over its category's cap needs an explicit, public override
    /// reason; a need within it takes none, so that every override reason published means something.
    /// </summary>
    public static void Approve(Need need, string reviewerName, string? capOverrideReason, NeedCap cap, DateTimeOffset now, DateOnly today)
    {
        RequirePending(need, "approved");
        if (need.Deadline < today)
        {
            throw new DomainException("DEADLINE_PASSED", $"Need {need.Code} has a deadline of {need.Deadline:yyyy-MM-dd}, which has passed; reject it so that it can be registered again with a new deadline.", "need");
        }

        var overCap = cap.IsExceededBy(need);
        if (overCap && capOverrideReason is null)
        {
            throw new DomainException(
                "CAP_OVERRIDE_REQUIRED",
                $"Need {need.Code} asks {Describe(need.Requested, need.Unit)}, over the {need.Category} cap of {Describe(cap.LimitFor(need.Unit), need.Unit)}. Approve it only with a public 'capOverrideReason', or reject it.",
                "capOverrideReason");
        }

        if (!overCap && capOverrideReason is not null)
        {
            throw new DomainException("OVERRIDE_NOT_NEEDED", $"Need {need.Code} is within the {need.Category} cap; leave 'capOverrideReason' out.", "capOverrideReason");
        }

        need.Status = StatusFor(need.Pledged, need.Requested);
        need.ReviewerName = reviewerName;
        need.ReviewedAt = now;
        need.CapOverrideReason = capOverrideReason;
    }

    /// <summary>pending review → rejected, with a reason.</summary>
    public static void Reject(Need need, string reviewerName, string reason, DateTimeOffset now)
    {
        RequirePending(need, "rejected");
        need.Status = NeedStatus.Rejected;
        need.ReviewerName = reviewerName;
        need.ReviewedAt = now;
        need.RejectionReason = reason;
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> of the room left. Lapsed pledges must have been released first, so that
    /// <see cref="Need.Pledged"/> is what live pledges hold.
    /// </summary>
    public static void TakePledge(Need need, long quantity, DateOnly today)
    {
        switch (EffectiveStatus(need, 0, today))
        {
            case NeedStatus.Open or NeedStatus.PartlyPledged:
                break;
            case NeedStatus.FullyPledged:
                throw new DomainException("NEED_FULLY_PLEDGED", $"Need {need.Code} is fully pledged: nothing is left to pledge.", "need");
            case NeedStatus.Expired:
                throw new DomainException("NEED_EXPIRED", $"Need {need.Code} expired on {need.Deadline:yyyy-MM-dd} before it was fully pledged; it takes no more pledges.", "need");
            case var status when IsPublic(status):
                throw new DomainException("NEED_NOT_OPEN", $"Need {need.Code} is {status} and takes no more pledges.", "need");
            default:
                // Drafts, the review queue and rejections are not public: say no more than that.
                throw new DomainException("NEED_NOT_OPEN", $"Need {need.Code} is not open for pledges: only needs a reviewer approved are.", "need");
        }

        if (quantity > need.Remaining)
        {
            throw new DomainException(
                "EXCEEDS_REMAINING",
                $"Need {need.Code} has {Describe(need.Remaining, need.Unit)} left to pledge; {Describe(quantity, need.Unit)} were offered. A need is never pledged beyond what it asks.",
                "quantity");
        }

        need.Pledged += quantity;
        need.Status = StatusFor(need.Pledged, need.Requested);
    }

    /// <summary>Gives back room a cancelled or lapsed pledge held.</summary>
    public static void Release(Need need, long quantity)
    {
        need.Pledged -= Math.Min(quantity, need.Pledged);
        if (LiveStatuses.Contains(need.Status))
        {
            need.Status = StatusFor(need.Pledged, need.Requested);
        }
    }

    /// <summary>Counts a delivery the village confirmed; everything asked received makes the need fulfilled.</summary>
    public static void Receive(Need need, long quantity)
    {
        need.Received += quantity;
        if (need.Received >= need.Requested && LiveStatuses.Contains(need.Status))
        {
            need.Status = NeedStatus.Fulfilled;
        }
    }

    /// <summary>
    /// Closes a need that is approved and has no pledge still under way (open, partly or fully pledged, fulfilled or
    /// expired): donors cancel what they can no longer deliver first, so that nothing promised is left hanging.
    /// </summary>
    public static void Close(Need need, long lapsedQuantity, bool hasOpenPledges, DateOnly today)
    {
        var status = EffectiveStatus(need, lapsedQuantity, today);
        if ((!IsPublic(status) && status != NeedStatus.Expired) || status == NeedStatus.Closed)
        {
            throw Transition(need, "closed", "only an approved need that is not closed yet is");
        }

        if (hasOpenPledges)
        {
            throw new DomainException("NEED_HAS_OPEN_PLEDGES", $"Need {need.Code} still has pledges under way; they are delivered, cancelled or lapse before it closes.", "need");
        }

        need.Status = NeedStatus.Closed;
    }

    /// <summary>"12,000.00 yuan" for money, "40 套" otherwise.</summary>
    public static string Describe(long quantity, string unit) =>
        unit == MoneyUnit ? $"{new Money(quantity)} yuan" : $"{quantity} {unit}";

    private static void RequirePending(Need need, string what)
    {
        if (need.Status != NeedStatus.PendingReview)
        {
            throw Transition(need, what, "only a need pending review is");
        }
    }

    private static DomainException Transition(Need need, string what, string rule) =>
        new("INVALID_TRANSITION", $"Need {need.Code} is {need.Status} and cannot be {what}: {rule}.", "need");
}
