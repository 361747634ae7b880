using OpenAid.Domain.Common;
using OpenAid.Domain.Projects;

namespace OpenAid.Domain.Tests.Projects;

public class ProjectTests
{
    private static readonly DateOnly Today = new(2020, 6, 30);

    private static Project NewProject(IReadOnlyList<TargetPlan>? targets = null, int fiscalYear = 2020, DateOnly? plannedStart = null, DateOnly? plannedEnd = null, long budgetFen = 10_000_000, int households = 0, int people = 0) =>
        Project.Create(
            "XM-451021-2020-0001", " 村道硬化 ", 451_021_100_001, ProjectCategory.Infrastructure, "硬化村道 3 公里", 7, "县交通运输局局长", fiscalYear,
            plannedStart ?? new DateOnly(2020, 3, 1), plannedEnd ?? new DateOnly(2020, 9, 30), budgetFen,
            targets ?? [new TargetPlan("硬化道路", "公里", 0, 3)], households, people);

    private static Project In(ProjectStatus status)
    {
        var project = NewProject();
        var path = status switch
        {
            ProjectStatus.InLibrary => [],
            ProjectStatus.Approved => [ProjectStatus.Approved],
            ProjectStatus.Implementing => [ProjectStatus.Approved, ProjectStatus.Implementing],
            ProjectStatus.Accepted => [ProjectStatus.Approved, ProjectStatus.Implementing, ProjectStatus.Accepted],
            ProjectStatus.Closed => [ProjectStatus.Approved, ProjectStatus.Implementing, ProjectStatus.Accepted, ProjectStatus.Closed],
            _ => (ProjectStatus[])[ProjectStatus.Cancelled],
        };
        foreach (var step in path)
        {
            project.MoveTo(step, new DateOnly(2020, 4, 1), step == ProjectStatus.Cancelled ? "资金调整" : null, Today);
        }

        return project;
    }

