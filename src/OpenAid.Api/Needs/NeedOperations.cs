using System.ComponentModel;
using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Pledges;

namespace OpenAid.Api.Needs;

[Description("A need of a village (or township), registered by an officer of it as a draft. Give either 'amountFen', or 'quantity' with 'unit'.")]
public sealed record RegisterNeedInput
{
    [Description("The village (12 digits) or township (9 digits) the need is for; within the caller's region.")]
    public required string Region { get; init; }

    [Description("What kind of need it is.")]
    public required NeedCategory Category { get; init; }

    [Description("A short title (public; no personal data).")]
    public required string Title { get; init; }

    [Description("What is needed and for how many, in counts and anonymously: never a household's name, ID or mobile number.")]
    public required string Description { get; init; }

    [Description("For money: the amount asked, in fen.")]
    public long? AmountFen { get; init; }

    [Description("For goods, services, jobs or purchases counted in a unit: how many.")]
    public long? Quantity { get; init; }

    [Description("The unit of 'quantity', e.g. \"套\", \"人\", \"吨\".")]
    public string? Unit { get; init; }

    [Description("The day the need must be pledged by: after today, within two years.")]
    public required DateOnly Deadline { get; init; }

    [Description("How urgent the need is.")]
    public required NeedPriority Priority { get; init; }

    [Description("The code of the project the need belongs to, in or above the need's place.")]
    public string? Project { get; init; }

    [Description("The code of the pairing (结对帮扶) the need belongs to; its helped region must contain the need's place.")]
    public string? Pairing { get; init; }

    [Description("True: submit for review at once, instead of keeping a draft.")]
    public bool? Submit { get; init; }
}

[Description("A draft need to submit for review.")]
public sealed record SubmitNeedInput
{
    [Description("The need's code.")]
    public required string Need { get; init; }
}

[Description("An approved need to close: fulfilled, expired, or no longer needed, with no pledge still under way.")]
public sealed record CloseNeedInput
{
    [Description("The need's code.")]
    public required string Need { get; init; }
}

[Description("A named reviewer's decision on a need pending review. The reviewer's name comes from the sign-in (the token's name claim) and is published with the time.")]
public sealed record ReviewNeedInput
{
    [Description("The need's code.")]
    public required string Need { get; init; }

    [Description("Approve or reject.")]
    public required NeedReviewDecision Decision { get; init; }

    [Description("Why the need is rejected (public); required for, and only for, a rejection.")]
    public string? Reason { get; init; }

    [Description("Why a need over its category's cap is approved anyway (public); required for, and only for, such a need.")]
    public string? CapOverrideReason { get; init; }
}

/// <summary>Needs are registered, submitted, reviewed by a named reviewer and closed.</summary>
public sealed class NeedOperations(IConfiguration configuration) : IOperations
{
    private readonly NeedCaps _caps = NeedCapsConfiguration.From(configuration);

    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<RegisterNeedInput, NeedType>(
            "registerNeed", Roles.Publisher, "Registers a need of a village or township as a draft (Publisher of its region). It becomes public only once a named reviewer approves it.",
            "The need.", "need", "The need registered.")
            .Handle(RegisterAsync);
        operations.Mutation<SubmitNeedInput, NeedType>(
            "submitNeed", Roles.Publisher, "Submits a draft need for review (Publisher of its region).",
            "The need.", "need", "The need, now pending review.")
            .Handle(SubmitAsync);
        operations.Mutation<ReviewNeedInput, NeedType>(
            "reviewNeed", Roles.Reviewer, "Approves or rejects a need pending review (a named Reviewer of its region, not the one who registered it). Over its category's cap, a need is approved only with a public override reason.",
            "The decision.", "need", "The need, approved or rejected.")
            .Handle(ReviewAsync);
        operations.Mutation<CloseNeedInput, NeedType>(
            "closeNeed", Roles.Publisher, "Closes an approved need that has no pledge under way (Publisher of its region).",
            "The need.", "need", "The need, now closed.")
            .Handle(CloseAsync);
    }

    private static async Task<Need> RegisterAsync(WriteContext write, RegisterNeedInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var registrant = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(region.Code), ct);
        var project = input.Project is null ? null : await Lookups.ByCodeAsync(db.Projects.AsNoTracking(), input.Project, "project", ct);
        var pairing = input.Pairing is null ? null : await Lookups.ByCodeAsync(db.Pairings.AsNoTracking(), input.Pairing, "pairing", ct);
        var need = Need.Register(
            region, input.Category, input.Title, input.Description, input.AmountFen, input.Quantity, input.Unit, input.Deadline, input.Priority,
            project, pairing, registrant.Id, input.Submit == true, write.Now, write.Today);
        await Totals.RequireRoomAsync(db.Needs, n => n.Requested, need.Requested, input.AmountFen is null ? "quantity" : "amountFen", ct);
        need.Number(await write.NextCodeAsync(Need.CodeKind, region.Code, write.Today.Year, db.Needs.Select(n => n.Code)));
        db.Needs.Add(need);
        return need;
    }

    private static async Task<Need> SubmitAsync(WriteContext write, SubmitNeedInput input)
    {
        var need = await write.InScopeAsync(write.Db.Needs, input.Need, "need");
        need.Submit();
        return need;
    }

    private async Task<Need> ReviewAsync(WriteContext write, ReviewNeedInput input)
    {
        var (db, ct, actor) = (write.Db, write.Cancellation, write.Actor);
        var need = await write.InScopeAsync(db.Needs, input.Need, "need");
        var unit = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(need.RegionCode), ct);
        var reviewer = Need.ReviewerNameOf(actor.Name, unit.Name);
        var key = need.Id.ToString(CultureInfo.InvariantCulture);
        var registeredIt = await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Need) && e.EntityKey == key && e.Operation == "create" && e.ActorSubject == actor.Subject, ct);
        need.Review(input.Decision, reviewer, registeredIt, input.Reason, input.CapOverrideReason, _caps.For(need.Category), write.Now, write.Today);
        return need;
    }

    private static async Task<Need> CloseAsync(WriteContext write, CloseNeedInput input)
    {
        var (db, ct, today) = (write.Db, write.Cancellation, write.Today);
        var region = await db.Needs.AsNoTracking().Where(n => n.Code == input.Need).Select(n => (long?)n.RegionCode).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(Errors.NotFound, $"No need has the code '{input.Need}'.", "need", ("record", "Need"), ("code", input.Need));
        write.RequireInScope(region);
        var need = await NeedLocks.LockAsync(db, input.Need, "need", today, ct);

        // The statuses as the lock left them: pledges it just found lapsed are stored as lapsed already.
        var pledges = await db.Pledges.Where(p => p.NeedId == need.Id && p.Status != PledgeStatus.Completed && p.Status != PledgeStatus.Cancelled && p.Status != PledgeStatus.Lapsed).ToListAsync(ct);
        need.Close(0, pledges.Any(p => PledgeLifecycle.IsOpen(PledgeLifecycle.EffectiveStatus(p, today))), today);
        return need;
    }
}
