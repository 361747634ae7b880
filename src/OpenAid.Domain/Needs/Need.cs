using System.ComponentModel;
using OpenAid.Domain.Common;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Needs;

/// <summary>
/// A need registered for a village (需求对接): public only once a named reviewer approved it, and never
/// pledged beyond what it asks.
/// </summary>
public class Need : IPlaced, IPublishable
{
    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int UnitMaxLength = 20;
    public const int ReviewerNameMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    /// <summary>The longest name a reviewer is published under, before their unit is added.</summary>
    public const int ReviewerOwnNameMaxLength = 40;

    /// <summary>The most a need counted in a unit may ask: far above any village's need.</summary>
    public const long MaxQuantity = 1_000_000_000;

    /// <summary>The register prefix of need codes ("XQ-451021-2020-0001").</summary>
    public const string CodeKind = "XQ";

    private Need()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>The village (or township) the need is for.</summary>
    public long RegionCode { get; private set; }

    public NeedCategory Category { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>What is asked: fen for money, otherwise a quantity in <see cref="Unit"/>.</summary>
    public long Requested { get; private set; }

    /// <summary>"fen" for money, otherwise e.g. "套", "人", "吨".</summary>
    public string Unit { get; private set; } = "";

    /// <summary>The sum of live pledges, kept in the same transaction as each pledge.</summary>
    public long Pledged { get; private set; }

    /// <summary>The sum of deliveries the village confirmed as received.</summary>
    public long Received { get; private set; }

    public DateOnly Deadline { get; private set; }

    public NeedPriority Priority { get; private set; }

    public int? ProjectId { get; private set; }

    public int? PairingId { get; private set; }

    public int RegisteredByOrganizationId { get; private set; }

    public NeedStatus Status { get; private set; }

    public bool IsPublic => NeedLifecycle.IsPublic(Status);

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The named reviewer who approved or rejected the need (public).</summary>
    public string? ReviewerName { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Why a need over its category's cap was approved anyway (public).</summary>
    public string? CapOverrideReason { get; private set; }

    /// <summary>Optimistic concurrency token: concurrent pledges cannot both take the last room.</summary>
    public int Version { get; private set; }

    public bool IsDemo { get; private set; }

    public long Remaining => Math.Max(0, Requested - Pledged);

    /// <summary>
    /// A need of a village or township, registered as a draft (or submitted at once): money in fen
    /// (<paramref name="amountFen"/>) or a quantity in a unit, a deadline after <paramref name="today"/> and within
    /// <see cref="NeedLifecycle.MaxDeadlineDays"/>, and a project or pairing only where they cover the place. It gets
    /// its code from <see cref="Number"/>.
    /// </summary>
    public static Need Register(
        Region region, NeedCategory category, string title, string description, long? amountFen, long? quantity, string? unit,
        DateOnly deadline, NeedPriority priority, Project? project, Pairing? pairing, int registeredByOrganizationId, bool submit,
        DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Level is not (RegionLevel.Village or RegionLevel.Township))
        {
            throw new DomainException(Errors.NotAVillage, $"Needs are registered for a village or a township; {region.Name} is a {region.Level}.", "region", ("regionName", region.Name), ("level", region.Level));
        }

        if (deadline <= today || deadline > today.AddDays(NeedLifecycle.MaxDeadlineDays))
        {
            throw new DomainException(Errors.InvalidDate, $"'deadline' ({deadline:yyyy-MM-dd}) must be after today and within {NeedLifecycle.MaxDeadlineDays} days.", "deadline", ("date", deadline), ("maxDays", NeedLifecycle.MaxDeadlineDays));
        }

        var (requested, requestedUnit) = RequestedOf(amountFen, quantity, unit);
        if (project is not null && !Regions.RegionCode.Of(project.RegionCode).Contains(region.Code) && !region.RegionCode.Contains(project.RegionCode))
        {
            throw new DomainException(Errors.ProjectElsewhere, $"Project {project.Code} is carried out neither in {region.Name} nor in a region above it.", "project", ("project", project.Code), ("regionName", region.Name));
        }

        if (pairing is not null && !Regions.RegionCode.Of(pairing.HelpedRegionCode).Contains(region.Code))
        {
            throw new DomainException(Errors.PairingElsewhere, $"Pairing {pairing.Code} helps a region that does not contain {region.Name}.", "pairing", ("pairing", pairing.Code), ("regionName", region.Name));
        }

        return new Need
        {
            RegionCode = region.Code,
            Category = category,
            Title = Fields.PublicText(title, "title", TitleMaxLength),
            Description = Fields.PublicText(description, "description", DescriptionMaxLength),
            Requested = requested,
            Unit = requestedUnit,
            Deadline = deadline,
            Priority = priority,
            ProjectId = project?.Id,
            PairingId = pairing?.Id,
            RegisteredByOrganizationId = registeredByOrganizationId,
            Status = submit ? NeedStatus.PendingReview : NeedStatus.Draft,
            CreatedAt = now,
        };
    }

    /// <summary>Gives the need its register number, once: numbers follow the register, which the caller reads.</summary>
    public void Number(string code)
    {
        if (Code.Length > 0)
        {
            throw new InvalidOperationException($"Need {Code} already has its number.");
        }

        Code = code;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    /// <summary>draft → pending review.</summary>
    public void Submit()
    {
        if (Status != NeedStatus.Draft)
        {
            throw Transition("submitted for review", "only a draft is");
        }

        Status = NeedStatus.PendingReview;
    }

    /// <summary>
    /// A named reviewer's decision: <see cref="Approve"/> or <see cref="Reject"/>. A reviewer decides only on needs
    /// someone else registered (<paramref name="reviewerRegisteredIt"/>), and each decision takes only its own reason.
    /// </summary>
    public void Review(
        NeedReviewDecision decision, string reviewerName, bool reviewerRegisteredIt, string? reason, string? capOverrideReason,
        NeedCap cap, DateTimeOffset now, DateOnly today)
    {
        if (reviewerRegisteredIt)
        {
            throw new DomainException(Errors.ReviewerIsRegistrant, $"You registered need {Code}; another reviewer decides on it.", "need", ("need", Code));
        }

        switch (decision)
        {
            case NeedReviewDecision.Approve:
                if (!string.IsNullOrWhiteSpace(reason))
                {
                    throw new DomainException(Errors.ReasonNotApplicable, "An approval takes no 'reason'; give 'capOverrideReason' when the need is over its cap.", "reason");
                }

                Approve(reviewerName, string.IsNullOrWhiteSpace(capOverrideReason) ? null : Fields.PublicText(capOverrideReason, "capOverrideReason", ReasonMaxLength), cap, now, today);
                break;
            default:
                if (!string.IsNullOrWhiteSpace(capOverrideReason))
                {
                    throw new DomainException(Errors.ReasonNotApplicable, "A rejection takes no 'capOverrideReason'.", "capOverrideReason");
                }

                Reject(reviewerName, Fields.PublicText(reason, "reason", ReasonMaxLength), now);
                break;
        }
    }

    /// <summary>
    /// "Name（unit）": the reviewer is named, as the sign-in names them, together with the unit they review for; the
    /// name alone when both together are too long.
    /// </summary>
    public static string ReviewerNameOf(string? signedInName, string unitName)
    {
        if (string.IsNullOrWhiteSpace(signedInName))
        {
            throw new DomainException(Errors.ReviewerNotNamed, "Needs are approved by a named reviewer: sign in with an account that carries your name (the token's 'name' claim).", null);
        }

        var name = Fields.PublicText(signedInName, "name", ReviewerOwnNameMaxLength);
        var named = $"{name}（{unitName}）";
        return named.Length <= ReviewerNameMaxLength ? named : name;
    }

    /// <summary>
    /// pending review → open, by a named reviewer. A need over its category's cap needs an explicit, public override
    /// reason; a need within it takes none, so that every override reason published means something.
    /// </summary>
    public void Approve(string reviewerName, string? capOverrideReason, NeedCap cap, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cap);
        RequirePending("approved");
        if (Deadline < today)
        {
            throw new DomainException(Errors.DeadlinePassed, $"Need {Code} has a deadline of {Deadline:yyyy-MM-dd}, which has passed; reject it so that it can be registered again with a new deadline.", "need", ("need", Code), ("deadline", Deadline));
        }

        var overCap = cap.IsExceededBy(this);
        if (overCap && capOverrideReason is null)
        {
            throw new DomainException(
                Errors.CapOverrideRequired,
                $"Need {Code} asks {NeedLifecycle.Describe(Requested, Unit)}, over the {Category} cap of {NeedLifecycle.Describe(cap.LimitFor(Unit), Unit)}. Approve it only with a public 'capOverrideReason', or reject it.",
                "capOverrideReason", ("need", Code), ("category", Category), ("requested", Requested), ("cap", cap.LimitFor(Unit)), ("unit", Unit));
        }

        if (!overCap && capOverrideReason is not null)
        {
            throw new DomainException(Errors.OverrideNotNeeded, $"Need {Code} is within the {Category} cap; leave 'capOverrideReason' out.", "capOverrideReason", ("need", Code), ("category", Category));
        }

        Status = NeedLifecycle.StatusFor(Pledged, Requested);
        ReviewerName = reviewerName;
        ReviewedAt = now;
        CapOverrideReason = capOverrideReason;
    }

    /// <summary>pending review → rejected, with a reason.</summary>
    public void Reject(string reviewerName, string reason, DateTimeOffset now)
    {
        RequirePending("rejected");
        Status = NeedStatus.Rejected;
        ReviewerName = reviewerName;
        ReviewedAt = now;
        RejectionReason = reason;
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> of the room left. Lapsed pledges must have been released first, so that
    /// <see cref="Pledged"/> is what live pledges hold.
    /// </summary>
    public void TakePledge(long quantity, DateOnly today)
    {
        switch (NeedLifecycle.EffectiveStatus(this, 0, today))
        {
            case NeedStatus.Open or NeedStatus.PartlyPledged:
                break;
            case NeedStatus.FullyPledged:
                throw new DomainException(Errors.NeedFullyPledged, $"Need {Code} is fully pledged: nothing is left to pledge.", "need", ("need", Code));
            case NeedStatus.Expired:
                throw new DomainException(Errors.NeedExpired, $"Need {Code} expired on {Deadline:yyyy-MM-dd} before it was fully pledged; it takes no more pledges.", "need", ("need", Code), ("deadline", Deadline));
            case var status when NeedLifecycle.IsPublic(status):
                throw new DomainException(Errors.NeedNotOpen, $"Need {Code} is {status} and takes no more pledges.", "need", ("need", Code), ("status", status));
            default:
                // Drafts, the review queue and rejections are not public: say no more than that.
                throw new DomainException(Errors.NeedNotOpen, $"Need {Code} is not open for pledges: only needs a reviewer approved are.", "need", ("need", Code));
        }

        if (quantity > Remaining)
        {
            throw new DomainException(
                Errors.ExceedsRemaining,
                $"Need {Code} has {NeedLifecycle.Describe(Remaining, Unit)} left to pledge; {NeedLifecycle.Describe(quantity, Unit)} were offered. A need is never pledged beyond what it asks.",
                "quantity", ("need", Code), ("remaining", Remaining), ("offered", quantity), ("unit", Unit));
        }

        Pledged += quantity;
        Status = NeedLifecycle.StatusFor(Pledged, Requested);
    }

    /// <summary>Gives back room a cancelled or lapsed pledge held.</summary>
    public void Release(long quantity)
    {
        Pledged -= Math.Min(quantity, Pledged);
        if (NeedLifecycle.LiveStatuses.Contains(Status))
        {
            Status = NeedLifecycle.StatusFor(Pledged, Requested);
        }
    }

    /// <summary>Counts a delivery the village confirmed; everything asked received makes the need fulfilled.</summary>
    public void Receive(long quantity)
    {
        Received += quantity;
        if (Received >= Requested && NeedLifecycle.LiveStatuses.Contains(Status))
        {
            Status = NeedStatus.Fulfilled;
        }
    }

    /// <summary>
    /// Closes a need that is approved and has no pledge still under way (open, partly or fully pledged, fulfilled or
    /// expired): donors cancel what they can no longer deliver first, so that nothing promised is left hanging.
    /// </summary>
    public void Close(long lapsedQuantity, bool hasOpenPledges, DateOnly today)
    {
        var status = NeedLifecycle.EffectiveStatus(this, lapsedQuantity, today);
        if ((!NeedLifecycle.IsPublic(status) && status != NeedStatus.Expired) || status == NeedStatus.Closed)
        {
            throw Transition("closed", "only an approved need that is not closed yet is");
        }

        if (hasOpenPledges)
        {
            throw new DomainException(Errors.NeedHasOpenPledges, $"Need {Code} still has pledges under way; they are delivered, cancelled or lapse before it closes.", "need", ("need", Code));
        }

        Status = NeedStatus.Closed;
    }

    /// <summary>(Money in fen, or a quantity in a unit): exactly one of them.</summary>
    private static (long Requested, string Unit) RequestedOf(long? amountFen, long? quantity, string? unit)
    {
        switch (amountFen, quantity)
        {
            case ({ } fen, null):
                if (unit is not null)
                {
                    throw new DomainException(Errors.UnitNotApplicable, "Money is counted in fen; leave 'unit' out with 'amountFen'.", "unit");
                }

                return (Fields.PositiveAmount(fen, "amountFen"), NeedLifecycle.MoneyUnit);
            case (null, { } count):
                if (count is <= 0 or > MaxQuantity)
                {
                    throw new DomainException(Errors.InvalidQuantity, $"'quantity' must be more than 0 and at most {MaxQuantity}; it was {count}.", "quantity", ("max", MaxQuantity), ("value", count));
                }

                var trimmed = Fields.PublicText(unit, "unit", UnitMaxLength);
                return string.Equals(trimmed, NeedLifecycle.MoneyUnit, StringComparison.OrdinalIgnoreCase)
                    ? throw new DomainException(Errors.InvalidUnit, "Give money as 'amountFen', not as a quantity of fen.", "unit")
                    : (count, trimmed);
            case (null, null):
                throw new DomainException(Errors.Required, "Give what the need asks: 'amountFen' for money, or 'quantity' with 'unit'.", "amountFen");
            default:
                throw new DomainException(Errors.AmbiguousAmount, "Give either 'amountFen' or 'quantity' with 'unit', not both.", "quantity");
        }
    }

    private void RequirePending(string what)
    {
        if (Status != NeedStatus.PendingReview)
        {
            throw Transition(what, "only a need pending review is");
        }
    }

    private DomainException Transition(string what, string rule) =>
        new(Errors.InvalidTransition, $"Need {Code} is {Status} and cannot be {what}: {rule}.", "need", ("record", "Need"), ("code", Code), ("status", Status));
}

/// <summary>A reviewer's decision on a need pending review.</summary>
[Description("A reviewer's decision on a need pending review.")]
public enum NeedReviewDecision
{
    [Description("Approve the need: it becomes public and open for pledges.")]
    Approve = 1,
    [Description("Reject the need, with a reason.")]
    Reject = 2,
}

[Description("The kind of need: education, medical aid, housing, industry, jobs, skills training, daily necessities, infrastructure, product purchase.")]
public enum NeedCategory
{
    [Description("Education aid (教育助学).")]
    Education = 1,
    [Description("Medical aid (医疗救助).")]
    Medical = 2,
    [Description("Housing repair (危房改造).")]
    Housing = 3,
    [Description("Industry development (产业发展).")]
    Industry = 4,
    [Description("Jobs (转移就业).")]
    Jobs = 5,
    [Description("Skills training (技能培训).")]
    SkillsTraining = 6,
    [Description("Daily necessities (生活必需品).")]
    DailyNecessities = 7,
    [Description("Infrastructure (基础设施).")]
    Infrastructure = 8,
    [Description("Product purchase (消费扶贫).")]
    ProductPurchase = 9,
}

[Description("How urgent a need is, from low to urgent.")]
public enum NeedPriority
{
    [Description("Low.")]
    Low = 1,
    [Description("Normal.")]
    Normal = 2,
    [Description("High.")]
    High = 3,
    [Description("Urgent.")]
    Urgent = 4,
}

/// <summary>draft → pending review → open → partly pledged → fully pledged → fulfilled → closed; rejected; expired.</summary>
[Description("The need lifecycle: draft → pending review → open → partly pledged → fully pledged → fulfilled → closed, or rejected / expired.")]
public enum NeedStatus
{
    [Description("Being written; not public.")]
    Draft = 1,
    [Description("Waiting for a reviewer; not public.")]
    PendingReview = 2,
    [Description("Approved and open for pledges.")]
    Open = 3,
    [Description("Partly pledged.")]
    PartlyPledged = 4,
    [Description("Fully pledged.")]
    FullyPledged = 5,
    [Description("Everything asked was received by the village.")]
    Fulfilled = 6,
    [Description("Closed.")]
    Closed = 7,
    [Description("Rejected by a reviewer, with a reason.")]
    Rejected = 8,
    [Description("The deadline passed before it was fully pledged.")]
    Expired = 9,
}
