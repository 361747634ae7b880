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

    [Fact]
    public void A_notice_within_15_working_days_is_on_time()
    {
        var decided = new DateOnly(2019, 3, 1); // Friday
        var fifteenWorkingDaysLater = new DateOnly(2019, 3, 22);

        Assert.Equal(0, NoticeRules.WorkingDaysLate(decided, fifteenWorkingDaysLater, Calendar));
        Assert.Equal(1, NoticeRules.WorkingDaysLate(decided, new DateOnly(2019, 3, 25), Calendar));
    }

    [Theory]
    [InlineData(RegionLevel.Village, true)]
    [InlineData(RegionLevel.Township, true)]
    [InlineData(RegionLevel.County, false)]
    [InlineData(RegionLevel.Province, false)]
    public void Only_township_and_village_notices_have_a_notice_period(RegionLevel level, bool expected) =>
        Assert.Equal(expected, NoticeRules.HasNoticePeriod(level));
}
