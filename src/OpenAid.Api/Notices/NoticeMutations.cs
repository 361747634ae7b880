using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Notices;

/// <summary>The text of a notice that a draft, a draft edit and a correction all carry.</summary>
public interface INoticeText
{
    string Title { get; }

    string Body { get; }

    DateOnly DecidedOn { get; }

    int? NoticePeriodDays { get; }

    string LocalSupervisionPhone { get; }
}

public sealed record DraftNoticeInput(
    NoticeKind Kind, string Region, string Title, string Body, DateOnly DecidedOn, int? NoticePeriodDays, string LocalSupervisionPhone,
    IReadOnlyList<string>? Funds, IReadOnlyList<string>? Projects) : INoticeText;

public sealed record UpdateDraftNoticeInput(
    string Notice, string Title, string Body, DateOnly DecidedOn, int? NoticePeriodDays, string LocalSupervisionPhone) : INoticeText;

public sealed record PublishNoticeInput(string Notice);

public sealed record SupersedeNoticeInput(
    string Notice, string Reason, string Title, string Body, DateOnly DecidedOn, int? NoticePeriodDays, string LocalSupervisionPhone,
    IReadOnlyList<string>? Funds, IReadOnlyList<string>? Projects) : INoticeText;

public sealed record WithdrawNoticeInput(string Notice, string Reason);

/// <summary>Declares the input fields the notice inputs share, so each is named and described once.</summary>
internal static class NoticeInputFields
{
    public static void AddText<T>(InputObjectGraphType<T> type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("title").Description("The notice's title (public; no personal data).");
        type.Field<NonNullGraphType<StringGraphType>>("body").Description("The full text (public; counts and anonymised descriptions only, no ID numbers, mobiles or e-mail addresses).");
        type.Field<NonNullGraphType<DateOnlyGraphType>>("decidedOn").Description("The date of the fund allocation or decision the notice reports; not in the future. Publication more than 15 working days later is flagged late.");
        type.Field<IntGraphType>("noticePeriodDays").Description($"Days open for objections: required for township and village notices, {NoticeRules.MinimumNoticePeriodDays} to {NoticeMutations.MaxNoticePeriodDays}; must be absent for county level and above, which stay public for good.");
        type.Field<NonNullGraphType<StringGraphType>>("localSupervisionPhone").Description("The publisher's local supervision number: an office landline (e.g. \"0776-7612317\") or a 12xxx service number, never a mobile.");
    }

    public static void AddSubjects<T>(InputObjectGraphType<T> type, string whenAbsent)
    {
        type.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("funds").Description($"Codes of the funds the notice is about; required for a fund notice. {whenAbsent}");
        type.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("projects").Description($"Codes of the projects the notice is about; required for a project notice. {whenAbsent}");
    }
}

public sealed class DraftNoticeInputType : InputObjectGraphType<DraftNoticeInput>
{
    public DraftNoticeInputType()
    {
        Name = "DraftNoticeInput";
        Description = "A new notice draft. Drafts are never public and can be edited until published.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<NoticeKindType>)).Description("What the notice is about.");
        Field(x => x.Region).Description("The region the notice is for; must be within the caller's region. Township and village notices run a notice period.");
        NoticeInputFields.AddText(this);
        NoticeInputFields.AddSubjects(this, "Each must lie within the notice's region, or contain it. Fixed once drafted.");
    }
}

public sealed class UpdateDraftNoticeInputType : InputObjectGraphType<UpdateDraftNoticeInput>
{
    public UpdateDraftNoticeInputType()
    {
        Name = "UpdateDraftNoticeInput";
        Description = "New text for a notice that is still a draft. Published notices are never edited: correct them with supersedeNotice.";
        Field(x => x.Notice).Description("The draft's provisional code (CG-…).");
        NoticeInputFields.AddText(this);
    }
}

