using System.ComponentModel;
using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Needs;

public sealed record RegisterNeedInput(
    string Region, NeedCategory Category, string Title, string Description, long? AmountFen, long? Quantity, string? Unit,
    DateOnly Deadline, NeedPriority Priority, string? Project, string? Pairing, bool? Submit);

public sealed record NeedReferenceInput(string Need);

public sealed record ReviewNeedInput(string Need, NeedReviewDecision Decision, string? Reason, string? CapOverrideReason);

public enum NeedReviewDecision
{
    [Description("Approve the need: it becomes public and open for pledges.")]
    Approve = 1,
    [Description("Reject the need, with a reason.")]
    Reject = 2,
}

public sealed class NeedReviewDecisionType : EnumerationGraphType<NeedReviewDecision>
{
    public NeedReviewDecisionType()
    {
        Name = "NeedReviewDecision";
        Description = "A reviewer's decision on a need pending review.";
    }
}

public sealed class RegisterNeedInputType : InputObjectGraphType<RegisterNeedInput>
{
    public RegisterNeedInputType()
    {
        Name = "RegisterNeedInput";
        Description = "A need of a village (or township), registered by an officer of it as a draft. Give either 'amountFen', or 'quantity' with 'unit'.";
        Field(x => x.Region).Description("The village (12 digits) or township (9 digits) the need is for; within the caller's region.");
        Field(x => x.Category, type: typeof(NonNullGraphType<NeedCategoryType>)).Description("What kind of need it is.");
        Field(x => x.Title).Description("A short title (public; no personal data).");
        Field(x => x.Description).Description("What is needed and for how many, in counts and anonymously: never a household's name, ID or mobile number.");
        Field(x => x.AmountFen, type: typeof(LongGraphType)).Description("For money: the amount asked, in fen.");
        Field(x => x.Quantity, type: typeof(LongGraphType)).Description("For goods, services, jobs or purchases counted in a unit: how many.");
        Field(x => x.Unit, nullable: true).Description("The unit of 'quantity', e.g. \"套\", \"人\", \"吨\".");
        Field(x => x.Deadline).Description("The day the need must be pledged by: after today, within two years.");
        Field(x => x.Priority, type: typeof(NonNullGraphType<NeedPriorityType>)).Description("How urgent the need is.");
        Field(x => x.Project, nullable: true).Description("The code of the project the need belongs to, in or above the need's place.");
        Field(x => x.Pairing, nullable: true).Description("The code of the pairing (结对帮扶) the need belongs to; its helped region must contain the need's place.");
        Field(x => x.Submit, nullable: true).Description("True: submit for review at once, instead of keeping a draft.");
    }
}

public sealed class SubmitNeedInputType : InputObjectGraphType<NeedReferenceInput>
{
    public SubmitNeedInputType()
    {
        Name = "SubmitNeedInput";
        Description = "A draft need to submit for review.";
        Field(x => x.Need).Description("The need's code.");
    }
}

public sealed class CloseNeedInputType : InputObjectGraphType<NeedReferenceInput>
{
    public CloseNeedInputType()
    {
        Name = "CloseNeedInput";
        Description = "An approved need to close: fulfilled, expired, or no longer needed, with no pledge still under way.";
        Field(x => x.Need).Description("The need's code.");
    }
}

public sealed class ReviewNeedInputType : InputObjectGraphType<ReviewNeedInput>
{
    public ReviewNeedInputType()
    {
        Name = "ReviewNeedInput";
        Description = "A named reviewer's decision on a need pending review. The reviewer's name comes from the sign-in (the token's name claim) and is published with the time.";
        Field(x => x.Need).Description("The need's code.");
        Field(x => x.Decision, type: typeof(NonNullGraphType<NeedReviewDecisionType>)).Description("Approve or reject.");
        Field(x => x.Reason, nullable: true).Description("Why the need is rejected (public); required for, and only for, a rejection.");
        Field(x => x.CapOverrideReason, nullable: true).Description("Why a need over its category's cap is approved anyway (public); required for, and only for, such a need.");
    }
}

public sealed class RegisterNeedPayloadType() : PayloadType<NeedType>("RegisterNeedPayload", "need", "The need registered.");

public sealed class SubmitNeedPayloadType() : PayloadType<NeedType>("SubmitNeedPayload", "need", "The need, now pending review.");

public sealed class ReviewNeedPayloadType() : PayloadType<NeedType>("ReviewNeedPayload", "need", "The need, approved or rejected.");

public sealed class CloseNeedPayloadType() : PayloadType<NeedType>("CloseNeedPayload", "need", "The need, now closed.");

public sealed class NeedMutations(TimeProvider clock, IConfiguration configuration) : IMutationFields
{
    /// <summary>The most a need counted in a unit may ask: far above any village's need.</summary>
    public const long MaxQuantity = 1_000_000_000;

