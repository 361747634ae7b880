using System.ComponentModel;

namespace OpenAid.Domain.Projects;

/// <summary>入库 → 立项 → 实施 → 验收 → 关闭, or 取消 with a reason.</summary>
[Description("The project lifecycle: in library → approved → implementing → accepted → closed, or cancelled.")]
public enum ProjectStatus
{
    [Description("In the county project library (入库).")]
    InLibrary = 1,
    [Description("Approved (立项).")]
    Approved = 2,
    [Description("Being carried out (实施).")]
    Implementing = 3,
    [Description("Passed its completion check (验收).")]
    Accepted = 4,
    [Description("Closed after acceptance (关闭).")]
    Closed = 5,
    [Description("Cancelled, with a public reason (取消).")]
    Cancelled = 6,
}

public static class ProjectLifecycle
{
    /// <summary>The moves a project may make; a project can be cancelled until it is accepted.</summary>
    public static bool CanMove(ProjectStatus from, ProjectStatus to) => (from, to) switch
    {
        (ProjectStatus.InLibrary, ProjectStatus.Approved) => true,
        (ProjectStatus.Approved, ProjectStatus.Implementing) => true,
        (ProjectStatus.Implementing, ProjectStatus.Accepted) => true,
        (ProjectStatus.Accepted, ProjectStatus.Closed) => true,
        (ProjectStatus.InLibrary or ProjectStatus.Approved or ProjectStatus.Implementing, ProjectStatus.Cancelled) => true,
        _ => false,
    };
}
