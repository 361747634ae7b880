using System.ComponentModel;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;

namespace OpenAid.Api.Programs;

[Description("A program organisations join: its code, name, kind, description, period and lead region.")]
public sealed record CreateProgramInput
{
    [Description("The public code: 2–16 capital letters and digits, starting with a letter, e.g. \"YGXZ\"; unique.")]
    public required string Code { get; init; }

    [Description("The program's name, e.g. 粤桂扶贫协作.")]
    public required string Name { get; init; }

    [Description("An enterprise campaign, east–west cooperation, county pairing or designated assistance.")]
    public required ProgramKind Kind { get; init; }

    [Description("What the program is and who runs it (public).")]
    public required string Description { get; init; }

    [Description("The year it started (1980–2100).")]
    public required int StartYear { get; init; }

    [Description("Its last year; leave out while it runs without a set end.")]
    public int? EndYear { get; init; }

    [Description("The code of the region that leads it, where it applies; leave out for a national program.")]
    public string? Region { get; init; }
}

[Description("An application of the caller's organisation to join a program.")]
public sealed record ApplyToProgramInput
{
    [Description("The applying organisation's code: the caller's own.")]
    public required string Organization { get; init; }

    [Description("The program's code, e.g. \"YGXZ\".")]
    public required string Program { get; init; }

    [Description("What the organisation means to do in the program (public; no personal data).")]
    public required string Motivation { get; init; }
}

[Description("Approve or decline an application.")]
public enum ApplicationDecision
{
    [Description("Approve: the organisation becomes a member of the program.")]
    Approve = 1,
    [Description("Decline, with a reason.")]
    Decline = 2,
}

[Description("The decision on a pending application to join a program.")]
public sealed record DecideProgramApplicationInput
{
    [Id]
    [Description("The application's global ID (ProgramApplication.id).")]
    public required string Application { get; init; }

    [Description("Approve or decline.")]
    public required ApplicationDecision Decision { get; init; }

    [Description("Why (public); required when declining.")]
    public string? Reason { get; init; }
}

[Description("An organisation leaving a program, with a public reason; from today it pledges in it no more.")]
public sealed record LeaveProgramInput
{
    [Description("The organisation's code.")]
    public required string Organization { get; init; }

    [Description("The program's code.")]
    public required string Program { get; init; }

    [Description("Why (public).")]
    public required string Reason { get; init; }
}

[Description("A pairing under a program: exactly one helper (an organisation or a region), the helped region, the years, the yearly plan and budget.")]
public sealed record CreatePairingInput
{
    [Description("The program's code.")]
    public required string Program { get; init; }

    [Description("The helping organisation's code; or give helperRegion.")]
    public string? HelperOrganization { get; init; }

    [Description("The helping region's code (e.g. a Guangdong city); or give helperOrganization.")]
    public string? HelperRegion { get; init; }

    [Description("The code of the region that is helped.")]
    public required string HelpedRegion { get; init; }

    [Description("The first year (2000–2100).")]
    public required int StartYear { get; init; }

    [Description("The last year; leave out while it is open-ended.")]
    public int? EndYear { get; init; }

    [Description("The yearly plan: what the helper commits to do (public).")]
    public required string YearlyPlan { get; init; }

    [Description("The yearly budget in fen (0 when the help is not money).")]
    public required long YearlyBudgetFen { get; init; }
}

[Description("A pairing ended with a public reason; it stays as history.")]
public sealed record EndPairingInput
{
    [Description("The pairing's code, e.g. \"JD-00012\".")]
    public required string Pairing { get; init; }

    [Description("Why (public).")]
    public required string Reason { get; init; }
}

