using System.Globalization;
using System.Text.RegularExpressions;
using OpenAid.Demo;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>
/// The years of the demo data these tests run on. The template database is generated anchored to the day the run
/// starts (as a fresh start is), so a test names a demo year as the base campaign's: <c>Year(2019)</c> is the year
/// before the demo's last, and <c>Dated("year={2019}")</c> writes it into a query.
/// </summary>
public static partial class DemoYears
{
    public static DemoCalendar Calendar { get; } = new(TimeProvider.System.Today());

    public static int Year(int baseYear) => Calendar.Year(baseYear);

    /// <summary>The text with each <c>{yyyy}</c> replaced by that base year's demo year.</summary>
    public static string Dated(string text) =>
        BaseYear().Replace(text, m => Year(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\{(\d{4})\}")]
    private static partial Regex BaseYear();
}
