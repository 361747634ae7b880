namespace OpenAid.Demo;

/// <summary>
/// The demo's years and days for an anchor day. The generator is written for the campaign of 2015–2020 ending on
/// <see cref="DemoDataGenerator.EarliestAsOf"/>; its years and days move to end at the anchor, so that tests and
/// docs can name a demo year as the base campaign's (e.g. <c>Year(2019)</c>, the year before the last).
/// </summary>
public sealed class DemoCalendar(DateOnly asOf)
{
    private static readonly DateOnly BaseAsOf = DemoDataGenerator.EarliestAsOf;

    public DateOnly AsOf { get; } = asOf;

    /// <summary>
    /// The demo's last year: the anchor's once that year's work is done (funds, projects and approvals run from spring to
    /// October), else the year before, so that nothing planned in it would lie after the anchor.
    /// </summary>
    public int LastYear => AsOf.Month >= 11 ? AsOf.Year : AsOf.Year - 1;

    /// <summary>Its first: six years of history up to the anchor.</summary>
    public int FirstYear => Year(2015);

    /// <summary>A year of the base campaign, moved to end with the anchor's year.</summary>
    public int Year(int baseYear) => baseYear + LastYear - BaseAsOf.Year;

    /// <summary>A day of the base campaign, as many days before the anchor as it was before the base's last day.</summary>
    public DateOnly On(int year, int month, int day) => AsOf.AddDays(new DateOnly(year, month, day).DayNumber - BaseAsOf.DayNumber);
}
