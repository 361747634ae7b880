namespace OpenAid.Domain.Notices;

/// <summary>
/// A formal publication (公告公示). Once published it is immutable: a correction is a new notice that
/// supersedes it, a withdrawal keeps it visible with the reason.
/// </summary>
public class Notice
{
    public int Id { get; set; }

    /// <summary>Stable, citable notice number, e.g. "GS-451021-2019-0031".</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public NoticeKind Kind { get; set; }

    public int PublisherOrganizationId { get; set; }

    public long RegionCode { get; set; }

    public required string Body { get; set; }

    /// <summary>The date of the fund allocation or decision the notice reports.</summary>
    public DateOnly DecidedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>Days open for objections; null where the region level has no notice period.</summary>
    public int? NoticePeriodDays { get; set; }

    /// <summary>The national supervision hotline, 12317.</summary>
    public string SupervisionPhone { get; set; } = "12317";

    /// <summary>The local supervision number of the publisher (an office line, never a private mobile).</summary>
    public string? LocalSupervisionPhone { get; set; }

    public NoticeStatus Status { get; set; }

    /// <summary>Working days published after the 15-working-day deadline; 0 when on time.</summary>
    public int WorkingDaysLate { get; set; }

    public int? SupersedesNoticeId { get; set; }

    public int? SupersededByNoticeId { get; set; }

    /// <summary>Why this notice corrects the one it supersedes.</summary>
    public string? CorrectionReason { get; set; }

    public string? WithdrawalReason { get; set; }

    public List<NoticeFund> Funds { get; set; } = [];

    public List<NoticeProject> Projects { get; set; } = [];

    public bool IsDemo { get; set; }

    public bool IsLate => WorkingDaysLate > 0;

    public DateOnly? NoticePeriodEndsOn =>
        PublishedOn is { } published && NoticePeriodDays is { } days ? published.AddDays(days) : null;
}

public class NoticeFund
{
    public int NoticeId { get; set; }

    public int FundId { get; set; }
}

public class NoticeProject
{
    public int NoticeId { get; set; }

    public int ProjectId { get; set; }
}
