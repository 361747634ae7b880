using System.Collections.Concurrent;
using GraphQL;
using Microsoft.Extensions.Caching.Memory;
using OpenAid.Api.Redis;
using OpenAid.Api.Telemetry;
using StackExchange.Redis;

namespace OpenAid.Api.Caching;

/// <summary>A result the cache can keep: the bytes it stores, and the result they stand for.</summary>
public interface ICacheableResult<TSelf>
    where TSelf : class, ICacheableResult<TSelf>
{
    /// <summary>The bytes to keep and share, or null when the result must not outlive the requests already waiting for it.</summary>
    byte[]? Stored { get; }

    static abstract TSelf FromStored(byte[] stored);
}

/// <summary>Where a result came from; the endpoint reports it (X-Cache). Bypass: the request was not shareable.</summary>
public enum CacheOutcome
{
    Hit,
    Miss,
    Bypass,
    Off,
}

/// <summary>The key of one shareable request, with the parts an HTTP validator (ETag) is made of.</summary>
public sealed record ResultKey(long Version, long Slot, string RequestKey, string Value);

/// <summary>
/// The shared cache of query results. See Caching/README.md.
/// <list type="bullet">
/// <item>Key: build, data version, time slot and SHA-256 of (printed document, operation name, variables with sorted
/// keys). A write advances the version, so an entry of an older version is never read again (it expires).</item>
/// <item>Two levels: a bounded in-process cache, then Redis. Identical concurrent misses in one process run once
/// (single flight); across instances, the first to miss takes a short Redis lock and the others wait for its result.</item>
/// <item>Redis failures are misses: the request executes against the database.</item>
/// </list>
/// Which requests may share a result (anonymous queries) is the caller's decision.
/// </summary>
public sealed class ResultCache : IDisposable
{
    private readonly RedisConnection _redis;
    private readonly DataVersionSource _versions;
    private readonly CacheOptions _options;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _memory;
    private readonly ConcurrentDictionary<string, Flight> _inflight = new(StringComparer.Ordinal);
    private long _executions;
    private long _purges;
    private long _lockWaitsStarted;
    private long _lockWaitTimeouts;

    /// <summary>
    /// What an entry costs the heap besides its body and key (the cache's entry, its options, the result record, the
    /// index): counted so that Cache:MemoryCacheMegabytes bounds the memory the cache takes, not only its payload. About
    /// what the GC heap grew by per entry beyond body and key in bench/memory.mjs with --variants.
    /// </summary>
    private const int EntryOverheadBytes = 512;

    /// <summary>The cache levels, as the hit and miss counters name them.</summary>
    private const string MemoryLayer = "memory";
    private const string RedisLayer = "redis";

    /// <summary>The Redis channel on which an instance that purged tells the others to empty their memory.</summary>
    private const string PurgeChannel = "purge";

