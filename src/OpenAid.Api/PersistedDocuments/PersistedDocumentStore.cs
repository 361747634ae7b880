using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.PersistedDocuments;

namespace OpenAid.Api.PersistedDocuments;

/// <summary>
/// The allow-list of persisted documents: the SPA's operations, each known by "sha256:" + the lowercase hex SHA-256
/// of its UTF-8 text. Loaded at start-up from manifests (JSON objects of id → document text); see README.md here.
/// A manifest entry whose id is not the hash of its text is refused, so an id always means exactly one document.
/// </summary>
public sealed class PersistedDocumentStore : IPersistedDocumentLoader
{
    /// <summary>The manifest generated from web/src (extract-documents.mjs); published with the API as content.</summary>
    public const string BundledManifest = "PersistedDocuments/persisted-documents.json";

    /// <summary>Where the SPA's build may write its own manifest later, beside the app it serves.</summary>
    public const string WebAppManifest = "webapp/persisted-documents.json";

    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);

    public PersistedDocumentStore(IConfiguration configuration, IWebHostEnvironment environment, ILogger<PersistedDocumentStore> logger)
    {
        var files = configuration.GetSection("PersistedDocuments:Manifests").Get<string[]>()
            ?? [BundledManifest, WebAppManifest];
        files = [.. files.Select(f => Path.Combine(environment.ContentRootPath, f))];
        foreach (var file in files.Where(File.Exists))
        {
            var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [];
            foreach (var (id, text) in manifest)
            {
                var expected = IdOf(text);
                if (!string.Equals(id, expected, StringComparison.Ordinal))
                {
                    logger.LogError("Persisted document {Id} in {File} is not the hash of its text ({Expected}); it is ignored.", id, file, expected);
                    continue;
                }

                _documents[id["sha256:".Length..]] = text;
            }
        }
    }

    public int Count => _documents.Count;

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the UTF-8 text.</summary>
    public static string IdOf(string document) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documentIdPrefix == "sha256" && _documents.TryGetValue(documentIdPayload, out var text) ? text : null);
}

/// <summary>
/// Turns a request's documentId into its text with GraphQL.NET's <see cref="PersistedDocumentHandler"/>, so that ids
/// are checked and refused exactly as GraphQL.NET does (DOCUMENT_ID_INVALID, DOCUMENT_NOT_FOUND, both id and query).
/// The handler runs here, before the endpoint parses, rather than in the executer's pipeline: the endpoint needs the
/// text first to refuse mutations over GET and to key the cache. Documents that are not persisted stay allowed
/// (GraphiQL, reporters' scripts).
/// </summary>
public sealed class PersistedDocumentResolver(PersistedDocumentStore store)
{
    private static readonly ExecutionResult Resolved = new();

    private readonly PersistedDocumentHandler _handler = new(new PersistedDocumentOptions
    {
        AllowOnlyPersistedDocuments = false,
        GetQueryDelegate = (options, prefix, payload) => store.GetQueryAsync(prefix, payload, options.CancellationToken),
    });

    /// <returns>The document's text, or the error to answer with.</returns>
    public async Task<(string? Query, ExecutionResult? Error)> ResolveAsync(string documentId, string? query, CancellationToken cancellationToken)
    {
        string? text = null;
        var result = await _handler.ExecuteAsync(
            new ExecutionOptions { DocumentId = documentId, Query = query, CancellationToken = cancellationToken },
            options =>
            {
                text = options.Query;
                return Task.FromResult(Resolved);
            });
        return ReferenceEquals(result, Resolved) && text is not null ? (text, null) : (null, result);
    }
}

public static class PersistedDocumentsSetup
{
    public static IServiceCollection AddOpenAidPersistedDocuments(this IServiceCollection services) =>
        services.AddSingleton<PersistedDocumentStore>().AddSingleton<PersistedDocumentResolver>();
}
