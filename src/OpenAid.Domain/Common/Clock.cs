namespace OpenAid.Domain.Common;

/// <summary>
/// The records' own time: China Standard Time, UTC+8 all year (no daylight saving since 1991). Days – a notice's
/// publication, an objection's filing, a delivery – are Beijing days wherever the service runs, so that a host on UTC
/// and a browser in Guangxi agree on what "today" is.
/// </summary>
public static class Clock
{
    public static readonly TimeSpan RecordsOffset = TimeSpan.FromHours(8);

    /// <summary>Now in Beijing time.</summary>
    public static DateTimeOffset RecordsNow(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(RecordsOffset);
    }

    /// <summary>Today in Beijing, as notices, needs, deliveries and objections are dated.</summary>
    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.RecordsNow());

    /// <summary>Midnight starting today in Beijing.</summary>
    public static DateTimeOffset StartOfToday(this TimeProvider clock) => new(clock.Today().ToDateTime(TimeOnly.MinValue), RecordsOffset);

    /// <summary>The Beijing day of a moment.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(RecordsOffset).DateTime);
}
