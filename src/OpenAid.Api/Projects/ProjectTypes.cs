using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.Funds;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Organizations;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Data.Search;

namespace OpenAid.Api.Projects;

public sealed class ProjectType : ObjectGraphType<Project>
{
    public const string TypeName = "Project";

    public ProjectType(TimeProvider clock)
    {
        Name = TypeName;
        Description = "A poverty-alleviation project (扶贫项目), from the county project library to acceptance.";
        Field(p => p.Code).Description("Stable public code, e.g. \"XM-451021-2019-0007\".").Exported();
        Field(p => p.Name).Description("The project's name.").Exported();
        Field(p => p.Category, type: typeof(NonNullGraphType<EnumerationGraphType<ProjectCategory>>)).Description("The kind of project.").Exported();
        Field(p => p.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ProjectStatus>>)).Description("Where the project stands in its lifecycle.").Exported();
        Field<NonNullGraphType<RegionType>>("region").Description("Where the project is carried out: usually a village or a county.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<OrganizationType>>("implementingOrganization").Description("The unit that carries the project out.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.ImplementingOrganizationId));
        Field(p => p.ResponsibleRole).Description("The responsible person, by role title (never a private name or phone).").Exported();
        Field(p => p.FiscalYear).Description("The fiscal year the project was budgeted in.").Exported();
        Field(p => p.PlannedStart).Description("Planned start date.").Exported();
        Field(p => p.PlannedEnd).Description("Planned end date.").Exported();
        Field(p => p.ActualStart, nullable: true).Description("Actual start date, once started.").Exported();
        Field(p => p.ActualEnd, nullable: true).Description("Actual end date, once finished.").Exported();
        this.MoneyField("budget", "The project's budget.", p => p.BudgetFen).Exported("yuan", "fen");
        Field(p => p.BeneficiaryHouseholds).Description("How many households benefit (a count; never a list of names).").Exported();
        Field(p => p.BeneficiaryPeople).Description("How many people benefit (a count).").Exported();
        Field(p => p.CancellationReason, nullable: true).Description("Why the project was cancelled, if it was.").Exported();
        Field(p => p.Description).Description("What the project builds or does.").Exported();
        Field(p => p.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, p => p.Id).Exported();
        // Exported after the id: columns are appended, so that readers of older exports find theirs where they were.
        Field<NonNullGraphType<BooleanGraphType>>("isOverdue")
            .Description("Past its planned end and not accepted (still in the library, approved or being carried out), as of today.")
            .Resolve(ctx => ctx.Source.IsOverdueOn(clock.Today()))
            .Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PerformanceTargetType>>>>("targets")
            .Description("Performance targets (绩效目标) with baselines and actuals.")
            .ListSize(Project.MaxTargets)
            .Resolve(ctx => ctx.Loader().LoadMany<int, PerformanceTarget>(
                "project:targets",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().PerformanceTargets.Where(t => ids.Contains(t.ProjectId)).OrderBy(t => t.Id).ToListAsync(ct)).ToLookup(t => t.ProjectId)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundAllocationType>>>>("allocations")
            .Description("The fund allocations that finance the project: its fund structure.")
            .Resolve(ctx => ctx.Loader().LoadMany<int, FundAllocation>(
                "project:allocations",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().FundAllocations.Where(a => ids.Contains(a.ProjectId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.ProjectId)));
        Field<NonNullGraphType<ConnectionType<TransactionType, MoneyTransaction>>>("transactions")
            .Description("Money committed, disbursed and spent on the project, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().Transactions.Where(t => t.ProjectId == ctx.Source.Id), t => t.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeType>>>>("notices")
            .Description("The public notices about the project.")
            .Resolve(ctx => ctx.Loader().LoadMany<int, Notice>(
                "project:notices",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().NoticeProjects.Where(x => ids.Contains(x.ProjectId))
                        .Join(NoticeQueries.Public(ctx.Db()), x => x.NoticeId, n => n.Id, (x, n) => new { x.ProjectId, Notice = n })
                        .ToListAsync(ct))
                    .ToLookup(x => x.ProjectId, x => x.Notice)));
        Assets.AssetFields.AddTo(this);
    }
}

public sealed class PerformanceTargetType : ObjectGraphType<PerformanceTarget>
{
    public PerformanceTargetType()
    {
        Name = "PerformanceTarget";
        Description = "A performance indicator of a project with its baseline, target and actual value.";
        Field(t => t.Indicator).Description("What is measured, e.g. \"新建道路长度\".");
        Field(t => t.Unit).Description("The unit, e.g. \"公里\".");
        Field(t => t.Baseline).Description("The value before the project.");
        Field(t => t.Target).Description("The value the project aims for.");
        Field(t => t.Actual, nullable: true).Description("The value reached, once measured.");
    }
}

public sealed class ProjectQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<ProjectType, Project>("project", "A project by its public code; null when none has it.", "The project code, e.g. \"XM-451027-2019-0007\".", db => db.Projects);
        query.Field<NonNullGraphType<ConnectionType<ProjectType, Project>>>("projects")
            .Description("Projects, newest first.")
            .RegionArgument()
            .YearArgument("Only projects of this fiscal year.")
            .Argument<EnumerationGraphType<ProjectCategory>>("category", "Only projects of this category.")
            .Argument<EnumerationGraphType<ProjectStatus>>("status", "Only projects in this lifecycle state.")
            .Argument<BooleanGraphType>("overdue", "Only projects past their planned end and not accepted (true), or only the others (false).")
            .SearchArgument("Part of the project name, or its code.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(await FilterAsync(ctx, ctx.Db().Projects), p => p.Id));
    }

    /// <summary>The projects filters, shared by the list and the status counts.</summary>
    public static async Task<IQueryable<Project>> FilterAsync(IResolveFieldContext ctx, IQueryable<Project> projects)
    {
        if (await ctx.RegionArgumentAsync() is { } region)
        {
            projects = projects.InSubtree(region, p => p.RegionCode);
        }

        if (ctx.GetArgument<int?>("year") is { } year)
        {
            projects = projects.Where(p => p.FiscalYear == year);
        }

        if (ctx.GetArgument<ProjectCategory?>("category") is { } category)
        {
            projects = projects.Where(p => p.Category == category);
        }

        if (ctx.GetArgument<ProjectStatus?>("status") is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }

        if (ctx.GetArgument<bool?>("overdue") is { } overdue)
        {
            var late = Project.OverdueOn(ctx.RequestServices!.GetRequiredService<TimeProvider>().Today());
            projects = overdue ? projects.Where(late) : projects.Where(Expression.Lambda<Func<Project, bool>>(Expression.Not(late.Body), late.Parameters));
        }

        if (ctx.SearchText() is { } search)
        {
            var code = search.ToUpperInvariant();
            projects = projects.Where(ctx.Db().TextContains<Project, int>(search, p => p.Id, p => p.Name.Contains(search)).Or(p => p.Code == code));
        }

        return projects;
    }
}

public sealed class ProjectNodes() : IdNodeSource<Project>(ProjectType.TypeName, db => db.Projects, p => p.Id);
