namespace OpenAid.Domain.Common;

public static class Clock
{
    /// <summary>Today where the service runs, as notices, needs and objections are dated.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }
}
