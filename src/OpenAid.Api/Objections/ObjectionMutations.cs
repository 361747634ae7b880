using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;

namespace OpenAid.Api.Objections;

public sealed record FileObjectionInput(string? Notice, string? Region, ObjectionCategory Category, string Description, string? ContactName, string? ContactPhone);

public sealed record StartInvestigationInput(string Objection);

public sealed record RespondToObjectionInput(string Objection, string Text);

public sealed class FileObjectionInputType : InputObjectGraphType<FileObjectionInput>
{
    public FileObjectionInputType()
    {
        Name = "FileObjectionInput";
        Description = "An objection to a notice during its notice period, or a report of misuse at any time. Anyone may file, anonymously if they wish.";
        Field(x => x.Notice, nullable: true).Description("The code of the notice objected to; leave out for a misuse report.");
        Field(x => x.Region, nullable: true).Description("For a misuse report, the region concerned (a statistical code); leave out when objecting to a notice.");
        Field(x => x.Category, type: typeof(NonNullGraphType<ObjectionCategoryType>)).Description("The kind of violation.");
        Field(x => x.Description).Description("What happened. This is public: describe facts, not people; ID numbers, mobile numbers and e-mail addresses are refused.");
        Field(x => x.ContactName, nullable: true).Description("Optional. A name to reach you by; never public, seen by auditors only.");
        Field(x => x.ContactPhone, nullable: true).Description("Optional. A phone number to reach you on; never public, seen by auditors only.");
    }
}

public sealed class StartInvestigationInputType : InputObjectGraphType<StartInvestigationInput>
{
    public StartInvestigationInputType()
    {
        Name = "StartInvestigationInput";
        Description = "An objection a reviewer starts to investigate.";
        Field(x => x.Objection).Description("The objection's code.");
    }
}

public sealed class AnswerObjectionInputType : InputObjectGraphType<RespondToObjectionInput>
{
    public AnswerObjectionInputType()
    {
        Name = "AnswerObjectionInput";
        Description = "The public answer to an objection under investigation.";
        Field(x => x.Objection).Description("The objection's code.");
        Field("answer", x => x.Text).Description("The findings and what was done (public; no personal data).");
    }
}

public sealed class RejectObjectionInputType : InputObjectGraphType<RespondToObjectionInput>
{
    public RejectObjectionInputType()
    {
        Name = "RejectObjectionInput";
        Description = "An objection to reject, with a public reason.";
        Field(x => x.Objection).Description("The objection's code.");
        Field("reason", x => x.Text).Description("Why it is rejected (public; no personal data).");
    }
}

public sealed class FileObjectionPayloadType() : PayloadType<ObjectionType>("FileObjectionPayload", "objection", "The objection filed; keep its code to follow the answer.");

public sealed class StartInvestigationPayloadType() : PayloadType<ObjectionType>("StartInvestigationPayload", "objection", "The objection, now under investigation.");

public sealed class AnswerObjectionPayloadType() : PayloadType<ObjectionType>("AnswerObjectionPayload", "objection", "The objection with its public answer.");

public sealed class RejectObjectionPayloadType() : PayloadType<ObjectionType>("RejectObjectionPayload", "objection", "The objection, rejected with its reason.");

