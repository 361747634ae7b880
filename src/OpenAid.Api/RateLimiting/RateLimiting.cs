using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using OpenAid.Api.Auth;
using OpenAid.Api.Redis;
using StackExchange.Redis;

namespace OpenAid.Api.RateLimiting;

/// <summary>The "RateLimiting" section. Tests set tiny limits; the benchmark turns it off.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Length of a fixed window.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests per window for one anonymous client (IP address). A public page costs a handful.</summary>
    public int AnonymousLimit { get; set; } = 600;

    /// <summary>Requests per window for one signed-in caller (token subject), wherever it calls from.</summary>
    public int AuthenticatedLimit { get; set; } = 6000;

    /// <summary>An export counts one more request for each this many rows it wrote (0: exports count as one request).</summary>
    public int ExportRowsPerRequest { get; set; } = 1000;

    /// <summary>Paths counted; static files and /health are not.</summary>
    public string[] Paths { get; set; } = ["/graphql", "/export"];
}

/// <summary>What counting one request decided: within the budget or not, and the numbers the response reports.</summary>
/// <param name="Remaining">Requests left in this window (0 once over the limit).</param>
/// <param name="ResetSeconds">Seconds until the window ends.</param>
/// <param name="Authenticated">Counted by token subject rather than by address.</param>
public sealed record RateLimitDecision(bool Allowed, int Limit, long Remaining, int ResetSeconds, int WindowSeconds, bool Authenticated);

/// <summary>
/// Fixed-window rate limiting per client: anonymous callers by IP address (IPv6 by /64), signed-in callers by token
/// subject with a higher budget; exports are charged by rows as well. Http/RateLimitMiddleware reports the decision (RateLimit-* headers, 429).
/// <para>
/// With Redis the counters are shared by all instances (INCR and PEXPIRE in one script); without it, or while it is
/// down, each instance counts on its own. ASP.NET Core's RateLimiter middleware is not used: it does not expose the
/// remaining budget of a granted request, which the headers need, and its limiters live in one process.
/// </para>
/// Behind a reverse proxy, list it in ForwardedHeaders:KnownProxies (Http/ForwardedHeadersSetup) so that
/// RemoteIpAddress is the client's.
/// </summary>
public sealed class ClientRateLimiter(RateLimitOptions options, RateLimitCounters counters, TimeProvider clock)
{
    /// <summary>Whether requests to <paramref name="path"/> are counted; static files and /health are not.</summary>
    public bool Applies(PathString path) =>
        options.Enabled && options.Paths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Counts one request of the caller and decides whether it is within the budget.</summary>
    public async ValueTask<RateLimitDecision> CountAsync(ClaimsPrincipal user, IPAddress? address)
    {
        var (partition, authenticated) = Partition(user, address);
        var limit = authenticated ? options.AuthenticatedLimit : options.AnonymousLimit;
        var window = Math.Max(1, options.WindowSeconds);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowIndex = now / (window * 1000L);
        var resetSeconds = (int)Math.Ceiling(((windowIndex + 1) * window * 1000L - now) / 1000.0);
        var count = await counters.IncrementAsync(partition, windowIndex, window, 1);
        return new RateLimitDecision(count <= limit, limit, Math.Max(0, limit - count), resetSeconds, window, authenticated);
    }

    /// <summary>
    /// Charges an export by the rows it wrote, on top of the one request counted when it arrived: each
    /// <see cref="RateLimitOptions.ExportRowsPerRequest"/> rows count as one more request of the caller, so that bulk
    /// downloads spend the budget by what they cost rather than by how many requests they took.
    /// </summary>
    public async ValueTask ChargeRowsAsync(ClaimsPrincipal user, IPAddress? address, long rows)
    {
        var permits = options.ExportRowsPerRequest > 0 ? rows / options.ExportRowsPerRequest : 0;
        if (!options.Enabled || permits <= 0)
        {
            return;
        }

        var window = Math.Max(1, options.WindowSeconds);
        await counters.IncrementAsync(Partition(user, address).Key, clock.GetUtcNow().ToUnixTimeMilliseconds() / (window * 1000L), window, permits);
    }

    /// <summary>The client a request counts against: "sub:" and the caller, or "ip:" and the address; also the objection flood cap's client.</summary>
    public static (string Key, bool Authenticated) Partition(ClaimsPrincipal user, IPAddress? address)
    {
        return Actor.SubjectOf(user) is { } subject ? ("sub:" + subject, true) : ("ip:" + ClientKey(address), false);
    }

    /// <summary>
    /// An IPv4 client by its address; an IPv6 client by its /64, the smallest block a site is given, so that one
    /// host cannot multiply its budget by hopping through the 2^64 addresses of its own network.
    /// </summary>
    private static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}

/// <summary>Fixed-window counters in Redis when it is reachable, else in this process.</summary>
public sealed class RateLimitCounters(RedisConnection redis)
{
    private static readonly LuaScript IncrementScript = LuaScript.Prepare("""
        local count = redis.call('INCRBY', @key, @permits)
        if count == 1 then redis.call('PEXPIRE', @key, @ttl) end
        return count
        """);

    private readonly ConcurrentDictionary<(string Partition, long Window), StrongBox> _local = new();
    private long _localWindow;

    /// <summary>Counts <paramref name="permits"/> requests of <paramref name="partition"/> in window <paramref name="window"/> and returns the count so far.</summary>
    public async ValueTask<long> IncrementAsync(string partition, long window, int windowSeconds, long permits)
    {
        var key = (RedisKey)$"{redis.KeyPrefix}rl:{partition}:{window}";
        var (counted, count) = await redis.TryRunAsync(db => db.ScriptEvaluateAsync(IncrementScript, new { key, permits, ttl = windowSeconds * 1000 + 1000 }), "rate limit count");
        if (counted)
        {
            return (long)count;
        }

        return IncrementLocal(partition, window, permits);
    }

    private long IncrementLocal(string partition, long window, long permits)
    {
        if (Interlocked.Exchange(ref _localWindow, window) != window)
        {
            // A new window: drop the counters of finished ones.
            foreach (var key in _local.Keys.Where(k => k.Window < window))
            {
                _local.TryRemove(key, out _);
            }
        }

        return Interlocked.Add(ref _local.GetOrAdd((partition, window), _ => new StrongBox()).Value, permits);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}

public static class RateLimitingSetup
{
    /// <summary>Needs the Redis connection (Redis/RedisSetup); Http/RateLimitMiddleware applies the limits.</summary>
    public static WebApplicationBuilder AddOpenAidRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions());
        builder.Services.AddSingleton<RateLimitCounters>();
        builder.Services.AddSingleton<ClientRateLimiter>();
        return builder;
    }
}
