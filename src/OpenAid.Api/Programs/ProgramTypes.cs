using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Organizations;
using OpenAid.Api.Regions;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;

namespace OpenAid.Api.Programs;

public sealed class ProgramType : ObjectGraphType<AidProgram>
{
    public const string TypeName = "Program";

    public ProgramType()
    {
        Name = TypeName;
        Description = "A campaign that organisations join, such as 万企帮万村 or 粤桂扶贫协作.";
        Field(p => p.Code).Description("Stable public code, e.g. \"WQBWC\".").Exported();
        Field(p => p.Name).Description("The program's name.").Exported();
        Field(p => p.Description).Description("What the program is and who runs it.").Exported();
        Field(p => p.StartYear).Description("The year the program started.").Exported();
        Field<RegionType>("region").Description("The region that leads the program, where it applies; null for a national program.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(p => p.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<ProgramKind>>)).Description("What kind of program this is.").Exported();
        Field(p => p.EndYear, nullable: true).Description("The program's last year; null while it runs without a set end.").Exported();
        this.NodeId(TypeName, p => p.Id).Exported();
        Field<NonNullGraphType<ConnectionType<OrganizationType, Organization>>>("members")
            .Description("The organisations that are members of the program now, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                // From the memberships, whose key (ProgramId, OrganizationId) gives the page in order without a scan.
                var db = ctx.Db();
                var members = db.ProgramMemberships.Where(m => m.ProgramId == ctx.Source.Id && m.LeftOn == null)
                    .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o);
                return await ctx.PageAsync(members, o => o.Id);
            });
        Field<NonNullGraphType<ConnectionType<ProgramMembershipType, ProgramMembership>>>("memberships")
            .Description("Every membership of the program, current and ended (with the year joined and why it ended), newest organisation first.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().ProgramMemberships.Where(m => m.ProgramId == ctx.Source.Id), m => m.OrganizationId));
        Field<NonNullGraphType<ConnectionType<PairingType, Pairing>>>("pairings")
            .Description("The pairings made under the program, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().Pairings.Where(p => p.ProgramId == ctx.Source.Id), p => p.Id));
    }
}

public sealed class PairingType : ObjectGraphType<Pairing>
{
    public const string TypeName = "Pairing";

    public PairingType()
    {
        Name = TypeName;
        Description = "A helper (an organisation or a region) paired with a helped region for a period, under a program (结对帮扶).";
        Field(p => p.Code).Description("Stable public code.").Exported();
        Field<NonNullGraphType<ProgramType>>("program").Description("The program the pairing belongs to.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(ProgramType.TypeName, ctx.Source.ProgramId));
        Field<OrganizationType>("helperOrganization").Description("The helping organisation, when the helper is an organisation.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.HelperOrganizationId));
        Field<RegionType>("helperRegion").Description("The helping region, when the helper is a region (e.g. a Guangdong city).").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.HelperRegionCode));
        Field<NonNullGraphType<RegionType>>("helpedRegion").Description("The region that is helped.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.HelpedRegionCode));
        Field(p => p.StartYear).Description("The first year of the pairing.").Exported();
        Field(p => p.EndYear, nullable: true).Description("The last year of the pairing; null while open-ended.").Exported();
        Field(p => p.YearlyPlan).Description("The yearly plan: what the helper commits to do.").Exported();
        this.MoneyField("yearlyBudget", "The yearly budget of the pairing.", p => p.YearlyBudgetFen).Exported("yuan", "fen");
        Field(p => p.EndedOn, nullable: true).Description("The day the pairing was ended before its time; null unless it was.").Exported();
        Field(p => p.EndReason, nullable: true).Description("Why the pairing was ended (public).").Exported();
        this.NodeId(TypeName, p => p.Id).Exported();
        Field(p => p.IsDemo).Description("True for generated demonstration data, which is not real.")
            .NotExported(ExportMetadata.NotInPublishedColumns);
    }
}

public sealed class ProgramMembershipType : ObjectGraphType<ProgramMembership>
{
    public ProgramMembershipType()
    {
        Name = "ProgramMembership";
        Description = "An organisation's membership of a program: current, or ended with a reason.";
        Field<NonNullGraphType<ProgramType>>("program").Description("The program.")
            .Resolve(ctx => ctx.LoadNode(ProgramType.TypeName, ctx.Source.ProgramId));
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The member.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field(m => m.JoinedYear).Description("The year it joined (or joined again).");
        Field(m => m.LeftOn, nullable: true).Description("The day it left; null while it is a member.");
        Field(m => m.LeaveReason, nullable: true).Description("Why it left (public).");
        Field(m => m.IsCurrent).Description("True while the organisation is a member: only members pledge in the program.");
    }
}

public sealed class ProgramApplicationType : ObjectGraphType<ProgramApplication>
{
    public const string TypeName = "ProgramApplication";

