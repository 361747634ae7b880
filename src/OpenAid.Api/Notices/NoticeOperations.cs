using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;

namespace OpenAid.Api.Notices;

/// <summary>The descriptions of the input fields the notice inputs share, so each is written once.</summary>
internal static class NoticeFields
{
    public const string Title = "The notice's title (public; no personal data).";
    public const string Body = "The full text (public; counts and anonymised descriptions only, no ID numbers, mobiles or e-mail addresses).";
    public const string DecidedOn = "The date of the fund allocation or decision the notice reports; not in the future. Publication more than 15 working days later is flagged late.";

    // The bounds are NoticeRules.MinimumNoticePeriodDays and NoticeRules.MaxNoticePeriodDays; an attribute cannot format them.
    public const string NoticePeriodDays = "Days open for objections: required for township and village notices, 10 to 365; must be absent for county level and above, which stay public for good.";
    public const string LocalSupervisionPhone = "The publisher's local supervision number: an office landline (e.g. \"0776-7612317\") or a 12xxx service number, never a mobile.";
    public const string Funds = "Codes of the funds the notice is about; required for a fund notice. A fund held above the caller's region counts as within it once allocated to a project there. ";
    public const string Projects = "Codes of the projects the notice is about; required for a project notice. ";
    public const string NewSubjects = "Each must lie within the notice's region, or contain it, and within the caller's region. Fixed once drafted.";
    public const string SameSubjects = "Absent: the same as the corrected notice's.";
    public const string Draft = "The draft's provisional code (CG-…).";
}

/// <summary>The text of a notice that a draft, a draft edit and a correction all carry, declared once.</summary>
public abstract record NoticeTextInput
{
    [Description(NoticeFields.Title)]
    public required string Title { get; init; }

    [Description(NoticeFields.Body)]
    public required string Body { get; init; }

    [Description(NoticeFields.DecidedOn)]
    public required DateOnly DecidedOn { get; init; }

    [Description(NoticeFields.NoticePeriodDays)]
    public int? NoticePeriodDays { get; init; }

    [Description(NoticeFields.LocalSupervisionPhone)]
    public required string LocalSupervisionPhone { get; init; }
}

[Description("A new notice draft. Drafts are never public and can be edited until published.")]
public sealed record DraftNoticeInput : NoticeTextInput
{
    [Description("What the notice is about.")]
    public required NoticeKind Kind { get; init; }

    [Description("The region the notice is for; must be within the caller's region. Township and village notices run a notice period.")]
    public required string Region { get; init; }

    [Description(NoticeFields.Funds + NoticeFields.NewSubjects)]
    public IReadOnlyList<string>? Funds { get; init; }

    [Description(NoticeFields.Projects + NoticeFields.NewSubjects)]
    public IReadOnlyList<string>? Projects { get; init; }
}

[Description("New text for a notice that is still a draft. Published notices are never edited: correct them with supersedeNotice.")]
public sealed record UpdateDraftNoticeInput : NoticeTextInput
{
    [Description(NoticeFields.Draft)]
    public required string Notice { get; init; }

}

[Description("A draft to publish today.")]
public sealed record PublishNoticeInput
{
    [Description(NoticeFields.Draft)]
    public required string Notice { get; init; }
}

[Description("A correction: a new notice, published today, that replaces a published one. Kind and region are the corrected notice's.")]
public sealed record SupersedeNoticeInput : NoticeTextInput
{
    [Description("The code of the published notice to correct.")]
    public required string Notice { get; init; }

    [Description("Why the correction was needed (public).")]
    public required string Reason { get; init; }

    [Description(NoticeFields.Funds + NoticeFields.SameSubjects)]
    public IReadOnlyList<string>? Funds { get; init; }

    [Description(NoticeFields.Projects + NoticeFields.SameSubjects)]
    public IReadOnlyList<string>? Projects { get; init; }
}

[Description("A published notice to withdraw. It stays public, with the reason.")]
public sealed record WithdrawNoticeInput
{
    [Description("The code of the published notice.")]
    public required string Notice { get; init; }

    [Description("Why the notice is withdrawn (public).")]
    public required string Reason { get; init; }
}