    public ResultCache(RedisConnection redis, DataVersionSource versions, CacheOptions options, TimeProvider clock)
    {
        _redis = redis;
        _versions = versions;
        _options = options;
        _clock = clock;
        // Bounded by the bytes it holds (each entry's size is its response body and key), not by a count: responses
        // range from a few hundred bytes to a megabyte.
        _memory = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = (long)options.MemoryCacheMegabytes * 1024 * 1024,
            CompactionPercentage = 0.25,
            TrackStatistics = true,
        });
        redis.Subscribe(PurgeChannel, _ => PurgeMemory());
        OpenAidMetrics.Meter.CreateObservableGauge("openaid.cache.memory.size", () => MemorySize, "By",
            "Bytes of results the in-process cache holds, as it counts them against Cache:MemoryCacheMegabytes.");
        OpenAidMetrics.Meter.CreateObservableGauge("openaid.cache.memory.entries", () => _memory.Count, description: "Results the in-process cache holds.");
    }

    /// <summary>How many results the in-process level holds now; for tests.</summary>
    public long MemoryCount => _memory.Count;

    /// <summary>The bytes the in-process level counts against its limit.</summary>
    public long MemorySize => _memory.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Waits for another instance's result that began, and that ran out of Cache:LockWaitMilliseconds; for tests.</summary>
    public long LockWaitsStarted => Interlocked.Read(ref _lockWaitsStarted);

    public long LockWaitTimeouts => Interlocked.Read(ref _lockWaitTimeouts);

    /// <summary>
    /// Removes every stored result at once, rather than letting older versions expire: from this process, from Redis
    /// (the keys of every build), and, through Redis, from every other instance's memory. For a write that took
    /// something out of public data which cached results may still hold (an audit redaction). A load under way keeps
    /// nothing it finishes after the purge.
    /// </summary>
    public async Task PurgeAsync()
    {
        PurgeMemory();
        await _redis.DeleteKeysAsync($"{_redis.SharedPrefix}*:q:*");
        await _redis.PublishAsync(PurgeChannel, "");
    }

    private void PurgeMemory()
    {
        Interlocked.Increment(ref _purges);
        _memory.Clear();
    }

    /// <summary>How many shareable requests executed (missed every cache level); for tests and the benchmark.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>How many shared executions are under way; for tests.</summary>
    public int InFlight => _inflight.Count;

    /// <summary>The key of a request now: the data version is read first, so a result stored under it is at least that new.</summary>
    public async ValueTask<ResultKey> KeyAsync(ParsedDocument document, string? operationName, Inputs? variables, IServiceProvider requestServices, CancellationToken ct)
    {
        var (version, _) = await _versions.CurrentAsync(requestServices, ct);
        var requestKey = ParsedDocuments.RequestKey(document, operationName, variables);
        var slot = TimeSlot(requestKey);
        return new ResultKey(version, slot, requestKey, $"{_redis.KeyPrefix}q:{version}:{slot}:{requestKey}");
    }

    /// <summary>The result under <paramref name="key"/>, executing <paramref name="execute"/> once for all concurrent misses.</summary>
    public async Task<(T Result, CacheOutcome Outcome)> GetOrExecuteAsync<T>(ResultKey key, Func<CancellationToken, Task<T>> execute, CancellationToken ct)
        where T : class, ICacheableResult<T>
    {
        if (!_options.Enabled)
        {
            return (await execute(ct), CacheOutcome.Off);
        }

        if (_memory.TryGetValue(key.Value, out T? cached) && cached is not null)
        {
            OpenAidMetrics.CacheHit(MemoryLayer);
            return (cached, CacheOutcome.Hit);
        }

        OpenAidMetrics.CacheMiss(MemoryLayer);

        var (result, executed) = await SingleFlightAsync(key.Value, execute, ct);
        return (result, executed ? CacheOutcome.Miss : CacheOutcome.Hit);
    }

    /// <summary>The time slot of a key, with its boundary offset by the key's hash so that keys do not roll over together.</summary>
    private long TimeSlot(string requestKey)
    {
        var seconds = Math.Max(1, _options.TimeSlotSeconds);
        var offset = (requestKey[0] * 64 + requestKey[1]) % seconds;
        return (_clock.GetUtcNow().ToUnixTimeSeconds() + offset) / seconds;
    }

    /// <summary>
    /// Runs one load per key for all concurrent requests. The load is nobody's own request: it runs on the flight's
    /// token, which is cancelled when the last request waiting for it has gone away (each stops waiting on its own
    /// token), so that one client leaving does not fail the others, and no work goes on for no one. Its deadline is
    /// the executing request's time budget, which <paramref name="execute"/> applies.
    /// </summary>
    /// <returns>The result, and whether this request is the one that executed it.</returns>
    private async Task<(T Result, bool Executed)> SingleFlightAsync<T>(string key, Func<CancellationToken, Task<T>> execute, CancellationToken ct)
        where T : class, ICacheableResult<T>
    {
        while (true)
        {
            var mine = new Flight<T>();
            // The key names the document, so every flight under it is of the same result type.
            var current = (Flight<T>)_inflight.GetOrAdd(key, mine);
            if (current == mine)
            {
                // On the thread pool: SQLite's async calls complete synchronously, so the load would otherwise run to
                // its end before this request even starts to wait (and could notice its client leave).
                _ = Task.Run(() => RunAsync(key, mine, execute), CancellationToken.None);
                return await mine.WaitAsync(runsOnMyServices: true, ct);
            }

            if (current.TryJoin())
            {
                // Another request for the same key is under way in this process: wait for its result.
                return ((await current.WaitAsync(runsOnMyServices: false, ct)).Result, false);
            }

            // Everyone waiting for that one went away and it is stopping: start another.
            _inflight.TryRemove(new KeyValuePair<string, Flight>(key, current));
        }
    }

    private async Task RunAsync<T>(string key, Flight<T> flight, Func<CancellationToken, Task<T>> execute)
        where T : class, ICacheableResult<T>
    {
        try
        {
            flight.Result.SetResult(await LoadAsync(key, execute, flight.Abandoned.Token));
        }
        catch (OperationCanceledException) when (flight.Abandoned.IsCancellationRequested)
        {
            flight.Result.SetCanceled(flight.Abandoned.Token);
        }
        catch (Exception e)
        {
            flight.Result.SetException(e);
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Flight>(key, flight));
        }
    }

    /// <summary>One shared load and the requests waiting for it, counted; it starts with the one that began it.</summary>
    private abstract class Flight
    {
        private readonly Lock _lock = new();
        private int _waiters = 1;

        /// <summary>Cancelled when no request waits any more.</summary>
        public CancellationTokenSource Abandoned { get; } = new();

        /// <returns>False when the last waiter already left: the load is being cancelled.</returns>
        public bool TryJoin()
        {
            lock (_lock)
            {
                if (_waiters == 0)
                {
                    return false;
                }

                _waiters++;
                return true;
            }
        }

        protected void Leave()
        {
            bool last;
            lock (_lock)
            {
                last = --_waiters == 0;
            }

            if (last)
            {
                // Harmless when the load has finished: nothing listens to the token any more.
                Abandoned.Cancel();
            }
        }
    }

    private sealed class Flight<T> : Flight
    {
        public TaskCompletionSource<(T Result, bool Executed)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <param name="runsOnMyServices">The load resolves with this request's scoped services (its DbContext), so the
        /// request must not end before the load does, even once its client has gone and it no longer counts as waiting.</param>
        public async Task<(T Result, bool Executed)> WaitAsync(bool runsOnMyServices, CancellationToken ct)
        {
            var left = 0;
            void LeaveOnce()
            {
                if (Interlocked.Exchange(ref left, 1) == 0)
                {
                    Leave();
                }
            }

            using (ct.Register(LeaveOnce))
            {
                try
                {
                    if (!runsOnMyServices)
                    {
                        return await Result.Task.WaitAsync(ct);
                    }

                    await ((Task)Result.Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    ct.ThrowIfCancellationRequested();
                    return await Result.Task;
                }
                finally
                {
                    LeaveOnce();
                }
            }
        }
    }

    private async Task<(T Result, bool Executed)> LoadAsync<T>(string key, Func<CancellationToken, Task<T>> execute, CancellationToken ct)
        where T : class, ICacheableResult<T>
    {
        var purges = Interlocked.Read(ref _purges);
        T Keep(T result) => Remember(key, result, purges);
        var redis = _redis.Database;
        if (redis is null)
        {
            return (Keep(await ExecuteCountedAsync(execute, ct)), true);
        }

        var stored = await TryGetAsync<T>(key);
        if (stored is not null)
        {
            return (Keep(stored), false);
        }

        // Another instance may be computing the same result: let one of them do it, the others wait for it.
        var lockKey = key + ":lock";
        var locked = await _redis.RunAsync(db => db.StringSetAsync(lockKey, "1", TimeSpan.FromMilliseconds(_options.LockWaitMilliseconds * 2), When.NotExists), "lock", fallback: true);
        if (locked)
        {
            // The instance that held the lock may have stored the result between our read and our lock.
            stored = await TryGetAsync<T>(key);
            if (stored is not null)
            {
                await _redis.RunAsync(db => db.KeyDeleteAsync(lockKey), "unlock", fallback: false);
                return (Keep(stored), false);
            }
        }
        else
        {
            stored = await WaitForHolderAsync<T>(key, lockKey, ct);
            if (stored is not null)
            {
                return (Keep(stored), false);
            }
        }

        try
        {
            var result = Keep(await ExecuteCountedAsync(execute, ct));
            if (result.Stored is { } bytes && Interlocked.Read(ref _purges) == purges)
            {
                await _redis.RunAsync(db => db.StringSetAsync(key, bytes, TimeSpan.FromSeconds(Math.Max(1, _options.TimeSlotSeconds) * 2)), "write", fallback: false);
            }

            return (result, true);
        }
        finally
        {
            if (locked)
            {
                await _redis.RunAsync(db => db.KeyDeleteAsync(lockKey), "unlock", fallback: false);
            }
        }
    }

    /// <summary>
    /// Waits for the instance holding the lock: its result, once stored; or null as soon as the lock is gone without
    /// one (the holder's result was an error or too large, which is never stored, or it went away): then this request
    /// runs the query itself rather than sleeping out <see cref="CacheOptions.LockWaitMilliseconds"/>. The result and
    /// the lock are read in one MGET, so a result stored just before the unlock is never missed.
    /// </summary>
    private async Task<T?> WaitForHolderAsync<T>(string key, string lockKey, CancellationToken ct)
        where T : class, ICacheableResult<T>
    {
        Interlocked.Increment(ref _lockWaitsStarted);
        var keys = new RedisKey[] { key, lockKey };
        var deadline = Environment.TickCount64 + _options.LockWaitMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            await Task.Delay(15, ct);
            var (ok, values) = await _redis.TryRunAsync(db => db.StringGetAsync(keys), "read");
            if (!ok)
            {
                // Redis stopped answering: run it here.
                return null;
            }

            if (values[0].HasValue)
            {
                OpenAidMetrics.LockWaitEnded("result");
                return T.FromStored((byte[])values[0]!);
            }

            if (!values[1].HasValue)
            {
                OpenAidMetrics.LockWaitEnded("released");
                return null;
            }
        }

        Interlocked.Increment(ref _lockWaitTimeouts);
        OpenAidMetrics.LockWaitEnded("timeout");
        return null;
    }

    private async Task<T?> TryGetAsync<T>(string key)
        where T : class, ICacheableResult<T>
    {
        var value = await _redis.RunAsync(db => db.StringGetAsync(key), "read", fallback: RedisValue.Null);
        if (value.HasValue)
        {
            OpenAidMetrics.CacheHit(RedisLayer);
            return T.FromStored((byte[])value!);
        }

        OpenAidMetrics.CacheMiss(RedisLayer);
        return null;
    }

    private T Remember<T>(string key, T result, long purges)
        where T : class, ICacheableResult<T>
    {
        if (result.Stored is { } bytes && Interlocked.Read(ref _purges) == purges)
        {
            _memory.Set(key, result, new MemoryCacheEntryOptions
            {
                Size = bytes.Length + key.Length * 2 + EntryOverheadBytes,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(1, _options.TimeSlotSeconds) * 2),
            });
        }

        return result;
    }

    private Task<T> ExecuteCountedAsync<T>(Func<CancellationToken, Task<T>> execute, CancellationToken ct)
    {
        Interlocked.Increment(ref _executions);
        return execute(ct);
    }

    public void Dispose() => _memory.Dispose();
}
