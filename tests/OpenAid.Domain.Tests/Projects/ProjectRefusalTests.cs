using OpenAid.Domain.Common;
using OpenAid.Domain.Projects;

namespace OpenAid.Domain.Tests.Projects;

/// <summary>What each refusal of <see cref="Project"/> says, and the order of its recorded dates.</summary>
public class ProjectRefusalTests
{
    private static readonly DateOnly Today = new(2020, 6, 30);

    public static TheoryData<Action, string, string?, string> Refusals => new()
    {
        { () => Create(plannedStart: new DateOnly(2022, 1, 1)), "INVALID_DATE", "plannedStart", "'plannedStart' (2022-01-01) must fall within a year of fiscal year 2020." },
        { () => Create(plannedEnd: new DateOnly(2020, 2, 29)), "DATES_OUT_OF_ORDER", "plannedEnd", "'plannedEnd' (2020-02-29) is before 'plannedStart' (2020-03-01)." },
        { () => Create(targets: [.. Enumerable.Range(0, Project.MaxTargets + 1).Select(i => new TargetPlan($"指标{i}", "个", 0, 1))]), "TOO_MANY", "targets", "A project may have at most 50 targets; 51 were given." },
        { () => Create(targets: [new("指标", "个", 0, 1), new("指标", "个", 0, 2)]), "DUPLICATE_INDICATOR", "targets.indicator", "The indicator '指标' is given twice." },
        { () => Create(households: 3, people: 2), "COUNTS_INCONSISTENT", "beneficiaryPeople", "2 people cannot be fewer than 3 households: each household has at least one person." },
        { () => Create().MoveTo(ProjectStatus.Closed, null, null, Today), "INVALID_TRANSITION", "to", "Project XM-451021-2020-0001 is InLibrary; it cannot move to Closed. The lifecycle is InLibrary → Approved → Implementing → Accepted → Closed, or Cancelled until accepted." },
        { () => Create().MoveTo(ProjectStatus.Approved, Today.AddDays(1), null, Today), "INVALID_DATE", "on", "'on' (2020-07-01) is in the future; record a step once it has happened." },
        { () => In(ProjectStatus.Implementing).MoveTo(ProjectStatus.Accepted, new DateOnly(2020, 3, 31), null, Today), "DATES_OUT_OF_ORDER", "on", "'on' (2020-03-31) is before the project's recorded start (2020-04-01)." },
        { () => In(ProjectStatus.Accepted).MoveTo(ProjectStatus.Closed, new DateOnly(2020, 4, 30), null, Today), "DATES_OUT_OF_ORDER", "on", "'on' (2020-04-30) is before the project's recorded end (2020-05-01)." },
        { () => Create().MoveTo(ProjectStatus.Approved, null, "理由。", Today), "REASON_NOT_APPLICABLE", "reason", "A reason is recorded only when a project is cancelled; leave 'reason' out." },
        { () => Create().RecordResults(1, 1, []), "INVALID_STATE", "project", "Project XM-451021-2020-0001 is InLibrary; results are recorded while a project is implementing or accepted." },
        { () => In(ProjectStatus.Implementing).RecordResults(null, null, []), "NOTHING_TO_RECORD", null, "Give beneficiary counts or performance actuals." },
        { () => In(ProjectStatus.Implementing).RecordResults(null, null, [new TargetActual("桥梁", 1)]), "TARGET_NOT_FOUND", "actuals.indicator", "Project XM-451021-2020-0001 has no target '桥梁'; it has '硬化道路'." },
        { () => In(ProjectStatus.Implementing, [new("硬化道路", "公里", 0, 3), new("受益农户", "户", 0, 40)]).RecordResults(null, null, [new TargetActual("桥梁", 1)]), "TARGET_NOT_FOUND", "actuals.indicator", "Project XM-451021-2020-0001 has no target '桥梁'; it has '硬化道路', '受益农户'." },
        { () => In(ProjectStatus.Implementing, []).RecordResults(null, null, [new TargetActual("桥梁", 1)]), "TARGET_NOT_FOUND", "actuals.indicator", "Project XM-451021-2020-0001 has no target '桥梁'; it has none." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_project_refusal_names_the_field_and_the_rule(Action refused, string code, string? field, string message)
    {
        var error = Assert.Throws<DomainException>(refused);
        Assert.Equal((code, field, message), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void An_accepted_project_closes_on_or_after_its_end_however_long_after_its_start()
    {
        var project = In(ProjectStatus.Accepted);
        project.MoveTo(ProjectStatus.Closed, new DateOnly(2020, 5, 1), null, Today);
        Assert.Equal(ProjectStatus.Closed, project.Status);
    }

    [Fact]
    public void Nothing_is_created_or_recorded_without_its_lists()
    {
        Assert.Throws<ArgumentNullException>(() => Create(targets: null, nullTargets: true));
        Assert.Throws<ArgumentNullException>(() => In(ProjectStatus.Implementing).RecordResults(null, null, null!));
    }

    private static Project Create(
        IReadOnlyList<TargetPlan>? targets = null, bool nullTargets = false, DateOnly? plannedStart = null, DateOnly? plannedEnd = null, int households = 0, int people = 0) =>
        Project.Create(
            "XM-451021-2020-0001", "村道硬化", 451_021_100_001, ProjectCategory.Infrastructure, "硬化村道 3 公里", 7, "县交通运输局局长", 2020,
            plannedStart ?? new DateOnly(2020, 3, 1), plannedEnd ?? new DateOnly(2020, 9, 30), 10_000_000,
            nullTargets ? null! : targets ?? [new TargetPlan("硬化道路", "公里", 0, 3)], households, people);

    /// <summary>Approved on 2020-04-01, implementing from then, accepted on 2020-05-01.</summary>
    private static Project In(ProjectStatus status, IReadOnlyList<TargetPlan>? targets = null)
    {
        var project = Create(targets);
        project.MoveTo(ProjectStatus.Approved, new DateOnly(2020, 4, 1), null, Today);
        project.MoveTo(ProjectStatus.Implementing, new DateOnly(2020, 4, 1), null, Today);
        if (status == ProjectStatus.Accepted)
        {
            project.MoveTo(ProjectStatus.Accepted, new DateOnly(2020, 5, 1), null, Today);
        }

        return project;
    }
}