    private readonly NeedCaps _caps = NeedCapsConfiguration.From(configuration);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterNeedPayloadType>>("registerNeed")
            .Description("Registers a need of a village or township as a draft (Publisher of its region). It becomes public only once a named reviewer approves it.")
            .Argument<NonNullGraphType<RegisterNeedInputType>>("input", "The need.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => RegisterAsync(db, actor, ctx.GetArgument<RegisterNeedInput>("input"), ct)));
        mutation.Field<NonNullGraphType<SubmitNeedPayloadType>>("submitNeed")
            .Description("Submits a draft need for review (Publisher of its region).")
            .Argument<NonNullGraphType<SubmitNeedInputType>>("input", "The need.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => SubmitAsync(db, actor, ctx.GetArgument<NeedReferenceInput>("input"), ct)));
        mutation.Field<NonNullGraphType<ReviewNeedPayloadType>>("reviewNeed")
            .Description("Approves or rejects a need pending review (a named Reviewer of its region, not the one who registered it). Over its category's cap, a need is approved only with a public override reason.")
            .Argument<NonNullGraphType<ReviewNeedInputType>>("input", "The decision.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Reviewer, (db, actor, ct) => ReviewAsync(db, actor, ctx.GetArgument<ReviewNeedInput>("input"), ct)));
        mutation.Field<NonNullGraphType<CloseNeedPayloadType>>("closeNeed")
            .Description("Closes an approved need that has no pledge under way (Publisher of its region).")
            .Argument<NonNullGraphType<CloseNeedInputType>>("input", "The need.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => CloseAsync(db, actor, ctx.GetArgument<NeedReferenceInput>("input"), ct)));
    }

    private async Task<Need> RegisterAsync(OpenAidDbContext db, Actor actor, RegisterNeedInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var region = await WriteChecks.RegionAsync(db, input.Region, "region", ct);
        actor.RequireInRegion(Roles.Publisher, region.Code);
        if (region.Level is not (RegionLevel.Village or RegionLevel.Township))
        {
            throw new DomainException("NOT_A_VILLAGE", $"Needs are registered for a village or a township; {region.Name} is a {region.Level}.", "region");
        }

        var registrant = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        var today = NoticeCalendar.Today(clock);
        if (input.Deadline <= today || input.Deadline > today.AddDays(NeedLifecycle.MaxDeadlineDays))
        {
            throw new DomainException("INVALID_DATE", $"'deadline' ({input.Deadline:yyyy-MM-dd}) must be after today and within {NeedLifecycle.MaxDeadlineDays} days.", "deadline");
        }

        var (requested, unit) = Requested(input);
        var project = input.Project is null ? null : await WriteChecks.ByCodeAsync(db.Projects.AsNoTracking(), input.Project, "project", ct);
        if (project is not null && !RegionCode.Of(project.RegionCode).Contains(region.Code) && !region.RegionCode.Contains(project.RegionCode))
        {
            throw new DomainException("PROJECT_ELSEWHERE", $"Project {project.Code} is carried out neither in {region.Name} nor in a region above it.", "project");
        }

        var pairing = input.Pairing is null ? null : await WriteChecks.ByCodeAsync(db.Pairings.AsNoTracking(), input.Pairing, "pairing", ct);
        if (pairing is not null && !RegionCode.Of(pairing.HelpedRegionCode).Contains(region.Code))
        {
            throw new DomainException("PAIRING_ELSEWHERE", $"Pairing {pairing.Code} helps a region that does not contain {region.Name}.", "pairing");
        }

        var prefix = RegisterNumbers.Prefix("XQ", region.Code, today.Year);
        var need = new Need
        {
            Code = RegisterNumbers.Next(prefix, await db.Needs.Select(n => n.Code).Where(c => c.StartsWith(prefix)).ToListAsync(ct)),
            RegionCode = region.Code,
            Category = input.Category,
            Title = WriteChecks.PublicText(input.Title, "title", 200),
            Description = WriteChecks.PublicText(input.Description, "description", 4000),
            Requested = requested,
            Unit = unit,
            Deadline = input.Deadline,
            Priority = input.Priority,
            ProjectId = project?.Id,
            PairingId = pairing?.Id,
            RegisteredByOrganizationId = registrant.Id,
            Status = input.Submit == true ? NeedStatus.PendingReview : NeedStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Needs.Add(need);
        return need;
    }

    /// <summary>Money in fen, or a quantity in a unit: exactly one of them.</summary>
    private static (long Requested, string Unit) Requested(RegisterNeedInput input)
    {
        switch (input.AmountFen, input.Quantity)
        {
            case ({ } fen, null):
                if (input.Unit is not null)
                {
                    throw new DomainException("UNIT_NOT_APPLICABLE", "Money is counted in fen; leave 'unit' out with 'amountFen'.", "unit");
                }

                return (WriteChecks.PositiveAmount(fen, "amountFen"), NeedLifecycle.MoneyUnit);
            case (null, { } quantity):
                if (quantity is <= 0 or > MaxQuantity)
                {
                    throw new DomainException("INVALID_QUANTITY", $"'quantity' must be more than 0 and at most {MaxQuantity}; it was {quantity}.", "quantity");
                }

                var unit = WriteChecks.PublicText(input.Unit, "unit", 20);
                return string.Equals(unit, NeedLifecycle.MoneyUnit, StringComparison.OrdinalIgnoreCase)
                    ? throw new DomainException("INVALID_UNIT", "Give money as 'amountFen', not as a quantity of fen.", "unit")
                    : (quantity, unit);
            case (null, null):
                throw new DomainException("REQUIRED", "Give what the need asks: 'amountFen' for money, or 'quantity' with 'unit'.", "amountFen");
            default:
                throw new DomainException("AMBIGUOUS_AMOUNT", "Give either 'amountFen' or 'quantity' with 'unit', not both.", "quantity");
        }
    }

    private static async Task<Need> SubmitAsync(OpenAidDbContext db, Actor actor, NeedReferenceInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var need = await WriteChecks.ByCodeAsync(db.Needs, input.Need, "need", ct);
        actor.RequireInRegion(Roles.Publisher, need.RegionCode);
        NeedLifecycle.Submit(need);
        return need;
    }

    private async Task<Need> ReviewAsync(OpenAidDbContext db, Actor actor, ReviewNeedInput input, CancellationToken ct)
    {
        actor.Require(Roles.Reviewer);
        var need = await WriteChecks.ByCodeAsync(db.Needs, input.Need, "need", ct);
        actor.RequireInRegion(Roles.Reviewer, need.RegionCode);
        var reviewer = await ReviewerNameAsync(db, actor, ct);
        var key = need.Id.ToString(CultureInfo.InvariantCulture);
        if (await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Need) && e.EntityKey == key && e.Operation == "create" && e.ActorSubject == actor.Subject, ct))
        {
            throw new DomainException("REVIEWER_IS_REGISTRANT", $"You registered need {need.Code}; another reviewer decides on it.", "need");
        }

        var now = clock.GetUtcNow();
        switch (input.Decision)
        {
            case NeedReviewDecision.Approve:
                if (!string.IsNullOrWhiteSpace(input.Reason))
                {
                    throw new DomainException("REASON_NOT_APPLICABLE", "An approval takes no 'reason'; give 'capOverrideReason' when the need is over its cap.", "reason");
                }

                var overrideReason = string.IsNullOrWhiteSpace(input.CapOverrideReason) ? null : WriteChecks.PublicText(input.CapOverrideReason, "capOverrideReason", 1000);
                NeedLifecycle.Approve(need, reviewer, overrideReason, _caps.For(need.Category), now, NoticeCalendar.Today(clock));
                break;
            default:
                if (!string.IsNullOrWhiteSpace(input.CapOverrideReason))
                {
                    throw new DomainException("REASON_NOT_APPLICABLE", "A rejection takes no 'capOverrideReason'.", "capOverrideReason");
                }

                NeedLifecycle.Reject(need, reviewer, WriteChecks.PublicText(input.Reason, "reason", 1000), now);
                break;
        }

        return need;
    }

    /// <summary>"Name（unit）": the reviewer is named, as the sign-in names them, together with the unit they review for.</summary>
    private static async Task<string> ReviewerNameAsync(OpenAidDbContext db, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(actor.Name))
        {
            throw new DomainException("REVIEWER_NOT_NAMED", "Needs are approved by a named reviewer: sign in with an account that carries your name (the token's 'name' claim).", null);
        }

        var name = WriteChecks.PublicText(actor.Name, "name", 40);
        var unit = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        var named = $"{name}（{unit.Name}）";
        return named.Length <= 100 ? named : name;
    }

    private async Task<Need> CloseAsync(OpenAidDbContext db, Actor actor, NeedReferenceInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var today = NoticeCalendar.Today(clock);
        var region = await db.Needs.AsNoTracking().Where(n => n.Code == input.Need).Select(n => (long?)n.RegionCode).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("NOT_FOUND", $"No need has the code '{input.Need}'.", "need");
        actor.RequireInRegion(Roles.Publisher, region);
        var need = await NeedLocks.LockAsync(db, input.Need, "need", today, ct);

        // The statuses as the lock left them: pledges it just found lapsed are tracked as lapsed, not yet saved.
        var pledges = await db.Pledges.Where(p => p.NeedId == need.Id && p.Status != PledgeStatus.Completed && p.Status != PledgeStatus.Cancelled && p.Status != PledgeStatus.Lapsed).ToListAsync(ct);
        NeedLifecycle.Close(need, 0, pledges.Any(p => PledgeLifecycle.IsOpen(PledgeLifecycle.EffectiveStatus(p, today))), today);
        return need;
    }
}
