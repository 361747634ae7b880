using System.Linq.Expressions;
using OpenAid.Domain.Common;

namespace OpenAid.Domain.Projects;

public class Project : Regions.IPlaced
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ResponsibleRoleMaxLength = 100;
    public const int CancellationReasonMaxLength = 1000;

    /// <summary>The register prefix of project codes ("XM-451021-2019-0007").</summary>
    public const string CodeKind = "XM";

    /// <summary>More beneficiaries than this in one project is a typing error.</summary>
    public const int MaxBeneficiaries = 10_000_000;

    public const int MaxTargets = 50;

    private Project()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable public code, e.g. "XM-451021-2019-0007".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Where the project is carried out: usually a village or a county.</summary>
    public long RegionCode { get; private set; }

    public ProjectCategory Category { get; private set; }

    public string Description { get; private set; } = "";

    public int ImplementingOrganizationId { get; private set; }

    /// <summary>The responsible person by role title (e.g. "县农业农村局局长"), never a private phone.</summary>
    public string ResponsibleRole { get; private set; } = "";

    public int FiscalYear { get; private set; }

    public DateOnly PlannedStart { get; private set; }

    public DateOnly PlannedEnd { get; private set; }

    public DateOnly? ActualStart { get; private set; }

    public DateOnly? ActualEnd { get; private set; }

    public long BudgetFen { get; private set; }

    public ProjectStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    public int BeneficiaryHouseholds { get; private set; }

    public int BeneficiaryPeople { get; private set; }

    public List<PerformanceTarget> Targets { get; private set; } = [];

    /// <summary>Optimistic concurrency token: concurrent money records cannot break its totals.</summary>
    public int Version { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Whether funds may still be allocated to it: not once it is cancelled or closed.</summary>
    public bool TakesFunds => Status is not (ProjectStatus.Cancelled or ProjectStatus.Closed);

    /// <summary>
    /// Overdue: past its planned end and not accepted — still in the library, approved or being carried out. A cancelled
    /// project is not overdue; it says why it stopped.
    /// </summary>
    public bool IsOverdueOn(DateOnly today) => PlannedEnd < today && Status < ProjectStatus.Accepted;

    /// <summary><see cref="IsOverdueOn"/> as a query filter (the statuses before acceptance are the lowest).</summary>
    public static Expression<Func<Project, bool>> OverdueOn(DateOnly today) => p => p.PlannedEnd < today && p.Status < ProjectStatus.Accepted;

    /// <summary>
    /// A new project in the library (入库). The beneficiaries it is planned for may be given now (a library entry
    /// names them) or recorded later with <see cref="RecordResults"/>.
    /// </summary>
    public static Project Create(
        string code, string name, long regionCode, ProjectCategory category, string description, int implementingOrganizationId,
        string responsibleRole, int fiscalYear, DateOnly plannedStart, DateOnly plannedEnd, long budgetFen,
        IReadOnlyList<TargetPlan> targets, int beneficiaryHouseholds, int beneficiaryPeople)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var year = Fields.Year(fiscalYear, "fiscalYear");
        if (plannedStart.Year < year - 1 || plannedStart.Year > year + 1)
        {
            throw new DomainException(Errors.InvalidDate, $"'plannedStart' ({plannedStart:yyyy-MM-dd}) must fall within a year of fiscal year {year}.", "plannedStart", ("date", plannedStart), ("fiscalYear", year));
        }

        if (plannedEnd < plannedStart)
        {
            throw new DomainException(Errors.DatesOutOfOrder, $"'plannedEnd' ({plannedEnd:yyyy-MM-dd}) is before 'plannedStart' ({plannedStart:yyyy-MM-dd}).", "plannedEnd", ("end", plannedEnd), ("start", plannedStart));
        }

        var project = new Project
        {
            Code = code,
            Name = Fields.PublicText(name, "name", NameMaxLength),
            RegionCode = regionCode,
            Category = category,
            Description = Fields.PublicText(description, "description", DescriptionMaxLength),
            ImplementingOrganizationId = implementingOrganizationId,
            ResponsibleRole = Fields.PublicText(responsibleRole, "responsibleRole", ResponsibleRoleMaxLength),
            FiscalYear = year,
            PlannedStart = plannedStart,
            PlannedEnd = plannedEnd,
            BudgetFen = Fields.PositiveAmount(budgetFen, "budgetFen"),
            Status = ProjectStatus.InLibrary,
            Targets = TargetsOf(targets),
        };
        (project.BeneficiaryHouseholds, project.BeneficiaryPeople) = Beneficiaries(beneficiaryHouseholds, beneficiaryPeople);
        return project;
    }

    /// <summary>
    /// Moves the project one step through its lifecycle (<see cref="ProjectLifecycle.CanMove"/>) on
    /// <paramref name="on"/> (<paramref name="today"/> when absent, never later): implementing records the actual
    /// start, accepted the actual end; a cancellation needs a public reason, and no other step takes one.
    /// </summary>
    public void MoveTo(ProjectStatus to, DateOnly? on, string? reason, DateOnly today)
    {
        if (!ProjectLifecycle.CanMove(Status, to))
        {
            throw new DomainException(
                Errors.InvalidTransition,
                $"Project {Code} is {Status}; it cannot move to {to}. The lifecycle is InLibrary → Approved → Implementing → Accepted → Closed, or Cancelled until accepted.",
                "to", ("record", "Project"), ("code", Code), ("status", Status), ("to", to));
        }

        var day = on ?? today;
        if (day > today)
        {
            throw new DomainException(Errors.InvalidDate, $"'on' ({day:yyyy-MM-dd}) is in the future; record a step once it has happened.", "on", ("date", day), ("today", today));
        }

        // Each step happens on or after the one before it, as far as the project records dates.
        var after = Status == ProjectStatus.Accepted ? ActualEnd : ActualStart;
        if (after is { } earlier && day < earlier)
        {
            throw new DomainException(Errors.DatesOutOfOrder, $"'on' ({day:yyyy-MM-dd}) is before the project's recorded {(Status == ProjectStatus.Accepted ? "end" : "start")} ({earlier:yyyy-MM-dd}).", "on", ("end", day), ("start", earlier));
        }

        if (to == ProjectStatus.Cancelled)
        {
            CancellationReason = Fields.PublicText(reason, "reason", CancellationReasonMaxLength);
        }
        else if (reason is not null)
        {
            throw new DomainException(Errors.ReasonNotApplicable, "A reason is recorded only when a project is cancelled; leave 'reason' out.", "reason");
        }

        switch (to)
        {
            case ProjectStatus.Implementing:
                ActualStart = day;
                break;
            case ProjectStatus.Accepted:
                ActualEnd = day;
                break;
            case ProjectStatus.Cancelled when ActualStart is not null:
                // A project stopped midway ended when it was cancelled.
                ActualEnd = day;
                break;
        }

        Status = to;
        Version++;
    }

    /// <summary>
    /// Records what an implementing or accepted project achieved: beneficiary counts (null keeps the count) and the
    /// actual values of its targets, named by indicator.
    /// </summary>
    public void RecordResults(int? beneficiaryHouseholds, int? beneficiaryPeople, IReadOnlyList<TargetActual> actuals)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        if (Status is not (ProjectStatus.Implementing or ProjectStatus.Accepted))
        {
            throw new DomainException(Errors.InvalidState, $"Project {Code} is {Status}; results are recorded while a project is implementing or accepted.", "project", ("record", "Project"), ("code", Code), ("status", Status));
        }

        if (beneficiaryHouseholds is null && beneficiaryPeople is null && actuals.Count == 0)
        {
            throw new DomainException(Errors.NothingToRecord, "Give beneficiary counts or performance actuals.", null);
        }

        var (households, people) = Beneficiaries(beneficiaryHouseholds ?? BeneficiaryHouseholds, beneficiaryPeople ?? BeneficiaryPeople);
        var reached = actuals.Select(actual => (
            Target: Targets.SingleOrDefault(t => t.Indicator == actual.Indicator.Trim())
                ?? throw new DomainException(Errors.TargetNotFound, $"Project {Code} has no target '{actual.Indicator}'; it has {string.Join(", ", Targets.Select(t => $"'{t.Indicator}'").DefaultIfEmpty("none"))}.", "actuals.indicator", ("project", Code), ("indicator", actual.Indicator), ("indicators", string.Join(", ", Targets.Select(t => t.Indicator)))),
            actual.Actual)).ToList();

        // Checked in full before anything changes, so a refused record leaves the project as it was.
        (BeneficiaryHouseholds, BeneficiaryPeople) = (households, people);
        foreach (var (target, value) in reached)
        {
            target.Reached(value);
        }

        Version++;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    /// <summary>Money was recorded against the project: the concurrency token moves, so concurrent records re-check the totals.</summary>
    internal void MarkMoneyRecorded() => Version++;

    /// <summary>
    /// A warning, not a refusal, when the project's allocations (<paramref name="allocatedFen"/> in all, the new one
    /// included) add up to more than its budget: budgets are revised, but the public should see the gap.
    /// </summary>
    public DomainWarning? OverBudget(long allocatedFen) =>
        allocatedFen > BudgetFen
            ? new DomainWarning(
                Warnings.OverBudget,
                $"The allocations to project {Code} now add up to {new Money(allocatedFen)} yuan, {new Money(allocatedFen - BudgetFen)} yuan over its budget of {new Money(BudgetFen)} yuan.",
                "amountFen")
            : null;

    /// <summary>Beneficiary counts: each within bounds, and at least one person per household.</summary>
    private static (int Households, int People) Beneficiaries(int households, int people)
    {
        var h = Fields.Count(households, "beneficiaryHouseholds", MaxBeneficiaries);
        var p = Fields.Count(people, "beneficiaryPeople", MaxBeneficiaries);
        return p < h
            ? throw new DomainException(Errors.CountsInconsistent, $"{p} people cannot be fewer than {h} households: each household has at least one person.", "beneficiaryPeople", ("people", p), ("households", h))
            : (h, p);
    }

    private static List<PerformanceTarget> TargetsOf(IReadOnlyList<TargetPlan> targets)
    {
        if (targets.Count > MaxTargets)
        {
            throw new DomainException(Errors.TooMany, $"A project may have at most {MaxTargets} targets; {targets.Count} were given.", "targets", ("max", MaxTargets), ("count", targets.Count));
        }

        var result = new List<PerformanceTarget>();
        foreach (var target in targets)
        {
            var indicator = Fields.PublicText(target.Indicator, "targets.indicator", PerformanceTarget.IndicatorMaxLength);
            if (result.Any(t => t.Indicator == indicator))
            {
                // Results name their target by indicator, so it must be unambiguous.
                throw new DomainException(Errors.DuplicateIndicator, $"The indicator '{indicator}' is given twice.", "targets.indicator", ("indicator", indicator));
            }

            result.Add(new PerformanceTarget(indicator, Fields.PublicText(target.Unit, "targets.unit", PerformanceTarget.UnitMaxLength), target.Baseline, target.Target));
        }

        return result;
    }
}

/// <summary>A performance target as a new project states it: what is measured, in what unit, from where to where.</summary>
public sealed record TargetPlan(string Indicator, string Unit, decimal Baseline, decimal Target);

/// <summary>The value a performance indicator reached, named by the indicator.</summary>
public sealed record TargetActual(string Indicator, decimal Actual);

/// <summary>A performance indicator (绩效目标) with its baseline, target and actual value.</summary>
public class PerformanceTarget
{
    public const int IndicatorMaxLength = 200;
    public const int UnitMaxLength = 20;

    private PerformanceTarget()
    {
    }

    internal PerformanceTarget(string indicator, string unit, decimal baseline, decimal target)
    {
        Indicator = indicator;
        Unit = unit;
        Baseline = baseline;
        Target = target;
    }

    public int Id { get; private set; }

    /// <summary>
    /// The project's key: set by EF when the project is saved with its targets, or by a bulk import that writes
    /// projects and targets as separate tables.
    /// </summary>
    public int ProjectId { get; set; }

    public string Indicator { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public decimal Baseline { get; private set; }

    public decimal Target { get; private set; }

    public decimal? Actual { get; private set; }

    internal void Reached(decimal actual) => Actual = actual;
}
