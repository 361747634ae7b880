using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenAid.Api.Caching;
using OpenAid.Api.Redis;
using OpenAid.Data;

namespace OpenAid.Api.Health;

/// <summary>
/// GET /health: {"status": "Healthy" | "Degraded" | "Unhealthy", "database": {…}, "cache": {…}}.
/// <list type="bullet">
/// <item>Healthy, 200: the database answers and the cache works as configured.</item>
/// <item>Degraded, 200: Redis is configured but unreachable. The instance still answers every request correctly from
/// the database (with its in-process cache), so a load balancer must keep it in rotation: 200, and the JSON says
/// what is wrong for monitoring.</item>
/// <item>Unhealthy, 503: the database does not answer; nothing can be served.</item>
/// </list>
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static IServiceCollection AddOpenAidHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<CacheHealthCheck>("cache");
        return services;
    }

    public static IEndpointConventionBuilder MapOpenAidHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["durationMs"] = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        };
        foreach (var (name, entry) in report.Entries)
        {
            var part = new Dictionary<string, object?> { ["status"] = entry.Status.ToString(), ["description"] = entry.Description };
            foreach (var (key, value) in entry.Data)
            {
                part[key] = value;
            }

            body[name] = part;
        }

        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}

/// <summary>The database answers, with its data version.</summary>
public sealed class DatabaseHealthCheck(OpenAidDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var version = await db.DataVersions.Where(v => v.Id == DataVersion.SingletonId).Select(v => (long?)v.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
            return HealthCheckResult.Healthy("The database answers.", new Dictionary<string, object>
            {
                ["provider"] = db.Database.ProviderName ?? "unknown",
                ["dataVersion"] = version,
                ["latencyMs"] = Math.Round(watch.Elapsed.TotalMilliseconds, 1),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + e.GetType().Name, e);
        }
    }
}

/// <summary>Redis answers when configured; the in-process cache is always there.</summary>
public sealed class CacheHealthCheck(RedisConnection redis, CacheOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["mode"] = redis.IsConfigured ? "redis" : "in-process",
            ["resultCache"] = options.Enabled ? "on" : "off",
        };
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("No Redis configured: results are cached in this process only.", data);
        }

        data["circuit"] = redis.CircuitOpen ? "open" : "closed";
        if (redis.CircuitOpen)
        {
            // No PING here: Redis may hang, and /health must answer at once; the circuit's own probe watches it.
            return HealthCheckResult.Degraded(
                $"Redis did not answer within {redis.CommandTimeout.TotalMilliseconds} ms several times in a row; serving from the database and the in-process cache until it answers again.", data: data);
        }

        if (redis.IsConnected)
        {
            var watch = Stopwatch.StartNew();
            if ((await redis.TryRunAsync(db => db.PingAsync(), "health ping")).Ok)
            {
                data["latencyMs"] = Math.Round(watch.Elapsed.TotalMilliseconds, 1);
                return HealthCheckResult.Healthy("Redis answers.", data);
            }

            return HealthCheckResult.Degraded($"Redis does not answer within {redis.CommandTimeout.TotalMilliseconds} ms; serving from the database and the in-process cache.", data: data);
        }

        return HealthCheckResult.Degraded("Redis is unreachable; serving from the database and the in-process cache until it is back.", data: data);
    }
}
