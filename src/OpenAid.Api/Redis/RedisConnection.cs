using StackExchange.Redis;

namespace OpenAid.Api.Redis;

/// <summary>
/// The one Redis connection of the process, shared by the result cache, the data version and the rate limiter, or
/// none when "ConnectionStrings:Redis" and "Redis:Configuration" are both empty (the embedded default).
/// <para>
/// Redis is an optimisation, never required for correctness: the connection does not abort when Redis is down at
/// start-up, reconnects by itself every half second, and fails commands at once while disconnected (no backlog),
/// so that callers fall back to the database instead of queueing behind a dead socket.
/// </para>
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer;
    private readonly ILogger _logger;
    private long _lastFailureLogged;

    public RedisConnection(IConfiguration configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var setting = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(setting))
        {
            setting = configuration["Redis:Configuration"];
        }

        // Keys carry the build, so that instances of different versions in a rolling upgrade never share results.
        var build = typeof(RedisConnection).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        SharedPrefix = $"{configuration["Redis:KeyPrefix"] ?? "openaid"}:";
        KeyPrefix = $"{SharedPrefix}{build}:";
        VersionKey = $"{configuration["Redis:KeyPrefix"] ?? "openaid"}:data-version";
        if (string.IsNullOrWhiteSpace(setting))
        {
            return;
        }

        var options = ConfigurationOptions.Parse(setting);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.ClientName ??= "openaid-api";
        _multiplexer = ConnectionMultiplexer.Connect(options);
        _multiplexer.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection lost ({FailureType}); serving from the database until it is back.", e.FailureType);
        _multiplexer.ConnectionRestored += (_, _) =>
        {
            logger.LogInformation("Redis connection restored; caching resumes.");
            Restored?.Invoke();
        };
    }

    /// <summary>Whether Redis is configured at all; when not, the in-process cache is the only one.</summary>
    public bool IsConfigured => _multiplexer is not null;

    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>The database to use now, or null when Redis is not configured or not reachable.</summary>
    public IDatabase? Database => IsConnected ? _multiplexer!.GetDatabase() : null;

    /// <summary>Prefix of every key this build writes, e.g. "openaid:1a2b3c4d:".</summary>
    public string KeyPrefix { get; }

    /// <summary>The prefix every build's keys start with, e.g. "openaid:".</summary>
    public string SharedPrefix { get; }

    /// <summary>The data version's key; shared by every build, since the version is a property of the database.</summary>
    public RedisKey VersionKey { get; }

    /// <summary>Raised when a lost connection is back.</summary>
    public event Action? Restored;

    /// <summary>Deletes every key matching <paramref name="pattern"/> on every primary (SCAN, not KEYS, so Redis keeps serving).</summary>
    public async Task DeleteKeysAsync(string pattern)
    {
        if (_multiplexer is null)
        {
            return;
        }

        try
        {
            foreach (var server in _multiplexer.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                var batch = new List<RedisKey>();
                await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000))
                {
                    batch.Add(key);
                    if (batch.Count == 1000)
                    {
                        await _multiplexer.GetDatabase().KeyDeleteAsync([.. batch]);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await _multiplexer.GetDatabase().KeyDeleteAsync([.. batch]);
                }
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogFailure(e, "key purge");
        }
    }

    /// <summary>Calls <paramref name="handler"/> with each message any instance publishes on <paramref name="channel"/>; again after a reconnect.</summary>
    public void Subscribe(string channel, Action<string> handler)
    {
        if (_multiplexer is null)
        {
            return;
        }

        var subscriber = _multiplexer.GetSubscriber();
        var name = RedisChannel.Literal(SharedPrefix + channel);
        try
        {
            subscriber.Subscribe(name, (_, message) => handler(message.ToString()));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Down at start-up: subscribe once the connection is back (a subscription made resubscribes by itself).
            LogFailure(e, "subscribe");
            void Retry()
            {
                Restored -= Retry;
                Subscribe(channel, handler);
            }

            Restored += Retry;
        }
    }

    /// <summary>Tells every instance subscribed to <paramref name="channel"/>; false when Redis could not be reached.</summary>
    public async Task<bool> PublishAsync(string channel, string message)
    {
        if (_multiplexer is null)
        {
            return false;
        }

        try
        {
            await _multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(SharedPrefix + channel), message);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogFailure(e, "publish");
            return false;
        }
    }

    /// <summary>Logs a failed Redis command at most every ten seconds: during an outage every request would log one.</summary>
    public void LogFailure(Exception exception, string operation)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureLogged);
        if (now - last > 10_000 && Interlocked.CompareExchange(ref _lastFailureLogged, now, last) == last)
        {
            _logger.LogWarning(exception, "Redis {Operation} failed; falling back to the database.", operation);
        }
    }

    public void Dispose() => _multiplexer?.Dispose();
}

public static class RedisSetup
{
    /// <summary>The one connection, shared by the result cache, the data version, rate limits and /health.</summary>
    public static IServiceCollection AddOpenAidRedis(this IServiceCollection services) => services.AddSingleton<RedisConnection>();

    /// <summary>Connects at start-up rather than on the first request.</summary>
    public static WebApplication ConnectOpenAidRedis(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<RedisConnection>();
        return app;
    }
}
