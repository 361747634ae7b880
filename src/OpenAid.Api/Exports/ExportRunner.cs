using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

namespace OpenAid.Api.Exports;

/// <summary>One page of an export: the nodes as the GraphQL answer gives them. Dispose it once its rows are written.</summary>
public sealed class ExportPage(JsonDocument document, JsonElement nodes, bool hasNextPage, string? endCursor, string dataAsOf) : IDisposable
{
    public JsonElement Nodes => nodes;

    public bool HasNextPage => hasNextPage;

    public string? EndCursor => endCursor;

    public string DataAsOf => dataAsOf;

    public void Dispose() => document.Dispose();
}

/// <summary>A page after the first failed; the response has started, so the export can only be cut off.</summary>
public sealed class ExportFailedException(string message) : Exception(message);

/// <summary>An export that started: the first page ran without errors, the rest are fetched as they are read.</summary>
public sealed record ExportStart(string DataAsOf, IAsyncEnumerable<ExportPage> Pages);

/// <summary>
/// Runs an export as a sequence of GraphQL queries, one page of <see cref="OpenAid.Api.GraphQL.Paging.MaxPageSize"/> records at a
/// time, following the 'after' cursor. The filters are the field's own arguments, so an export returns exactly what
/// the GraphQL list returns.
/// <para>
/// Each page runs in a DI scope of its own. The per-request batch loader keeps every record it loaded for the rest of
/// its scope, so sharing one scope between pages would make memory grow with the number of rows; a scope per page
/// keeps it at one page's worth however long the export is.
/// </para>
/// </summary>
public sealed class ExportRunner(IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes, ILogger<ExportRunner> logger)
{
    /// <summary>Runs the first page: its errors, or the export to read.</summary>
    public async Task<(ExportStart? Start, ExecutionResult? Failure)> StartAsync(
        BoundExportList list, IReadOnlyDictionary<string, object?> variables, ClaimsPrincipal user, CancellationToken ct)
    {
        var document = list.Document(variables);
        var values = new Dictionary<string, object?>(variables, StringComparer.Ordinal);
        values.TryAdd(BoundExportList.AfterArgument, null);
        var (first, failure) = await RunPageAsync(document, values, user, ct);
        return failure is not null ? (null, failure) : (new ExportStart(first!.DataAsOf, Pages(first, document, values, user, ct)), null);
    }

    private async IAsyncEnumerable<ExportPage> Pages(
        ExportPage first, string document, Dictionary<string, object?> variables, ClaimsPrincipal user, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var page = first;
        while (true)
        {
            using (page)
            {
                yield return page;
                if (!page.HasNextPage || page.EndCursor is null)
                {
                    yield break;
                }

                variables[BoundExportList.AfterArgument] = page.EndCursor;
            }

            var (next, failure) = await RunPageAsync(document, variables, user, ct);
            page = next ?? throw new ExportFailedException(string.Join("; ", failure!.Errors?.Select(e => $"{e.Code}: {e.Message}") ?? []));
        }
    }

    private async Task<(ExportPage? Page, ExecutionResult? Failure)> RunPageAsync(
        string document, Dictionary<string, object?> variables, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = document,
            Variables = new Inputs(variables),
            RequestServices = scope.ServiceProvider,
            User = user,
            CancellationToken = ct,
            UnhandledExceptionDelegate = context =>
            {
                logger.LogError(context.OriginalException, "Export query failed in {Field}.", context.FieldContext?.FieldDefinition.Name ?? "the request");
                return Task.CompletedTask;
            },
        });
        if (result.Errors is { Count: > 0 })
        {
            return (null, result);
        }

        // The document reads the stream's array in place; disposing a MemoryStream leaves its array intact.
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, ct);
        var json = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        var data = json.RootElement.GetProperty("data");
        var page = data.GetProperty("page");
        var pageInfo = page.GetProperty("pageInfo");
        return (new ExportPage(
            json,
            page.GetProperty("nodes"),
            pageInfo.GetProperty("hasNextPage").GetBoolean(),
            pageInfo.GetProperty("endCursor").GetString(),
            data.GetProperty("dataAsOf").GetString()!), null);
    }

    /// <summary>Whether the errors are the client's fault (400) or ours (500).</summary>
    public static bool IsServerError(ExecutionResult result) => result.Errors?.Any(e => e is UnhandledError) == true;
}
