using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;

namespace OpenAid.Api.Objections;

[Description("An objection to a notice during its notice period, or a report of misuse at any time. Anyone may file, anonymously if they wish.")]
public sealed record FileObjectionInput
{
    [Description("The code of the notice objected to; leave out for a misuse report.")]
    public string? Notice { get; init; }

    [Description("For a misuse report, the region concerned (a statistical code); leave out when objecting to a notice.")]
    public string? Region { get; init; }

    [Description("The kind of violation.")]
    public required ObjectionCategory Category { get; init; }

    [Description("What happened. This is public: describe facts, not people; ID numbers, mobile numbers and e-mail addresses are refused.")]
    public required string Description { get; init; }

    [Description("Optional. A name to reach you by; never public, seen by auditors only.")]
    public string? ContactName { get; init; }

    [Description("Optional. A phone number to reach you on; never public, seen by auditors only.")]
    public string? ContactPhone { get; init; }
}

[Description("An objection a reviewer starts to investigate.")]
public sealed record StartInvestigationInput
{
    [Description("The objection's code.")]
    public required string Objection { get; init; }
}

[Description("The public answer to an objection under investigation.")]
public sealed record AnswerObjectionInput
{
    [Description("The objection's code.")]
    public required string Objection { get; init; }

    [Description("The findings and what was done (public; no personal data).")]
    public required string Answer { get; init; }

    [Description("Optional. What the answer found: UPHELD, PARTLY_UPHELD or NOT_UPHELD (public). An upheld or partly upheld objection to an EXIT notice blocks the exit's confirmation.")]
    public ObjectionFinding? Finding { get; init; }

    [Description("Optional. Money recovered because of the objection (追回资金), in fen; only with an UPHELD or PARTLY_UPHELD finding, and then with the RECOVERY measure (and RECOVERY only with money recovered).")]
    public long? MoneyRecoveredFen { get; init; }

    [Description("Optional. The measures taken (public): CORRECTION, RECOVERY, DISCIPLINARY_ACTION, REFERRAL; only with an UPHELD or PARTLY_UPHELD finding.")]
    public IReadOnlyList<ObjectionMeasure>? Measures { get; init; }

    [Description("Optional. The code of the notice in force that corrects what was objected to, published for the objection's region, a place below it or above it; only with an UPHELD or PARTLY_UPHELD finding.")]
    public string? CorrectingNotice { get; init; }
}

[Description("An objection whose description a reviewer hides, e.g. for abuse, with a public reason.")]
public sealed record HideObjectionDescriptionInput
{
    [Description("The objection's code.")]
    public required string Objection { get; init; }

    [Description("Why the description is hidden (public; no personal data). The text itself stays in the restricted record.")]
    public required string Reason { get; init; }
}

[Description("An objection to reject, with a public reason.")]
public sealed record RejectObjectionInput
{
    [Description("The objection's code.")]
    public required string Objection { get; init; }

    [Description("Why it is rejected (public; no personal data).")]
    public required string Reason { get; init; }
}

/// <summary>
/// Anyone files objections, within daily caps ("Objections:MaxPerRegionPerDay", "Objections:MaxPerClientPerDay");
/// reviewers of the region investigate, answer or reject them, and may hide an abusive description.
/// </summary>
public sealed class ObjectionOperations(IConfiguration configuration, IHttpContextAccessor http, TimeProvider clock) : IOperations
{
    private readonly FilingClients _clients = new(http, clock);

    /// <summary>
    /// The audit trail is public, so a filing is recorded without the filer, whether signed in or not, and dated by
    /// the day only: complainants are protected.
    /// </summary>
    private static readonly AuditActor Complainant = new(Actor.Anonymous.Subject, "Anonymous", null, DatedByDay: true);

