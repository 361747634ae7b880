using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Notices;

/// <summary>
/// A formal publication (公告公示). Once published it is immutable: a correction is a new notice that
/// supersedes it, a withdrawal keeps it visible with the reason.
/// </summary>
public class Notice : IPlaced, IPublishable
{
    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 20000;
    public const int PhoneMaxLength = 20;
    public const int ReasonMaxLength = 1000;

    /// <summary>The national supervision hotline printed on every notice.</summary>
    public const string NationalSupervisionPhone = "12317";

    /// <summary>The register prefix of drafts' provisional codes ("CG-451021-2019-0003").</summary>
    public const string DraftCodeKind = "CG";

    /// <summary>The register prefix of notice numbers ("GS-451021-2019-0031").</summary>
    public const string CodeKind = "GS";

    private Notice()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable, citable notice number, e.g. "GS-451021-2019-0031".</summary>
    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public NoticeKind Kind { get; private set; }

    public int PublisherOrganizationId { get; private set; }

    public long RegionCode { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>The date of the fund allocation or decision the notice reports.</summary>
    public DateOnly DecidedOn { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Days open for objections; null where the region level has no notice period.</summary>
    public int? NoticePeriodDays { get; private set; }

    /// <summary>The national supervision hotline, 12317.</summary>
    public string SupervisionPhone { get; private set; } = NationalSupervisionPhone;

    /// <summary>The local supervision number of the publisher (an office line, never a private mobile).</summary>
    public string? LocalSupervisionPhone { get; private set; }

    public NoticeStatus Status { get; private set; }

    public bool IsPublic => Status != NoticeStatus.Draft;

    /// <summary>Working days published after the 15-working-day deadline; 0 when on time.</summary>
    public int WorkingDaysLate { get; private set; }

    public int? SupersedesNoticeId { get; private set; }

    public int? SupersededByNoticeId { get; private set; }

    /// <summary>Why this notice corrects the one it supersedes.</summary>
    public string? CorrectionReason { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public List<NoticeFund> Funds { get; private set; } = [];

    public List<NoticeProject> Projects { get; private set; } = [];

    public bool IsDemo { get; private set; }

    public bool IsLate => WorkingDaysLate > 0;

    public DateOnly? NoticePeriodEndsOn =>
        PublishedOn is { } published && NoticePeriodDays is { } days ? published.AddDays(days) : null;

    /// <summary>
    /// The codes of the funds or projects a caller names, checked for their number before anyone looks them up;
    /// duplicates count once.
    /// </summary>
    public static IReadOnlyList<string> SubjectCodes(IReadOnlyList<string>? codes, string field)
    {
        codes ??= [];
        RequireAtMostMaxSubjects(codes.Count, field);
        return [.. codes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A new draft for <paramref name="region"/> under a provisional code: never public, editable until published.
    /// Each fund and project must lie within the region or contain it; a fund notice names a fund, a project notice a
    /// project. The subjects are fixed once drafted.
    /// </summary>
    public static Notice Draft(
        string code, NoticeKind kind, Region region, int publisherOrganizationId, NoticeText text, DateOnly today,
        IReadOnlyCollection<Fund> funds, IReadOnlyCollection<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(region);
        var notice = new Notice
        {
            Code = code,
            Kind = kind,
            RegionCode = region.Code,
            PublisherOrganizationId = publisherOrganizationId,
            Status = NoticeStatus.Draft,
        };
        notice.ApplyText(region, text, today);
        notice.AttachSubjects(region, funds, projects);
        return notice;
    }

    /// <summary>Replaces the text of a draft. <paramref name="region"/> is the notice's own, whose level sets the notice period.</summary>
    public void UpdateDraft(Region region, NoticeText text, DateOnly today)
    {
        RequireDraft();
        ApplyText(region, text, today);
    }

    /// <summary>
    /// Publishes the draft on <paramref name="publishedOn"/> under its notice number. Publication more than
    /// <see cref="NoticeRules.PublicationDeadlineWorkingDays"/> working days after the decision is allowed but
    /// recorded as late, counted on <paramref name="calendar"/>.
    /// </summary>
    public void Publish(string code, DateOnly publishedOn, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireDraft();
        Status = NoticeStatus.Published;
        PublishedOn = publishedOn;
        WorkingDaysLate = NoticeRules.WorkingDaysLate(DecidedOn, publishedOn, calendar);
        Code = code;
    }

    /// <summary>
    /// What publishing this draft on <paramref name="publishedOn"/> would record, as <see cref="Publish"/> counts it: the
    /// lateness, the last on-time day and the end of the notice period. Changes nothing.
    /// </summary>
    public PublicationPreview PreviewPublication(DateOnly publishedOn, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireDraft();
        return new PublicationPreview(
            publishedOn,
            NoticeRules.PublicationDeadline(DecidedOn, calendar),
            NoticeRules.WorkingDaysLate(DecidedOn, publishedOn, calendar),
            NoticePeriodDays is { } days ? publishedOn.AddDays(days) : null);
    }

    /// <summary>
    /// Corrects this published notice: a new notice of the same kind and region, published on
    /// <paramref name="publishedOn"/> with the reason, that supersedes this one, which stays public. The database
    /// gives the correction its key on saving; <see cref="PointAt"/> then records the link back.
    /// </summary>
    public Notice Supersede(
        string code, int publisherOrganizationId, Region region, string reason, NoticeText text,
        IReadOnlyCollection<Fund> funds, IReadOnlyCollection<Project> projects, DateOnly publishedOn, WorkingDays calendar)
    {
        RequireInForce("corrected");
        RequireOwnRegion(region);
        var correction = new Notice
        {
            Kind = Kind,
            RegionCode = RegionCode,
            PublisherOrganizationId = publisherOrganizationId,
            Status = NoticeStatus.Draft,
            SupersedesNoticeId = Id,
            CorrectionReason = Fields.PublicText(reason, "reason", ReasonMaxLength),
        };
        correction.ApplyText(region, text, publishedOn);
        correction.AttachSubjects(region, funds, projects);
        correction.Publish(code, publishedOn, calendar);
        Status = NoticeStatus.Superseded;
        return correction;
    }

    /// <summary>Points this superseded notice at its correction, once the correction has its key.</summary>
    public void PointAt(Notice correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        if (Status != NoticeStatus.Superseded || correction.Id == 0 || correction.SupersedesNoticeId != Id)
        {
            throw new InvalidOperationException($"Notice {correction.Code} is not the stored correction of notice {Code}.");
        }

        SupersededByNoticeId = correction.Id;
    }

    /// <summary>
    /// An EXIT notice that an exit record rests on is corrected or withdrawn only with the exit: its notice period and
    /// the objections to it decide the exit, so a new notice means a new proposal. <paramref name="exitCode"/> is the
    /// code of the exit published as this notice, if any.
    /// </summary>
    public void RequireNoExit(string? exitCode, string what)
    {
        if (exitCode is not null)
        {
            throw new DomainException(
                Errors.NoticeOfAnExit,
                $"Notice {Code} is the notice of exit {exitCode}; it cannot be {what} on its own. Withdraw the exit with withdrawExit and propose it again.",
                "notice", ("notice", Code), ("exit", exitCode));
        }
    }

    /// <summary>Withdraws the notice in force; it stays public with the reason.</summary>
    public void Withdraw(string reason)
    {
        RequireInForce("withdrawn");
        WithdrawalReason = Fields.PublicText(reason, "reason", ReasonMaxLength);
        Status = NoticeStatus.Withdrawn;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    private void ApplyText(Region region, NoticeText text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireOwnRegion(region);
        Title = Fields.PublicText(text.Title, "title", TitleMaxLength);
        Body = Fields.PublicText(text.Body, "body", BodyMaxLength);
        DecidedOn = text.DecidedOn <= today && text.DecidedOn.Year >= Fields.MinYear
            ? text.DecidedOn
            : throw new DomainException(Errors.InvalidDate, $"'decidedOn' ({text.DecidedOn:yyyy-MM-dd}) must be a date from {Fields.MinYear} up to today ({today:yyyy-MM-dd}).", "decidedOn", ("date", text.DecidedOn), ("minYear", Fields.MinYear), ("today", today));
        NoticePeriodDays = NoticePeriod(region, text.NoticePeriodDays);
        LocalSupervisionPhone = OfficePhone(text.LocalSupervisionPhone);
    }

    private static int? NoticePeriod(Region region, int? days)
    {
        const string field = "noticePeriodDays";
        var level = region.Level.ToString().ToLowerInvariant();
        if (!NoticeRules.HasNoticePeriod(region.Level))
        {
            return days is null
                ? null
                : throw new DomainException(Errors.NoticePeriodNotApplicable, $"{region.Name} is a {level}: notices at county level and above have no notice period, they stay public for good. Leave '{field}' out.", field, ("regionName", region.Name), ("level", region.Level));
        }

        return days switch
        {
            null => throw new DomainException(Errors.Required, $"A {level} notice runs a notice period of at least {NoticeRules.MinimumNoticePeriodDays} days; give '{field}'.", field, ("level", region.Level), ("min", NoticeRules.MinimumNoticePeriodDays)),
            < NoticeRules.MinimumNoticePeriodDays => throw new DomainException(Errors.NoticePeriodTooShort, $"Township and village notices run at least {NoticeRules.MinimumNoticePeriodDays} days for objections; '{field}' was {days}.", field, ("min", NoticeRules.MinimumNoticePeriodDays), ("days", days)),
            > NoticeRules.MaxNoticePeriodDays => throw new DomainException(Errors.NoticePeriodTooLong, $"'{field}' may be at most {NoticeRules.MaxNoticePeriodDays}; it was {days}.", field, ("max", NoticeRules.MaxNoticePeriodDays), ("days", days)),
            _ => days,
        };
    }

    private static string OfficePhone(string? phone)
    {
        const string field = "localSupervisionPhone";
        var text = Fields.PublicText(phone, field, PhoneMaxLength);
        return Notices.SupervisionPhone.IsOfficeNumber(text)
            ? text
            : throw new DomainException(Errors.InvalidPhone, $"'{field}' must be an office landline such as 0776-7612317 or a 12xxx service number; it was '{text}'.", field, ("expected", "OFFICE_LINE"), ("value", text));
    }

    private void AttachSubjects(Region region, IReadOnlyCollection<Fund> funds, IReadOnlyCollection<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(funds);
        ArgumentNullException.ThrowIfNull(projects);
        RequireAtMostMaxSubjects(funds.Count, "funds");
        RequireAtMostMaxSubjects(projects.Count, "projects");
        foreach (var fund in funds.DistinctBy(f => f.Id))
        {
            RequireRelated(region, fund.RegionCode, $"Fund {fund.Code}", "funds");
            Funds.Add(new NoticeFund { FundId = fund.Id });
        }

        foreach (var project in projects.DistinctBy(p => p.Id))
        {
            RequireRelated(region, project.RegionCode, $"Project {project.Code}", "projects");
            Projects.Add(new NoticeProject { ProjectId = project.Id });
        }

        if (Kind == NoticeKind.Fund && Funds.Count == 0)
        {
            throw new DomainException(Errors.SubjectRequired, "A fund notice names at least one fund.", "funds");
        }

        if (Kind == NoticeKind.Project && Projects.Count == 0)
        {
            throw new DomainException(Errors.SubjectRequired, "A project notice names at least one project.", "projects");
        }

        if (Kind == NoticeKind.Policy && Funds.Count + Projects.Count > 0)
        {
            throw new DomainException(Errors.SubjectNotApplicable, "A policy notice is about the policy: it names no funds or projects; its entitlements point at it.", Funds.Count > 0 ? "funds" : "projects");
        }
    }

    private static void RequireAtMostMaxSubjects(int count, string field)
    {
        if (count > NoticeRules.MaxSubjects)
        {
            throw new DomainException(Errors.TooMany, $"A notice may name at most {NoticeRules.MaxSubjects} {field}; {count} were given.", field, ("max", NoticeRules.MaxSubjects), ("count", count));
        }
    }

    /// <summary>A village notice may report a county fund, and a county notice a village project; unrelated places may not.</summary>
    private static void RequireRelated(Region region, long subjectRegion, string subject, string field)
    {
        if (!region.RegionCode.Contains(subjectRegion) && !Regions.RegionCode.Of(subjectRegion).Contains(region.Code))
        {
            throw new DomainException(Errors.SubjectOutsideRegion, $"{subject} belongs to region {subjectRegion:D12}, which neither lies within nor contains {region.Name}.", field, ("subject", subject), ("subjectRegion", subjectRegion.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)), ("regionName", region.Name));
        }
    }

    private void RequireOwnRegion(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Code != RegionCode)
        {
            throw new ArgumentException($"Region {region.Code:D12} is not the region of notice {Code}.", nameof(region));
        }
    }

    private void RequireDraft()
    {
        if (Status != NoticeStatus.Draft)
        {
            throw new DomainException(
                Errors.NoticeNotDraft,
                $"Notice {Code} is {Status.ToString().ToLowerInvariant()}, not a draft. Published notices are never edited: correct one with supersedeNotice or withdraw it with withdrawNotice.",
                "notice", ("record", "Notice"), ("code", Code), ("status", Status));
        }
    }

    private void RequireInForce(string what)
    {
        if (Status != NoticeStatus.Published)
        {
            throw new DomainException(
                Errors.NoticeNotPublished,
                Status == NoticeStatus.Draft
                    ? $"Notice {Code} is a draft; only a published notice can be {what}. Edit the draft with updateDraftNotice."
                    : $"Notice {Code} is {Status.ToString().ToLowerInvariant()}; only the notice in force can be {what}.",
                "notice", ("code", Code), ("status", Status));
        }
    }
}

/// <summary>The text a draft, a draft edit and a correction carry; the notice checks it when it takes it.</summary>
public sealed record NoticeText(string Title, string Body, DateOnly DecidedOn, int? NoticePeriodDays, string LocalSupervisionPhone);

/// <summary>What a draft's publication would record (<see cref="Notice.PreviewPublication"/>).</summary>
public sealed record PublicationPreview(DateOnly PublishedOn, DateOnly OnTimeUntil, int WorkingDaysLate, DateOnly? NoticePeriodEndsOn)
{
    public bool IsLate => WorkingDaysLate > 0;
}

/// <summary>A fund a notice is about (a link, set once).</summary>
public class NoticeFund
{
    public int NoticeId { get; init; }

    public int FundId { get; init; }
}

/// <summary>A project a notice is about (a link, set once).</summary>
public class NoticeProject
{
    public int NoticeId { get; init; }

    public int ProjectId { get; init; }
}