/// <summary>
/// Programs, their members and pairings. Administrators create programs and pairings and decide applications (there
/// is no separate program-officer role: a program officer is given the Admin role); an organisation applies and leaves
/// through a Donor acting for it.
/// </summary>
public sealed class ProgramOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<CreateProgramInput, ProgramType>(
            "createProgram", Roles.Admin, "Creates a program organisations may apply to (Admin).",
            "The program.", "program", "The program created.")
            .Handle(CreateAsync);
        operations.Mutation<ApplyToProgramInput, ProgramApplicationType>(
            "applyToProgram", Roles.Donor, "Applies for the caller's organisation to join a program (Donor acting for it); an administrator decides.",
            "The application.", "application", "The application, pending.")
            .Handle(ApplyAsync);
        operations.Mutation<DecideProgramApplicationInput, ProgramApplicationType>(
            "decideProgramApplication", Roles.Admin, "Approves a pending application, making the organisation a member, or declines it with a reason (Admin).",
            "The application and the decision.", "application", "The application, decided.")
            .Handle(DecideAsync);
        operations.Mutation<LeaveProgramInput, ProgramMembershipType>(
            "leaveProgram", Roles.Donor, "Ends the caller's organisation's membership of a program, with a public reason (Donor acting for it).",
            "The membership and the reason.", "membership", "The membership, ended.")
            .Handle((write, input) =>
            {
                write.Actor.RequireForOrganization(Roles.Donor, input.Organization);
                return EndMembershipAsync(write, input);
            });
        operations.Mutation<LeaveProgramInput, ProgramMembershipType>(
            "removeProgramMember", Roles.Admin, "Ends an organisation's membership of a program, with a public reason (Admin).",
            "The membership and the reason.", "membership", "The membership, ended.")
            .Handle(EndMembershipAsync);
        operations.Mutation<CreatePairingInput, PairingType>(
            "createPairing", Roles.Admin, "Pairs a helper (an organisation or a region) with a helped region under a program, for years, with a yearly plan and budget (Admin).",
            "The pairing.", "pairing", "The pairing created, with its new code.")
            .Handle(PairAsync);
        operations.Mutation<EndPairingInput, PairingType>(
            "endPairing", Roles.Admin, "Ends a pairing with a public reason (Admin); it stays as history.",
            "The pairing and the reason.", "pairing", "The pairing, ended.")
            .Handle(EndPairingAsync);
    }

    private static async Task<AidProgram> CreateAsync(WriteContext write, CreateProgramInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var code = input.Code.Trim();
        var taken = await db.Programs.AnyAsync(p => p.Code == code, ct);
        var lead = input.Region is null ? null : await Lookups.RegionAsync(db, input.Region, "region", ct);
        var program = AidProgram.Create(code, taken, input.Name, input.Kind, input.Description, input.StartYear, input.EndYear, lead);
        db.Programs.Add(program);
        return program;
    }

    private static async Task<ProgramApplication> ApplyAsync(WriteContext write, ApplyToProgramInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        write.Actor.RequireForOrganization(Roles.Donor, input.Organization);
        var organization = await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), input.Organization, "organization", ct);
        var program = await Lookups.ByCodeAsync(db.Programs.AsNoTracking(), input.Program, "program", ct);
        var membership = await db.ProgramMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.ProgramId == program.Id && m.OrganizationId == organization.Id, ct);
        var pending = await db.ProgramApplications.AnyAsync(
            a => a.ProgramId == program.Id && a.OrganizationId == organization.Id && a.Status == ApplicationStatus.Pending, ct);
        var application = ProgramApplication.Apply(program, organization, membership, pending, input.Motivation, write.Now, write.Today);
        db.ProgramApplications.Add(application);
        return application;
    }

    private static async Task<ProgramApplication> DecideAsync(WriteContext write, DecideProgramApplicationInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var id = GlobalId.TryDecode(input.Application, out var type, out var key) && type == ProgramApplicationType.TypeName && key is > 0 and <= int.MaxValue
            ? (int)key
            : throw new DomainException(Errors.InvalidId, $"'{input.Application}' is not the ID of a ProgramApplication; use the 'id' of an application.", "application");
        var application = await db.ProgramApplications.SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new DomainException(Errors.NotFound, "No application has this ID.", "application");
        if (input.Decision == ApplicationDecision.Decline)
        {
            application.Decline(input.Reason, write.Now);
            return application;
        }

        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, ct);
        var former = await db.ProgramMemberships.SingleOrDefaultAsync(m => m.ProgramId == application.ProgramId && m.OrganizationId == application.OrganizationId, ct);
        if (application.Approve(program, former, input.Reason, write.Now, write.Today) is { } membership)
        {
            db.ProgramMemberships.Add(membership);
        }

        return application;
    }

    private static async Task<ProgramMembership> EndMembershipAsync(WriteContext write, LeaveProgramInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var organization = await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), input.Organization, "organization", ct);
        var program = await Lookups.ByCodeAsync(db.Programs.AsNoTracking(), input.Program, "program", ct);
        var membership = await db.ProgramMemberships.SingleOrDefaultAsync(m => m.ProgramId == program.Id && m.OrganizationId == organization.Id, ct)
            ?? throw new DomainException(Errors.NotAMember, $"{organization.Name} is not a member of {program.Name}.", "program");
        membership.Leave(input.Reason, write.Today);
        return membership;
    }

    private static async Task<Pairing> PairAsync(WriteContext write, CreatePairingInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var program = await Lookups.ByCodeAsync(db.Programs.AsNoTracking(), input.Program, "program", ct);
        var helper = input.HelperOrganization is null ? null : await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), input.HelperOrganization, "helperOrganization", ct);
        var helperRegion = input.HelperRegion is null ? null : await Lookups.RegionAsync(db, input.HelperRegion, "helperRegion", ct);
        var helped = await Lookups.RegionAsync(db, input.HelpedRegion, "helpedRegion", ct);
        var code = await write.NextSerialAsync(Pairing.CodePrefix, 5, db.Pairings.Select(p => p.Code));
        var pairing = Pairing.Create(
            code, program, helper, helperRegion, helped, input.StartYear, input.EndYear, input.YearlyPlan, input.YearlyBudgetFen, write.Today);
        await Totals.RequireRoomAsync(db.Pairings, p => p.YearlyBudgetFen, pairing.YearlyBudgetFen, "yearlyBudgetFen", ct);
        db.Pairings.Add(pairing);
        return pairing;
    }

    private static async Task<Pairing> EndPairingAsync(WriteContext write, EndPairingInput input)
    {
        var pairing = await Lookups.ByCodeAsync(write.Db.Pairings, input.Pairing, "pairing", write.Cancellation);
        pairing.End(input.Reason, write.Today);
        return pairing;
    }
}