public sealed class PublishNoticeInputType : InputObjectGraphType<PublishNoticeInput>
{
    public PublishNoticeInputType()
    {
        Name = "PublishNoticeInput";
        Description = "A draft to publish today.";
        Field(x => x.Notice).Description("The draft's provisional code (CG-…).");
    }
}

public sealed class SupersedeNoticeInputType : InputObjectGraphType<SupersedeNoticeInput>
{
    public SupersedeNoticeInputType()
    {
        Name = "SupersedeNoticeInput";
        Description = "A correction: a new notice, published today, that replaces a published one. Kind and region are the corrected notice's.";
        Field(x => x.Notice).Description("The code of the published notice to correct.");
        Field(x => x.Reason).Description("Why the correction was needed (public).");
        NoticeInputFields.AddText(this);
        NoticeInputFields.AddSubjects(this, "Absent: the same as the corrected notice's.");
    }
}

public sealed class WithdrawNoticeInputType : InputObjectGraphType<WithdrawNoticeInput>
{
    public WithdrawNoticeInputType()
    {
        Name = "WithdrawNoticeInput";
        Description = "A published notice to withdraw. It stays public, with the reason.";
        Field(x => x.Notice).Description("The code of the published notice.");
        Field(x => x.Reason).Description("Why the notice is withdrawn (public).");
    }
}

public sealed class DraftNoticePayloadType() : PayloadType<NoticeType>("DraftNoticePayload", "notice", "The draft, with its provisional code.");

public sealed class UpdateDraftNoticePayloadType() : PayloadType<NoticeType>("UpdateDraftNoticePayload", "notice", "The edited draft.");

public sealed class PublishNoticePayloadType() : PayloadType<NoticeType>("PublishNoticePayload", "notice", "The published notice, with its notice number and lateness.");

public sealed class SupersedeNoticePayloadType() : PayloadType<NoticeType>("SupersedeNoticePayload", "notice", "The correction; its 'supersedes' is the replaced notice.");

public sealed class WithdrawNoticePayloadType() : PayloadType<NoticeType>("WithdrawNoticePayload", "notice", "The withdrawn notice, still public.");

/// <summary>
/// Notices are drafted, published, corrected by a superseding notice, or withdrawn; a published notice is never
/// edited, so there is deliberately no mutation that changes one's text.
/// </summary>
public sealed class NoticeMutations(IConfiguration configuration, TimeProvider clock) : IMutationFields
{
    /// <summary>A notice period longer than a year is a typing error, not a policy.</summary>
    public const int MaxNoticePeriodDays = 365;

    /// <summary>How many funds or projects one notice may name.</summary>
    public const int MaxSubjects = 100;

    private const string DraftKind = "CG";
    private const string NoticeKindPrefix = "GS";

