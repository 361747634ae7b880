using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OpenAid.Api.Telemetry;

/// <summary>
/// The service's own instruments, on the meter <see cref="MeterName"/> (exported at /metrics and over OTLP; see
/// Telemetry/TelemetrySetup). Every instrument is created here, so that their names and tags are in one place; the
/// folders that measure (Http, Caching, Redis, RateLimiting) call the methods below.
/// <para>
/// One meter and one set of instruments per process, not per host (IMeterFactory): OpenTelemetry's listener picks
/// instruments by meter name, so with a meter per host, two hosts in one process (the tests' clusters) would each see
/// both hosts' instruments and count one request twice. Here each measurement is one, whichever host reads it.
/// </para>
/// </summary>
public static class OpenAidMetrics
{
    public const string MeterName = "OpenAid.Api";

    /// <summary>The GraphQL operation duration's name; its tags are bounded (Telemetry/TelemetrySetup sets a cardinality limit).</summary>
    public const string OperationDuration = "openaid.graphql.operation.duration";

    /// <summary>Operation names are chosen by clients: longer ones are cut so that a label stays small.</summary>
    private const int MaxOperationNameLength = 64;

    private static readonly Meter SharedMeter = new(MeterName);

    private static readonly Histogram<double> OperationDurations = SharedMeter.CreateHistogram<double>(OperationDuration, "s",
        "Duration of GraphQL requests by operation name, type, outcome and cache outcome, from the request's start to its serialised result.");

    private static readonly Counter<long> CacheHits =
        SharedMeter.CreateCounter<long>("openaid.cache.hits", description: "Shareable results found in a cache level (layer: memory or redis).");

    private static readonly Counter<long> CacheMisses =
        SharedMeter.CreateCounter<long>("openaid.cache.misses", description: "Shareable results not found in a cache level (layer: memory or redis).");

    private static readonly Counter<long> LockWaits = SharedMeter.CreateCounter<long>("openaid.cache.lock.waits",
        description: "Waits for another instance computing the same result, by how they ended: result (it stored the result), released (it finished without storing one: this request runs it), timeout (Cache:LockWaitMilliseconds ran out).");

    private static readonly Counter<long> RateLimitRefusals =
        SharedMeter.CreateCounter<long>("openaid.ratelimit.refusals", description: "Requests refused with 429 (client: anonymous or authenticated).");

    private static readonly Counter<long> CircuitOpenings = SharedMeter.CreateCounter<long>("openaid.redis.circuit.opened",
        description: "Times the Redis circuit opened: commands failed or timed out in a row, so Redis counted as down.");

    /// <summary>For instruments observed by their owner (the Redis circuit's state, the in-process cache's size).</summary>
    public static Meter Meter => SharedMeter;

    public static void RecordOperation(string? name, string type, string outcome, string cache, TimeSpan duration)
    {
        if (!OperationDurations.Enabled)
        {
            return;
        }

        var label = string.IsNullOrEmpty(name) ? "(anonymous)" : name.Length > MaxOperationNameLength ? name[..MaxOperationNameLength] : name;
        OperationDurations.Record(duration.TotalSeconds, new TagList
        {
            { "graphql.operation.name", label },
            { "graphql.operation.type", type },
            { "outcome", outcome },
            { "cache", cache },
        });
    }

    public static void CacheHit(string layer) => CacheHits.Add(1, new KeyValuePair<string, object?>("layer", layer));

    public static void CacheMiss(string layer) => CacheMisses.Add(1, new KeyValuePair<string, object?>("layer", layer));

    public static void LockWaitEnded(string ended) => LockWaits.Add(1, new KeyValuePair<string, object?>("ended", ended));

    public static void RateLimitRefused(bool authenticated) =>
        RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("client", authenticated ? "authenticated" : "anonymous"));

    public static void CircuitOpened() => CircuitOpenings.Add(1);
}
