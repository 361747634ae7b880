using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;

namespace OpenAid.Domain.Tests;

public class ObjectionRulesTests
{
    private static readonly DateOnly Published = new(2019, 4, 1);
    private static readonly DateTimeOffset Filed = new(2019, 4, 3, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, true)] // the day it is published
    [InlineData(10, true)] // the last day of a 10-day period
    [InlineData(11, false)] // the day after
    [InlineData(400, false)]
    public void A_township_or_village_notice_takes_objections_until_its_period_ends(int daysAfterPublication, bool accepts) =>
        Assert.Equal(accepts, ObjectionRules.AcceptsObjections(NoticeRulesTests.NewNotice(publishedOn: Published, noticePeriodDays: 10), Published.AddDays(daysAfterPublication)));

    [Fact]
    public void A_notice_without_a_period_takes_objections_for_good() =>
        Assert.True(ObjectionRules.AcceptsObjections(NoticeRulesTests.NewNotice(publishedOn: Published, noticePeriodDays: null), Published.AddYears(5)));

    [Theory]
    [InlineData(NoticeStatus.Draft)]
    [InlineData(NoticeStatus.Superseded)]
    [InlineData(NoticeStatus.Withdrawn)]
    public void A_notice_not_in_force_takes_none_even_within_its_period(NoticeStatus status)
    {
        Assert.False(ObjectionRules.AcceptsObjections(NoticeRulesTests.NewNotice(status, Published, noticePeriodDays: 10), Published));
        Assert.False(ObjectionRules.AcceptsObjections(NoticeRulesTests.NewNotice(status, Published, noticePeriodDays: null), Published));
    }

    [Theory]
    [InlineData(ObjectionStatus.Received, ObjectionStatus.Investigating, true)]
    [InlineData(ObjectionStatus.Received, ObjectionStatus.Rejected, true)]
    [InlineData(ObjectionStatus.Investigating, ObjectionStatus.Answered, true)]
    [InlineData(ObjectionStatus.Investigating, ObjectionStatus.Rejected, true)]
    [InlineData(ObjectionStatus.Received, ObjectionStatus.Received, false)]
    [InlineData(ObjectionStatus.Received, ObjectionStatus.Answered, false)] // answered only after an investigation
    [InlineData(ObjectionStatus.Investigating, ObjectionStatus.Received, false)]
    [InlineData(ObjectionStatus.Investigating, ObjectionStatus.Investigating, false)]
    [InlineData(ObjectionStatus.Answered, ObjectionStatus.Received, false)]
    [InlineData(ObjectionStatus.Answered, ObjectionStatus.Investigating, false)]
    [InlineData(ObjectionStatus.Answered, ObjectionStatus.Rejected, false)]
    [InlineData(ObjectionStatus.Answered, ObjectionStatus.Answered, false)]
    [InlineData(ObjectionStatus.Rejected, ObjectionStatus.Received, false)]
    [InlineData(ObjectionStatus.Rejected, ObjectionStatus.Investigating, false)]
    [InlineData(ObjectionStatus.Rejected, ObjectionStatus.Answered, false)]
    [InlineData(ObjectionStatus.Rejected, ObjectionStatus.Rejected, false)]
    public void Moves_follow_the_lifecycle(ObjectionStatus from, ObjectionStatus to, bool allowed) =>
        Assert.Equal(allowed, ObjectionRules.CanMove(from, to));

    [Theory]
    [InlineData(ObjectionStatus.Received, true)]
    [InlineData(ObjectionStatus.Investigating, true)]
    [InlineData(ObjectionStatus.Answered, false)]
    [InlineData(ObjectionStatus.Rejected, false)]
    public void Received_and_investigating_objections_are_open(ObjectionStatus status, bool open) =>
        Assert.Equal(open, ObjectionRules.IsOpen(status));

    [Fact]
    public void Days_to_respond_count_parts_of_a_day() =>
        Assert.Equal(2.5, ObjectionRules.DaysToRespond(Filed, Filed.AddHours(60)));

    [Theory]
    [InlineData(60.0, false)] // answered on the 60th day
    [InlineData(60.001, true)]
    [InlineData(3.0, false)]
    public void An_answer_is_judged_by_when_it_came_whenever_it_is_checked(double answeredAfterDays, bool overdue)
    {
        var answered = Filed.AddDays(answeredAfterDays);

        Assert.Equal(overdue, ObjectionRules.IsOverdue(Filed, answered, Filed.AddDays(1)));
        Assert.Equal(overdue, ObjectionRules.IsOverdue(Filed, answered, Filed.AddDays(365)));
    }
}
