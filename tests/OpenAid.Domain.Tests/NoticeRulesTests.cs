using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

public class NoticeRulesTests
{
    private static readonly WorkingDays Calendar = new([new DateOnly(2019, 10, 1), new DateOnly(2019, 10, 2)]);

    [Fact]
    public void Working_days_skip_weekends_and_holidays()
    {
        // Mon 2019-09-30 → Mon 2019-10-07: Tue 1 and Wed 2 are holidays, Sat/Sun skipped.
        Assert.Equal(3, Calendar.Between(new DateOnly(2019, 9, 30), new DateOnly(2019, 10, 7)));
    }

    [Theory]
    [InlineData("2019-09-27", true)] // Friday
    [InlineData("2019-09-28", false)] // Saturday
    [InlineData("2019-09-29", false)] // Sunday
    [InlineData("2019-09-30", true)] // Monday
    [InlineData("2019-10-01", false)] // a holiday on a Tuesday
    [InlineData("2019-10-03", true)] // the Thursday after
    public void A_working_day_is_a_weekday_that_is_no_holiday(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2019-09-30", "2019-09-30", 0)] // the same day
    [InlineData("2019-09-26", "2019-09-27", 1)] // Thursday to Friday: the first day is not counted, the last is
    [InlineData("2019-09-27", "2019-09-30", 1)] // Friday to Monday
    [InlineData("2019-09-27", "2019-09-29", 0)] // Friday to Sunday
    [InlineData("2019-09-30", "2019-09-26", 0)] // backwards
    public void Between_counts_the_working_days_after_the_first_up_to_the_last(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.Between(Day(from), Day(to)));

    [Fact]
    public void A_notice_within_15_working_days_is_on_time()
    {
        var decided = new DateOnly(2019, 3, 1); // Friday
        var fifteenWorkingDaysLater = new DateOnly(2019, 3, 22);

        Assert.Equal(0, NoticeRules.WorkingDaysLate(decided, fifteenWorkingDaysLater, Calendar));
        Assert.Equal(1, NoticeRules.WorkingDaysLate(decided, new DateOnly(2019, 3, 25), Calendar));
    }

    [Theory]
    [InlineData("2019-03-01", 0)] // published the day of the decision
    [InlineData("2019-02-20", 0)] // dated before the decision
    [InlineData("2019-03-21", 0)]
    [InlineData("2019-03-29", 5)]
    public void Working_days_late_are_never_negative(string published, int expected) =>
        Assert.Equal(expected, NoticeRules.WorkingDaysLate(new DateOnly(2019, 3, 1), Day(published), Calendar));

    [Theory]
    [InlineData(RegionLevel.Village, true)]
    [InlineData(RegionLevel.Township, true)]
    [InlineData(RegionLevel.County, false)]
    [InlineData(RegionLevel.City, false)]
    [InlineData(RegionLevel.Province, false)]
    public void Only_township_and_village_notices_have_a_notice_period(RegionLevel level, bool expected) =>
        Assert.Equal(expected, NoticeRules.HasNoticePeriod(level));

    [Fact]
    public void A_notice_without_a_period_is_never_closed_to_objections_by_date() =>
        Assert.Null(NewNotice(publishedOn: new DateOnly(2019, 4, 1), noticePeriodDays: null).NoticePeriodEndsOn);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The one place the domain tests outside <c>Notices/</c> build a notice: drafted (a village notice with a notice
    /// period, a county notice without one), then published on <paramref name="publishedOn"/> and corrected or
    /// withdrawn as <paramref name="status"/> asks.
    /// </summary>
    internal static Notice NewNotice(NoticeStatus status = NoticeStatus.Published, DateOnly? publishedOn = null, int? noticePeriodDays = null)
    {
        var decided = new DateOnly(2019, 3, 1);
        var region = noticePeriodDays is null
            ? new Region { Code = 451021000000, Name = "田阳县", Level = RegionLevel.County }
            : new Region { Code = 451021100201, Name = "四那村", Level = RegionLevel.Village };
        var text = new NoticeText("2019年第一批财政专项扶贫资金分配公告", "下达资金 1200 万元。", decided, noticePeriodDays, "0776-7612317");
        var notice = Notice.Draft("CG-451021-2019-0001", NoticeKind.Exit, region, 1, text, decided, [], []);
        if (status == NoticeStatus.Draft)
        {
            return notice;
        }

        var published = publishedOn ?? decided;
        notice.Publish("GS-451021-2019-0031", published, Calendar);
        switch (status)
        {
            case NoticeStatus.Superseded:
                notice.Supersede("GS-451021-2019-0032", 1, region, "金额有误。", text, [], [], published, Calendar);
                break;
            case NoticeStatus.Withdrawn:
                notice.Withdraw("项目已取消。");
                break;
        }

        return notice;
    }
}