/// <summary>
/// Notices are drafted, published, corrected by a superseding notice, or withdrawn; a published notice is never
/// edited, so there is deliberately no mutation that changes one's text.
/// </summary>
public sealed class NoticeOperations(IConfiguration configuration) : IOperations
{
    private readonly WorkingDays _calendar = NoticeCalendar.From(configuration);

    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<DraftNoticeInput, NoticeType>(
            "draftNotice", Roles.Publisher, "Drafts a notice for a region within the caller's (Publisher). The draft gets a provisional code (CG-…); publishing gives it its notice number (GS-…).",
            "The draft.", "notice", "The draft, with its provisional code.")
            .Handle(DraftAsync);
        operations.Mutation<UpdateDraftNoticeInput, NoticeType>(
            "updateDraftNotice", Roles.Publisher, "Replaces the text of a draft (Publisher of its region). Refused once the notice is published: published notices are immutable.",
            "The draft and its new text.", "notice", "The edited draft.")
            .Handle(UpdateDraftAsync);
        operations.Mutation<PublishNoticeInput, NoticeType>(
            "publishNotice", Roles.Publisher, "Publishes a draft today (Publisher of its region). Publication more than 15 working days after the decision is allowed but flagged late, with the delay.",
            "The draft.", "notice", "The published notice, with its notice number and lateness.")
            .Handle(PublishAsync);
        operations.Mutation<SupersedeNoticeInput, NoticeType>(
            "supersedeNotice", Roles.Publisher, "Corrects a published notice (Publisher of its region): publishes a new notice that points at it, with the reason. The old notice stays public, marked superseded.",
            "The correction.", "notice", "The correction; its 'supersedes' is the replaced notice.")
            .Handle(SupersedeAsync);
        operations.Mutation<WithdrawNoticeInput, NoticeType>(
            "withdrawNotice", Roles.Publisher, "Withdraws a published notice (Publisher of its region). It stays public with the reason; nothing published is deleted.",
            "The notice and the reason.", "notice", "The withdrawn notice, still public.")
            .Handle(WithdrawAsync);
    }

    private static async Task<Notice> DraftAsync(WriteContext write, DraftNoticeInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var publisher = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(region.Code), ct);
        var fundCodes = Notice.SubjectCodes(input.Funds, "funds");
        var projectCodes = Notice.SubjectCodes(input.Projects, "projects");
        var notice = Notice.Draft(
            await write.NextCodeAsync(Notice.DraftCodeKind, region.Code, write.Today.Year, db.Notices.Select(n => n.Code)), input.Kind, region, publisher.Id, Text(input), write.Today,
            await FundsAsync(write, fundCodes), await ProjectsAsync(write, projectCodes));
        db.Notices.Add(notice);
        return notice;
    }

    private static async Task<Notice> UpdateDraftAsync(WriteContext write, UpdateDraftNoticeInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var notice = await write.InScopeAsync(db.Notices, input.Notice, "notice");
        notice.UpdateDraft(await db.Regions.AsNoTracking().SingleAsync(r => r.Code == notice.RegionCode, ct), Text(input), write.Today);
        return notice;
    }

    private async Task<Notice> PublishAsync(WriteContext write, PublishNoticeInput input)
    {
        var db = write.Db;
        var notice = await write.InScopeAsync(db.Notices, input.Notice, "notice");
        notice.Publish(await write.NextCodeAsync(Notice.CodeKind, notice.RegionCode, write.Today.Year, db.Notices.Select(n => n.Code)), write.Today, _calendar);
        return notice;
    }

    private async Task<Notice> SupersedeAsync(WriteContext write, SupersedeNoticeInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var old = await write.InScopeAsync(db.Notices, input.Notice, "notice");
        old.RequireNoExit(await ExitOfAsync(write, old), "corrected");
        var publisher = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(old.RegionCode), ct);
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == old.RegionCode, ct);
        var funds = input.Funds is { } fundCodes
            ? await FundsAsync(write, Notice.SubjectCodes(fundCodes, "funds"))
            : await db.Funds.AsNoTracking().Where(f => db.NoticeFunds.Any(x => x.NoticeId == old.Id && x.FundId == f.Id)).ToListAsync(ct);
        var projects = input.Projects is { } projectCodes
            ? await ProjectsAsync(write, Notice.SubjectCodes(projectCodes, "projects"))
            : await db.Projects.AsNoTracking().Where(p => db.NoticeProjects.Any(x => x.NoticeId == old.Id && x.ProjectId == p.Id)).ToListAsync(ct);
        var correction = old.Supersede(
            await write.NextCodeAsync(Notice.CodeKind, old.RegionCode, write.Today.Year, db.Notices.Select(n => n.Code)), publisher.Id, region, input.Reason, Text(input),
            funds, projects, write.Today, _calendar);
        db.Notices.Add(correction);

        // The old notice can point at its correction only once the correction has a key; both saves share the transaction.
        await db.SaveChangesAsync(ct);
        old.PointAt(correction);
        return correction;
    }

    private static async Task<Notice> WithdrawAsync(WriteContext write, WithdrawNoticeInput input)
    {
        var notice = await write.InScopeAsync(write.Db.Notices, input.Notice, "notice");
        notice.RequireNoExit(await ExitOfAsync(write, notice), "withdrawn");
        notice.Withdraw(input.Reason);
        return notice;
    }

    private static Task<string?> ExitOfAsync(WriteContext write, Notice notice) =>
        write.Db.Exits.Where(e => e.NoticeId == notice.Id).Select(e => (string?)e.Code).FirstOrDefaultAsync(write.Cancellation);

    private static NoticeText Text(NoticeTextInput input) =>
        new(input.Title, input.Body, input.DecidedOn, input.NoticePeriodDays, input.LocalSupervisionPhone);

    /// <summary>The funds a notice reports: each within the publisher's region, or allocated to a project within it.</summary>
    private static async Task<List<Fund>> FundsAsync(WriteContext write, IReadOnlyList<string> codes)
    {
        var found = new List<Fund>(codes.Count);
        foreach (var code in codes)
        {
            found.Add(await write.InScopeAsync(write.Db.Funds.AsNoTracking(), code, "funds", write.FundReachesScopeAsync));
        }

        return found;
    }

    /// <summary>The projects a notice reports: each within the publisher's region.</summary>
    private static async Task<List<Project>> ProjectsAsync(WriteContext write, IReadOnlyList<string> codes)
    {
        var found = new List<Project>(codes.Count);
        foreach (var code in codes)
        {
            found.Add(await write.InScopeAsync(write.Db.Projects.AsNoTracking(), code, "projects"));
        }

        return found;
    }
}
