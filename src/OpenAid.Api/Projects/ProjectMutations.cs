using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;

namespace OpenAid.Api.Projects;

public sealed record PerformanceTargetInput(string Indicator, string Unit, decimal Baseline, decimal Target);

public sealed record CreateProjectInput(
    string Name, string Region, ProjectCategory Category, string Description, string ImplementingOrganization, string ResponsibleRole,
    int FiscalYear, DateOnly PlannedStart, DateOnly PlannedEnd, long BudgetFen, IReadOnlyList<PerformanceTargetInput>? Targets);

public sealed record MoveProjectInput(string Project, ProjectStatus To, DateOnly? On, string? Reason);

public sealed record TargetActualInput(string Indicator, decimal Actual);

public sealed record RecordProjectResultsInput(string Project, int? BeneficiaryHouseholds, int? BeneficiaryPeople, IReadOnlyList<TargetActualInput>? Actuals);

public sealed class PerformanceTargetInputType : InputObjectGraphType<PerformanceTargetInput>
{
    public PerformanceTargetInputType()
    {
        Name = "PerformanceTargetInput";
        Description = "A performance indicator (绩效目标) of a new project.";
        Field(x => x.Indicator).Description("What is measured, e.g. \"新建道路长度\"; unique within the project.");
        Field(x => x.Unit).Description("The unit, e.g. \"公里\".");
        Field(x => x.Baseline).Description("The value before the project.");
        Field(x => x.Target).Description("The value the project aims for.");
    }
}

public sealed class CreateProjectInputType : InputObjectGraphType<CreateProjectInput>
{
    public CreateProjectInputType()
    {
        Name = "CreateProjectInput";
        Description = "A new project in the county project library (入库).";
        Field(x => x.Name).Description("The project's name.");
        Field(x => x.Region).Description("Where the project is carried out (usually a village or a county); must be within the caller's region.");
        Field(x => x.Category, type: typeof(NonNullGraphType<ProjectCategoryType>)).Description("The kind of project.");
        Field(x => x.Description).Description("What the project builds or does (public; no personal data).");
        Field(x => x.ImplementingOrganization).Description("The code of the unit that carries the project out.");
        Field(x => x.ResponsibleRole).Description("The responsible person by role title, e.g. \"县农业农村局局长\"; never a name with a phone.");
        Field(x => x.FiscalYear).Description("The fiscal year the project is budgeted in.");
        Field(x => x.PlannedStart).Description("Planned start date, within a year of the fiscal year.");
        Field(x => x.PlannedEnd).Description("Planned end date, on or after the start.");
        Field(x => x.BudgetFen, type: typeof(NonNullGraphType<LongGraphType>)).Description("The budget in fen.");
        Field(x => x.Targets, type: typeof(ListGraphType<NonNullGraphType<PerformanceTargetInputType>>)).Description("Performance targets; actuals are recorded later with recordProjectResults.");
    }
}

public sealed class MoveProjectInputType : InputObjectGraphType<MoveProjectInput>
{
    public MoveProjectInputType()
    {
        Name = "MoveProjectInput";
        Description = "A step in a project's lifecycle: in library → approved → implementing → accepted → closed, or cancelled with a reason until accepted.";
        Field(x => x.Project).Description("The project's code.");
        Field(x => x.To, type: typeof(NonNullGraphType<ProjectStatusType>)).Description("The state to move to.");
        Field(x => x.On, nullable: true).Description("The day it happened, not in the future; today when absent. Moving to implementing sets the actual start, to accepted the actual end.");
        Field(x => x.Reason, nullable: true).Description("Why the project is cancelled (public); required for, and only for, a cancellation.");
    }
}

public sealed class TargetActualInputType : InputObjectGraphType<TargetActualInput>
{
    public TargetActualInputType()
    {
        Name = "TargetActualInput";
        Description = "The value a performance indicator reached.";
        Field(x => x.Indicator).Description("The indicator, exactly as the project's target names it.");
        Field(x => x.Actual).Description("The value reached.");
    }
}

public sealed class RecordProjectResultsInputType : InputObjectGraphType<RecordProjectResultsInput>
{
    public RecordProjectResultsInputType()
    {
        Name = "RecordProjectResultsInput";
        Description = "What an implementing or accepted project achieved: beneficiary counts (never names) and performance actuals. Absent fields stay as they are.";
        Field(x => x.Project).Description("The project's code.");
        Field(x => x.BeneficiaryHouseholds, nullable: true).Description("How many households benefit (0 or more).");
        Field(x => x.BeneficiaryPeople, nullable: true).Description("How many people benefit (0 or more, and at least the households).");
        Field(x => x.Actuals, type: typeof(ListGraphType<NonNullGraphType<TargetActualInputType>>)).Description("Actual values of the project's performance targets.");
    }
}

