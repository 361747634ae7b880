using OpenAid.Domain.Common;

namespace OpenAid.Domain.Pledges;

/// <summary>
/// What a pledge's state means (the transitions are <see cref="Pledge"/>'s own methods): pledged → confirmed (an agreement) → delivered (in parts, with evidence) → received (every
/// delivery so far confirmed by the village) → completed (all of it delivered and received), or cancelled by the
/// donor with a reason. A pledge not confirmed by its <see cref="Pledge.ConfirmBy"/> date is lapsed: computed from
/// the date, never by a scheduled job, and stored only when a later write touches its need.
/// </summary>
public static class PledgeLifecycle
{
    /// <summary>Days a pledge has to be confirmed when the donor names no date.</summary>
    public const int DefaultConfirmDays = 30;

    /// <summary>The latest a donor may set the confirmation date: a promise that stays unbinding longer helps nobody.</summary>
    public const int MaxConfirmDays = 90;

    /// <summary>Money and purchases (消费扶贫) are counted in fen; goods, services and jobs in their own unit.</summary>
    public static bool IsMoney(PledgeKind kind) => kind is PledgeKind.Money or PledgeKind.Purchases;

    public static PledgeStatus EffectiveStatus(Pledge pledge, DateOnly today) =>
        IsLapsed(pledge.Status, pledge.ConfirmBy, today) ? PledgeStatus.Lapsed : pledge.Status;

    /// <summary>Still unconfirmed after its confirmation date (the stored status is still "pledged").</summary>
    public static bool IsLapsed(PledgeStatus stored, DateOnly confirmBy, DateOnly today) =>
        stored == PledgeStatus.Pledged && confirmBy < today;

    /// <summary>Still under way: it may yet be confirmed, delivered, received or cancelled.</summary>
    public static bool IsOpen(PledgeStatus effective) =>
        effective is PledgeStatus.Pledged or PledgeStatus.Confirmed or PledgeStatus.Delivered or PledgeStatus.Received;

    public static long Delivered(Pledge pledge) => pledge.Deliveries.Sum(d => d.Quantity);

    public static long Received(Pledge pledge) => pledge.Deliveries.Where(d => d.ReceivedAt is not null).Sum(d => d.Quantity);

    /// <summary>
    /// The room the pledge holds in its need: all of it while it stands, what was delivered once it is cancelled,
    /// nothing once it lapsed. A need's <c>Pledged</c> is the sum of this over its pledges.
    /// </summary>
    public static long Holding(Pledge pledge) => pledge.Status switch
    {
        PledgeStatus.Lapsed => 0,
        PledgeStatus.Cancelled => Delivered(pledge),
        _ => pledge.Quantity,
    };

    /// <summary>
    /// Whether the pledge arrived in time. Rated only when it has a deadline (its need's, or its project's planned
    /// end) and is settled (completed, cancelled or lapsed) or overdue; on time means completed by the deadline.
    /// </summary>
    public static Punctuality Punctuality(Pledge pledge, DateOnly? deadline, DateOnly today)
    {
        if (deadline is not { } due)
        {
            return Pledges.Punctuality.NotRated;
        }

        var status = EffectiveStatus(pledge, today);
        if (status == PledgeStatus.Completed)
        {
            return pledge.Deliveries.Max(d => d.DeliveredOn) <= due ? Pledges.Punctuality.OnTime : Pledges.Punctuality.Late;
        }

        return !IsOpen(status) || today > due ? Pledges.Punctuality.Late : Pledges.Punctuality.NotRated;
    }
}

/// <summary>Whether a pledge arrived by its deadline.</summary>
public enum Punctuality
{
    /// <summary>No deadline, or not due yet.</summary>
    NotRated,
    OnTime,
    /// <summary>Completed after the deadline, overdue, or never delivered (cancelled or lapsed).</summary>
    Late,
}
