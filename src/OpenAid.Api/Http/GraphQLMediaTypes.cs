using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace OpenAid.Api.Http;

/// <summary>The two response media types of GraphQL over HTTP, and the choice between them.</summary>
public enum GraphQLResponseMediaType
{
    /// <summary>application/json: the legacy format; request errors still answer 200.</summary>
    Json,

    /// <summary>application/graphql-response+json: the status code tells whether the document ran.</summary>
    GraphQLResponseJson,
}

public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static string ContentType(this GraphQLResponseMediaType mediaType) => mediaType switch
    {
        GraphQLResponseMediaType.GraphQLResponseJson => GraphQLResponseJson + "; charset=utf-8",
        _ => Json + "; charset=utf-8",
    };

    /// <summary>
    /// Picks the response media type from an Accept header, or null when the client accepts neither (406).
    /// application/graphql-response+json is chosen only when asked for by name and not ranked below application/json;
    /// wildcards and a missing Accept header get application/json, as the spec says for clients that predate the new
    /// media type (and as graphql-http's audit checks).
    /// </summary>
    public static GraphQLResponseMediaType? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)
            || !MediaTypeHeaderValue.TryParseList(accept, out var ranges)
            || ranges.Count == 0)
        {
            // No usable Accept header: being strict would only lock out simple clients such as curl.
            return GraphQLResponseMediaType.Json;
        }

        double? graphQLQuality = null;
        double? jsonQuality = null;
        var jsonSpecificity = -1;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (range.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQLQuality = Math.Max(graphQLQuality ?? 0, quality);
                continue;
            }

            // The most specific range that matches application/json decides its quality (RFC 9110, 12.5.1).
            var specificity = range.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) ? 2
                : range.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? 1
                : range.MediaType.Equals("*/*", StringComparison.Ordinal) ? 0
                : -1;
            if (specificity > jsonSpecificity)
            {
                jsonSpecificity = specificity;
                jsonQuality = quality;
            }
            else if (specificity == jsonSpecificity && specificity >= 0)
            {
                jsonQuality = Math.Max(jsonQuality ?? 0, quality);
            }
        }

        if (graphQLQuality > 0 && graphQLQuality >= (jsonQuality ?? 0))
        {
            return GraphQLResponseMediaType.GraphQLResponseJson;
        }

        return jsonQuality > 0 ? GraphQLResponseMediaType.Json : null;
    }

    /// <summary>Whether a request Content-Type is JSON in UTF-8, the one request body format GraphQL over HTTP defines.</summary>
    public static bool IsJsonRequest(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(parsed.Charset);
        return !charset.HasValue
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
