using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Needs;
using OpenAid.Api.Notices;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Pledges;

public sealed record PledgeInput(
    string? Organization, string? Need, string? Project, string? Village, PledgeKind Kind, long Quantity, string? Unit, DateOnly? ConfirmBy, string? Program);

public sealed record PledgeReferenceInput(string Pledge);

public sealed record RecordDeliveryInput(string Pledge, long Quantity, DateOnly DeliveredOn, string Evidence);

public sealed record ConfirmReceiptInput(string Delivery);

public sealed record CancelPledgeInput(string Pledge, string Reason);

public sealed class PledgeInputType : InputObjectGraphType<PledgeInput>
{
    public PledgeInputType()
    {
        Name = "PledgeInput";
        Description = "A pledge of the caller's organisation against exactly one of: a need, a project or a village.";
        Field(x => x.Organization, nullable: true).Description("The pledging organisation's code; must be the caller's own (the default).");
        Field(x => x.Need, nullable: true).Description("The code of an open need to pledge against; the pledge takes room from it and never more than is left.");
        Field(x => x.Project, nullable: true).Description("The code of an active project to support.");
        Field(x => x.Village, nullable: true).Description("The 12-digit code of a village to support.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<PledgeKindType>)).Description("Money, goods, services, jobs or purchases. Against a need: money for a money need (purchases for a 消费扶贫 need), otherwise goods, services or jobs.");
        Field(x => x.Quantity, type: typeof(NonNullGraphType<LongGraphType>)).Description("How much: fen for money and purchases, otherwise in 'unit'.");
        Field(x => x.Unit, nullable: true).Description("The unit of goods, services or jobs (a need's own unit when against a need); leave out for money.");
        Field(x => x.ConfirmBy, nullable: true).Description($"The day by which the agreement is confirmed, or the pledge lapses: today to {PledgeLifecycle.MaxConfirmDays} days on; {PledgeLifecycle.DefaultConfirmDays} days on when left out.");
        Field(x => x.Program, nullable: true).Description("The code of a program the organisation joined to count the pledge for; by default the program of the need's pairing or of a pairing that covers the place.");
    }
}

public sealed class ConfirmPledgeInputType : InputObjectGraphType<PledgeReferenceInput>
{
    public ConfirmPledgeInputType()
    {
        Name = "ConfirmPledgeInput";
        Description = "A pledge whose agreement the village side confirms.";
        Field(x => x.Pledge).Description("The pledge's code.");
    }
}

public sealed class RecordDeliveryInputType : InputObjectGraphType<RecordDeliveryInput>
{
    public RecordDeliveryInputType()
    {
        Name = "RecordDeliveryInput";
        Description = "Part (or all) of a confirmed pledge delivered, with evidence. The deliveries of a pledge never add up to more than it.";
        Field(x => x.Pledge).Description("The pledge's code.");
        Field(x => x.Quantity, type: typeof(NonNullGraphType<LongGraphType>)).Description("How much was delivered, in the pledge's unit (fen for money).");
        Field(x => x.DeliveredOn).Description("The day it was delivered: between the pledge and today.");
        Field(x => x.Evidence).Description("The evidence, described: e.g. a bank slip number or a receipt signed by the village committee (public; no personal data, no photos of people).");
    }
}

public sealed class ConfirmReceiptInputType : InputObjectGraphType<ConfirmReceiptInput>
{
    public ConfirmReceiptInputType()
    {
        Name = "ConfirmReceiptInput";
        Description = "A delivery the village confirms it received.";
        Field<NonNullGraphType<IdGraphType>>("delivery").Description("The delivery's global ID (PledgeDelivery.id).");
    }
}

public sealed class CancelPledgeInputType : InputObjectGraphType<CancelPledgeInput>
{
    public CancelPledgeInputType()
    {
        Name = "CancelPledgeInput";
        Description = "A pledge the donor withdraws, with a public reason; what was delivered stays delivered.";
        Field(x => x.Pledge).Description("The pledge's code.");
        Field(x => x.Reason).Description("Why (public).");
    }
}

public sealed class PledgePayloadType() : PayloadType<PledgeType>("PledgePayload", "pledge", "The pledge made.");

public sealed class ConfirmPledgePayloadType() : PayloadType<PledgeType>("ConfirmPledgePayload", "pledge", "The pledge, now confirmed.");

public sealed class RecordDeliveryPayloadType() : PayloadType<PledgeDeliveryType>("RecordDeliveryPayload", "delivery", "The delivery recorded; its id is what the village confirms.");

public sealed class ConfirmReceiptPayloadType() : PayloadType<PledgeDeliveryType>("ConfirmReceiptPayload", "delivery", "The delivery, now received.");

public sealed class CancelPledgePayloadType() : PayloadType<PledgeType>("CancelPledgePayload", "pledge", "The pledge, now cancelled.");

public sealed class PledgeMutations(TimeProvider clock) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PledgePayloadType>>("pledge")
            .Description("Pledges support for the caller's own organisation (Donor) against a need, a project or a village. A need is never pledged beyond what it asks, however many donors pledge at once.")
            .Argument<NonNullGraphType<PledgeInputType>>("input", "The pledge.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Donor, (db, actor, ct) => PledgeAsync(db, actor, ctx.GetArgument<PledgeInput>("input"), ct)));
        mutation.Field<NonNullGraphType<ConfirmPledgePayloadType>>("confirmPledge")
            .Description("Confirms the agreement of a pledge (Publisher of the village's region), before its confirmation date.")
            .Argument<NonNullGraphType<ConfirmPledgeInputType>>("input", "The pledge.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => ConfirmAsync(db, actor, ctx.GetArgument<PledgeReferenceInput>("input"), ct)));
        mutation.Field<NonNullGraphType<RecordDeliveryPayloadType>>("recordDelivery")
            .Description("Records a delivery of a confirmed pledge, with its date and evidence (Donor of the pledging organisation).")
            .Argument<NonNullGraphType<RecordDeliveryInputType>>("input", "The delivery.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Donor, (db, actor, ct) => DeliverAsync(db, actor, ctx.GetArgument<RecordDeliveryInput>("input"), ct)));
        mutation.Field<NonNullGraphType<ConfirmReceiptPayloadType>>("confirmReceipt")
            .Description("Confirms, for the village, that a delivery arrived (Publisher of the village's region): what turns a promise into a delivery.")
            .Argument<NonNullGraphType<ConfirmReceiptInputType>>("input", "The delivery.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => ReceiveAsync(db, actor, ctx.GetArgument<ConfirmReceiptInput>("input"), ct)));
        mutation.Field<NonNullGraphType<CancelPledgePayloadType>>("cancelPledge")
            .Description("Cancels what is not delivered yet of a pledge, with a public reason (Donor of the pledging organisation).")
            .Argument<NonNullGraphType<CancelPledgeInputType>>("input", "The pledge and the reason.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Donor, (db, actor, ct) => CancelAsync(db, actor, ctx.GetArgument<CancelPledgeInput>("input"), ct)));
    }

    private async Task<Pledge> PledgeAsync(OpenAidDbContext db, Actor actor, PledgeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Donor);
        if (input.Organization is { } organization)
        {
            actor.RequireForOrganization(Roles.Donor, organization);
        }

        var donor = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        var today = NoticeCalendar.Today(clock);
        var quantity = input.Quantity is > 0 and <= WriteChecks.MaxAmountFen
            ? input.Quantity
            : throw new DomainException("INVALID_QUANTITY", $"'quantity' must be more than 0 and at most {WriteChecks.MaxAmountFen}; it was {input.Quantity}.", "quantity");
        var confirmBy = input.ConfirmBy ?? today.AddDays(PledgeLifecycle.DefaultConfirmDays);
        if (confirmBy < today || confirmBy > today.AddDays(PledgeLifecycle.MaxConfirmDays))
        {
            throw new DomainException("INVALID_DATE", $"'confirmBy' ({confirmBy:yyyy-MM-dd}) must be from today to {PledgeLifecycle.MaxConfirmDays} days on.", "confirmBy");
        }

        var pledge = new Pledge
        {
            Code = "",
            OrganizationId = donor.Id,
            Kind = input.Kind,
            Quantity = quantity,
            Unit = "",
            Status = PledgeStatus.Pledged,
            PledgedAt = clock.GetUtcNow(),
            ConfirmBy = confirmBy,
        };
        string purpose;
        int? pairingId = null;
        switch ((input.Need, input.Project, input.Village))
        {
            case ({ } needCode, null, null):
                var need = await NeedLocks.LockAsync(db, needCode, "need", today, ct);
                pledge.Unit = UnitFor(input, need);
                NeedLifecycle.TakePledge(need, quantity, today);
                (pledge.NeedId, pledge.ProjectId, pledge.RegionCode, pairingId, purpose) = (need.Id, need.ProjectId, need.RegionCode, need.PairingId, need.Title);
                break;
            case (null, { } projectCode, null):
                var project = await WriteChecks.ByCodeAsync(db.Projects.AsNoTracking(), projectCode, "project", ct);
                if (project.Status is ProjectStatus.Cancelled or ProjectStatus.Closed)
                {
                    throw new DomainException("PROJECT_NOT_ACTIVE", $"Project {project.Code} is {project.Status}; pledge to an active project.", "project");
                }

                pledge.Unit = UnitFor(input, null);
                (pledge.ProjectId, pledge.RegionCode, purpose) = (project.Id, project.RegionCode, project.Name);
                break;
            case (null, null, { } villageCode):
                var village = await WriteChecks.RegionAsync(db, villageCode, "village", ct);
                if (village.Level != RegionLevel.Village)
                {
                    throw new DomainException("NOT_A_VILLAGE", $"{village.Name} is a {village.Level}; pledge to a village (12 digits), or to one of its needs.", "village");
                }

                pledge.Unit = UnitFor(input, null);
                (pledge.RegionCode, purpose) = (village.Code, $"帮扶{village.Name}");
                break;
            default:
                throw new DomainException("ONE_TARGET_REQUIRED", "Pledge against exactly one of 'need', 'project' or 'village'.", "need");
        }

        pledge.ProgramId = await ProgramForAsync(db, donor, input.Program, pairingId, pledge.RegionCode, ct);
        var prefix = RegisterNumbers.Prefix("RJ", pledge.RegionCode, today.Year);
        pledge.Code = RegisterNumbers.Next(prefix, await db.Pledges.Select(p => p.Code).Where(c => c.StartsWith(prefix)).ToListAsync(ct));
        db.Pledges.Add(pledge);
        await PledgeMoney.RecordPledgeAsync(db, pledge, donor, today, purpose, ct);
        return pledge;
    }

    /// <summary>The unit of the pledge: fen for money and purchases; against a need, the need's own unit and a kind that fits it.</summary>
    private static string UnitFor(PledgeInput input, Need? need)
    {
        var money = PledgeLifecycle.IsMoney(input.Kind);
        if (need is not null)
        {
            var fits = NeedLifecycle.IsMoney(need)
                ? input.Kind == (need.Category == NeedCategory.ProductPurchase ? PledgeKind.Purchases : PledgeKind.Money)
                : !money;
            if (!fits)
            {
                throw new DomainException("KIND_MISMATCH", $"Need {need.Code} asks {(NeedLifecycle.IsMoney(need) ? "money" : $"a quantity in {need.Unit}")}; a {input.Kind} pledge does not fit it.", "kind");
            }

            return input.Unit is null || input.Unit == need.Unit
                ? need.Unit
                : throw new DomainException("UNIT_MISMATCH", $"Need {need.Code} is counted in {need.Unit}; pledge in that unit.", "unit");
        }

        if (money)
        {
            return input.Unit is null || input.Unit == NeedLifecycle.MoneyUnit
                ? NeedLifecycle.MoneyUnit
                : throw new DomainException("UNIT_NOT_APPLICABLE", "Money and purchases are counted in fen; leave 'unit' out.", "unit");
        }

        var unit = WriteChecks.PublicText(input.Unit, "unit", 20);
        return unit != NeedLifecycle.MoneyUnit ? unit : throw new DomainException("INVALID_UNIT", "Pledge money as kind MONEY.", "unit");
    }

    /// <summary>The program named (which the donor must have joined), else the need's pairing's, else that of a pairing of the donor covering the place.</summary>
    private static async Task<int?> ProgramForAsync(OpenAidDbContext db, Organization donor, string? programCode, int? needPairing, long regionCode, CancellationToken ct)
    {
        if (programCode is not null)
        {
            var program = await WriteChecks.ByCodeAsync(db.Programs.AsNoTracking(), programCode, "program", ct);
            return await db.ProgramMemberships.AnyAsync(m => m.ProgramId == program.Id && m.OrganizationId == donor.Id, ct)
                ? program.Id
                : throw new DomainException("NOT_A_MEMBER", $"{donor.Name} has not joined {program.Name}; pledge without 'program' or for a program it joined.", "program");
        }

        if (needPairing is { } pairing)
        {
            return await db.Pairings.Where(p => p.Id == pairing).Select(p => (int?)p.ProgramId).SingleOrDefaultAsync(ct);
        }

        return (await OrganizationPairings.LoadAsync(db, donor, ct)).FirstOrDefault(p => p.Contains(regionCode))?.Program.Id;
    }

    private async Task<Pledge> ConfirmAsync(OpenAidDbContext db, Actor actor, PledgeReferenceInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var (pledge, _) = await LockAsync(db, await PledgeIdAsync(db, input.Pledge, ct), key => actor.RequireInRegion(Roles.Publisher, key.RegionCode), ct);
        PledgeLifecycle.Confirm(pledge, clock.GetUtcNow(), NoticeCalendar.Today(clock));
        return pledge;
    }

    private async Task<PledgeDelivery> DeliverAsync(OpenAidDbContext db, Actor actor, RecordDeliveryInput input, CancellationToken ct)
    {
        actor.Require(Roles.Donor);
        var (pledge, _) = await LockAsync(db, await PledgeIdAsync(db, input.Pledge, ct), key => actor.RequireForOrganization(Roles.Donor, key.OrganizationCode), ct);
        var evidence = WriteChecks.PublicText(input.Evidence, "evidence", 2000);
        return PledgeLifecycle.Deliver(pledge, input.Quantity, input.DeliveredOn, evidence, NoticeCalendar.Today(clock));
    }

    private async Task<PledgeDelivery> ReceiveAsync(OpenAidDbContext db, Actor actor, ConfirmReceiptInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var id = GlobalId.TryDecode(input.Delivery, out var type, out var key) && type == PledgeDeliveryType.TypeName && key is > 0 and <= int.MaxValue
            ? (int)key
            : throw new DomainException("INVALID_ID", $"'{input.Delivery}' is not the ID of a PledgeDelivery; use the 'id' of a delivery.", "delivery");
        var pledgeId = await db.PledgeDeliveries.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.PledgeId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("NOT_FOUND", "No delivery has this ID.", "delivery");
        var (pledge, need) = await LockAsync(db, pledgeId, k => actor.RequireInRegion(Roles.Publisher, k.RegionCode), ct);
        var delivery = pledge.Deliveries.Single(d => d.Id == id);
        var unit = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        PledgeLifecycle.Receive(pledge, delivery, unit.Name, clock.GetUtcNow());
        if (need is not null)
        {
            NeedLifecycle.Receive(need, delivery.Quantity);
        }

        await PledgeMoney.RecordReceiptAsync(db, pledge, delivery, ct);
        return delivery;
    }

    private async Task<Pledge> CancelAsync(OpenAidDbContext db, Actor actor, CancelPledgeInput input, CancellationToken ct)
    {
        actor.Require(Roles.Donor);
        var (pledge, need) = await LockAsync(db, await PledgeIdAsync(db, input.Pledge, ct), key => actor.RequireForOrganization(Roles.Donor, key.OrganizationCode), ct);
        var released = PledgeLifecycle.Cancel(pledge, WriteChecks.PublicText(input.Reason, "reason", 1000), NoticeCalendar.Today(clock));
        if (need is not null)
        {
            NeedLifecycle.Release(need, released);
        }

        return pledge;
    }

    private static async Task<int> PledgeIdAsync(OpenAidDbContext db, string code, CancellationToken ct) =>
        await db.Pledges.AsNoTracking().Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("NOT_FOUND", $"No pledge has the code '{code}'.", "pledge");

    /// <summary>What authorisation looks at before anything is locked.</summary>
    private sealed record PledgeKey(long RegionCode, string OrganizationCode, int? NeedId);

    /// <summary>
    /// Authorises, then locks the pledge's need (if any, see <see cref="NeedLocks"/>) and the pledge's own row, in that
    /// order, and returns both tracked: two writes on one pledge never interleave, so deliveries never exceed it.
    /// </summary>
    private async Task<(Pledge Pledge, Need? Need)> LockAsync(OpenAidDbContext db, int pledgeId, Action<PledgeKey> authorize, CancellationToken ct)
    {
        var key = await db.Pledges.AsNoTracking().Where(p => p.Id == pledgeId)
            .Select(p => new PledgeKey(p.RegionCode, db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Code).First(), p.NeedId))
            .SingleAsync(ct);
        authorize(key);
        var need = key.NeedId is { } needId ? await NeedLocks.LockAsync(db, needId, NoticeCalendar.Today(clock), ct) : null;
        await db.Pledges.Where(p => p.Id == pledgeId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), ct);
        var pledge = await db.Pledges.Include(p => p.Deliveries).SingleAsync(p => p.Id == pledgeId, ct);
        return (pledge, need);
    }
}
