using OpenAid.Domain.Projects;

namespace OpenAid.Domain.Tests;

public class ProjectLifecycleTests
{
    [Theory]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Approved, true)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Implementing, true)]
    [InlineData(ProjectStatus.Implementing, ProjectStatus.Accepted, true)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Closed, true)]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Cancelled, true)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Cancelled, true)]
    [InlineData(ProjectStatus.Implementing, ProjectStatus.Cancelled, true)]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Implementing, false)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Cancelled, false)]
    [InlineData(ProjectStatus.Closed, ProjectStatus.InLibrary, false)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Approved, false)]
    public void Moves_follow_the_lifecycle(ProjectStatus from, ProjectStatus to, bool allowed) =>
        Assert.Equal(allowed, ProjectLifecycle.CanMove(from, to));
}
