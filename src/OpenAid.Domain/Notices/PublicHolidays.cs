namespace OpenAid.Domain.Notices;

/// <summary>
/// China's statutory public holidays 2015–2020 as the State Council's yearly notices (国务院办公厅关于
/// 部分节假日安排的通知) set them: New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn
/// and National Day, plus the 2015 victory-day holiday and the 2020 Spring Festival extension. Real data,
/// not demo: the API can reuse <see cref="Calendar"/> to flag late notices.
/// </summary>
/// <remarks>
/// <see cref="WorkingDays"/> counts Monday to Friday, so the weekend make-up working days (调休) are not
/// counted as working days; lateness is therefore never overstated.
/// </remarks>
public static class PublicHolidays
{
    public const int FirstYear = 2015;

    public const int LastYear = 2020;

    private static readonly (string From, string To)[] Ranges =
    [
        ("2015-01-01", "2015-01-03"), ("2015-02-18", "2015-02-24"), ("2015-04-05", "2015-04-06"), ("2015-05-01", "2015-05-03"),
        ("2015-06-20", "2015-06-22"), ("2015-09-03", "2015-09-05"), ("2015-09-27", "2015-09-27"), ("2015-10-01", "2015-10-07"),

        ("2016-01-01", "2016-01-03"), ("2016-02-07", "2016-02-13"), ("2016-04-02", "2016-04-04"), ("2016-04-30", "2016-05-02"),
        ("2016-06-09", "2016-06-11"), ("2016-09-15", "2016-09-17"), ("2016-10-01", "2016-10-07"),

        ("2016-12-31", "2017-01-02"), ("2017-01-27", "2017-02-02"), ("2017-04-02", "2017-04-04"), ("2017-04-29", "2017-05-01"),
        ("2017-05-28", "2017-05-30"), ("2017-10-01", "2017-10-08"),

        ("2017-12-30", "2018-01-01"), ("2018-02-15", "2018-02-21"), ("2018-04-05", "2018-04-07"), ("2018-04-29", "2018-05-01"),
        ("2018-06-16", "2018-06-18"), ("2018-09-22", "2018-09-24"), ("2018-10-01", "2018-10-07"),

        ("2018-12-30", "2019-01-01"), ("2019-02-04", "2019-02-10"), ("2019-04-05", "2019-04-07"), ("2019-05-01", "2019-05-04"),
        ("2019-06-07", "2019-06-09"), ("2019-09-13", "2019-09-15"), ("2019-10-01", "2019-10-07"),

        ("2020-01-01", "2020-01-01"), ("2020-01-24", "2020-02-02"), ("2020-04-04", "2020-04-06"), ("2020-05-01", "2020-05-05"),
        ("2020-06-25", "2020-06-27"), ("2020-10-01", "2020-10-08"),
    ];

    /// <summary>Every holiday date (weekends included where the holiday covers them), in order.</summary>
    public static IReadOnlyList<DateOnly> Days { get; } = Expand();

    /// <summary>The working-day calendar the 15-working-day notice deadline is counted on.</summary>
    public static WorkingDays Calendar { get; } = new(Days);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var day = from;
        for (var added = 0; added < workingDays;)
        {
            day = day.AddDays(1);
            if (Calendar.IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }

    private static DateOnly[] Expand()
    {
        var days = new List<DateOnly>();
        foreach (var (from, to) in Ranges)
        {
            for (var day = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture); day <= DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture); day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return [.. days];
    }
}
