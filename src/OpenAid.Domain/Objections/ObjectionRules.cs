using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;

namespace OpenAid.Domain.Objections;

/// <summary>When objections are taken, how they move, and the response deadline they are measured against.</summary>
public static class ObjectionRules
{
    /// <summary>
    /// Days within which an objection should be answered or rejected: the 60 days the State Council's
    /// 信访条例 (2005, art. 33) sets for handling a petition from its acceptance.
    /// </summary>
    public const int ResponseDeadlineDays = 60;

    /// <summary>
    /// A notice in force takes objections until its notice period ends. County-level and higher notices have no
    /// period: they stay public for good, and so do objections to them. Superseded and withdrawn notices take none;
    /// object to the correction instead, or report misuse without a notice.
    /// </summary>
    public static bool AcceptsObjections(Notice notice, DateOnly today) =>
        notice.Status == NoticeStatus.Published && (notice.NoticePeriodEndsOn is not { } end || today <= end);

    /// <summary>received → investigating → answered, or rejected from received or investigating.</summary>
    public static bool CanMove(ObjectionStatus from, ObjectionStatus to) => (from, to) switch
    {
        (ObjectionStatus.Received, ObjectionStatus.Investigating) => true,
        (ObjectionStatus.Investigating, ObjectionStatus.Answered) => true,
        (ObjectionStatus.Received or ObjectionStatus.Investigating, ObjectionStatus.Rejected) => true,
        _ => false,
    };

    public static bool IsOpen(ObjectionStatus status) => status is ObjectionStatus.Received or ObjectionStatus.Investigating;

    /// <summary>Days from filing to the public answer or rejection; null while the objection is open.</summary>
    public static double? DaysToRespond(DateTimeOffset filedAt, DateTimeOffset? answeredAt) =>
        answeredAt is { } answered ? (answered - filedAt).TotalDays : null;

    /// <summary>Answered late, or still open past the deadline.</summary>
    public static bool IsOverdue(DateTimeOffset filedAt, DateTimeOffset? answeredAt, DateTimeOffset now) =>
        ((answeredAt ?? now) - filedAt).TotalDays > ResponseDeadlineDays;

    /// <summary>
    /// Filing is open to everyone without signing in, so a flood is stopped by day: at most
    /// <see cref="ObjectionCaps.PerRegionPerDay"/> filings about one region, and <see cref="ObjectionCaps.PerClientPerDay"/>
    /// from one client. <paramref name="inRegionToday"/> and <paramref name="fromClientToday"/> count those before, and
    /// with, this one respectively.
    /// </summary>
    public static void RequireWithinCaps(ObjectionCaps caps, int inRegionToday, long fromClientToday)
    {
        if (fromClientToday > caps.PerClientPerDay)
        {
            throw new DomainException(Errors.TooManyObjections, $"At most {caps.PerClientPerDay} objections a day may be filed from where you file; try again tomorrow, or call the 12317 supervision line.", null, ("scope", "CLIENT"), ("max", caps.PerClientPerDay));
        }

        if (inRegionToday >= caps.PerRegionPerDay)
        {
            throw new DomainException(Errors.TooManyObjections, $"At most {caps.PerRegionPerDay} objections a day are taken about this region; try again tomorrow, or call the 12317 supervision line.", "region", ("scope", "REGION"), ("max", caps.PerRegionPerDay));
        }
    }
}

/// <summary>The daily caps on filing (see <see cref="ObjectionRules.RequireWithinCaps"/>).</summary>
public sealed record ObjectionCaps(int PerRegionPerDay, int PerClientPerDay)
{
    public static readonly ObjectionCaps Defaults = new(PerRegionPerDay: 200, PerClientPerDay: 20);
}
