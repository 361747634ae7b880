namespace OpenAid.Api.Caching;

/// <summary>The "Cache" section. Defaults suit production; tests and the benchmark override them.</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>Caches anonymous query results. Off: every request executes (the benchmark's uncached run); ETags still work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>ETag, Cache-Control and 304 for anonymous GET queries.</summary>
    public bool HttpCaching { get; set; } = true;

    /// <summary>
    /// Some fields are computed from the clock (days an objection has been open, whether it is overdue), so a result
    /// is also keyed by a time slot of this many seconds: data changes are never stale, the clock's effect at most
    /// this late. Each key's slot boundary is offset by its hash so that hot keys do not all expire together.
    /// </summary>
    public int TimeSlotSeconds { get; set; } = 60;

    /// <summary>
    /// How long the data version cached in Redis is trusted before it is read from the database again. Writes through
    /// the API publish their version at once; this only bounds how late a write that bypassed the API (an import, a
    /// writer that lost Redis at the moment it committed) is noticed.
    /// </summary>
    public int VersionRecheckMilliseconds { get; set; } = 1000;

    /// <summary>
    /// The in-process (first level) cache's size in MB of response bodies. Redis is the shared level behind it, so this
    /// level needs only the hot results: the public mix holds a few MB, and 32 keeps a full cache well under the
    /// instance's 400 MB memory budget (bench/README.md, "Memory").
    /// </summary>
    public int MemoryCacheMegabytes { get; set; } = 32;

    /// <summary>Responses larger than this are not cached (they are rare and would crowd out the rest).</summary>
    public int MaxEntryKilobytes { get; set; } = 1024;

    /// <summary>How long an instance waits for another instance that is already computing the same result.</summary>
    public int LockWaitMilliseconds { get; set; } = 3000;
}
