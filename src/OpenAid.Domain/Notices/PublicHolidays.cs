namespace OpenAid.Domain.Notices;

/// <summary>
/// China's statutory public holidays 2015–2026 as the State Council's yearly notices (国务院办公厅关于
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

    public const int LastYear = 2026;

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

        ("2021-01-01", "2021-01-03"), ("2021-02-11", "2021-02-17"), ("2021-04-03", "2021-04-05"), ("2021-05-01", "2021-05-05"),
        ("2021-06-12", "2021-06-14"), ("2021-09-19", "2021-09-21"), ("2021-10-01", "2021-10-07"),

        ("2022-01-01", "2022-01-03"), ("2022-01-31", "2022-02-06"), ("2022-04-03", "2022-04-05"), ("2022-04-30", "2022-05-04"),
        ("2022-06-03", "2022-06-05"), ("2022-09-10", "2022-09-12"), ("2022-10-01", "2022-10-07"),

        ("2022-12-31", "2023-01-02"), ("2023-01-21", "2023-01-27"), ("2023-04-05", "2023-04-05"), ("2023-04-29", "2023-05-03"),
        ("2023-06-22", "2023-06-24"), ("2023-09-29", "2023-10-06"),

        ("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"), ("2024-05-01", "2024-05-05"),
        ("2024-06-08", "2024-06-10"), ("2024-09-15", "2024-09-17"), ("2024-10-01", "2024-10-07"),

        ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"), ("2025-05-01", "2025-05-05"),
        ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),

        ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-07"),
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