    private static void AssertRefused(string code, string? field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_new_project_is_in_the_library_with_trimmed_text_and_its_targets()
    {
        var project = NewProject(households: 10, people: 35);

        Assert.Equal(ProjectStatus.InLibrary, project.Status);
        Assert.Equal("村道硬化", project.Name);
        Assert.Equal((10, 35), (project.BeneficiaryHouseholds, project.BeneficiaryPeople));
        var target = Assert.Single(project.Targets);
        Assert.Equal(("硬化道路", "公里", 0m, 3m, (decimal?)null), (target.Indicator, target.Unit, target.Baseline, target.Target, target.Actual));
        Assert.True(project.TakesFunds);
        Assert.False(project.IsDemo);
    }

    [Theory]
    [InlineData(2019, true)]
    [InlineData(2021, true)]
    [InlineData(2018, false)]
    [InlineData(2022, false)]
    public void The_planned_start_falls_within_a_year_of_the_fiscal_year(int startYear, bool allowed)
    {
        var start = new DateOnly(startYear, 6, 1);
        Project Create() => NewProject(plannedStart: start, plannedEnd: start);
        if (allowed)
        {
            Assert.Equal(start, Create().PlannedStart);
        }
        else
        {
            AssertRefused("INVALID_DATE", "plannedStart", () => Create());
        }
    }

    [Fact]
    public void The_planned_end_may_be_the_start_but_not_before_it()
    {
        Assert.Equal(new DateOnly(2020, 3, 1), NewProject(plannedEnd: new DateOnly(2020, 3, 1)).PlannedEnd);
        AssertRefused("DATES_OUT_OF_ORDER", "plannedEnd", () => NewProject(plannedEnd: new DateOnly(2020, 2, 29)));
    }

    [Theory]
    [InlineData(1999, "INVALID_YEAR", "fiscalYear")]
    [InlineData(2101, "INVALID_YEAR", "fiscalYear")]
    public void The_fiscal_year_is_checked(int year, string code, string field) =>
        AssertRefused(code, field, () => NewProject(fiscalYear: year));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Fields.MaxAmountFen + 1)]
    public void The_budget_is_positive_and_bounded(long budget) =>
        AssertRefused("INVALID_AMOUNT", "budgetFen", () => NewProject(budgetFen: budget));

    [Fact]
    public void Text_is_required_bounded_and_public()
    {
        AssertRefused("REQUIRED", "name", () => Project.Create("X", " ", 1, ProjectCategory.Health, "d", 1, "r", 2020, Today, Today, 1, [], 0, 0));
        AssertRefused("TOO_LONG", "description", () => Project.Create("X", "n", 1, ProjectCategory.Health, new string('x', Project.DescriptionMaxLength + 1), 1, "r", 2020, Today, Today, 1, [], 0, 0));
        AssertRefused("TOO_LONG", "responsibleRole", () => Project.Create("X", "n", 1, ProjectCategory.Health, "d", 1, new string('x', Project.ResponsibleRoleMaxLength + 1), 2020, Today, Today, 1, [], 0, 0));
        Assert.Equal(Project.NameMaxLength, Project.Create("X", new string('x', Project.NameMaxLength), 1, ProjectCategory.Health, "d", 1, "r", 2020, Today, Today, 1, [], 0, 0).Name.Length);
    }

    [Fact]
    public void Targets_are_at_most_fifty_with_distinct_indicators()
    {
        TargetPlan Target(int i) => new($"指标{i}", "个", 0, 1);
        Assert.Equal(Project.MaxTargets, NewProject([.. Enumerable.Range(0, Project.MaxTargets).Select(Target)]).Targets.Count);
        AssertRefused("TOO_MANY", "targets", () => NewProject([.. Enumerable.Range(0, Project.MaxTargets + 1).Select(Target)]));
        AssertRefused("DUPLICATE_INDICATOR", "targets.indicator", () => NewProject([new("指标", "个", 0, 1), new(" 指标 ", "个", 0, 2)]));
        AssertRefused("TOO_LONG", "targets.unit", () => NewProject([new("指标", new string('x', PerformanceTarget.UnitMaxLength + 1), 0, 1)]));
        AssertRefused("REQUIRED", "targets.indicator", () => NewProject([new("", "个", 0, 1)]));
    }

    [Theory]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Implementing, ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Closed)]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Implementing, ProjectStatus.Cancelled)]
    public void Every_lifecycle_step_is_allowed(ProjectStatus from, ProjectStatus to)
    {
        var project = In(from);
        var version = project.Version;

        project.MoveTo(to, Today, to == ProjectStatus.Cancelled ? "资金调整" : null, Today);

        Assert.Equal(to, project.Status);
        Assert.Equal(version + 1, project.Version);
    }

    [Theory]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.Closed)]
    [InlineData(ProjectStatus.InLibrary, ProjectStatus.InLibrary)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.InLibrary)]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.Implementing, ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Implementing, ProjectStatus.Closed)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Closed, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Closed, ProjectStatus.InLibrary)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Cancelled)]
    public void Every_other_move_is_refused(ProjectStatus from, ProjectStatus to)
    {
        var project = In(from);

        AssertRefused("INVALID_TRANSITION", "to", () => project.MoveTo(to, Today, to == ProjectStatus.Cancelled ? "资金调整" : null, Today));
        Assert.Equal(from, project.Status);
    }

    [Fact]
    public void Implementing_and_accepted_record_the_actual_dates_and_today_is_the_default()
    {
        var project = In(ProjectStatus.Approved);
        project.MoveTo(ProjectStatus.Implementing, null, null, Today);
        Assert.Equal(Today, project.ActualStart);

        project.MoveTo(ProjectStatus.Accepted, Today, null, Today);
        Assert.Equal(Today, project.ActualEnd);
    }

    [Fact]
    public void A_step_is_not_in_the_future_nor_before_the_recorded_start_or_end()
    {
        AssertRefused("INVALID_DATE", "on", () => In(ProjectStatus.InLibrary).MoveTo(ProjectStatus.Approved, Today.AddDays(1), null, Today));

        var implementing = In(ProjectStatus.Implementing);
        AssertRefused("DATES_OUT_OF_ORDER", "on", () => implementing.MoveTo(ProjectStatus.Accepted, new DateOnly(2020, 3, 31), null, Today));
        implementing.MoveTo(ProjectStatus.Accepted, new DateOnly(2020, 4, 1), null, Today);

        AssertRefused("DATES_OUT_OF_ORDER", "on", () => implementing.MoveTo(ProjectStatus.Closed, new DateOnly(2020, 3, 31), null, Today));
        implementing.MoveTo(ProjectStatus.Closed, new DateOnly(2020, 4, 1), null, Today);
        Assert.False(implementing.TakesFunds);
    }

    [Fact]
    public void Only_a_cancellation_takes_a_reason_and_it_needs_one()
    {
        AssertRefused("REQUIRED", "reason", () => In(ProjectStatus.Approved).MoveTo(ProjectStatus.Cancelled, Today, " ", Today));
        AssertRefused("TOO_LONG", "reason", () => In(ProjectStatus.Approved).MoveTo(ProjectStatus.Cancelled, Today, new string('x', Project.CancellationReasonMaxLength + 1), Today));
        AssertRefused("REASON_NOT_APPLICABLE", "reason", () => In(ProjectStatus.Approved).MoveTo(ProjectStatus.Implementing, Today, "因为", Today));

        var cancelled = In(ProjectStatus.Approved);
        cancelled.MoveTo(ProjectStatus.Cancelled, Today, " 资金调整 ", Today);
        Assert.Equal("资金调整", cancelled.CancellationReason);
        Assert.Null(cancelled.ActualEnd);
        Assert.False(cancelled.TakesFunds);
    }

    [Fact]
    public void A_project_cancelled_midway_ends_on_the_cancellation()
    {
        var project = In(ProjectStatus.Implementing);

        project.MoveTo(ProjectStatus.Cancelled, Today, "资金调整", Today);

        Assert.Equal(Today, project.ActualEnd);
    }

    [Theory]
    [InlineData(ProjectStatus.Implementing)]
    [InlineData(ProjectStatus.Accepted)]
    public void Results_are_recorded_while_implementing_or_accepted(ProjectStatus status)
    {
        var project = In(status);
        var version = project.Version;

        project.RecordResults(5, 5, [new TargetActual(" 硬化道路 ", 3.2m)]);

        Assert.Equal((5, 5), (project.BeneficiaryHouseholds, project.BeneficiaryPeople));
        Assert.Equal(3.2m, Assert.Single(project.Targets).Actual);
        Assert.Equal(version + 1, project.Version);
    }

    [Theory]
    [InlineData(ProjectStatus.InLibrary)]
    [InlineData(ProjectStatus.Approved)]
    [InlineData(ProjectStatus.Closed)]
    [InlineData(ProjectStatus.Cancelled)]
    public void Results_are_refused_in_other_states(ProjectStatus status) =>
        AssertRefused("INVALID_STATE", "project", () => In(status).RecordResults(1, 1, []));

    [Fact]
    public void Absent_counts_stay_and_people_are_at_least_the_households()
    {
        var project = In(ProjectStatus.Implementing);
        project.RecordResults(10, 30, []);

        project.RecordResults(null, 10, []);
        Assert.Equal((10, 10), (project.BeneficiaryHouseholds, project.BeneficiaryPeople));

        AssertRefused("COUNTS_INCONSISTENT", "beneficiaryPeople", () => project.RecordResults(11, null, []));
        AssertRefused("INVALID_COUNT", "beneficiaryHouseholds", () => project.RecordResults(-1, null, []));
        AssertRefused("INVALID_COUNT", "beneficiaryPeople", () => project.RecordResults(null, Project.MaxBeneficiaries + 1, []));
        project.RecordResults(null, Project.MaxBeneficiaries, []);
        Assert.Equal(Project.MaxBeneficiaries, project.BeneficiaryPeople);
    }

    [Fact]
    public void Results_name_a_target_and_give_something()
    {
        var project = In(ProjectStatus.Implementing);

        AssertRefused("NOTHING_TO_RECORD", null, () => project.RecordResults(null, null, []));
        var e = Assert.Throws<DomainException>(() => project.RecordResults(null, null, [new TargetActual("新建桥梁", 1)]));
        Assert.Equal(("TARGET_NOT_FOUND", "actuals.indicator"), (e.Code, e.Field));
        Assert.Contains("'硬化道路'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_record_changes_nothing()
    {
        var project = In(ProjectStatus.Implementing);

        Assert.Throws<DomainException>(() => project.RecordResults(4, 8, [new TargetActual("硬化道路", 3), new TargetActual("新建桥梁", 1)]));

        Assert.Equal((0, 0, (decimal?)null), (project.BeneficiaryHouseholds, project.BeneficiaryPeople, project.Targets[0].Actual));
    }

    [Fact]
    public void The_creation_checks_planned_beneficiaries_as_results_do() =>
        AssertRefused("COUNTS_INCONSISTENT", "beneficiaryPeople", () => NewProject(households: 2, people: 1));

    [Fact]
    public void Demo_projects_are_marked()
    {
        var project = NewProject();
        project.MarkAsDemo();
        Assert.True(project.IsDemo);
    }
}
