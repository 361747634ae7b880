namespace OpenAid.Domain.Pledges;

/// <summary>
/// The figures of a public scorecard over a set of pledges: how many reached each step, and the money (money and
/// purchases, in fen) promised, confirmed, delivered and received by the village. Quantities in other units are
/// never added together; those pledges count by number only.
/// </summary>
public sealed class PledgeTally
{
    public int Pledges { get; private set; }

    /// <summary>Pledges that reached an agreement (whatever happened after).</summary>
    public int Confirmed { get; private set; }

    /// <summary>Pledges with at least one delivery.</summary>
    public int Delivered { get; private set; }

    /// <summary>Pledges with at least one delivery the village confirmed.</summary>
    public int Received { get; private set; }

    /// <summary>Pledges delivered and received in full.</summary>
    public int Completed { get; private set; }

    public int Cancelled { get; private set; }

    public int Lapsed { get; private set; }

    /// <summary>Pledges still under way.</summary>
    public int Open { get; private set; }

    public int OnTime { get; private set; }

    public int Late { get; private set; }

    public long MoneyPledgedFen { get; private set; }

    public long MoneyConfirmedFen { get; private set; }

    public long MoneyDeliveredFen { get; private set; }

    public long MoneyReceivedFen { get; private set; }

    /// <summary>Money promised and then withdrawn: the undelivered part of cancelled pledges, all of lapsed ones.</summary>
    public long MoneyWithdrawnFen { get; private set; }

    /// <summary>Of the pledges rated for punctuality, the share that arrived on time; null when none is rated.</summary>
    public decimal? OnTimeShare => OnTime + Late == 0 ? null : (decimal)OnTime / (OnTime + Late);

    /// <param name="deadline">The date the pledge is due: its need's deadline or its project's planned end; null when it has none.</param>
    public void Add(Pledge pledge, DateOnly? deadline, DateOnly today)
    {
        var status = PledgeLifecycle.EffectiveStatus(pledge, today);
        var delivered = PledgeLifecycle.Delivered(pledge);
        var received = PledgeLifecycle.Received(pledge);
        Pledges++;
        Confirmed += pledge.ConfirmedAt is null ? 0 : 1;
        Delivered += delivered > 0 ? 1 : 0;
        Received += received > 0 ? 1 : 0;
        Completed += status == PledgeStatus.Completed ? 1 : 0;
        Cancelled += status == PledgeStatus.Cancelled ? 1 : 0;
        Lapsed += status == PledgeStatus.Lapsed ? 1 : 0;
        Open += PledgeLifecycle.IsOpen(status) ? 1 : 0;
        switch (PledgeLifecycle.Punctuality(pledge, deadline, today))
        {
            case Punctuality.OnTime:
                OnTime++;
                break;
            case Punctuality.Late:
                Late++;
                break;
        }

        if (PledgeLifecycle.IsMoney(pledge.Kind))
        {
            MoneyPledgedFen += pledge.Quantity;
            MoneyConfirmedFen += pledge.ConfirmedAt is null ? 0 : pledge.Quantity;
            MoneyDeliveredFen += delivered;
            MoneyReceivedFen += received;
            MoneyWithdrawnFen += status switch
            {
                PledgeStatus.Lapsed => pledge.Quantity,
                PledgeStatus.Cancelled => pledge.Quantity - delivered,
                _ => 0,
            };
        }
    }
}
