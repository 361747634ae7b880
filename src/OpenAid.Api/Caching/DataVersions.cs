using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Api.Redis;
using OpenAid.Data;
using StackExchange.Redis;

namespace OpenAid.Api.Caching;

/// <summary>
/// The current data version (the single DataVersion row that every write advances in its own transaction), which
/// every cache key and ETag contains: a result cached under an older version is simply never looked up again.
/// <para>
/// With Redis, the version is read from one Redis key per request, so that every instance sees a write as soon as
/// the writing instance has published it (which it does after the commit, before the mutation returns; see
/// <see cref="DataVersionPublisher"/>). The key expires after <see cref="CacheOptions.VersionRecheckMilliseconds"/>
/// and is then refilled from the database, which bounds how late a write that bypassed the API is seen. Without
/// Redis, or while it is down, the version is read from the database on every request: one cheap query, and correct
/// whatever other process writes.
/// </para>
/// </summary>
public sealed class DataVersionSource(RedisConnection redis, CacheOptions options)
{
    private readonly Lock _gate = new();
    private Task<RedisValue>? _inFlight;
    private TaskCompletionSource<RedisValue>? _queued;

    /// <summary>Sets the key to the proposed version unless it already holds a higher one; returns the key's value.</summary>
    internal static readonly LuaScript SetMaxScript = LuaScript.Prepare("""
        local current = redis.call('GET', @key)
        if (not current) or tonumber(@version) > tonumber(current) then
          redis.call('SET', @key, @version, 'PX', @ttl)
          return @version
        end
        return current
        """);

    /// <summary>
    /// The compiled read, one per model: a compiled query refuses any model but the one it first ran with, and a process
    /// may hold the models of both providers (the SQL Server translation test runs beside the SQLite hosts).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<OpenAidDbContext, CancellationToken, Task<long>>> VersionReads = [];

    private static Task<long> ReadVersion(OpenAidDbContext db, CancellationToken ct) =>
        VersionReads.GetValue(db.Model, _ => EF.CompileAsyncQuery((OpenAidDbContext context, CancellationToken token) =>
            context.DataVersions.Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Version).FirstOrDefault()))(db, ct);

    /// <summary>The version to key results by now, and whether Redis supplied it.</summary>
    public async ValueTask<(long Version, bool FromRedis)> CurrentAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        var (read, value) = await redis.TryRunAsync(ReadCoalescedAsync, "version read");
        if (read)
        {
            // A missing key parses as 0 in StackExchange.Redis, hence HasValue first.
            if (value.HasValue && value.TryParse(out long version))
            {
                return (version, true);
            }

            // Expired or never set (Redis restarted): the database decides, and the highest version wins.
            var fromDatabase = await ReadDatabaseAsync(requestServices, ct);
            var (stored, max) = await redis.TryRunAsync(
                db => db.ScriptEvaluateAsync(SetMaxScript, new { key = redis.VersionKey, version = fromDatabase, ttl = options.VersionRecheckMilliseconds }), "version refill");
            return (stored && long.TryParse(max.ToString(), out var highest) ? Math.Max(highest, fromDatabase) : fromDatabase, stored);
        }

        return (await ReadDatabaseAsync(requestServices, ct), false);
    }

    /// <summary>
    /// Reads the version key, sharing one GET among the requests that arrive while another GET is on the wire: they
    /// wait for the next GET, sent after they arrived, so each still sees every write that committed before it
    /// started. Under load this turns one Redis round trip per request into about one per round trip time.
    /// </summary>
    private Task<RedisValue> ReadCoalescedAsync(IDatabase database)
    {
        lock (_gate)
        {
            if (_inFlight is null)
            {
                _inFlight = SendAsync(database);
                return _inFlight;
            }

            _queued ??= new TaskCompletionSource<RedisValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _queued.Task;
        }
    }

    private async Task<RedisValue> SendAsync(IDatabase database)
    {
        // Never complete synchronously: the caller stores the task in _inFlight under the lock, and the finally below
        // must run after that, or a read that failed at once would leave a finished task "in flight" for ever.
        await Task.Yield();
        try
        {
            return await database.StringGetAsync(redis.VersionKey);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
                if (_queued is { } waiting)
                {
                    _queued = null;
                    _inFlight = SendAsync(database);
                    _ = _inFlight.ContinueWith(
                        read =>
                        {
                            if (read.IsCompletedSuccessfully)
                            {
                                waiting.SetResult(read.Result);
                            }
                            else
                            {
                                waiting.SetException(read.Exception?.InnerExceptions ?? [new RedisException("The version read failed.")]);
                            }
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }
            }
        }
    }

    private static Task<long> ReadDatabaseAsync(IServiceProvider requestServices, CancellationToken ct) =>
        ReadVersion(requestServices.GetRequiredService<OpenAidDbContext>(), ct);
}

/// <summary>
/// Publishes the data version to Redis as soon as a write that advanced it commits, inside the commit call, so that
/// the mutation's response is sent only after every instance can see the new version. A publish that fails (Redis
/// down) is retried when the connection is back; until then the other instances notice the write within
/// <see cref="CacheOptions.VersionRecheckMilliseconds"/> of Redis coming back, or at once if Redis lost its keys.
/// </summary>
public sealed class DataVersionPublisher : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly RedisConnection _redis;
    private readonly CacheOptions _options;
    private readonly ConditionalWeakTable<DbContext, StrongBox<long>> _pending = [];
    private long _unpublished;

    public DataVersionPublisher(RedisConnection redis, CacheOptions options)
    {
        _redis = redis;
        _options = options;
        redis.Restored += () => _ = RepublishAsync();
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            PublishPendingAsync(eventData.Context).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Saved without a transaction of the caller's: committed already.
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await PublishPendingAsync(eventData.Context);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        PublishPendingAsync(eventData.Context).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        PublishPendingAsync(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        var entry = context?.ChangeTracker.Entries<DataVersion>().FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified);
        if (entry is not null)
        {
            _pending.AddOrUpdate(context!, new StrongBox<long>(entry.Entity.Version));
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async Task PublishPendingAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var version))
        {
            return;
        }

        _pending.Remove(context);
        await PublishAsync(version.Value);
    }

    private async Task PublishAsync(long version)
    {
        if (!_redis.IsConfigured)
        {
            // In-process mode reads the version from the database on every request; nothing to tell.
            return;
        }

        // Through an open circuit too: a write is rare, and its version is what keeps the other instances fresh.
        var (published, _) = await _redis.TryRunAsync(
            db => db.ScriptEvaluateAsync(DataVersionSource.SetMaxScript, new { key = _redis.VersionKey, version, ttl = _options.VersionRecheckMilliseconds }), "version publish", throughOpenCircuit: true);
        if (!published)
        {
            // The write has committed and stays committed; remember the version for when Redis is back.
            InterlockedMax(ref _unpublished, version);
        }
    }

    private async Task RepublishAsync()
    {
        var version = Interlocked.Exchange(ref _unpublished, 0);
        if (version > 0)
        {
            await PublishAsync(version);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
