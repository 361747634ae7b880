using System.ComponentModel;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Needs;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;

namespace OpenAid.Api.Pledges;

[Description("A pledge of the caller's organisation against exactly one of: a need, a project or a village.")]
public sealed record PledgeInput
{
    [Description("The pledging organisation's code; must be the caller's own (the default).")]
    public string? Organization { get; init; }

    [Description("The code of an open need to pledge against; the pledge takes room from it and never more than is left.")]
    public string? Need { get; init; }

    [Description("The code of an active project to support.")]
    public string? Project { get; init; }

    [Description("The 12-digit code of a village to support.")]
    public string? Village { get; init; }

    [Description("Money, goods, services, jobs or purchases. Against a need: money for a money need (purchases for a 消费扶贫 need), otherwise goods, services or jobs.")]
    public required PledgeKind Kind { get; init; }

    [Description("How much: fen for money and purchases, otherwise in 'unit'.")]
    public required long Quantity { get; init; }

    [Description("The unit of goods, services or jobs (a need's own unit when against a need); leave out for money.")]
    public string? Unit { get; init; }

    [Description("The day by which the agreement is confirmed, or the pledge lapses: today to 90 days on; 30 days on when left out.")]
    public DateOnly? ConfirmBy { get; init; }

    [Description("The code of a program the organisation joined to count the pledge for; by default the program of the need's pairing or of a pairing that covers the place.")]
    public string? Program { get; init; }
}

[Description("A pledge whose agreement the village side confirms.")]
public sealed record ConfirmPledgeInput
{
    [Description("The pledge's code.")]
    public required string Pledge { get; init; }
}

[Description("Part (or all) of a confirmed pledge delivered, with evidence. The deliveries of a pledge never add up to more than it.")]
public sealed record RecordDeliveryInput
{
    [Description("The pledge's code.")]
    public required string Pledge { get; init; }

    [Description("How much was delivered, in the pledge's unit (fen for money).")]
    public required long Quantity { get; init; }

    [Description("The day it was delivered: between the pledge and today.")]
    public required DateOnly DeliveredOn { get; init; }

    [Description("The evidence, described: e.g. a bank slip number or a receipt signed by the village committee (public; no personal data, no photos of people).")]
    public required string Evidence { get; init; }
}

[Description("A delivery the village confirms it received.")]
public sealed record ConfirmReceiptInput
{
    [Id]
    [Description("The delivery's global ID (PledgeDelivery.id).")]
    public required string Delivery { get; init; }
}

[Description("A pledge the donor withdraws, with a public reason; what was delivered stays delivered.")]
public sealed record CancelPledgeInput
{
    [Description("The pledge's code.")]
    public required string Pledge { get; init; }

    [Description("Why (public).")]
    public required string Reason { get; init; }
}

