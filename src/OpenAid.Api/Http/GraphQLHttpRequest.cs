using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using Microsoft.Extensions.Primitives;

namespace OpenAid.Api.Http;

/// <summary>The parameters of one GraphQL-over-HTTP request, after checking their types.</summary>
/// <param name="Query">The document; null only when <paramref name="DocumentId"/> names a persisted one instead.</param>
/// <param name="DocumentId">A persisted document's id, e.g. "sha256:…" (PersistedDocuments/).</param>
public sealed record GraphQLHttpRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? DocumentId = null);

/// <summary>Why a request was refused before any GraphQL ran: HTTP status, stable code and a message for people.</summary>
public sealed record GraphQLHttpProblem(int StatusCode, string Code, string Message)
{
    /// <summary>The Allow header of a 405.</summary>
    public string? Allow { get; init; }
}

/// <summary>Reads and checks request parameters from a GET query string or a POST JSON body.</summary>
internal static class GraphQLHttpRequestReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = 64,
        // A body such as {"query": "a", "query": "b"} is ambiguous; refuse it instead of guessing.
        AllowDuplicateProperties = false,
    };

    public static (GraphQLHttpRequest? Request, GraphQLHttpProblem? Problem) FromQueryString(IQueryCollection parameters, IGraphQLSerializer serializer)
    {
        foreach (var name in (string[])["query", "operationName", "variables", "extensions", "documentId"])
        {
            if (parameters[name].Count > 1)
            {
                return Fail(HttpErrorCodes.InvalidRequest, $"The '{name}' parameter is given more than once; give it once.");
            }
        }

        var query = parameters["query"].ToString();
        var documentId = parameters["documentId"].ToString();
        if (string.IsNullOrWhiteSpace(query) && documentId.Length == 0)
        {
            return Fail(HttpErrorCodes.QueryMissing, "The 'query' parameter is missing or empty. Send the GraphQL document in it, e.g. ?query={__typename}.");
        }

        var variables = ParseJsonParameter(parameters["variables"], "variables", HttpErrorCodes.InvalidVariables, serializer, out var problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var extensions = ParseJsonParameter(parameters["extensions"], "extensions", HttpErrorCodes.InvalidRequest, serializer, out problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var operationName = parameters["operationName"].ToString();
        return (new GraphQLHttpRequest(query.Length == 0 ? null : query, operationName.Length == 0 ? null : operationName, variables, extensions,
            documentId.Length == 0 ? null : documentId), null);
    }

    public static async Task<(GraphQLHttpRequest? Request, GraphQLHttpProblem? Problem)> FromBodyAsync(
        HttpRequest request, int maxBytes, IGraphQLSerializer serializer, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaTypes.IsJsonRequest(request.ContentType))
        {
            return (null, new GraphQLHttpProblem(StatusCodes.Status415UnsupportedMediaType, HttpErrorCodes.UnsupportedMediaType,
                $"Send the request as 'Content-Type: application/json' (UTF-8), not '{request.ContentType ?? "no Content-Type"}'. Queries can also be sent with GET."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var body = await ReadBodyAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(maxBytes));
        }

        var utf8 = WithoutByteOrderMark(body);
        if (!Utf8.IsValid(utf8.Span))
        {
            // The JSON reader leaves string contents unchecked until they are read, which then throws deep inside.
            return Fail(HttpErrorCodes.InvalidJson, "The request body is not valid UTF-8. Send the JSON in UTF-8, e.g. {\"query\": \"{ __typename }\"}.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, JsonOptions);
        }
        catch (JsonException)
        {
            // The reader's message names line and byte position but can quote parts of the body; keep ours plain.
            return Fail(HttpErrorCodes.InvalidJson, body.Length == 0
                ? "The request body is empty. Send a JSON object such as {\"query\": \"{ __typename }\"}."
                : "The request body is not valid JSON, or it repeats a property. Send a JSON object such as {\"query\": \"{ __typename }\"}.");
        }

        using (json)
        {
            try
            {
                return FromJson(json.RootElement, serializer);
            }
            catch (InvalidOperationException)
            {
                // JSON allows an escaped lone surrogate ("\ud800"), which reading a parameter as a string refuses.
                return Fail(HttpErrorCodes.InvalidJson, "A parameter holds an escaped lone surrogate (e.g. \"\\ud800\"), which is not text. Send valid Unicode.");
            }
        }
    }

    private static (GraphQLHttpRequest? Request, GraphQLHttpProblem? Problem) FromJson(JsonElement root, IGraphQLSerializer serializer)
    {
        // Batches are refused on purpose: one HTTP request carrying many operations slips past the per-operation
        // depth and complexity limits and the body cap's intent, and cannot be cached per operation (GET, ETags,
        // the shared result cache). Separate requests over HTTP/2 cost little more.
        if (root.ValueKind == JsonValueKind.Array)
        {
            return Fail(HttpErrorCodes.BatchingNotSupported,
                "Batched requests (a JSON array) are not supported. Send one operation per request; HTTP/2 makes separate requests cheap.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(HttpErrorCodes.InvalidRequest, "The request body must be a JSON object such as {\"query\": \"{ __typename }\"}.");
        }

        // Null stands for "not given" for every parameter (GraphQL over HTTP, "Request Parameters").
        var query = Property(root, "query");
        var documentId = Property(root, "documentId");
        if (documentId.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return Fail(HttpErrorCodes.InvalidRequest, $"The 'documentId' parameter must be a string such as \"sha256:…\", not {Describe(documentId)}.");
        }

        var documentIdText = documentId.ValueKind == JsonValueKind.String ? documentId.GetString() : null;
        var queryGiven = query.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
        if (!queryGiven && documentIdText is null)
        {
            return Fail(HttpErrorCodes.QueryMissing, "The 'query' parameter is missing. Send the GraphQL document in it, e.g. {\"query\": \"{ __typename }\"}.");
        }

        if (queryGiven && query.ValueKind != JsonValueKind.String)
        {
            return Fail(HttpErrorCodes.InvalidRequest, $"The 'query' parameter must be a string holding a GraphQL document, not {Describe(query)}.");
        }

        var queryText = query.ValueKind == JsonValueKind.String ? query.GetString() : null;
        if (queryText is not null && string.IsNullOrWhiteSpace(queryText))
        {
            return Fail(HttpErrorCodes.QueryMissing, "The 'query' parameter is empty. Send a GraphQL document in it, e.g. {\"query\": \"{ __typename }\"}.");
        }

        var operationName = Property(root, "operationName");
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return Fail(HttpErrorCodes.InvalidRequest, $"The 'operationName' parameter must be a string or null, not {Describe(operationName)}.");
        }

        var variables = ReadMap(Property(root, "variables"), "variables", HttpErrorCodes.InvalidVariables, serializer, out var problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var extensions = ReadMap(Property(root, "extensions"), "extensions", HttpErrorCodes.InvalidRequest, serializer, out problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var name = operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null;
        return (new GraphQLHttpRequest(queryText, string.IsNullOrEmpty(name) ? null : name, variables, extensions, documentIdText), null);
    }

    private static Inputs? ParseJsonParameter(StringValues value, string name, string code, IGraphQLSerializer serializer, out GraphQLHttpProblem? problem)
    {
        problem = null;
        var text = value.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text, JsonOptions);
            return ReadMap(json.RootElement, name, code, serializer, out problem);
        }
        catch (JsonException)
        {
            problem = Problem(code, $"The '{name}' parameter is not valid JSON. Give a URL-encoded JSON object, e.g. {name}=%7B%7D.");
            return null;
        }
    }

    /// <summary>A JSON object as GraphQL.NET inputs; null or absent means none.</summary>
    private static Inputs? ReadMap(JsonElement value, string name, string code, IGraphQLSerializer serializer, out GraphQLHttpProblem? problem)
    {
        problem = null;
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problem = Problem(code, $"The '{name}' parameter must be a JSON object (a map of names to values) or null, not {Describe(value)}.");
            return null;
        }

        try
        {
            return serializer.ReadNode<Inputs>(value);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or NotSupportedException or InvalidOperationException)
        {
            problem = Problem(code, $"The '{name}' parameter holds a value that cannot be read, e.g. a number out of range.");
            return null;
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] body) =>
        body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body.AsMemory(3) : body;

    private static JsonElement Property(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : default;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static GraphQLHttpProblem TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, HttpErrorCodes.PayloadTooLarge,
            $"The request body is larger than {maxBytes / 1024} KB. Send a smaller document and fewer variables.");

    private static GraphQLHttpProblem Problem(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    private static (GraphQLHttpRequest?, GraphQLHttpProblem?) Fail(string code, string message) => (null, Problem(code, message));
}
