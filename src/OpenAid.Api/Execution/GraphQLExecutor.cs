using System.Diagnostics;
using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using OpenAid.Api.Caching;
using OpenAid.Api.GraphQL;

namespace OpenAid.Api.Execution;

/// <summary>A serialised GraphQL response, as sent and as cached.</summary>
/// <param name="Body">The JSON body in UTF-8; the same for both response media types.</param>
/// <param name="Executed">Whether the document ran (decides 200 or 400 with application/graphql-response+json).</param>
/// <param name="ServerError">Whether something failed on our side (500).</param>
/// <param name="Cacheable">Executed without any error and not too large: safe to share and to give an ETag.</param>
/// <param name="TimedOut">The request ran out of its time budget (503 TIMEOUT).</param>
/// <param name="HasErrors">The result holds errors (of fields, or of the whole request).</param>
public sealed record GraphQLResponseBody(byte[] Body, bool Executed, bool ServerError, bool Cacheable, bool TimedOut = false, bool HasErrors = false) : ICacheableResult<GraphQLResponseBody>
{
    public byte[]? Stored => Cacheable ? Body : null;

    /// <summary>Only cacheable (executed, error-free) responses are ever stored.</summary>
    public static GraphQLResponseBody FromStored(byte[] stored) => new(stored, Executed: true, ServerError: false, Cacheable: true);
}

/// <summary>The time one request may still take (GraphQLLimits.RequestTimeoutMilliseconds), counted from its start.</summary>
public readonly record struct RequestBudget(long StartedAt, TimeSpan Total)
{
    /// <summary>Elapsed time, not the service's clock (which tests move): a budget is spent by working, not by the date.</summary>
    public static RequestBudget Start(TimeSpan total) => new(Stopwatch.GetTimestamp(), total);

    public TimeSpan Remaining => Total - Stopwatch.GetElapsedTime(StartedAt);
}

/// <summary>A parsed request, ready to run.</summary>
/// <param name="Operation">The operation the executer will run, or null when that is ambiguous (the executer then reports why).</param>
/// <param name="Budget">The time left to run it, from the request's start.</param>
public sealed record PreparedRequest(string Query, ParsedDocument Parsed, string? OperationName, Inputs? Variables, Inputs? Extensions, GraphQLOperationDefinition? Operation, RequestBudget Budget)
{
    /// <summary>A query whose result may come from a cache (it selects no uncached field); whether the caller may share it is another matter.</summary>
    public bool IsShareableQuery => Operation?.Operation == OperationType.Query && Parsed.Shareable;
}

/// <summary>Parses and runs GraphQL documents and serialises their results; knows nothing of HTTP.</summary>
public sealed class GraphQLExecutor(ParsedDocuments documents, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, CacheOptions options, GraphQLLimits limits, ILogger<GraphQLExecutor> logger)
{
    /// <summary>
    /// Parses before running: the caller must know the operation's type before anything runs (GET runs queries
    /// only), and the parser's own nesting limit throws an exception the executer would report as an internal error.
    /// The document's size is checked here too, before validation expands its fragments.
    /// Throws the parser's exceptions (SyntaxError, GraphQLMaxDepthExceededException) and DocumentLimitException.
    /// </summary>
    public PreparedRequest Prepare(string query, string? operationName, Inputs? variables, Inputs? extensions, RequestBudget budget)
    {
        var parsed = documents.Parse(query);
        DocumentShape.Check(parsed.Size, limits);
        return new PreparedRequest(query, parsed, operationName, variables, extensions, SelectOperation(parsed.Document, operationName), budget);
    }

    /// <summary>Validates and runs the request within what is left of its budget; past it, the result is a TIMEOUT error.</summary>
    /// <param name="cancellationToken">The request's, or for a shared execution the result cache's, which is cancelled
    /// once no request waits for the result any more.</param>
    public async Task<GraphQLResponseBody> ExecuteAsync(PreparedRequest request, ClaimsPrincipal user, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var remaining = request.Budget.Remaining;
        if (remaining <= TimeSpan.Zero)
        {
            return Serialize(new ExecutionResult(new TimeoutError()));
        }

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
            // GraphQL.NET cancels validation and execution at the deadline and answers with a TimeoutError (TIMEOUT).
            Timeout = remaining,
            UnhandledExceptionDelegate = context =>
            {
                // Clients see only "Error trying to resolve field" and a code; the details belong in the log.
                logger.LogError(context.OriginalException, "GraphQL request failed in {Field}.", context.FieldContext?.FieldDefinition.Name ?? "the request");
                return Task.CompletedTask;
            },
        });

        // GraphQL.NET's deadline fires on a timer, which a busy thread pool may run only after the last resolver: a
        // result finished past the budget is cut off all the same, so the budget holds however loaded the machine is.
        return request.Budget.Remaining <= TimeSpan.Zero && result.Errors?.Any(e => e is TimeoutError) != true
            ? Serialize(new ExecutionResult(new TimeoutError()))
            : Serialize(result);
    }

    /// <summary>Serialises a result; also for errors found before executing (a syntax error, an unknown document id).</summary>
    public GraphQLResponseBody Serialize(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        // Serialising to memory cannot be cancelled meaningfully, and the result is shared.
        serializer.WriteAsync(stream, result, CancellationToken.None).GetAwaiter().GetResult();
        var body = stream.ToArray();
        var serverError = result.Errors?.Any(e => e is UnhandledError) == true;
        var timedOut = result.Errors?.Any(e => e is TimeoutError) == true;
        // Large responses are rare and would crowd the rest out of the cache.
        var hasErrors = result.Errors is { Count: > 0 };
        var cacheable = result.Executed && !hasErrors && body.Length <= options.MaxEntryKilobytes * 1024;
        return new GraphQLResponseBody(body, result.Executed, serverError, cacheable, timedOut, hasErrors);
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