/// <summary>Donors pledge against needs, projects and villages; the village confirms agreements and receipts.</summary>
public sealed class PledgeOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<PledgeInput, PledgeType>(
            "pledge", Roles.Donor, "Pledges support for the caller's own organisation (Donor) against a need, a project or a village. A need is never pledged beyond what it asks, however many donors pledge at once.",
            "The pledge.", "pledge", "The pledge made.")
            .Handle(PledgeAsync);
        operations.Mutation<ConfirmPledgeInput, PledgeType>(
            "confirmPledge", Roles.Publisher, "Confirms the agreement of a pledge (Publisher of the village's region), before its confirmation date.",
            "The pledge.", "pledge", "The pledge, now confirmed.")
            .Handle(ConfirmAsync);
        operations.Mutation<RecordDeliveryInput, PledgeDeliveryType>(
            "recordDelivery", Roles.Donor, "Records a delivery of a confirmed pledge, with its date and evidence (Donor of the pledging organisation).",
            "The delivery.", "delivery", "The delivery recorded; its id is what the village confirms.")
            .Handle(DeliverAsync);
        operations.Mutation<ConfirmReceiptInput, PledgeDeliveryType>(
            "confirmReceipt", Roles.Publisher, "Confirms, for the village, that a delivery arrived (Publisher of the village's region): what turns a promise into a delivery.",
            "The delivery.", "delivery", "The delivery, now received.")
            .Handle(ReceiveAsync);
        operations.Mutation<CancelPledgeInput, PledgeType>(
            "cancelPledge", Roles.Donor, "Cancels what is not delivered yet of a pledge, with a public reason (Donor of the pledging organisation).",
            "The pledge and the reason.", "pledge", "The pledge, now cancelled.")
            .Handle(CancelAsync);
    }

    private static async Task<Pledge> PledgeAsync(WriteContext write, PledgeInput input)
    {
        var (db, ct, today) = (write.Db, write.Cancellation, write.Today);
        if (input.Organization is { } organization)
        {
            write.Actor.RequireForOrganization(Roles.Donor, organization);
        }

        var donor = await Lookups.OwnOrganizationAsync(db, input.Organization ?? OnlyOrganization(write.Actor), ct);
        var need = input.Need is null ? null : await NeedLocks.LockAsync(db, input.Need, "need", today, ct);
        var project = input.Project is null ? null : await Lookups.ByCodeAsync(db.Projects.AsNoTracking(), input.Project, "project", ct);
        var village = input.Village is null ? null : await Lookups.RegionAsync(db, input.Village, "village", ct);
        var program = input.Program is null ? null : await Lookups.ByCodeAsync(db.Programs.AsNoTracking(), input.Program, "program", ct);
        var joined = program is not null && await db.ProgramMemberships.AnyAsync(m => m.ProgramId == program.Id && m.OrganizationId == donor.Id && m.LeftOn == null, ct);
        var regionCode = need?.RegionCode ?? project?.RegionCode ?? village?.Code;
        var defaultProgram = program is null && regionCode is { } place ? await DefaultProgramAsync(db, donor, need?.PairingId, place, ct) : null;
        var pledge = Pledge.Make(
            donor, need, project, project?.TakesFunds ?? false, village, input.Kind, input.Quantity, input.Unit, input.ConfirmBy, program, joined, defaultProgram, write.Now, today);
        await Totals.RequireRoomAsync(db.Pledges, p => p.Quantity, pledge.Quantity, "quantity", ct);
        pledge.Number(await write.NextCodeAsync(Pledge.CodeKind, pledge.RegionCode, today.Year, db.Pledges.Select(p => p.Code)));
        db.Pledges.Add(pledge);
        await PledgeMoney.RecordPledgeAsync(db, pledge, donor, today, need?.Title ?? project?.Name ?? $"帮扶{village!.Name}", ct);
        return pledge;
    }

    /// <summary>The organisation a donor pledges for when it names none: its only one.</summary>
    private static string? OnlyOrganization(Actor actor)
    {
        var organizations = actor.GrantsOf(Roles.Donor).Select(g => g.OrganizationCode).OfType<string>().Distinct().ToList();
        return organizations.Count <= 1
            ? organizations.SingleOrDefault()
            : throw new DomainException(Errors.Required, $"You act for {string.Join(", ", organizations)}: name the one this pledge is for in 'organization'.", "organization");
    }

    /// <summary>Without a program named: the need's pairing's, else that of a pairing of the donor covering the place.</summary>
    private static async Task<int?> DefaultProgramAsync(OpenAidDbContext db, Organization donor, int? needPairing, long regionCode, CancellationToken ct)
    {
        if (needPairing is { } pairing)
        {
            return await db.Pairings.Where(p => p.Id == pairing).Select(p => (int?)p.ProgramId).SingleOrDefaultAsync(ct);
        }

        return (await OrganizationPairings.LoadAsync(db, donor, ct)).FirstOrDefault(p => p.Contains(regionCode))?.Program.Id;
    }

    private static async Task<Pledge> ConfirmAsync(WriteContext write, ConfirmPledgeInput input)
    {
        var (pledge, _) = await LockAsync(write, input.Pledge, key => write.RequireInScope(key.RegionCode));
        pledge.Confirm(write.Now, write.Today);
        return pledge;
    }

    private static async Task<PledgeDelivery> DeliverAsync(WriteContext write, RecordDeliveryInput input)
    {
        var (pledge, _) = await LockAsync(write, input.Pledge, key => write.Actor.RequireForOrganization(Roles.Donor, key.OrganizationCode));
        return pledge.RecordDelivery(input.Quantity, input.DeliveredOn, input.Evidence, write.Today);
    }

    private static async Task<PledgeDelivery> ReceiveAsync(WriteContext write, ConfirmReceiptInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var id = GlobalId.TryDecode(input.Delivery, out var type, out var key) && type == PledgeDeliveryType.TypeName && key is > 0 and <= int.MaxValue
            ? (int)key
            : throw new DomainException(Errors.InvalidId, $"'{input.Delivery}' is not the ID of a PledgeDelivery; use the 'id' of a delivery.", "delivery", ("id", input.Delivery), ("expected", "PledgeDelivery"));
        var pledgeId = await db.PledgeDeliveries.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.PledgeId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(Errors.NotFound, "No delivery has this ID.", "delivery", ("record", "PledgeDelivery"));
        var (pledge, need) = await LockAsync(write, pledgeId, k => write.RequireInScope(k.RegionCode));
        var delivery = pledge.Deliveries.Single(d => d.Id == id);
        var unit = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(pledge.RegionCode), ct);
        pledge.ConfirmReceipt(delivery, need, unit.Name, write.Now);
        await PledgeMoney.RecordReceiptAsync(db, pledge, delivery, ct);
        return delivery;
    }

    private static async Task<Pledge> CancelAsync(WriteContext write, CancelPledgeInput input)
    {
        var (pledge, need) = await LockAsync(write, input.Pledge, key => write.Actor.RequireForOrganization(Roles.Donor, key.OrganizationCode));
        pledge.Cancel(input.Reason, need, write.Today);
        return pledge;
    }

    private static async Task<int> PledgeIdAsync(OpenAidDbContext db, string code, CancellationToken ct) =>
        await db.Pledges.AsNoTracking().Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(Errors.NotFound, $"No pledge has the code '{code}'.", "pledge", ("record", "Pledge"), ("code", code));

    /// <summary>Locks the pledge with this code (see <see cref="LockAsync(WriteContext, int, Action{PledgeKey})"/>).</summary>
    private static async Task<(Pledge Pledge, Need? Need)> LockAsync(WriteContext write, string code, Action<PledgeKey> authorize) =>
        await LockAsync(write, await PledgeIdAsync(write.Db, code, write.Cancellation), authorize);

    /// <summary>What authorisation looks at before anything is locked.</summary>
    private sealed record PledgeKey(long RegionCode, string OrganizationCode, int? NeedId);

    /// <summary>
    /// Authorises, then locks the pledge's need (if any, see <see cref="NeedLocks"/>) and the pledge's own row, in that
    /// order, and returns both tracked: two writes on one pledge never interleave, so deliveries never exceed it.
    /// </summary>
    private static async Task<(Pledge Pledge, Need? Need)> LockAsync(WriteContext write, int pledgeId, Action<PledgeKey> authorize)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var key = await db.Pledges.AsNoTracking().Where(p => p.Id == pledgeId)
            .Select(p => new PledgeKey(p.RegionCode, db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Code).First(), p.NeedId))
            .SingleAsync(ct);
        authorize(key);
        var need = key.NeedId is { } needId ? await NeedLocks.LockAsync(db, needId, write.Today, ct) : null;
        // Sets the status to itself: the row is locked, no value changes, so the trail has nothing to record.
        await db.Pledges.Where(p => p.Id == pledgeId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), ct);
        var pledge = await db.Pledges.Include(p => p.Deliveries).SingleAsync(p => p.Id == pledgeId, ct);
        return (pledge, need);
    }
}
