using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.Http;
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

    /// <summary>Paths counted; static files and /health are not.</summary>
    public string[] Paths { get; set; } = ["/graphql", "/export"];
}

/// <summary>
/// Fixed-window rate limiting per client: anonymous callers by IP address, signed-in callers by token subject with a
/// higher budget. Every counted response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds
/// until the window ends; IETF draft "RateLimit header fields for HTTP"); over the limit the answer is 429 with
/// Retry-After and a GraphQL-shaped error whose extensions.code is RATE_LIMITED.
/// <para>
/// With Redis the counters are shared by all instances (INCR and PEXPIRE in one script); without it, or while it is
/// down, each instance counts on its own. ASP.NET Core's RateLimiter middleware is not used: it does not expose the
/// remaining budget of a granted request, which the headers need, and its limiters live in one process.
/// </para>
/// Behind a reverse proxy, configure ASP.NET Core's forwarded headers so that RemoteIpAddress is the client's.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitOptions options, RateLimitCounters counters, TimeProvider clock)
{
    public const string Code = "RATE_LIMITED";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!options.Enabled || !options.Paths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }

        var actor = Actor.From(http.User);
        var (partition, limit) = actor.IsAuthenticated
            ? ("sub:" + actor.Subject, options.AuthenticatedLimit)
            : ("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.AnonymousLimit);
        var window = Math.Max(1, options.WindowSeconds);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowIndex = now / (window * 1000L);
        var resetSeconds = (int)Math.Ceiling(((windowIndex + 1) * window * 1000L - now) / 1000.0);
        var count = await counters.IncrementAsync(partition, windowIndex, window);

        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = resetSeconds.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = $"{limit};w={window}";
        if (count <= limit)
        {
            await next(http);
            return;
        }

        headers.RetryAfter = resetSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = (GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) ?? GraphQLResponseMediaType.Json).ContentType();
        var who = actor.IsAuthenticated ? "this sign-in" : "your address";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[]
            {
                new
                {
                    message = $"Too many requests: {who} may make {limit} requests every {window} seconds. Try again in {resetSeconds} s" +
                        (actor.IsAuthenticated ? "." : ", or sign in for a higher limit. Bulk data is in the open data exports (/export)."),
                    extensions = new { code = Code, limit, windowSeconds = window, retryAfterSeconds = resetSeconds },
                },
            },
        }, cancellationToken: http.RequestAborted);
    }
}

/// <summary>Fixed-window counters in Redis when it is reachable, else in this process.</summary>
public sealed class RateLimitCounters(RedisConnection redis)
{
    private static readonly LuaScript IncrementScript = LuaScript.Prepare("""
        local count = redis.call('INCR', @key)
        if count == 1 then redis.call('PEXPIRE', @key, @ttl) end
        return count
        """);

    private readonly ConcurrentDictionary<(string Partition, long Window), StrongBox> _local = new();
    private long _localWindow;

    /// <summary>Counts one request of <paramref name="partition"/> in window <paramref name="window"/> and returns the count so far.</summary>
    public async ValueTask<long> IncrementAsync(string partition, long window, int windowSeconds)
    {
        if (redis.Database is { } database)
        {
            try
            {
                var key = (RedisKey)$"{redis.KeyPrefix}rl:{partition}:{window}";
                return (long)await database.ScriptEvaluateAsync(IncrementScript, new { key, ttl = windowSeconds * 1000 + 1000 });
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                redis.LogFailure(e, "rate limit count");
            }
        }

        return IncrementLocal(partition, window);
    }

    private long IncrementLocal(string partition, long window)
    {
        if (Interlocked.Exchange(ref _localWindow, window) != window)
        {
            // A new window: drop the counters of finished ones.
            foreach (var key in _local.Keys.Where(k => k.Window < window))
            {
                _local.TryRemove(key, out _);
            }
        }

        return Interlocked.Increment(ref _local.GetOrAdd((partition, window), _ => new StrongBox()).Value);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
