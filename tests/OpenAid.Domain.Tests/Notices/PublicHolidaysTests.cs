using OpenAid.Domain.Notices;

namespace OpenAid.Domain.Tests.Notices;

public class PublicHolidaysTests
{
    [Theory]
    [InlineData(2015, 29)]
    [InlineData(2016, 30)]
    [InlineData(2017, 28)]
    [InlineData(2018, 29)]
    [InlineData(2019, 28)]
    [InlineData(2020, 30)] // the Spring Festival extension
    [InlineData(2021, 31)]
    [InlineData(2022, 32)] // with 2022-12-31, the first day of the 2023 New Year holiday
    [InlineData(2023, 26)] // Mid-Autumn and National Day in one
    [InlineData(2024, 30)]
    [InlineData(2025, 28)] // Mid-Autumn within National Day
    [InlineData(2026, 33)] // a nine-day Spring Festival
    public void Each_year_has_the_holiday_days_the_State_Council_set(int year, int days) =>
        Assert.Equal(days, PublicHolidays.Days.Count(d => d.Year == year));

    [Theory]
    [InlineData("2015-01-01")] // the first day of the first range
    [InlineData("2015-09-03")] // the 2015 victory-day holiday
    [InlineData("2016-12-31")] // a New Year holiday that starts in the year before
    [InlineData("2017-01-02")]
    [InlineData("2019-10-07")] // the last day of a range
    [InlineData("2020-01-01")] // a one-day range
    [InlineData("2020-10-08")]
    [InlineData("2025-10-08")] // Mid-Autumn (10-06) inside National Day
    [InlineData("2026-02-23")]
    [InlineData("2026-10-07")] // the last day of the last range
    public void Every_day_of_every_range_is_a_holiday(string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(date, PublicHolidays.Days);
        Assert.False(PublicHolidays.Calendar.IsWorkingDay(date));
    }

    [Fact]
    public void The_days_are_in_order_and_each_is_there_once()
    {
        Assert.Equal(PublicHolidays.Days.Order(), PublicHolidays.Days);
        Assert.Equal(PublicHolidays.Days.Count, PublicHolidays.Days.Distinct().Count());
        Assert.Equal((PublicHolidays.FirstYear, PublicHolidays.LastYear), (PublicHolidays.Days[0].Year, PublicHolidays.Days[^1].Year));
    }

    [Theory]
    [InlineData("2019-09-27", 0, "2019-09-27")] // no working days: the same day
    [InlineData("2019-09-26", 1, "2019-09-27")]
    [InlineData("2019-09-27", 1, "2019-09-30")] // over a weekend
    [InlineData("2019-09-30", 1, "2019-10-08")] // over National Day
    [InlineData("2019-03-01", 15, "2019-03-22")] // the notice deadline of a March decision
    public void Working_days_are_added_over_weekends_and_holidays(string from, int workingDays, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            PublicHolidays.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), workingDays));
}
