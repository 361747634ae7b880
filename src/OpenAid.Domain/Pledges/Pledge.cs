using System.ComponentModel;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Pledges;

/// <summary>
/// Support an organisation promises against a need, a project or a village. The village's confirmation of
/// each delivery is what turns a promise into a delivery.
/// </summary>
public class Pledge : IPlaced
{
    public const int CodeMaxLength = 32;
    public const int UnitMaxLength = 20;
    public const int CancellationReasonMaxLength = 1000;

    /// <summary>The register prefix of pledge codes ("RJ-451021-2020-0001").</summary>
    public const string CodeKind = "RJ";

    private Pledge()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public int OrganizationId { get; private set; }

    public int? NeedId { get; private set; }

    public int? ProjectId { get; private set; }

    /// <summary>The village (or other region) that benefits.</summary>
    public long RegionCode { get; private set; }

    public int? ProgramId { get; private set; }

    public PledgeKind Kind { get; private set; }

    /// <summary>Fen for money and purchases, otherwise a quantity in <see cref="Unit"/>.</summary>
    public long Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public PledgeStatus Status { get; private set; }

    public DateTimeOffset PledgedAt { get; private set; }

    /// <summary>A pledge not confirmed by this date lapses.</summary>
    public DateOnly ConfirmBy { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public List<PledgeDelivery> Deliveries { get; private set; } = [];

    public bool IsDemo { get; private set; }

    /// <summary>
    /// A pledge of <paramref name="donor"/> against exactly one of a need (which it takes room from, never more than is
    /// left), an active project or a village. <paramref name="projectTakesPledges"/> is whether the project took pledges
    /// on the day of the pledge: a caller pledging today passes <see cref="Project.TakesFunds"/>, one replaying an earlier
    /// pledge passes what held then, as a project keeps no history of its status. <paramref name="program"/> is the program the donor named, with
    /// <paramref name="donorJoinedProgram"/> whether it joined it; without one the pledge counts for
    /// <paramref name="defaultProgramId"/>. It gets its code from <see cref="Number"/>.
    /// </summary>
    public static Pledge Make(
        Organization donor, Need? need, Project? project, bool projectTakesPledges, Region? village, PledgeKind kind, long quantity, string? unit, DateOnly? confirmBy,
        AidProgram? program, bool donorJoinedProgram, int? defaultProgramId, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(donor);
        var amount = quantity is > 0 and <= Fields.MaxAmountFen
            ? quantity
            : throw new DomainException(Errors.InvalidQuantity, $"'quantity' must be more than 0 and at most {Fields.MaxAmountFen}; it was {quantity}.", "quantity", ("max", Fields.MaxAmountFen), ("value", quantity));
        var confirmDate = confirmBy ?? today.AddDays(PledgeLifecycle.DefaultConfirmDays);
        if (confirmDate < today || confirmDate > today.AddDays(PledgeLifecycle.MaxConfirmDays))
        {
            throw new DomainException(Errors.InvalidDate, $"'confirmBy' ({confirmDate:yyyy-MM-dd}) must be from today to {PledgeLifecycle.MaxConfirmDays} days on.", "confirmBy", ("date", confirmDate), ("maxDays", PledgeLifecycle.MaxConfirmDays));
        }

        var pledge = new Pledge
        {
            OrganizationId = donor.Id,
            Kind = kind,
            Quantity = amount,
            Status = PledgeStatus.Pledged,
            PledgedAt = now,
            ConfirmBy = confirmDate,
        };
        switch ((need, project, village))
        {
            case ({ } target, null, null):
                pledge.Unit = UnitFor(kind, unit, target);
                target.TakePledge(amount, today);
                (pledge.NeedId, pledge.ProjectId, pledge.RegionCode) = (target.Id, target.ProjectId, target.RegionCode);
                break;
            case (null, { } target, null):
                if (!projectTakesPledges)
                {
                    throw new DomainException(Errors.ProjectNotActive, $"Project {target.Code} is {target.Status}; pledge to an active project.", "project", ("project", target.Code), ("status", target.Status));
                }

                pledge.Unit = UnitFor(kind, unit, null);
                (pledge.ProjectId, pledge.RegionCode) = (target.Id, target.RegionCode);
                break;
            case (null, null, { } target):
                if (target.Level != RegionLevel.Village)
                {
                    throw new DomainException(Errors.NotAVillage, $"{target.Name} is a {target.Level}; pledge to a village (12 digits), or to one of its needs.", "village", ("regionName", target.Name), ("level", target.Level));
                }

                pledge.Unit = UnitFor(kind, unit, null);
                pledge.RegionCode = target.Code;
                break;
            default:
                throw new DomainException(Errors.OneTargetRequired, "Pledge against exactly one of 'need', 'project' or 'village'.", "need");
        }

        pledge.ProgramId = program is null ? defaultProgramId
            : donorJoinedProgram ? program.Id
            : throw new DomainException(Errors.NotAMember, $"{donor.Name} has not joined {program.Name}; pledge without 'program' or for a program it joined.", "program", ("organization", donor.Code), ("program", program.Code), ("programName", program.Name));
        return pledge;
    }

    /// <summary>Gives the pledge its register number, once: numbers follow the register, which the caller reads.</summary>
    public void Number(string code)
    {
        if (Code.Length > 0)
        {
            throw new InvalidOperationException($"Pledge {Code} already has its number.");
        }

        Code = code;
    }

    /// <summary>
    /// For writers that insert needs and pledges apart, in bulk: the pledge made against <paramref name="need"/> before
    /// it was written takes the id it got.
    /// </summary>
    public void LinkWrittenNeed(Need need)
    {
        ArgumentNullException.ThrowIfNull(need);
        NeedId = need.Id;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    /// <summary>pledged → confirmed: the donor and the village signed an agreement.</summary>
    public void Confirm(DateTimeOffset now, DateOnly today)
    {
        switch (PledgeLifecycle.EffectiveStatus(this, today))
        {
            case PledgeStatus.Pledged:
                Status = PledgeStatus.Confirmed;
                ConfirmedAt = now;
                return;
            case PledgeStatus.Lapsed:
                throw Lapsed();
            default:
                throw Transition("confirmed", "only a pledge awaiting its agreement is");
        }
    }

    /// <summary>Records part (or all) of a confirmed pledge delivered, with public evidence; never more than was pledged.</summary>
    public PledgeDelivery RecordDelivery(long quantity, DateOnly deliveredOn, string evidence, DateOnly today)
    {
        var described = Fields.PublicText(evidence, "evidence", PledgeDelivery.EvidenceMaxLength);
        var status = PledgeLifecycle.EffectiveStatus(this, today);
        if (status is PledgeStatus.Pledged)
        {
            throw new DomainException(Errors.PledgeNotConfirmed, $"Pledge {Code} has no agreement yet: it is delivered once the village confirmed it.", "pledge", ("pledge", Code));
        }

        if (status is PledgeStatus.Lapsed)
        {
            throw Lapsed();
        }

        if (status is not (PledgeStatus.Confirmed or PledgeStatus.Delivered or PledgeStatus.Received))
        {
            throw Transition("delivered", "only a confirmed pledge that is not completed or cancelled is");
        }

        if (quantity <= 0)
        {
            throw new DomainException(Errors.InvalidQuantity, $"'quantity' must be more than 0; it was {quantity}.", "quantity", ("value", quantity));
        }

        var left = Quantity - PledgeLifecycle.Delivered(this);
        if (quantity > left)
        {
            throw new DomainException(
                Errors.ExceedsPledge,
                $"Pledge {Code} has {Describe(left)} left to deliver; {Describe(quantity)} were recorded. A delivery is never more than was pledged.",
                "quantity", ("pledge", Code), ("remaining", left), ("offered", quantity), ("unit", PledgeLifecycle.IsMoney(Kind) ? NeedLifecycle.MoneyUnit : Unit));
        }

        var pledgedOn = Clock.DayOf(PledgedAt);
        if (deliveredOn > today || deliveredOn < pledgedOn)
        {
            throw new DomainException(Errors.InvalidDate, $"'deliveredOn' ({deliveredOn:yyyy-MM-dd}) must fall between the pledge ({pledgedOn:yyyy-MM-dd}) and today.", "deliveredOn", ("date", deliveredOn), ("from", pledgedOn), ("today", today));
        }

        var delivery = new PledgeDelivery { PledgeId = Id, Quantity = quantity, DeliveredOn = deliveredOn, Evidence = described };
        Deliveries.Add(delivery);
        Status = PledgeStatus.Delivered;
        return delivery;
    }

    /// <summary>
    /// The village confirms one delivery arrived, which counts as received in the pledge's need (if any). The pledge
    /// is received once every delivery so far is, and completed once all it promised was delivered and received; a
    /// cancelled pledge stays cancelled.
    /// </summary>
    public void ConfirmReceipt(PledgeDelivery delivery, Need? need, string receivedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!Deliveries.Contains(delivery))
        {
            throw new ArgumentException($"The delivery is not one of pledge {Code}.", nameof(delivery));
        }

        if (delivery.ReceivedAt is not null)
        {
            throw new DomainException(Errors.AlreadyReceived, $"This delivery of pledge {Code} was confirmed as received on {delivery.ReceivedAt:yyyy-MM-dd}.", "delivery", ("pledge", Code), ("receivedOn", delivery.ReceivedAt));
        }

        delivery.MarkReceived(receivedBy, now);
        need?.Receive(delivery.Quantity);
        if (Status == PledgeStatus.Cancelled)
        {
            return;
        }

        Status = Deliveries.Any(d => d.ReceivedAt is null) ? PledgeStatus.Delivered
            : PledgeLifecycle.Received(this) >= Quantity ? PledgeStatus.Completed
            : PledgeStatus.Received;
    }

    /// <summary>
    /// The donor withdraws what is not delivered yet, with a public reason; the room this gives back returns to the
    /// need (if any), and is returned.
    /// </summary>
    public long Cancel(string reason, Need? need, DateOnly today)
    {
        var why = Fields.PublicText(reason, "reason", CancellationReasonMaxLength);
        var status = PledgeLifecycle.EffectiveStatus(this, today);
        if (status == PledgeStatus.Lapsed)
        {
            throw Lapsed();
        }

        if (!PledgeLifecycle.IsOpen(status))
        {
            throw Transition("cancelled", "only a pledge under way is");
        }

        var held = PledgeLifecycle.Holding(this);
        Status = PledgeStatus.Cancelled;
        CancellationReason = why;
        var released = held - PledgeLifecycle.Holding(this);
        need?.Release(released);
        return released;
    }

    /// <summary>
    /// Stores the lapse of a pledge past its confirmation date, giving its room back to the need (if any); returns that
    /// room, 0 if it had not lapsed.
    /// </summary>
    public long Lapse(Need? need, DateOnly today)
    {
        if (!PledgeLifecycle.IsLapsed(Status, ConfirmBy, today))
        {
            return 0;
        }

        var held = PledgeLifecycle.Holding(this);
        Status = PledgeStatus.Lapsed;
        need?.Release(held);
        return held;
    }

    /// <summary>The unit of the pledge: fen for money and purchases; against a need, the need's own unit and a kind that fits it.</summary>
    private static string UnitFor(PledgeKind kind, string? unit, Need? need)
    {
        var money = PledgeLifecycle.IsMoney(kind);
        if (need is not null)
        {
            var fits = NeedLifecycle.IsMoney(need)
                ? kind == (need.Category == NeedCategory.ProductPurchase ? PledgeKind.Purchases : PledgeKind.Money)
                : !money;
            if (!fits)
            {
                throw new DomainException(Errors.KindMismatch, $"Need {need.Code} asks {(NeedLifecycle.IsMoney(need) ? "money" : $"a quantity in {need.Unit}")}; a {kind} pledge does not fit it.", "kind", ("need", need.Code), ("unit", need.Unit), ("kind", kind));
            }

            return unit is null || unit == need.Unit
                ? need.Unit
                : throw new DomainException(Errors.UnitMismatch, $"Need {need.Code} is counted in {need.Unit}; pledge in that unit.", "unit", ("need", need.Code), ("unit", need.Unit));
        }

        if (money)
        {
            return unit is null || unit == NeedLifecycle.MoneyUnit
                ? NeedLifecycle.MoneyUnit
                : throw new DomainException(Errors.UnitNotApplicable, "Money and purchases are counted in fen; leave 'unit' out.", "unit");
        }

        var trimmed = Fields.PublicText(unit, "unit", UnitMaxLength);
        return trimmed != NeedLifecycle.MoneyUnit ? trimmed : throw new DomainException(Errors.InvalidUnit, "Pledge money as kind MONEY.", "unit");
    }

    private string Describe(long quantity) =>
        PledgeLifecycle.IsMoney(Kind) ? $"{new Money(quantity)} yuan" : $"{quantity} {Unit}";

    private DomainException Lapsed() =>
        new(Errors.PledgeLapsed, $"Pledge {Code} lapsed: it was not confirmed by {ConfirmBy:yyyy-MM-dd}. Pledge again if the offer stands.", "pledge", ("pledge", Code), ("confirmBy", ConfirmBy));

    private DomainException Transition(string what, string rule) =>
        new(Errors.InvalidTransition, $"Pledge {Code} is {Status} and cannot be {what}: {rule}.", "pledge", ("record", "Pledge"), ("code", Code), ("status", Status));
}

/// <summary>Part of a pledge delivered, with evidence; received once the village confirms it (see <see cref="Pledge.ConfirmReceipt"/>).</summary>
public class PledgeDelivery
{
    public const int EvidenceMaxLength = 2000;
    public const int ReceivedByMaxLength = 200;

    public int Id { get; init; }

    /// <summary>Set by whoever writes the delivery apart from its pledge (the demo's bulk writer) once the pledge has its id.</summary>
    public int PledgeId { get; set; }

    public long Quantity { get; init; }

    public DateOnly DeliveredOn { get; init; }

    public required string Evidence { get; init; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The confirming unit and role.</summary>
    public string? ReceivedBy { get; private set; }

    internal void MarkReceived(string receivedBy, DateTimeOffset now) => (ReceivedBy, ReceivedAt) = (receivedBy, now);
}

[Description("What is pledged: money, goods, services, jobs, or purchases of village products (消费扶贫).")]
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
[Description("The pledge lifecycle: pledged → confirmed → delivered → received → completed, or cancelled / lapsed.")]
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
