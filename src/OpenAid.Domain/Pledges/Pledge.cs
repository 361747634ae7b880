using System.ComponentModel;

namespace OpenAid.Domain.Pledges;

/// <summary>
/// Support an organisation promises against a need, a project or a village. The village's confirmation of
/// each delivery is what turns a promise into a delivery.
/// </summary>
public class Pledge
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int OrganizationId { get; set; }

    public int? NeedId { get; set; }

    public int? ProjectId { get; set; }

    /// <summary>The village (or other region) that benefits.</summary>
    public long RegionCode { get; set; }

    public int? ProgramId { get; set; }

    public PledgeKind Kind { get; set; }

    /// <summary>Fen for money and purchases, otherwise a quantity in <see cref="Unit"/>.</summary>
    public long Quantity { get; set; }

    public required string Unit { get; set; }

    public PledgeStatus Status { get; set; }

    public DateTimeOffset PledgedAt { get; set; }

    /// <summary>A pledge not confirmed by this date lapses.</summary>
    public DateOnly ConfirmBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? CancellationReason { get; set; }

    public List<PledgeDelivery> Deliveries { get; set; } = [];

    public bool IsDemo { get; set; }
}

/// <summary>Part of a pledge delivered, with evidence; received once the village confirms it.</summary>
public class PledgeDelivery
{
    public int Id { get; set; }

    public int PledgeId { get; set; }

    public long Quantity { get; set; }

    public DateOnly DeliveredOn { get; set; }

    public required string Evidence { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The confirming unit and role.</summary>
    public string? ReceivedBy { get; set; }
}

public enum PledgeKind
{
    [Description("Money (fen).")]
    Money = 1,
    [Description("Goods, by quantity.")]
    Goods = 2,
    [Description("Services.")]
    Services = 3,
    [Description("Jobs offered.")]
    Jobs = 4,
    [Description("Purchases of village products (消费扶贫), in fen.")]
    Purchases = 5,
}

/// <summary>pledged → confirmed → delivered → received → completed; cancelled; lapsed.</summary>
public enum PledgeStatus
{
    [Description("Promised, not yet binding (认捐).")]
    Pledged = 1,
    [Description("Confirmed by an agreement.")]
    Confirmed = 2,
    [Description("Delivered in part or in full; awaiting the village's confirmation.")]
    Delivered = 3,
    [Description("Every delivery confirmed as received by the village.")]
    Received = 4,
    [Description("Completed.")]
    Completed = 5,
    [Description("Cancelled by the donor, with a reason.")]
    Cancelled = 6,
    [Description("Not confirmed in time.")]
    Lapsed = 7,
}
