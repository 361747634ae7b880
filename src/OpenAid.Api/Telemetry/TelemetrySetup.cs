using System.Net;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenAid.Api.Telemetry;

/// <summary>The "Telemetry" section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Serves the metrics at <see cref="TelemetrySetup.MetricsPath"/> in Prometheus' text format.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Answers scrapes from any address, not only from this machine (loopback). The figures are not secret (request
    /// counts and durations by operation name, cache and Redis state), but they tell an outsider how busy the service
    /// is and which queries others ask, so a remote Prometheus is opted in rather than everyone.
    /// </summary>
    public bool MetricsFromAnywhere { get; set; }
}

/// <summary>
/// OpenTelemetry: metrics always (ASP.NET Core, Kestrel, EF Core, the .NET runtime and our own meter
/// <see cref="OpenAidMetrics.MeterName"/>) at /metrics for Prometheus; traces (ASP.NET Core, EF Core), metrics and logs
/// over OTLP as well when OTEL_EXPORTER_OTLP_ENDPOINT is set (environment or configuration; the other OTEL_* variables
/// apply as the SDK defines them). Console logs carry the trace and span id of the request they belong to.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>Histogram buckets of the operation duration, in seconds: a cache hit takes about a millisecond, the time budget is 5 s.</summary>
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static WebApplicationBuilder AddOpenAidTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);

        // Every log line written while a request runs names its trace, so that the lines of one request can be found
        // together and next to its trace. Outside Development as JSON, one object per line with the scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("openaid-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore", "System.Runtime", OpenAidMetrics.MeterName, Data.Summaries.MoneySummaryLedger.MeterName)
                    .AddView(OpenAidMetrics.OperationDuration, new ExplicitBucketHistogramConfiguration
                    {
                        Boundaries = DurationBuckets,
                        // Operation names come from clients: past this many label sets, measurements go to one overflow series.
                        CardinalityLimit = 1000,
                    });
                if (options.Metrics)
                {
                    // Collected when scraped, never from a copy: a scrape right after a request sees it.
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        if (otlp)
        {
            // Traces cost something per request, so they are collected only when there is somewhere to send them.
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>GET /metrics (Prometheus' text format): from loopback, or from anywhere with Telemetry:MetricsFromAnywhere.</summary>
    public static WebApplication UseOpenAidMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.Metrics)
        {
            return app;
        }

        app.Map(MetricsPath, branch =>
        {
            branch.Use(async (http, next) =>
            {
                if (!options.MetricsFromAnywhere && !(http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(http);
            });
            branch.UseOpenTelemetryPrometheusScrapingEndpoint(_ => true);
        });
        return app;
    }
}