    private readonly WorkingDays _calendar = NoticeCalendar.From(configuration);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DraftNoticePayloadType>>("draftNotice")
            .Description("Drafts a notice for a region within the caller's (Publisher). The draft gets a provisional code (CG-…); publishing gives it its notice number (GS-…).")
            .Argument<NonNullGraphType<DraftNoticeInputType>>("input", "The draft.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => DraftAsync(db, actor, ctx.GetArgument<DraftNoticeInput>("input"), ct)));
        mutation.Field<NonNullGraphType<UpdateDraftNoticePayloadType>>("updateDraftNotice")
            .Description("Replaces the text of a draft (Publisher of its region). Refused once the notice is published: published notices are immutable.")
            .Argument<NonNullGraphType<UpdateDraftNoticeInputType>>("input", "The draft and its new text.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => UpdateDraftAsync(db, actor, ctx.GetArgument<UpdateDraftNoticeInput>("input"), ct)));
        mutation.Field<NonNullGraphType<PublishNoticePayloadType>>("publishNotice")
            .Description("Publishes a draft today (Publisher of its region). Publication more than 15 working days after the decision is allowed but flagged late, with the delay.")
            .Argument<NonNullGraphType<PublishNoticeInputType>>("input", "The draft.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => PublishDraftAsync(db, actor, ctx.GetArgument<PublishNoticeInput>("input"), ct)));
        mutation.Field<NonNullGraphType<SupersedeNoticePayloadType>>("supersedeNotice")
            .Description("Corrects a published notice (Publisher of its region): publishes a new notice that points at it, with the reason. The old notice stays public, marked superseded.")
            .Argument<NonNullGraphType<SupersedeNoticeInputType>>("input", "The correction.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => SupersedeAsync(db, actor, ctx.GetArgument<SupersedeNoticeInput>("input"), ct)));
        mutation.Field<NonNullGraphType<WithdrawNoticePayloadType>>("withdrawNotice")
            .Description("Withdraws a published notice (Publisher of its region). It stays public with the reason; nothing published is deleted.")
            .Argument<NonNullGraphType<WithdrawNoticeInputType>>("input", "The notice and the reason.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => WithdrawAsync(db, actor, ctx.GetArgument<WithdrawNoticeInput>("input"), ct)));
    }

    private async Task<Notice> DraftAsync(OpenAidDbContext db, Actor actor, DraftNoticeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var region = await WriteChecks.RegionAsync(db, input.Region, "region", ct);
        actor.RequireInRegion(Roles.Publisher, region.Code);
        var publisher = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        var notice = new Notice
        {
            Code = await NextNumberAsync(db, DraftKind, region.Code, NoticeCalendar.Today(clock).Year, ct),
            Title = "",
            Body = "",
            Kind = input.Kind,
            RegionCode = region.Code,
            PublisherOrganizationId = publisher.Id,
            Status = NoticeStatus.Draft,
        };
        ApplyText(notice, region, input);
        await AttachSubjectsAsync(db, notice, region, input.Funds ?? [], input.Projects ?? [], ct);
        db.Notices.Add(notice);
        return notice;
    }

    private async Task<Notice> UpdateDraftAsync(OpenAidDbContext db, Actor actor, UpdateDraftNoticeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var notice = await WriteChecks.ByCodeAsync(db.Notices, input.Notice, "notice", ct);
        actor.RequireInRegion(Roles.Publisher, notice.RegionCode);
        RequireDraft(notice);
        ApplyText(notice, await db.Regions.SingleAsync(r => r.Code == notice.RegionCode, ct), input);
        return notice;
    }

    private async Task<Notice> PublishDraftAsync(OpenAidDbContext db, Actor actor, PublishNoticeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var notice = await WriteChecks.ByCodeAsync(db.Notices, input.Notice, "notice", ct);
        actor.RequireInRegion(Roles.Publisher, notice.RegionCode);
        RequireDraft(notice);
        await PublishAsync(db, notice, ct);
        return notice;
    }

    private async Task<Notice> SupersedeAsync(OpenAidDbContext db, Actor actor, SupersedeNoticeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var old = await WriteChecks.ByCodeAsync(db.Notices, input.Notice, "notice", ct);
        actor.RequireInRegion(Roles.Publisher, old.RegionCode);
        RequireInForce(old, "corrected");
        var publisher = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        var region = await db.Regions.SingleAsync(r => r.Code == old.RegionCode, ct);
        var correction = new Notice
        {
            Code = "",
            Title = "",
            Body = "",
            Kind = old.Kind,
            RegionCode = old.RegionCode,
            PublisherOrganizationId = publisher.Id,
            SupersedesNoticeId = old.Id,
            CorrectionReason = WriteChecks.PublicText(input.Reason, "reason", 1000),
        };
        ApplyText(correction, region, input);
        var funds = input.Funds ?? await db.NoticeFunds.Where(x => x.NoticeId == old.Id).Join(db.Funds, x => x.FundId, f => f.Id, (_, f) => f.Code).ToListAsync(ct);
        var projects = input.Projects ?? await db.NoticeProjects.Where(x => x.NoticeId == old.Id).Join(db.Projects, x => x.ProjectId, p => p.Id, (_, p) => p.Code).ToListAsync(ct);
        await AttachSubjectsAsync(db, correction, region, funds, projects, ct);
        await PublishAsync(db, correction, ct);
        db.Notices.Add(correction);

        // The old notice can point at its correction only once the correction has a key; both saves share the transaction.
        await db.SaveChangesAsync(ct);
        old.Status = NoticeStatus.Superseded;
        old.SupersededByNoticeId = correction.Id;
        return correction;
    }

    private static async Task<Notice> WithdrawAsync(OpenAidDbContext db, Actor actor, WithdrawNoticeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var notice = await WriteChecks.ByCodeAsync(db.Notices, input.Notice, "notice", ct);
        actor.RequireInRegion(Roles.Publisher, notice.RegionCode);
        RequireInForce(notice, "withdrawn");
        notice.WithdrawalReason = WriteChecks.PublicText(input.Reason, "reason", 1000);
        notice.Status = NoticeStatus.Withdrawn;
        return notice;
    }

    /// <summary>Publishes today: the notice number, the date and the lateness against the 15-working-day deadline.</summary>
    private async Task PublishAsync(OpenAidDbContext db, Notice notice, CancellationToken ct)
    {
        var today = NoticeCalendar.Today(clock);
        notice.Status = NoticeStatus.Published;
        notice.PublishedOn = today;
        notice.WorkingDaysLate = NoticeRules.WorkingDaysLate(notice.DecidedOn, today, _calendar);
        notice.Code = await NextNumberAsync(db, NoticeKindPrefix, notice.RegionCode, today.Year, ct);
    }

    /// <summary>The next register number; two writers taking the same one collide on the unique code and the write runs again.</summary>
    private static async Task<string> NextNumberAsync(OpenAidDbContext db, string kind, long regionCode, int year, CancellationToken ct)
    {
        var prefix = RegisterNumbers.Prefix(kind, regionCode, year);
        return RegisterNumbers.Next(prefix, await db.Notices.Select(n => n.Code).Where(c => c.StartsWith(prefix)).ToListAsync(ct));
    }

    private void ApplyText(Notice notice, Region region, INoticeText input)
    {
        notice.Title = WriteChecks.PublicText(input.Title, "title", 300);
        notice.Body = WriteChecks.PublicText(input.Body, "body", 20000);
        var today = NoticeCalendar.Today(clock);
        notice.DecidedOn = input.DecidedOn <= today && input.DecidedOn.Year >= 2000
            ? input.DecidedOn
            : throw new DomainException("INVALID_DATE", $"'decidedOn' ({input.DecidedOn:yyyy-MM-dd}) must be a date from 2000 up to today ({today:yyyy-MM-dd}).", "decidedOn");
        notice.NoticePeriodDays = NoticePeriod(region, input.NoticePeriodDays);
        notice.LocalSupervisionPhone = LocalSupervisionPhone(input.LocalSupervisionPhone);
    }

    private static int? NoticePeriod(Region region, int? days)
    {
        const string field = "noticePeriodDays";
        if (!NoticeRules.HasNoticePeriod(region.Level))
        {
            return days is null
                ? null
                : throw new DomainException("NOTICE_PERIOD_NOT_APPLICABLE", $"{region.Name} is a {region.Level.ToString().ToLowerInvariant()}: notices at county level and above have no notice period, they stay public for good. Leave '{field}' out.", field);
        }

        return days switch
        {
            null => throw new DomainException("REQUIRED", $"A {region.Level.ToString().ToLowerInvariant()} notice runs a notice period of at least {NoticeRules.MinimumNoticePeriodDays} days; give '{field}'.", field),
            < NoticeRules.MinimumNoticePeriodDays => throw new DomainException("NOTICE_PERIOD_TOO_SHORT", $"Township and village notices run at least {NoticeRules.MinimumNoticePeriodDays} days for objections; '{field}' was {days}.", field),
            > MaxNoticePeriodDays => throw new DomainException("NOTICE_PERIOD_TOO_LONG", $"'{field}' may be at most {MaxNoticePeriodDays}; it was {days}.", field),
            _ => days,
        };
    }

    private static string LocalSupervisionPhone(string? phone)
    {
        const string field = "localSupervisionPhone";
        var text = WriteChecks.PublicText(phone, field, 20);
        return SupervisionPhone.IsOfficeNumber(text)
            ? text
            : throw new DomainException("INVALID_PHONE", $"'{field}' must be an office landline such as 0776-7612317 or a 12xxx service number; it was '{text}'.", field);
    }

    private static async Task AttachSubjectsAsync(OpenAidDbContext db, Notice notice, Region region, IReadOnlyList<string> funds, IReadOnlyList<string> projects, CancellationToken ct)
    {
        foreach (var (codes, field) in new[] { (funds, "funds"), (projects, "projects") })
        {
            if (codes.Count > MaxSubjects)
            {
                throw new DomainException("TOO_MANY", $"A notice may name at most {MaxSubjects} {field}; {codes.Count} were given.", field);
            }
        }

        foreach (var code in funds.Distinct(StringComparer.Ordinal))
        {
            var fund = await WriteChecks.ByCodeAsync(db.Funds.AsNoTracking(), code, "funds", ct);
            RequireRelated(region, fund.RegionCode, $"Fund {fund.Code}", "funds");
            notice.Funds.Add(new NoticeFund { FundId = fund.Id });
        }

        foreach (var code in projects.Distinct(StringComparer.Ordinal))
        {
            var project = await WriteChecks.ByCodeAsync(db.Projects.AsNoTracking(), code, "projects", ct);
            RequireRelated(region, project.RegionCode, $"Project {project.Code}", "projects");
            notice.Projects.Add(new NoticeProject { ProjectId = project.Id });
        }

        if (notice.Kind == NoticeKind.Fund && notice.Funds.Count == 0)
        {
            throw new DomainException("SUBJECT_REQUIRED", "A fund notice names at least one fund.", "funds");
        }

        if (notice.Kind == NoticeKind.Project && notice.Projects.Count == 0)
        {
            throw new DomainException("SUBJECT_REQUIRED", "A project notice names at least one project.", "projects");
        }
    }

    /// <summary>A village notice may report a county fund, and a county notice a village project; unrelated places may not.</summary>
    private static void RequireRelated(Region region, long subjectRegion, string subject, string field)
    {
        if (!region.RegionCode.Contains(subjectRegion) && !RegionCode.Of(subjectRegion).Contains(region.Code))
        {
            throw new DomainException("SUBJECT_OUTSIDE_REGION", $"{subject} belongs to region {subjectRegion:D12}, which neither lies within nor contains {region.Name}.", field);
        }
    }

    private static void RequireDraft(Notice notice)
    {
        if (notice.Status != NoticeStatus.Draft)
        {
            throw new DomainException(
                "NOTICE_NOT_DRAFT",
                $"Notice {notice.Code} is {notice.Status.ToString().ToLowerInvariant()}, not a draft. Published notices are never edited: correct one with supersedeNotice or withdraw it with withdrawNotice.",
                "notice");
        }
    }

    private static void RequireInForce(Notice notice, string what)
    {
        if (notice.Status != NoticeStatus.Published)
        {
            throw new DomainException(
                "NOTICE_NOT_PUBLISHED",
                notice.Status == NoticeStatus.Draft
                    ? $"Notice {notice.Code} is a draft; only a published notice can be {what}. Edit the draft with updateDraftNotice."
                    : $"Notice {notice.Code} is {notice.Status.ToString().ToLowerInvariant()}; only the notice in force can be {what}.",
                "notice");
        }
    }
}
