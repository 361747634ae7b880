using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using OpenAid.Api.Caching;

namespace OpenAid.Api.Execution;

/// <summary>A serialised GraphQL response, as sent and as cached.</summary>
/// <param name="Body">The JSON body in UTF-8; the same for both response media types.</param>
/// <param name="Executed">Whether the document ran (decides 200 or 400 with application/graphql-response+json).</param>
/// <param name="ServerError">Whether something failed on our side (500).</param>
/// <param name="Cacheable">Executed without any error and not too large: safe to share and to give an ETag.</param>
public sealed record GraphQLResponseBody(byte[] Body, bool Executed, bool ServerError, bool Cacheable) : ICacheableResult<GraphQLResponseBody>
{
    public byte[]? Stored => Cacheable ? Body : null;

    /// <summary>Only cacheable (executed, error-free) responses are ever stored.</summary>
    public static GraphQLResponseBody FromStored(byte[] stored) => new(stored, Executed: true, ServerError: false, Cacheable: true);
}

/// <summary>A parsed request, ready to run.</summary>
/// <param name="Operation">The operation the executer will run, or null when that is ambiguous (the executer then reports why).</param>
public sealed record PreparedRequest(string Query, ParsedDocument Parsed, string? OperationName, Inputs? Variables, Inputs? Extensions, GraphQLOperationDefinition? Operation)
{
    /// <summary>A query whose result may come from a cache (it selects no uncached field); whether the caller may share it is another matter.</summary>
    public bool IsShareableQuery => Operation?.Operation == OperationType.Query && Parsed.Shareable;
}

/// <summary>Parses and runs GraphQL documents and serialises their results; knows nothing of HTTP.</summary>
public sealed class GraphQLExecutor(ParsedDocuments documents, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, CacheOptions options, ILogger<GraphQLExecutor> logger)
{
    /// <summary>
    /// Parses before running: the caller must know the operation's type before anything runs (GET runs queries
    /// only), and the parser's own nesting limit throws an exception the executer would report as an internal error.
    /// Throws the parser's exceptions (SyntaxError, GraphQLMaxDepthExceededException).
    /// </summary>
    public PreparedRequest Prepare(string query, string? operationName, Inputs? variables, Inputs? extensions)
    {
        var parsed = documents.Parse(query);
        return new PreparedRequest(query, parsed, operationName, variables, extensions, SelectOperation(parsed.Document, operationName));
    }

    /// <param name="cancellationToken">The result cache passes none for a shared execution, so that one client going
    /// away does not fail the others waiting for the same result.</param>
    public async Task<GraphQLResponseBody> ExecuteAsync(PreparedRequest request, ClaimsPrincipal user, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = request.Parsed.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            // Resolvers take their scoped services (DbContext, BatchLoader, Actor) from the request.
            RequestServices = requestServices,
            User = user,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                // Clients see only "Error trying to resolve field" and a code; the details belong in the log.
                logger.LogError(context.OriginalException, "GraphQL request failed in {Field}.", context.FieldContext?.FieldDefinition.Name ?? "the request");
                return Task.CompletedTask;
            },
        });
        return Serialize(result);
    }

    /// <summary>Serialises a result; also for errors found before executing (a syntax error, an unknown document id).</summary>
    public GraphQLResponseBody Serialize(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        // Serialising to memory cannot be cancelled meaningfully, and the result is shared.
        serializer.WriteAsync(stream, result, CancellationToken.None).GetAwaiter().GetResult();
        var body = stream.ToArray();
        var serverError = result.Errors?.Any(e => e is UnhandledError) == true;
        // Large responses are rare and would crowd the rest out of the cache.
        var cacheable = result.Executed && (result.Errors is null || result.Errors.Count == 0) && body.Length <= options.MaxEntryKilobytes * 1024;
        return new GraphQLResponseBody(body, result.Executed, serverError, cacheable);
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        if (operationName is null)
        {
            var all = operations.Take(2).ToList();
            return all.Count == 1 ? all[0] : null;
        }

        return operations.FirstOrDefault(o => o.Name is not null && o.Name.StringValue == operationName);
    }
}

public static class ExecutionSetup
{
    public static IServiceCollection AddGraphQLExecutor(this IServiceCollection services) => services.AddSingleton<GraphQLExecutor>();
}
