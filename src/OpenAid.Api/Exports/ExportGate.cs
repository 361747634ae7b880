namespace OpenAid.Api.Exports;

/// <summary>The "Exports" section.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>
    /// Exports (and dump builds) running at once on this instance; beyond it a request is a 503 with Retry-After. Each
    /// keeps a core busy for as long as it runs, so more than the cores would slow every other request down.
    /// </summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>The Retry-After of that 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 10;

    /// <summary>Where the dump is built and kept. Default: a folder under the temporary directory, one per database.</summary>
    public string? DataDirectory { get; set; }
}

/// <summary>
/// Bounds how many exports run at once (<see cref="ExportOptions.MaxConcurrent"/>). A request that finds every slot
/// taken is refused at once rather than queued: a queue would hold connections open for minutes, and the client is
/// told when to come back.
/// </summary>
public sealed class ExportGate(ExportOptions options) : IDisposable
{
    /// <summary>extensions.code of the 503 when every export slot is taken.</summary>
    public const string BusyCode = "EXPORTS_BUSY";

    private readonly SemaphoreSlim _slots = new(Math.Max(0, options.MaxConcurrent));

    public int RetryAfterSeconds => Math.Max(1, options.RetryAfterSeconds);

    /// <summary>A slot to release by disposing it, or null when every slot is taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
