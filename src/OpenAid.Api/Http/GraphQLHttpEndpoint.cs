using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using OpenAid.Api.Execution;
using OpenAid.Api.GraphQL;
using OpenAid.Api.PersistedDocuments;

namespace OpenAid.Api.Http;

/// <summary>
/// The GraphQL endpoint, following GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) and checked
/// against graphql-http's server audit (tests/audit).
/// <list type="bullet">
/// <item>POST with a JSON body, or GET with <c>query</c>, <c>operationName</c>, <c>variables</c> and <c>extensions</c>
/// in the query string. GET runs queries only, so that it stays safe to cache; a mutation over GET is a 405.</item>
/// <item>The response is application/graphql-response+json when the client asks for it by name, else application/json;
/// 406 when the client accepts neither.</item>
/// <item>With application/graphql-response+json the status says whether the document ran: 200 when it did (field
/// errors included), 400 when it failed to parse or validate. application/json keeps the legacy 200 for those, as the
/// spec requires. Malformed HTTP requests are 4xx in both: 400, 405, 413, 415.</item>
/// <item>Every error carries a stable <c>extensions.code</c>; see <see cref="HttpErrorCodes"/>.</item>
/// </list>
/// </summary>
public static class GraphQLHttpEndpoint
{
    /// <summary>
    /// The largest POST body accepted. The SPA's biggest operation and hand-written GraphiQL queries are a few KB and
    /// variables are a page of filters or one mutation input, so 100 KB leaves ample room while bounding the memory and
    /// parse time one request can cost before the depth and complexity limits get to see the document. GET requests
    /// are bounded by Kestrel's 8 KB request line (414 beyond it).
    /// </summary>
    public const int MaxRequestBodyBytes = 100 * 1024;

    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        // Every method is routed here so that the endpoint, not routing, answers the 405 in GraphQL's error format.
        endpoints.Map(pattern, HandleAsync).WithDisplayName("GraphQL over HTTP");

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var cancellationToken = http.RequestAborted;
        var budget = RequestBudget.Start(services.GetRequiredService<GraphQLLimits>().RequestTimeout);

        // The response's media type depends on Accept, so shared caches must key on it.
        http.Response.Headers.Vary = "Accept";
        var negotiated = GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept);
        var mediaType = negotiated ?? GraphQLResponseMediaType.Json;
        var isGet = HttpMethods.IsGet(http.Request.Method);

        try
        {
            if (!isGet && !HttpMethods.IsPost(http.Request.Method))
            {
                await WriteProblemAsync(http, serializer, mediaType, new GraphQLHttpProblem(StatusCodes.Status405MethodNotAllowed, HttpErrorCodes.MethodNotAllowed,
                    $"{http.Request.Method} is not supported here. Use POST, or GET for queries.") { Allow = "GET, POST" });
                return;
            }

            if (negotiated is null)
            {
                await WriteProblemAsync(http, serializer, mediaType, new GraphQLHttpProblem(StatusCodes.Status406NotAcceptable, HttpErrorCodes.NotAcceptable,
                    $"Responses are {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}; the Accept header allows neither."));
                return;
            }

            var (request, problem) = isGet
                ? GraphQLHttpRequestReader.FromQueryString(http.Request.Query, serializer)
                : await GraphQLHttpRequestReader.FromBodyAsync(http.Request, MaxRequestBodyBytes, serializer, cancellationToken);
            if (problem is not null)
            {
                await WriteProblemAsync(http, serializer, mediaType, problem);
                return;
            }

            var (response, runProblem) = await RunAsync(http, request!, isGet, mediaType, budget);
            if (runProblem is not null)
            {
                await WriteProblemAsync(http, serializer, mediaType, runProblem);
                return;
            }

            if (response is null)
            {
                // If-None-Match matched the current ETag (HttpCaching).
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            http.Response.StatusCode = StatusCodeOf(response, mediaType);
            http.Response.ContentType = mediaType.ContentType();
            http.Response.ContentLength = response.Body.Length;
            await http.Response.Body.WriteAsync(response.Body, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
    }

    /// <returns>The response (null: 304 Not Modified), or why the request is refused.</returns>
    private static async Task<(GraphQLResponseBody? Response, GraphQLHttpProblem? Problem)> RunAsync(HttpContext http, GraphQLHttpRequest request, bool isGet, GraphQLResponseMediaType mediaType, RequestBudget budget)
    {
        var services = http.RequestServices;
        var executor = services.GetRequiredService<GraphQLExecutor>();
        if (request.DocumentId is not null)
        {
            // A persisted document (PersistedDocuments/): the SPA sends its id instead of the text.
            var (text, error) = await services.GetRequiredService<PersistedDocumentResolver>().ResolveAsync(request.DocumentId, request.Query, http.RequestAborted);
            if (error is not null)
            {
                return (executor.Serialize(error), null);
            }

            request = request with { Query = text };
        }

        PreparedRequest prepared;
        try
        {
            prepared = executor.Prepare(request.Query!, request.OperationName, request.Variables, request.Extensions, budget);
        }
        catch (SyntaxError error)
        {
            return (executor.Serialize(new ExecutionResult(error)), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, HttpErrorCodes.DocumentTooDeep,
                $"The document nests deeper than the parser allows. Queries may nest at most {OpenAid.Api.GraphQL.GraphQLSetup.MaxDepth} fields."));
        }
        catch (DocumentLimitException limit)
        {
            var code = limit.Limit switch
            {
                DocumentLimit.Fields => HttpErrorCodes.TooManyFields,
                DocumentLimit.Aliases => HttpErrorCodes.TooManyAliases,
                _ => HttpErrorCodes.TooManyRootFields,
            };
            return (null, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, code, limit.Message));
        }

        // GET is for queries only, so that it stays safe to cache.
        if (isGet && prepared.Operation is { Operation: not OperationType.Query } operation)
        {
            return (null, new GraphQLHttpProblem(StatusCodes.Status405MethodNotAllowed, HttpErrorCodes.MethodNotAllowed,
                $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET, which is for queries only. Use POST.") { Allow = "POST" });
        }

        return (await HttpCaching.RunAsync(http, prepared, mediaType, executor), null);
    }

    private static int StatusCodeOf(GraphQLResponseBody response, GraphQLResponseMediaType mediaType)
    {
        if (response.TimedOut)
        {
            // Not the client's fault as such, and not a failure either: the service would not spend more time on it.
            return StatusCodes.Status503ServiceUnavailable;
        }

        if (response.Executed)
        {
            // Field errors do not change the status: the document ran and "data" is present.
            return StatusCodes.Status200OK;
        }

        // Not executed: the document did not parse or validate, or its variables did not coerce, unless
        // something failed on our side.
        if (response.ServerError)
        {
            return StatusCodes.Status500InternalServerError;
        }

        return mediaType == GraphQLResponseMediaType.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private static Task WriteProblemAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLResponseMediaType mediaType, GraphQLHttpProblem problem)
    {
        if (problem.Allow is not null)
        {
            http.Response.Headers.Allow = problem.Allow;
        }

        var result = new ExecutionResult(new ExecutionError(problem.Message) { Code = problem.Code });
        return WriteAsync(http, serializer, mediaType, problem.StatusCode, result);
    }

    private static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLResponseMediaType mediaType, int statusCode, ExecutionResult result)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = mediaType.ContentType();
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