public sealed partial class ObjectionMutations(TimeProvider clock) : IMutationFields
{
    /// <summary>
    /// The audit trail is public, so a filing is recorded without the filer, whether signed in or not:
    /// complainants are protected.
    /// </summary>
    private static readonly AuditActor Complainant = new(Actor.Anonymous.Subject, "Anonymous", null);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<FileObjectionPayloadType>>("fileObjection")
            .Description("Files an objection to a notice (while it takes objections: until its notice period ends, or for good at county level and above) or a misuse report. Open to everyone, signed in or not; the filer is never recorded publicly.")
            .Argument<NonNullGraphType<FileObjectionInputType>>("input", "The objection.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Complainant.Role, (db, _, ct) => FileAsync(db, ctx.GetArgument<FileObjectionInput>("input"), ct)));
        mutation.Field<NonNullGraphType<StartInvestigationPayloadType>>("startInvestigation")
            .Description("Starts investigating a received objection (Reviewer of its region).")
            .Argument<NonNullGraphType<StartInvestigationInputType>>("input", "The objection.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Reviewer, (db, actor, ct) => MoveAsync(db, actor, ctx.GetArgument<StartInvestigationInput>("input").Objection, ObjectionStatus.Investigating, null, ct)));
        mutation.Field<NonNullGraphType<AnswerObjectionPayloadType>>("answerObjection")
            .Description("Answers an objection under investigation, publicly (Reviewer of its region).")
            .Argument<NonNullGraphType<AnswerObjectionInputType>>("input", "The objection and the answer.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RespondToObjectionInput>("input");
                return await ctx.MutateAsync(Roles.Reviewer, (db, actor, ct) => MoveAsync(db, actor, input.Objection, ObjectionStatus.Answered, (input.Text, "answer"), ct));
            });
        mutation.Field<NonNullGraphType<RejectObjectionPayloadType>>("rejectObjection")
            .Description("Rejects a received or investigated objection with a public reason (Reviewer of its region).")
            .Argument<NonNullGraphType<RejectObjectionInputType>>("input", "The objection and the reason.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RespondToObjectionInput>("input");
                return await ctx.MutateAsync(Roles.Reviewer, (db, actor, ct) => MoveAsync(db, actor, input.Objection, ObjectionStatus.Rejected, (input.Text, "reason"), ct));
            });
    }

    private async Task<Objection> FileAsync(OpenAidDbContext db, FileObjectionInput input, CancellationToken ct)
    {
        db.Actor = Complainant;
        long regionCode;
        int? noticeId = null;
        if (input.Notice is { } code)
        {
            if (input.Region is not null)
            {
                throw new DomainException("REGION_NOT_APPLICABLE", "An objection to a notice concerns the notice's region; leave 'region' out.", "region");
            }

            var notice = await WriteChecks.ByCodeAsync(NoticeQueries.Public(db).AsNoTracking(), code, "notice", ct);
            var today = NoticeCalendar.Today(clock);
            if (!ObjectionRules.AcceptsObjections(notice, today))
            {
                throw notice.Status == NoticeStatus.Published
                    ? new DomainException("NOTICE_PERIOD_ENDED", $"The notice period of {notice.Code} ended on {notice.NoticePeriodEndsOn:yyyy-MM-dd}. To report misuse, file without a notice and name the region.", "notice")
                    : new DomainException("NOTICE_NOT_IN_FORCE", $"Notice {notice.Code} is {notice.Status.ToString().ToLowerInvariant()}; object to the notice in force, or report misuse without a notice.", "notice");
            }

            noticeId = notice.Id;
            regionCode = notice.RegionCode;
        }
        else if (input.Region is { } region)
        {
            regionCode = (await WriteChecks.RegionAsync(db, region, "region", ct)).Code;
        }
        else
        {
            throw new DomainException("REQUIRED", "Give the notice you object to, or the region of the misuse you report.", "notice");
        }

        var filedAt = clock.GetUtcNow();
        var prefix = RegisterNumbers.Prefix("YY", regionCode, filedAt.Year);
        var objection = new Objection
        {
            Code = RegisterNumbers.Next(prefix, await db.Objections.Select(o => o.Code).Where(c => c.StartsWith(prefix)).ToListAsync(ct)),
            NoticeId = noticeId,
            RegionCode = regionCode,
            Category = input.Category,
            Description = WriteChecks.PublicText(input.Description, "description", 4000),
            ContactName = Private(input.ContactName, "contactName", 100),
            ContactPhone = ContactPhoneOf(input.ContactPhone),
            Status = ObjectionStatus.Received,
            FiledAt = filedAt,
        };
        db.Objections.Add(objection);
        return objection;
    }

    /// <summary>Optional text that is never published: the privacy guard does not apply, but blank means absent.</summary>
    private static string? Private(string? text, string field, int maxLength) =>
        text?.Trim() switch
        {
            null or "" => null,
            { Length: var length } when length > maxLength => throw new DomainException("TOO_LONG", $"'{field}' may have at most {maxLength} characters; it has {length}.", field),
            var trimmed => trimmed,
        };

    /// <summary>Any phone, mobiles included: it is never published, so the privacy guard does not apply.</summary>
    private static string? ContactPhoneOf(string? text)
    {
        var phone = Private(text, "contactPhone", 30);
        return phone is null || ContactPhone().IsMatch(phone)
            ? phone
            : throw new DomainException("INVALID_PHONE", $"'contactPhone' must be a phone number (digits, spaces, dashes, an optional leading +); it was '{phone}'.", "contactPhone");
    }

    private async Task<Objection> MoveAsync(OpenAidDbContext db, Actor actor, string code, ObjectionStatus to, (string Text, string Field)? response, CancellationToken ct)
    {
        actor.Require(Roles.Reviewer);
        var objection = await WriteChecks.ByCodeAsync(db.Objections, code, "objection", ct);
        actor.RequireInRegion(Roles.Reviewer, objection.RegionCode);
        if (!ObjectionRules.CanMove(objection.Status, to))
        {
            throw new DomainException(
                "INVALID_TRANSITION",
                $"Objection {objection.Code} is {objection.Status}; it cannot become {to}. The lifecycle is Received → Investigating → Answered, or Rejected before it is answered.",
                "objection");
        }

        var now = clock.GetUtcNow();
        if (response is var (text, field))
        {
            objection.Answer = WriteChecks.PublicText(text, field, 4000);
            objection.AnsweredAt = now;
            objection.AnsweredBy = await AnsweringUnitAsync(db, actor, ct);
        }
        else
        {
            objection.InvestigationStartedAt = now;
        }

        objection.Status = to;
        return objection;
    }

    /// <summary>Officials appear by unit and role, never by name: the caller's organisation, else its region.</summary>
    private static async Task<string> AnsweringUnitAsync(OpenAidDbContext db, Actor actor, CancellationToken ct)
    {
        var unit = await db.Organizations.Where(o => o.Code == actor.OrganizationCode).Select(o => o.Name).FirstOrDefaultAsync(ct)
            ?? await db.Regions.Where(r => r.Code == actor.Region!.Value.Value).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return unit is null ? "审核员" : $"{unit} · 审核员";
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,28}[0-9]$")]
    private static partial Regex ContactPhone();
}
