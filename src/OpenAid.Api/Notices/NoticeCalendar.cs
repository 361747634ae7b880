using System.Globalization;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;

namespace OpenAid.Api.Notices;

/// <summary>
/// The working-day calendar the 15-working-day notice deadline is counted on: the statutory holidays OpenAid ships
/// (<see cref="PublicHolidays"/>, 2015–2026) plus the "Notices:Holidays" configuration list, which takes one date
/// ("2027-10-01") or an inclusive range ("2027-10-01..2027-10-07") per entry. Each year's State Council notice
/// (国务院办公厅关于部分节假日安排的通知) is added there without a release.
/// </summary>
public static class NoticeCalendar
{
    public const string HolidaysKey = "Notices:Holidays";

    public static WorkingDays From(IConfiguration configuration)
    {
        var configured = configuration.GetSection(HolidaysKey).GetChildren()
            .Select(entry => entry.Value)
            .OfType<string>()
            .SelectMany(Parse);
        return new WorkingDays(PublicHolidays.Days.Concat(configured));
    }

    private static IEnumerable<DateOnly> Parse(string entry)
    {
        var parts = entry.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !TryDate(parts[0], out var from) || !TryDate(parts[^1], out var to) || to < from)
        {
            // A wrong holiday list would silently misreport lateness; refuse to start with it instead.
            throw new InvalidOperationException($"'{entry}' in {HolidaysKey} is not a date (yyyy-MM-dd) or a range (yyyy-MM-dd..yyyy-MM-dd).");
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