    public ProgramApplicationType()
    {
        Name = TypeName;
        Description = "An organisation's application to join a program and its decision. Applications and their reasons are public, as the memberships they lead to are.";
        this.NodeId(TypeName, a => a.Id);
        Field<NonNullGraphType<ProgramType>>("program").Description("The program applied to.")
            .Resolve(ctx => ctx.LoadNode(ProgramType.TypeName, ctx.Source.ProgramId));
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The applying organisation.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field(a => a.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ApplicationStatus>>)).Description("Pending, approved or declined.");
        Field(a => a.Motivation).Description("What the organisation means to do in the program.");
        Field(a => a.AppliedAt).Description("When it applied.");
        Field(a => a.DecidedAt, nullable: true).Description("When it was decided; null while pending.");
        Field(a => a.DecisionReason, nullable: true).Description("Why it was approved or declined; always given for a decline.");
    }
}

public sealed class ProgramQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<ProgramType, AidProgram>("program", "A program by its code; null when none has it.", "The program code, e.g. \"YGXZ\".", db => db.Programs);
        query.Field<NonNullGraphType<ConnectionType<ProgramType, AidProgram>>>("programs")
            .Description("All programs, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().Programs, p => p.Id));
        query.Field<NonNullGraphType<ConnectionType<ProgramApplicationType, ProgramApplication>>>("programApplications")
            .Description("Applications to join programs, newest first; ask for status PENDING for the queue that waits on a decision.")
            .Argument<EnumerationGraphType<ApplicationStatus>>("status", "Only applications in this status.")
            .Argument<StringGraphType>("program", "Only applications to the program with this code.")
            .Argument<StringGraphType>("organization", "Only applications of the organisation with this code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var applications = db.ProgramApplications.AsQueryable();
                if (ctx.GetArgument<ApplicationStatus?>("status") is { } status)
                {
                    applications = applications.Where(a => a.Status == status);
                }

                if (ctx.GetArgument<string?>("program") is { } program)
                {
                    applications = applications.Where(a => db.Programs.Any(p => p.Id == a.ProgramId && p.Code == program));
                }

                if (ctx.GetArgument<string?>("organization") is { } organization)
                {
                    applications = applications.Where(a => db.Organizations.Any(o => o.Id == a.OrganizationId && o.Code == organization));
                }

                return await ctx.PageAsync(applications, a => a.Id);
            });
        query.Field<NonNullGraphType<ConnectionType<PairingType, Pairing>>>("pairings")
            .Description("Pairings, newest first.")
            .Argument<StringGraphType>("program", "Only pairings of the program with this code.")
            .RegionArgument()
            .YearArgument("Only pairings active in this year.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var pairings = db.Pairings.AsQueryable();
                if (ctx.GetArgument<string?>("program") is { } program)
                {
                    var programId = await db.Programs.Where(g => g.Code == program).Select(g => (int?)g.Id).FirstOrDefaultAsync(ctx.CancellationToken);
                    pairings = pairings.Where(p => p.ProgramId == programId);
                }

                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    pairings = pairings.InSubtree(region, p => p.HelpedRegionCode);
                }

                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    pairings = pairings.Where(p => p.StartYear <= year && (p.EndYear == null || p.EndYear >= year));
                }

                return await ctx.PageAsync(pairings, p => p.Id);
            });
    }
}

public sealed class ProgramNodes() : IdNodeSource<AidProgram>(ProgramType.TypeName, db => db.Programs, p => p.Id);

public sealed class PairingNodes() : IdNodeSource<Pairing>(PairingType.TypeName, db => db.Pairings, p => p.Id);

public sealed class ProgramApplicationNodes() : IdNodeSource<ProgramApplication>(ProgramApplicationType.TypeName, db => db.ProgramApplications, a => a.Id);