    private readonly ObjectionCaps _caps = new(
        configuration.GetValue("Objections:MaxPerRegionPerDay", ObjectionCaps.Defaults.PerRegionPerDay),
        configuration.GetValue("Objections:MaxPerClientPerDay", ObjectionCaps.Defaults.PerClientPerDay));

    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<FileObjectionInput, ObjectionType>(
            "fileObjection", Roles.Anyone, "Files an objection to a notice (while it takes objections: until its notice period ends, or for good at county level and above) or a misuse report. Open to everyone, signed in or not; the filer is never recorded publicly.",
            "The objection.", "objection", "The objection filed; keep its code to follow the answer.")
            .Handle(FileAsync);
        operations.Mutation<StartInvestigationInput, ObjectionType>(
            "startInvestigation", Roles.Reviewer, "Starts investigating a received objection (Reviewer of its region).",
            "The objection.", "objection", "The objection, now under investigation.")
            .Handle(StartInvestigationAsync);
        operations.Mutation<AnswerObjectionInput, ObjectionType>(
            "answerObjection", Roles.Reviewer, "Answers an objection under investigation, publicly (Reviewer of its region), with what it found and what it changed: money recovered, measures taken and the correcting notice, for an upheld or partly upheld objection.",
            "The objection and the answer.", "objection", "The objection with its public answer.")
            .Handle(AnswerAsync);
        operations.Mutation<RejectObjectionInput, ObjectionType>(
            "rejectObjection", Roles.Reviewer, "Rejects a received or investigated objection with a public reason (Reviewer of its region).",
            "The objection and the reason.", "objection", "The objection, rejected with its reason.")
            .Handle(RejectAsync);
        operations.Mutation<HideObjectionDescriptionInput, ObjectionType>(
            "hideObjectionDescription", Roles.Reviewer, "Hides an abusive objection description from the public with a public reason (Reviewer of its region). The text stays in the restricted record; the audit trail holds only its digest.",
            "The objection and the reason.", "objection", "The objection, its description hidden.")
            .Handle(HideDescriptionAsync);
    }

    private async Task<Objection> FileAsync(WriteContext write, FileObjectionInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        db.Actor = Complainant;
        var notice = input.Notice is { } code ? await Lookups.ByCodeAsync(NoticeQueries.Public(db).AsNoTracking(), code, "notice", ct) : null;
        var region = input.Region is { } regionCode ? (await Lookups.RegionAsync(db, regionCode, "region", ct)).Code : (long?)null;
        var today = write.Today;
        var objection = Objection.File(
            await write.NextCodeAsync(Objection.CodeKind, notice?.RegionCode ?? region ?? 0, today.Year, db.Objections.Select(o => o.Code)),
            notice, region, input.Category, input.Description, input.ContactName, input.ContactPhone, today);
        // Counted once the filing is valid, so that a typo does not use up the day.
        var fromClient = _clients.CountToday();
        var inRegion = await db.Objections.CountAsync(o => o.RegionCode == objection.RegionCode && o.FiledAt == objection.FiledAt, ct);
        ObjectionRules.RequireWithinCaps(_caps, inRegion, fromClient);
        db.Objections.Add(objection);
        return objection;
    }

    private static async Task<Objection> StartInvestigationAsync(WriteContext write, StartInvestigationInput input)
    {
        var objection = await InRegionAsync(write, input.Objection);
        objection.StartInvestigation(write.Now);
        return objection;
    }

    private static async Task<Objection> AnswerAsync(WriteContext write, AnswerObjectionInput input)
    {
        var objection = await InRegionAsync(write, input.Objection);
        var correcting = input.CorrectingNotice is { } code ? await Lookups.ByCodeAsync(NoticeQueries.Public(write.Db).AsNoTracking(), code, "correctingNotice", write.Cancellation) : null;
        var outcome = new ObjectionOutcome(input.MoneyRecoveredFen ?? 0, input.Measures ?? [], correcting);
        objection.Respond(input.Answer, await AnsweringUnitAsync(write, objection.RegionCode), write.Now, input.Finding, outcome);
        return objection;
    }

    private static async Task<Objection> RejectAsync(WriteContext write, RejectObjectionInput input)
    {
        var objection = await InRegionAsync(write, input.Objection);
        objection.Reject(input.Reason, await AnsweringUnitAsync(write, objection.RegionCode), write.Now);
        return objection;
    }

    private static async Task<Objection> HideDescriptionAsync(WriteContext write, HideObjectionDescriptionInput input)
    {
        var objection = await InRegionAsync(write, input.Objection);
        objection.HideDescription(input.Reason, await AnsweringUnitAsync(write, objection.RegionCode), write.Now);
        return objection;
    }

    private static async Task<Objection> InRegionAsync(WriteContext write, string code)
    {
        var objection = await Lookups.ByCodeAsync(write.Db.Objections, code, "objection", write.Cancellation);
        write.RequireInScope(objection.RegionCode);
        return objection;
    }

    /// <summary>Officials appear by unit and role, never by name: the caller's organisation, else its region.</summary>
    private static async Task<string> AnsweringUnitAsync(WriteContext write, long regionCode)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var organization = write.OrganizationFor(regionCode);
        var grantRegion = write.Actor.GrantsOf(write.Role).Where(g => g.Covers(regionCode)).Select(g => g.Region?.Value).OrderDescending().FirstOrDefault();
        var unit = await db.Organizations.Where(o => o.Code == organization).Select(o => o.Name).FirstOrDefaultAsync(ct)
            ?? await db.Regions.Where(r => r.Code == grantRegion).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return unit is null ? "审核员" : $"{unit} · 审核员";
    }
}
