namespace OpenAid.Api.Diagnostics;

/// <summary>
/// The "Diagnostics" section: response headers that tell how a request was answered. They are for tests, the
/// benchmark and development; in production they would let a visitor probe what others asked (an X-Cache: HIT says
/// someone queried the same thing a moment ago), so they are off there unless turned on.
/// </summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>Sends <see cref="SqlCommandCounter.HeaderName"/> with each request's count of SQL commands.</summary>
    public bool SqlCommandHeader { get; set; }

    /// <summary>Sends X-Cache (HIT, MISS, BYPASS) on GraphQL responses. Default: on in Development only.</summary>
    public bool? ExposeCacheHeaders { get; set; }

    public static DiagnosticsOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SectionName).Get<DiagnosticsOptions>() ?? new DiagnosticsOptions();
        options.ExposeCacheHeaders ??= environment.IsDevelopment();
        return options;
    }
}
