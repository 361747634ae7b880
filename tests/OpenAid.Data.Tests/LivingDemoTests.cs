using Microsoft.EntityFrameworkCore;
using OpenAid.Demo;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Projects;
using Xunit.Abstractions;

namespace OpenAid.Data.Tests;

/// <summary>A fresh start is alive on its anchor day: there is something to pledge to, to object to and to answer.</summary>
[Collection("demo")]
public class LivingDemoTests(DemoDatabaseFixture fixture, ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = DemoDatabaseFixture.AsOf;

    [Fact]
    public async Task Needs_are_open_to_pledge_to_and_some_wait_for_review()
    {
        await using var db = fixture.Open();
        var needs = await db.Needs.AsNoTracking().Select(n => new { n.Status, n.Deadline, n.CreatedAt }).ToListAsync();
        var open = needs.Count(n => n.Status is NeedStatus.Open or NeedStatus.PartlyPledged && n.Deadline >= AsOf);
        output.WriteLine($"{open} needs open to pledge to, {needs.Count(n => n.Status == NeedStatus.PendingReview)} waiting for review");

        Assert.True(open >= 20, $"{open} needs open to pledge to");
        Assert.Contains(needs, n => n.Status == NeedStatus.PendingReview);
        Assert.All(needs, n => Assert.True(Clock.DayOf(n.CreatedAt) <= AsOf));
    }

    [Fact]
    public async Task Notices_went_up_this_week_and_some_are_still_in_their_objection_period()
    {
        await using var db = fixture.Open();
        var notices = await db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published).ToListAsync();
        var inPeriod = notices.Count(n => n.NoticePeriodEndsOn is { } end && end >= AsOf);
        output.WriteLine($"{inPeriod} notices in their notice period, newest {notices.Max(n => n.PublishedOn):yyyy-MM-dd}");

        Assert.True(inPeriod >= 5, $"{inPeriod} notices in their notice period");
        Assert.Contains(notices, n => n.PublishedOn >= AsOf.AddDays(-7));
        Assert.All(notices, n => Assert.True(n.PublishedOn <= AsOf));
        Assert.All(notices.Where(n => n.NoticePeriodEndsOn is { } end && end >= AsOf), n => Assert.True(ObjectionRules.AcceptsObjections(n, AsOf)));
    }

    /// <summary>Lists are newest first by key, so the keys follow the days, as in a register filled day by day.</summary>
    [Fact]
    public async Task Keys_follow_the_days_of_publication_registration_and_filing()
    {
        await using var db = fixture.Open();
        var notices = await db.Notices.AsNoTracking().Where(n => n.IsDemo).OrderBy(n => n.Id).Select(n => n.PublishedOn!.Value).ToListAsync();
        var needs = await db.Needs.AsNoTracking().OrderBy(n => n.Id).Select(n => n.CreatedAt).ToListAsync();
        var objections = await db.Objections.AsNoTracking().OrderBy(o => o.Id).Select(o => o.FiledAt).ToListAsync();

        Assert.Equal(notices.Order(), notices);
        Assert.Equal(needs.Order(), needs);
        Assert.Equal(objections.Order(), objections);
    }

    [Fact]
    public async Task Objections_are_received_investigated_overdue_and_answered_without_any_contact()
    {
        await using var db = fixture.Open();
        var objections = await db.Objections.AsNoTracking().ToListAsync();
        var midnight = new DateTimeOffset(AsOf.ToDateTime(TimeOnly.MinValue), Clock.RecordsOffset);
        var overdue = objections.Count(o => ObjectionRules.IsOpen(o.Status) && ObjectionRules.IsOverdue(o.FiledAt, o.AnsweredAt, midnight));
        output.WriteLine($"{objections.Count} objections: {string.Join(", ", objections.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}; {overdue} open and overdue");

        Assert.Contains(objections, o => o.Status == ObjectionStatus.Received);
        Assert.Contains(objections, o => o.Status == ObjectionStatus.Investigating && !ObjectionRules.IsOverdue(o.FiledAt, null, midnight));
        Assert.True(overdue >= 1, "no open objection is overdue");
        Assert.Contains(objections, o => o.Status == ObjectionStatus.Answered && ObjectionRules.IsOverdue(o.FiledAt, o.AnsweredAt, midnight));
        Assert.Contains(objections, o => o.Status == ObjectionStatus.Rejected);
        Assert.Contains(objections, o => o.NoticeId is null);
        Assert.All(objections, o =>
        {
            Assert.Null(o.ContactName);
            Assert.Null(o.ContactPhone);
            Assert.True(Clock.DayOf(o.FiledAt) <= AsOf);
            Assert.True(o.AnsweredAt is null || o.AnsweredAt >= o.FiledAt, o.Code);
            Assert.EndsWith("（演示数据）", o.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Projects_stand_in_every_state_some_overdue_and_pledges_wait_for_delivery_and_receipt()
    {
        await using var db = fixture.Open();
        var statuses = await db.Projects.AsNoTracking().Select(p => p.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<ProjectStatus>().Order(), statuses.Order());
        Assert.True(await db.Projects.AnyAsync(Project.OverdueOn(AsOf)));

        Assert.True(await db.Pledges.AnyAsync(p => p.Status == PledgeStatus.Confirmed && !p.Deliveries.Any()), "no confirmed pledge waits for its delivery");
        Assert.True(await db.Pledges.AnyAsync(p => p.Deliveries.Any(d => d.ReceivedAt == null)), "no delivery waits for the village's confirmation");
        Assert.True(await db.Pledges.AnyAsync(p => p.Status == PledgeStatus.Pledged && p.ConfirmBy >= AsOf), "no pledge waits for the village's agreement");
    }
}
