namespace OpenAid.Domain.Projects;

public class Project
{
    public int Id { get; set; }

    /// <summary>Stable public code, e.g. "XM-451021-2019-0007".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Where the project is carried out: usually a village or a county.</summary>
    public long RegionCode { get; set; }

    public ProjectCategory Category { get; set; }

    public required string Description { get; set; }

    public int ImplementingOrganizationId { get; set; }

    /// <summary>The responsible person by role title (e.g. "县农业农村局局长"), never a private phone.</summary>
    public required string ResponsibleRole { get; set; }

    public int FiscalYear { get; set; }

    public DateOnly PlannedStart { get; set; }

    public DateOnly PlannedEnd { get; set; }

    public DateOnly? ActualStart { get; set; }

    public DateOnly? ActualEnd { get; set; }

    public long BudgetFen { get; set; }

    public ProjectStatus Status { get; set; }

    public string? CancellationReason { get; set; }

    public int BeneficiaryHouseholds { get; set; }

    public int BeneficiaryPeople { get; set; }

    public List<PerformanceTarget> Targets { get; set; } = [];

    /// <summary>Optimistic concurrency token: concurrent money records cannot break its totals.</summary>
    public int Version { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>Whether funds may still be allocated to it: not once it is cancelled or closed.</summary>
    public bool TakesFunds => Status is not (ProjectStatus.Cancelled or ProjectStatus.Closed);

    /// <summary>Money was recorded against the project: the concurrency token moves, so concurrent records re-check the totals.</summary>
    internal void MarkMoneyRecorded() => Version++;
}

/// <summary>A performance indicator (绩效目标) with its baseline, target and actual value.</summary>
public class PerformanceTarget
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public required string Indicator { get; set; }

    public required string Unit { get; set; }

    public decimal Baseline { get; set; }

    public decimal Target { get; set; }

    public decimal? Actual { get; set; }
}
