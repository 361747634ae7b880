using System.Net;
using System.Text.Json;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>An HTTP response from the GraphQL endpoint, read whole: status, headers, body and its JSON.</summary>
public sealed class GraphQLResponse
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public GraphQLResponse(HttpResponseMessage response, string body)
    {
        StatusCode = response.StatusCode;
        ContentType = response.Content.Headers.ContentType?.ToString();
        Allow = string.Join(", ", response.Content.Headers.Allow);
        Vary = string.Join(", ", response.Headers.Vary);
        Body = body;
        try
        {
            using var document = JsonDocument.Parse(body);
            Json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (e.g. an HTML page): Json stays undefined and the assertions on it say so.
        }
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The full Content-Type header, e.g. "application/graphql-response+json; charset=utf-8".</summary>
    public string? ContentType { get; }

    /// <summary>The Allow header, e.g. "GET, POST"; empty when absent.</summary>
    public string Allow { get; }

    public string Vary { get; }

    public string Body { get; }

    /// <summary>The parsed body; <see cref="JsonValueKind.Undefined"/> when it is not JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>The "data" entry; <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    public JsonElement Data => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("data", out var data) ? data : default;

    public bool HasData => Data.ValueKind != JsonValueKind.Undefined;

    /// <summary>The "errors" entry as a list; empty when absent.</summary>
    public IReadOnlyList<JsonElement> Errors =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().ToList()
            : [];

    /// <summary>extensions.code of every error, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes =>
        Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) ? code.GetString() : null).ToList();

    /// <summary>Walks a path of property names from the root, e.g. Get("data", "regions", "totalCount").</summary>
    public JsonElement Get(params string[] path)
    {
        var current = Json;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                throw new KeyNotFoundException($"No '{string.Join('.', path)}' in the response: {Body}");
            }
        }

        return current;
    }

    public override string ToString() => $"{(int)StatusCode} {ContentType}: {Body}";
}
