namespace OpenAid.Domain.Projects;

/// <summary>入库 → 立项 → 实施 → 验收 → 关闭, or 取消 with a reason.</summary>
public enum ProjectStatus
{
    InLibrary = 1,
    Approved = 2,
    Implementing = 3,
    Accepted = 4,
    Closed = 5,
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
