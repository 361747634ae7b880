using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenAid.Api.Http;

/// <summary>
/// The "ForwardedHeaders" section: which reverse proxies may say who the client is. X-Forwarded-For and
/// X-Forwarded-Proto are believed only from a connection whose address is in <see cref="KnownProxies"/> or
/// <see cref="KnownNetworks"/>; with neither configured they are ignored, so that no client can pick the address its
/// rate limit is counted by. The client address then decides the anonymous rate limit (RateLimiting/), and the
/// scheme whether HSTS is sent.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the API, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. "10.0.0.0/24" or "fd00::/64".</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to believe, from the nearest one: 1 for one proxy.</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Configures ForwardedHeadersOptions from the section alone. This also overrides ASP.NET Core's
    /// ASPNETCORE_FORWARDEDHEADERS_ENABLED, which would otherwise believe the headers from anyone.
    /// </summary>
    public static WebApplicationBuilder AddOpenAidForwardedHeaders(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var address) ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation, e.g. 10.0.0.0/24.")).ToList();
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            // The defaults trust loopback; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            // With both lists empty the middleware would believe every sender.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return builder;
    }
}
