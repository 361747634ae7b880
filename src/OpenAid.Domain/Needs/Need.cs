using System.ComponentModel;

namespace OpenAid.Domain.Needs;

/// <summary>
/// A need registered for a village (需求对接): public only once a named reviewer approved it, and never
/// pledged beyond what it asks.
/// </summary>
public class Need
{
    public int Id { get; set; }

    public required string Code { get; set; }

    /// <summary>The village (or township) the need is for.</summary>
    public long RegionCode { get; set; }

    public NeedCategory Category { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    /// <summary>What is asked: fen for money, otherwise a quantity in <see cref="Unit"/>.</summary>
    public long Requested { get; set; }

    /// <summary>"fen" for money, otherwise e.g. "套", "人", "吨".</summary>
    public required string Unit { get; set; }

    /// <summary>The sum of live pledges, kept in the same transaction as each pledge.</summary>
    public long Pledged { get; set; }

    /// <summary>The sum of deliveries the village confirmed as received.</summary>
    public long Received { get; set; }

    public DateOnly Deadline { get; set; }

    public NeedPriority Priority { get; set; }

    public int? ProjectId { get; set; }

    public int? PairingId { get; set; }

    public int RegisteredByOrganizationId { get; set; }

    public NeedStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The named reviewer who approved or rejected the need (public).</summary>
    public string? ReviewerName { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>Why a need over its category's cap was approved anyway (public).</summary>
    public string? CapOverrideReason { get; set; }

    /// <summary>Optimistic concurrency token: concurrent pledges cannot both take the last room.</summary>
    public int Version { get; set; }

    public bool IsDemo { get; set; }

    public long Remaining => Math.Max(0, Requested - Pledged);
}

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
