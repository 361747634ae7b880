using System.Diagnostics;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OpenAid.Api.Caching;
using OpenAid.Api.Diagnostics;
using OpenAid.Api.Execution;
using OpenAid.Api.Telemetry;

namespace OpenAid.Api.Http;

/// <summary>
/// Runs a GraphQL request through the result cache when it may share a result, and says so in HTTP: for GET queries
/// ETag, Cache-Control, Vary and 304 Not Modified, and X-Cache when Diagnostics:ExposeCacheHeaders is on
/// (DiagnosticsOptions). See Caching/README.md.
/// Only anonymous queries share results: a request with an Authorization header, a mutation and a document selecting
/// an uncached field always execute.
/// </summary>
public static class HttpCaching
{
    /// <summary>Response header saying how a request was answered: HIT, MISS, BYPASS (not shareable) or OFF.</summary>
    public const string CacheHeader = "X-Cache";

    /// <returns>The response to send, or null for 304 Not Modified.</returns>
    public static async Task<GraphQLResponseBody?> RunAsync(HttpContext http, PreparedRequest request, GraphQLResponseMediaType mediaType, GraphQLExecutor executor)
    {
        var (response, outcome) = await RunThroughCacheAsync(http, request, mediaType, executor);
        SetOutcome(http, outcome);
        OpenAidMetrics.RecordOperation(
            request.OperationName ?? request.Operation?.Name?.StringValue,
            request.Operation?.Operation.ToString().ToLowerInvariant() ?? "unknown",
            OutcomeOf(response),
            outcome.ToString().ToLowerInvariant(),
            Stopwatch.GetElapsedTime(request.Budget.StartedAt));
        return response;
    }

    /// <summary>How a request ended, as the operation duration metric names it.</summary>
    private static string OutcomeOf(GraphQLResponseBody? response) => response switch
    {
        null => "not_modified",
        { TimedOut: true } => "timeout",
        { ServerError: true } => "server_error",
        { Executed: false } => "invalid",
        { HasErrors: true } => "error",
        _ => "ok",
    };

    private static async Task<(GraphQLResponseBody? Response, CacheOutcome Outcome)> RunThroughCacheAsync(HttpContext http, PreparedRequest request, GraphQLResponseMediaType mediaType, GraphQLExecutor executor)
    {
        var services = http.RequestServices;
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var anonymous = !http.Request.Headers.ContainsKey(HeaderNames.Authorization) && http.User.Identity?.IsAuthenticated != true;
        if (!anonymous || !request.IsShareableQuery)
        {
            if (isGet)
            {
                // Per user, or never to be reused (an uncached field): no cache may keep it.
                http.Response.Headers.CacheControl = anonymous ? "no-store" : "private, no-store";
            }

            return (await executor.ExecuteAsync(request, http.User, services, http.RequestAborted), CacheOutcome.Bypass);
        }

        var cache = services.GetRequiredService<ResultCache>();
        var key = await cache.KeyAsync(request.Parsed, request.OperationName, request.Variables, services, http.RequestAborted);
        string? etag = null;
        if (isGet && services.GetRequiredService<CacheOptions>().HttpCaching)
        {
            // The media type is part of the representation, so it is part of its tag.
            etag = $"\"{key.Version}-{key.Slot}-{key.RequestKey[..22]}-{(mediaType == GraphQLResponseMediaType.GraphQLResponseJson ? 'g' : 'j')}\"";
            http.Response.Headers.Vary = "Accept, Authorization";
            if (Matches(http.Request.Headers.IfNoneMatch, etag))
            {
                SetValidatorHeaders(http, etag);
                return (null, CacheOutcome.Hit);
            }
        }

        var (response, outcome) = await cache.GetOrExecuteAsync(key, ct => executor.ExecuteAsync(request, http.User, services, ct), http.RequestAborted);
        if (isGet)
        {
            if (etag is not null && response.Cacheable)
            {
                SetValidatorHeaders(http, etag);
            }
            else
            {
                http.Response.Headers.CacheControl = "no-store";
            }
        }

        return (response, outcome);
    }

    private static void SetOutcome(HttpContext http, CacheOutcome outcome)
    {
        if (http.RequestServices.GetRequiredService<DiagnosticsOptions>().ExposeCacheHeaders == true)
        {
            http.Response.Headers[CacheHeader] = outcome.ToString().ToUpperInvariant();
        }
    }

    /// <summary>
    /// "public, no-cache": any cache may store the response but must revalidate it every time, which costs one small
    /// request answered 304 from the data version alone. A max-age would let browsers and proxies show data older than
    /// the last write, which the product promises never to do.
    /// </summary>
    private static void SetValidatorHeaders(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, no-cache";
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison, as RFC 9110 asks for If-None-Match; "*" matches any current representation.
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
