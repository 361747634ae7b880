using OpenAid.Domain.Common;

namespace OpenAid.Domain.Pledges;

/// <summary>
/// How a pledge moves: pledged → confirmed (an agreement) → delivered (in parts, with evidence) → received (every
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

    /// <summary>pledged → confirmed: the donor and the village signed an agreement.</summary>
    public static void Confirm(Pledge pledge, DateTimeOffset now, DateOnly today)
    {
        switch (EffectiveStatus(pledge, today))
        {
            case PledgeStatus.Pledged:
                pledge.Status = PledgeStatus.Confirmed;
                pledge.ConfirmedAt = now;
                return;
            case PledgeStatus.Lapsed:
                throw Lapsed(pledge);
            default:
                throw Transition(pledge, "confirmed", "only a pledge awaiting its agreement is");
        }
    }

    /// <summary>Records part (or all) of a confirmed pledge delivered; never more than was pledged.</summary>
    public static PledgeDelivery Deliver(Pledge pledge, long quantity, DateOnly deliveredOn, string evidence, DateOnly today)
    {
        var status = EffectiveStatus(pledge, today);
        if (status is PledgeStatus.Pledged)
        {
            throw new DomainException("PLEDGE_NOT_CONFIRMED", $"Pledge {pledge.Code} has no agreement yet: it is delivered once the village confirmed it.", "pledge");
        }

        if (status is PledgeStatus.Lapsed)
        {
            throw Lapsed(pledge);
        }

        if (status is not (PledgeStatus.Confirmed or PledgeStatus.Delivered or PledgeStatus.Received))
        {
            throw Transition(pledge, "delivered", "only a confirmed pledge that is not completed or cancelled is");
        }

        if (quantity <= 0)
        {
            throw new DomainException("INVALID_QUANTITY", $"'quantity' must be more than 0; it was {quantity}.", "quantity");
        }

        var left = pledge.Quantity - Delivered(pledge);
        if (quantity > left)
        {
            throw new DomainException(
                "EXCEEDS_PLEDGE",
                $"Pledge {pledge.Code} has {Describe(left, pledge)} left to deliver; {Describe(quantity, pledge)} were recorded. A delivery is never more than was pledged.",
                "quantity");
        }

        if (deliveredOn > today || deliveredOn < DateOnly.FromDateTime(pledge.PledgedAt.Date))
        {
            throw new DomainException("INVALID_DATE", $"'deliveredOn' ({deliveredOn:yyyy-MM-dd}) must fall between the pledge ({pledge.PledgedAt:yyyy-MM-dd}) and today.", "deliveredOn");
        }

        var delivery = new PledgeDelivery { PledgeId = pledge.Id, Quantity = quantity, DeliveredOn = deliveredOn, Evidence = evidence };
        pledge.Deliveries.Add(delivery);
        pledge.Status = PledgeStatus.Delivered;
        return delivery;
    }

    /// <summary>
    /// The village confirms one delivery arrived. The pledge is received once every delivery so far is, and
    /// completed once all it promised was delivered and received; a cancelled pledge stays cancelled.
    /// </summary>
    public static void Receive(Pledge pledge, PledgeDelivery delivery, string receivedBy, DateTimeOffset now)
    {
        if (delivery.ReceivedAt is not null)
        {
            throw new DomainException("ALREADY_RECEIVED", $"This delivery of pledge {pledge.Code} was confirmed as received on {delivery.ReceivedAt:yyyy-MM-dd}.", "delivery");
        }

        delivery.ReceivedAt = now;
        delivery.ReceivedBy = receivedBy;
        if (pledge.Status == PledgeStatus.Cancelled)
        {
            return;
        }

        pledge.Status = pledge.Deliveries.Any(d => d.ReceivedAt is null) ? PledgeStatus.Delivered
            : Received(pledge) >= pledge.Quantity ? PledgeStatus.Completed
            : PledgeStatus.Received;
    }

    /// <summary>The donor withdraws what is not delivered yet; returns the room this gives back to the need.</summary>
    public static long Cancel(Pledge pledge, string reason, DateOnly today)
    {
        var status = EffectiveStatus(pledge, today);
        if (status == PledgeStatus.Lapsed)
        {
            throw Lapsed(pledge);
        }

        if (!IsOpen(status))
        {
            throw Transition(pledge, "cancelled", "only a pledge under way is");
        }

        var held = Holding(pledge);
        pledge.Status = PledgeStatus.Cancelled;
        pledge.CancellationReason = reason;
        return held - Holding(pledge);
    }

    /// <summary>Stores the lapse of a pledge past its confirmation date; returns the room this gives back to the need (0 if it had not lapsed).</summary>
    public static long Lapse(Pledge pledge, DateOnly today)
    {
        if (!IsLapsed(pledge.Status, pledge.ConfirmBy, today))
        {
            return 0;
        }

        var held = Holding(pledge);
        pledge.Status = PledgeStatus.Lapsed;
        return held;
    }

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

    private static string Describe(long quantity, Pledge pledge) =>
        IsMoney(pledge.Kind) ? $"{new Money(quantity)} yuan" : $"{quantity} {pledge.Unit}";

    private static DomainException Lapsed(Pledge pledge) =>
        new("PLEDGE_LAPSED", $"Pledge {pledge.Code} lapsed: it was not confirmed by {pledge.ConfirmBy:yyyy-MM-dd}. Pledge again if the offer stands.", "pledge");

    private static DomainException Transition(Pledge pledge, string what, string rule) =>
        new("INVALID_TRANSITION", $"Pledge {pledge.Code} is {pledge.Status} and cannot be {what}: {rule}.", "pledge");
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
