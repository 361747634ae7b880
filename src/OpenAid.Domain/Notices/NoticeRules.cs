using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Notices;

/// <summary>The deadlines the national guidance sets for notices (公告公示).</summary>
public static class NoticeRules
{
    /// <summary>A notice is due within this many working days of the decision it reports.</summary>
    public const int PublicationDeadlineWorkingDays = 15;

    /// <summary>Township and village notices run at least this many days for objections.</summary>
    public const int MinimumNoticePeriodDays = 10;

    /// <summary>A notice period longer than a year is a typing error, not a policy.</summary>
    public const int MaxNoticePeriodDays = 365;

    /// <summary>How many funds or projects one notice may name.</summary>
    public const int MaxSubjects = 100;

    /// <summary>Township and village notices have a notice period; county-level and higher stay public for good.</summary>
    public static bool HasNoticePeriod(RegionLevel level) => level is RegionLevel.Township or RegionLevel.Village;

    /// <summary>Working days past the deadline, or 0 when the notice was on time.</summary>
    public static int WorkingDaysLate(DateOnly decidedOn, DateOnly publishedOn, WorkingDays calendar) =>
        Math.Max(0, calendar.Between(decidedOn, publishedOn) - PublicationDeadlineWorkingDays);

    /// <summary>The last day a notice of a decision taken on <paramref name="decidedOn"/> is published on time.</summary>
    public static DateOnly PublicationDeadline(DateOnly decidedOn, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = decidedOn;
        for (var counted = 0; counted < PublicationDeadlineWorkingDays;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        // Publishing on the weekend or holidays right after the 15th working day adds no working day, so it is on time too.
        while (!calendar.IsWorkingDay(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
