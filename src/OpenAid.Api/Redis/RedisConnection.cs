using OpenAid.Api.Telemetry;
using StackExchange.Redis;

namespace OpenAid.Api.Redis;

/// <summary>The "Redis" section besides the connection string.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>To share one Redis between deployments.</summary>
    public string KeyPrefix { get; set; } = "openaid";

    /// <summary>
    /// How long a command may take before it counts as failed and the caller falls back to the database. A Redis that
    /// hangs (SIGSTOP, a stalled host) keeps its socket open, so without this every request would wait out the
    /// client's own timeout, once per command.
    /// </summary>
    public int CommandTimeoutMilliseconds { get; set; } = 250;

    /// <summary>Failed or timed-out commands in a row after which the circuit opens: Redis counts as down.</summary>
    public int CircuitFailures { get; set; } = 3;

    /// <summary>While the circuit is open, Redis is sent a PING this often; the first answered in time closes it.</summary>
    public int CircuitProbeMilliseconds { get; set; } = 500;
}

/// <summary>
/// The one Redis connection of the process, shared by the result cache, the data version and the rate limiter, or
/// none when "ConnectionStrings:Redis" and "Redis:Configuration" are both empty (the embedded default).
/// <para>
/// Redis is an optimisation, never required for correctness: the connection does not abort when Redis is down at
/// start-up, reconnects by itself every half second, and fails commands at once while disconnected (no backlog),
/// so that callers fall back to the database instead of queueing behind a dead socket.
/// </para>
/// <para>
/// A Redis that hangs rather than dies keeps the socket open: commands go through <see cref="TryRunAsync{T}"/>,
/// which gives each <see cref="RedisOptions.CommandTimeoutMilliseconds"/>, and a circuit breaker counts the failures
/// in a row; at <see cref="RedisOptions.CircuitFailures"/> it opens, Redis counts as down (<see cref="Database"/> is
/// null, /health says Degraded) and a background PING every <see cref="RedisOptions.CircuitProbeMilliseconds"/>
/// closes it again once Redis answers in time. Hand-written rather than Polly's: SE.Redis commands take no
/// cancellation token, so Polly's cooperative timeout would need this same WaitAsync; its half-open state lets a
/// live request be the probe, where here no request ever waits on a Redis that may still hang; and the state must
/// be readable at once, without a call, by <see cref="Database"/>, /health and the metrics.
/// </para>
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly int _circuitFailures;
    private readonly TimeSpan _probeInterval;
    private readonly CancellationTokenSource _disposed = new();
    private long _lastFailureLogged;
    private int _failuresInARow;
    private int _open;

    public RedisConnection(IConfiguration configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var options = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        _timeout = TimeSpan.FromMilliseconds(Math.Max(1, options.CommandTimeoutMilliseconds));
        _circuitFailures = Math.Max(1, options.CircuitFailures);
        _probeInterval = TimeSpan.FromMilliseconds(Math.Max(10, options.CircuitProbeMilliseconds));
        OpenAidMetrics.Meter.CreateObservableGauge("openaid.redis.circuit.open", () => CircuitOpen ? 1 : 0,
            description: "1 while the Redis circuit is open (Redis counts as down and requests go to the database), else 0.");
        var setting = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(setting))
        {
            setting = configuration["Redis:Configuration"];
        }

        // Keys carry the build, so that instances of different versions in a rolling upgrade never share results.
        var build = typeof(RedisConnection).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        SharedPrefix = $"{options.KeyPrefix}:";
        KeyPrefix = $"{SharedPrefix}{build}:";
        VersionKey = $"{options.KeyPrefix}:data-version";
        if (string.IsNullOrWhiteSpace(setting))
        {
            return;
        }

        var connection = ConfigurationOptions.Parse(setting);
        connection.AbortOnConnectFail = false;
        connection.BacklogPolicy = BacklogPolicy.FailFast;
        connection.ReconnectRetryPolicy = new LinearRetry(500);
        connection.ConnectTimeout = Math.Min(connection.ConnectTimeout, 2000);
        connection.AsyncTimeout = Math.Min(connection.AsyncTimeout, 1000);
        connection.SyncTimeout = Math.Min(connection.SyncTimeout, 1000);
        connection.ClientName ??= "openaid-api";
        _multiplexer = ConnectionMultiplexer.Connect(connection);
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

    /// <summary>Whether Redis counts as down because its commands failed or timed out in a row (see the class summary).</summary>
    public bool CircuitOpen => Volatile.Read(ref _open) == 1;

    /// <summary>The per-command timeout (<see cref="RedisOptions.CommandTimeoutMilliseconds"/>).</summary>
    public TimeSpan CommandTimeout => _timeout;

    /// <summary>The database to use now, or null when Redis is not configured, not reachable or its circuit is open.</summary>
    public IDatabase? Database => IsConnected && !CircuitOpen ? _multiplexer!.GetDatabase() : null;

    /// <summary>
    /// Runs one command within the command timeout. A failure or timeout is logged (sparingly), counts towards
    /// opening the circuit and comes back as Ok = false: the caller falls back to the database.
    /// </summary>
    /// <param name="throughOpenCircuit">Sends the command even while the circuit is open (still within the timeout):
    /// for what is rare and worth its wait, the data version published after a write.</param>
    public async Task<(bool Ok, T Value)> TryRunAsync<T>(Func<IDatabase, Task<T>> command, string operation, bool throughOpenCircuit = false)
    {
        var database = throughOpenCircuit && IsConnected ? _multiplexer!.GetDatabase() : Database;
        if (database is null)
        {
            return (false, default!);
        }

        try
        {
            var value = await command(database).WaitAsync(_timeout);
            Interlocked.Exchange(ref _failuresInARow, 0);
            return (true, value);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogFailure(e, operation);
            if (Interlocked.Increment(ref _failuresInARow) >= _circuitFailures && Interlocked.CompareExchange(ref _open, 1, 0) == 0)
            {
                OpenAidMetrics.CircuitOpened();
                _logger.LogWarning("Redis failed {Failures} commands in a row (timeout {TimeoutMs} ms); it counts as down until it answers a PING in time.", _circuitFailures, _timeout.TotalMilliseconds);
                _ = Task.Run(ProbeAsync);
            }

            return (false, default!);
        }
    }

    /// <summary><see cref="TryRunAsync{T}"/> with a value for when Redis did not answer.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, string operation, T fallback)
    {
        var (ok, value) = await TryRunAsync(command, operation);
        return ok ? value : fallback;
    }

    /// <summary>While the circuit is open: PINGs Redis until it answers within the timeout, then closes the circuit.</summary>
    private async Task ProbeAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_probeInterval, _disposed.Token);
                if (_multiplexer is { IsConnected: true } multiplexer)
                {
                    await multiplexer.GetDatabase().PingAsync().WaitAsync(_timeout);
                    Interlocked.Exchange(ref _failuresInARow, 0);
                    Volatile.Write(ref _open, 0);
                    _logger.LogInformation("Redis answers again; caching resumes.");
                    Restored?.Invoke();
                    return;
                }
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                // Still not answering: the circuit stays open.
            }
        }
    }

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

        var subscriber = _multiplexer.GetSubscriber();
        return (await TryRunAsync(_ => subscriber.PublishAsync(RedisChannel.Literal(SharedPrefix + channel), message), "publish")).Ok;
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

    public void Dispose()
    {
        _disposed.Cancel();
        _multiplexer?.Dispose();
        _disposed.Dispose();
    }
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
