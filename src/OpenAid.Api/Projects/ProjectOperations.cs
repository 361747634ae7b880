using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;

namespace OpenAid.Api.Projects;

[Description("A performance indicator (绩效目标) of a new project.")]
public sealed record PerformanceTargetInput
{
    [Description("What is measured, e.g. \"新建道路长度\"; unique within the project.")]
    public required string Indicator { get; init; }

    [Description("The unit, e.g. \"公里\".")]
    public required string Unit { get; init; }

    [Description("The value before the project.")]
    public required decimal Baseline { get; init; }

    [Description("The value the project aims for.")]
    public required decimal Target { get; init; }
}

[Description("A new project in the county project library (入库).")]
public sealed record CreateProjectInput
{
    [Description("The project's name.")]
    public required string Name { get; init; }

    [Description("Where the project is carried out (usually a village or a county); must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The kind of project.")]
    public required ProjectCategory Category { get; init; }

    [Description("What the project builds or does (public; no personal data).")]
    public required string Description { get; init; }

    [Description("The code of the unit that carries the project out: the caller's own, one registered within the caller's region, or the helper of a pairing that helps the project's place.")]
    public required string ImplementingOrganization { get; init; }

    [Description("The responsible person by role title, e.g. \"县农业农村局局长\"; never a name with a phone.")]
    public required string ResponsibleRole { get; init; }

    [Description("The fiscal year the project is budgeted in.")]
    public required int FiscalYear { get; init; }

    [Description("Planned start date, within a year of the fiscal year.")]
    public required DateOnly PlannedStart { get; init; }

    [Description("Planned end date, on or after the start.")]
    public required DateOnly PlannedEnd { get; init; }

    [Description("The budget in fen.")]
    public required long BudgetFen { get; init; }

    [Description("Performance targets; actuals are recorded later with recordProjectResults.")]
    [InputType(typeof(ListGraphType<NonNullGraphType<AutoRegisteringInputObjectGraphType<PerformanceTargetInput>>>))]
    public IReadOnlyList<PerformanceTargetInput>? Targets { get; init; }
}

[Description("A step in a project's lifecycle: in library → approved → implementing → accepted → closed, or cancelled with a reason until accepted.")]
public sealed record MoveProjectInput
{
    [Description("The project's code.")]
    public required string Project { get; init; }

    [Description("The state to move to.")]
    public required ProjectStatus To { get; init; }

    [Description("The day it happened, not in the future; today when absent. Moving to implementing sets the actual start, to accepted the actual end.")]
    public DateOnly? On { get; init; }

    [Description("Why the project is cancelled (public); required for, and only for, a cancellation.")]
    public string? Reason { get; init; }
}

[Description("The value a performance indicator reached.")]
public sealed record TargetActualInput
{
    [Description("The indicator, exactly as the project's target names it.")]
    public required string Indicator { get; init; }

    [Description("The value reached.")]
    public required decimal Actual { get; init; }
}

[Description("What an implementing or accepted project achieved: beneficiary counts (never names) and performance actuals. Absent fields stay as they are.")]
public sealed record RecordProjectResultsInput
{
    [Description("The project's code.")]
    public required string Project { get; init; }

    [Description("How many households benefit (0 or more).")]
    public int? BeneficiaryHouseholds { get; init; }

    [Description("How many people benefit (0 or more, and at least the households).")]
    public int? BeneficiaryPeople { get; init; }

    [Description("Actual values of the project's performance targets.")]
    [InputType(typeof(ListGraphType<NonNullGraphType<AutoRegisteringInputObjectGraphType<TargetActualInput>>>))]
    public IReadOnlyList<TargetActualInput>? Actuals { get; init; }
}

/// <summary>Projects enter the library, move through their lifecycle, and record what they achieved.</summary>
public sealed class ProjectOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<CreateProjectInput, ProjectType>(
            "createProject", Roles.Publisher, "Adds a project to the project library (Publisher of its region).",
            "The project.", "project", "The project created, in the library.")
            .Handle(CreateAsync);
        operations.Mutation<MoveProjectInput, ProjectType>(
            "moveProject", Roles.Publisher, "Moves a project one step through its lifecycle, or cancels it with a reason (Publisher of its region).",
            "The project and its new state.", "project", "The project in its new state.")
            .Handle(MoveAsync);
        operations.Mutation<RecordProjectResultsInput, ProjectType>(
            "recordProjectResults", Roles.Publisher, "Records beneficiary counts and performance actuals of an implementing or accepted project (Publisher of its region).",
            "The results.", "project", "The project with its results.")
            .Handle(RecordResultsAsync);
    }

    private static async Task<Project> CreateAsync(WriteContext write, CreateProjectInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var implementer = await write.NameableOrganizationAsync(input.ImplementingOrganization, "implementingOrganization", region.Code);
        var project = Project.Create(
            await write.NextCodeAsync(Project.CodeKind, region.Code, input.FiscalYear, db.Projects.Select(p => p.Code)),
            input.Name, region.Code, input.Category, input.Description, implementer.Id, input.ResponsibleRole, input.FiscalYear,
            input.PlannedStart, input.PlannedEnd, input.BudgetFen,
            [.. (input.Targets ?? []).Select(t => new TargetPlan(t.Indicator, t.Unit, t.Baseline, t.Target))],
            // Beneficiaries are counted once the project is under way, with recordProjectResults.
            beneficiaryHouseholds: 0, beneficiaryPeople: 0);
        await Totals.RequireRoomAsync(db.Projects, p => p.BudgetFen, project.BudgetFen, "budgetFen", ct);
        db.Projects.Add(project);
        return project;
    }

    private static async Task<Project> MoveAsync(WriteContext write, MoveProjectInput input)
    {
        var project = await write.InScopeAsync(write.Db.Projects, input.Project, "project");
        project.MoveTo(input.To, input.On, input.Reason, write.Today);
        return project;
    }

    private static async Task<Project> RecordResultsAsync(WriteContext write, RecordProjectResultsInput input)
    {
        var project = await write.InScopeAsync(write.Db.Projects.Include(p => p.Targets), input.Project, "project");
        project.RecordResults(
            input.BeneficiaryHouseholds, input.BeneficiaryPeople, [.. (input.Actuals ?? []).Select(a => new TargetActual(a.Indicator, a.Actual))]);
        return project;
    }
}