public sealed class CreateProjectPayloadType() : PayloadType<ProjectType>("CreateProjectPayload", "project", "The project created, in the library.");

public sealed class MoveProjectPayloadType() : PayloadType<ProjectType>("MoveProjectPayload", "project", "The project in its new state.");

public sealed class RecordProjectResultsPayloadType() : PayloadType<ProjectType>("RecordProjectResultsPayload", "project", "The project with its results.");

/// <summary>Counts the API accepts: whole numbers from 0 up to a limit that no real record reaches.</summary>
public sealed class ProjectMutations(TimeProvider clock) : IMutationFields
{
    /// <summary>More beneficiaries than this in one project is a typing error.</summary>
    public const int MaxBeneficiaries = 10_000_000;

    public const int MaxTargets = 50;

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateProjectPayloadType>>("createProject")
            .Description("Adds a project to the project library (Publisher of its region).")
            .Argument<NonNullGraphType<CreateProjectInputType>>("input", "The project.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => CreateAsync(db, actor, ctx.GetArgument<CreateProjectInput>("input"), ct)));
        mutation.Field<NonNullGraphType<MoveProjectPayloadType>>("moveProject")
            .Description("Moves a project one step through its lifecycle, or cancels it with a reason (Publisher of its region).")
            .Argument<NonNullGraphType<MoveProjectInputType>>("input", "The project and its new state.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => MoveAsync(db, actor, ctx.GetArgument<MoveProjectInput>("input"), ct)));
        mutation.Field<NonNullGraphType<RecordProjectResultsPayloadType>>("recordProjectResults")
            .Description("Records beneficiary counts and performance actuals of an implementing or accepted project (Publisher of its region).")
            .Argument<NonNullGraphType<RecordProjectResultsInputType>>("input", "The results.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => RecordResultsAsync(db, actor, ctx.GetArgument<RecordProjectResultsInput>("input"), ct)));
    }

    private static async Task<Project> CreateAsync(OpenAidDbContext db, Actor actor, CreateProjectInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var region = await WriteChecks.RegionAsync(db, input.Region, "region", ct);
        actor.RequireInRegion(Roles.Publisher, region.Code);
        var implementer = await WriteChecks.ByCodeAsync(db.Organizations.AsNoTracking(), input.ImplementingOrganization, "implementingOrganization", ct);
        var year = WriteChecks.Year(input.FiscalYear, "fiscalYear");
        if (input.PlannedStart.Year < year - 1 || input.PlannedStart.Year > year + 1)
        {
            throw new DomainException("INVALID_DATE", $"'plannedStart' ({input.PlannedStart:yyyy-MM-dd}) must fall within a year of fiscal year {year}.", "plannedStart");
        }

        if (input.PlannedEnd < input.PlannedStart)
        {
            throw new DomainException("DATES_OUT_OF_ORDER", $"'plannedEnd' ({input.PlannedEnd:yyyy-MM-dd}) is before 'plannedStart' ({input.PlannedStart:yyyy-MM-dd}).", "plannedEnd");
        }

        var prefix = RegisterNumbers.Prefix("XM", region.Code, year);
        var project = new Project
        {
            Code = RegisterNumbers.Next(prefix, await db.Projects.Select(p => p.Code).Where(c => c.StartsWith(prefix)).ToListAsync(ct)),
            Name = WriteChecks.PublicText(input.Name, "name", 200),
            RegionCode = region.Code,
            Category = input.Category,
            Description = WriteChecks.PublicText(input.Description, "description", 4000),
            ImplementingOrganizationId = implementer.Id,
            ResponsibleRole = WriteChecks.PublicText(input.ResponsibleRole, "responsibleRole", 100),
            FiscalYear = year,
            PlannedStart = input.PlannedStart,
            PlannedEnd = input.PlannedEnd,
            BudgetFen = WriteChecks.PositiveAmount(input.BudgetFen, "budgetFen"),
            Status = ProjectStatus.InLibrary,
            Targets = Targets(input.Targets ?? []),
        };
        db.Projects.Add(project);
        return project;
    }

    private static List<PerformanceTarget> Targets(IReadOnlyList<PerformanceTargetInput> targets)
    {
        if (targets.Count > MaxTargets)
        {
            throw new DomainException("TOO_MANY", $"A project may have at most {MaxTargets} targets; {targets.Count} were given.", "targets");
        }

        var result = new List<PerformanceTarget>();
        foreach (var target in targets)
        {
            var indicator = WriteChecks.PublicText(target.Indicator, "targets.indicator", 200);
            if (result.Any(t => t.Indicator == indicator))
            {
                // Results name their target by indicator, so it must be unambiguous.
                throw new DomainException("DUPLICATE_INDICATOR", $"The indicator '{indicator}' is given twice.", "targets.indicator");
            }

            result.Add(new PerformanceTarget
            {
                Indicator = indicator,
                Unit = WriteChecks.PublicText(target.Unit, "targets.unit", 20),
                Baseline = target.Baseline,
                Target = target.Target,
            });
        }

        return result;
    }

    private async Task<Project> MoveAsync(OpenAidDbContext db, Actor actor, MoveProjectInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var project = await WriteChecks.ByCodeAsync(db.Projects, input.Project, "project", ct);
        actor.RequireInRegion(Roles.Publisher, project.RegionCode);
        if (!ProjectLifecycle.CanMove(project.Status, input.To))
        {
            throw new DomainException(
                "INVALID_TRANSITION",
                $"Project {project.Code} is {project.Status}; it cannot move to {input.To}. The lifecycle is InLibrary → Approved → Implementing → Accepted → Closed, or Cancelled until accepted.",
                "to");
        }

        var today = NoticeCalendar.Today(clock);
        var on = input.On ?? today;
        if (on > today)
        {
            throw new DomainException("INVALID_DATE", $"'on' ({on:yyyy-MM-dd}) is in the future; record a step once it has happened.", "on");
        }

        // Each step happens on or after the one before it, as far as the project records dates.
        var after = project.Status == ProjectStatus.Accepted ? project.ActualEnd : project.ActualStart;
        if (after is { } earlier && on < earlier)
        {
            throw new DomainException("DATES_OUT_OF_ORDER", $"'on' ({on:yyyy-MM-dd}) is before the project's recorded {(project.Status == ProjectStatus.Accepted ? "end" : "start")} ({earlier:yyyy-MM-dd}).", "on");
        }

        if (input.To == ProjectStatus.Cancelled)
        {
            project.CancellationReason = WriteChecks.PublicText(input.Reason, "reason", 1000);
        }
        else if (input.Reason is not null)
        {
            throw new DomainException("REASON_NOT_APPLICABLE", "A reason is recorded only when a project is cancelled; leave 'reason' out.", "reason");
        }

        switch (input.To)
        {
            case ProjectStatus.Implementing:
                project.ActualStart = on;
                break;
            case ProjectStatus.Accepted:
                project.ActualEnd = on;
                break;
            case ProjectStatus.Cancelled when project.ActualStart is not null:
                // A project stopped midway ended when it was cancelled.
                project.ActualEnd = on;
                break;
        }

        project.Status = input.To;
        project.Version++;
        return project;
    }

    private static async Task<Project> RecordResultsAsync(OpenAidDbContext db, Actor actor, RecordProjectResultsInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var project = await WriteChecks.ByCodeAsync(db.Projects.Include(p => p.Targets), input.Project, "project", ct);
        actor.RequireInRegion(Roles.Publisher, project.RegionCode);
        if (project.Status is not (ProjectStatus.Implementing or ProjectStatus.Accepted))
        {
            throw new DomainException("INVALID_STATE", $"Project {project.Code} is {project.Status}; results are recorded while a project is implementing or accepted.", "project");
        }

        if (input.BeneficiaryHouseholds is null && input.BeneficiaryPeople is null && input.Actuals is not { Count: > 0 })
        {
            throw new DomainException("NOTHING_TO_RECORD", "Give beneficiary counts or performance actuals.", null);
        }

        var households = input.BeneficiaryHouseholds is { } h ? WriteChecks.Count(h, "beneficiaryHouseholds", MaxBeneficiaries) : project.BeneficiaryHouseholds;
        var people = input.BeneficiaryPeople is { } p ? WriteChecks.Count(p, "beneficiaryPeople", MaxBeneficiaries) : project.BeneficiaryPeople;
        if (people < households)
        {
            throw new DomainException("COUNTS_INCONSISTENT", $"{people} people cannot be fewer than {households} households: each household has at least one person.", "beneficiaryPeople");
        }

        foreach (var actual in input.Actuals ?? [])
        {
            var target = project.Targets.SingleOrDefault(t => t.Indicator == actual.Indicator.Trim())
                ?? throw new DomainException("TARGET_NOT_FOUND", $"Project {project.Code} has no target '{actual.Indicator}'; it has {string.Join(", ", project.Targets.Select(t => $"'{t.Indicator}'").DefaultIfEmpty("none"))}.", "actuals.indicator");
            target.Actual = actual.Actual;
        }

        project.BeneficiaryHouseholds = households;
        project.BeneficiaryPeople = people;
        project.Version++;
        return project;
    }
}
