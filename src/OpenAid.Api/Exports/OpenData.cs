using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;

namespace OpenAid.Api.Exports;

/// <summary>The export catalog bound to the running schema, and the runner that executes exports.</summary>
public sealed class OpenData
{
    public const string License = "CC BY 4.0";
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/";

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Served as application/json (never inlined in HTML), so Chinese, quotes and angle brackets stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public OpenData(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        Lists = ExportCatalog.All
            .Where(l => !l.Optional || schema.Query.HasField(l.Field))
            .Select(l => new BoundExportList(l, schema))
            .ToDictionary(l => l.Name, StringComparer.Ordinal);
        Runner = ActivatorUtilities.CreateInstance<ExportRunner>(services);
        Serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        Clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    public IReadOnlyDictionary<string, BoundExportList> Lists { get; }

    public ExportRunner Runner { get; }

    public IGraphQLTextSerializer Serializer { get; }

    public TimeProvider Clock { get; }

    /// <summary>A list's documentation: what it holds, its filters and its columns (the export index and the dump's metadata).</summary>
    public static object Describe(BoundExportList list, string? basePath = "/export") => new
    {
        name = list.Name,
        description = list.List.Description,
        graphQLField = list.List.Field,
        csv = basePath is null ? null : $"{basePath}/{list.Name}.csv",
        ndjson = basePath is null ? null : $"{basePath}/{list.Name}.ndjson",
        xlsx = basePath is null ? null : $"{basePath}/{list.Name}.xlsx",
        filters = list.Filters.Select(f => new { name = f.Name, type = f.Type, description = f.Description }),
        columns = list.Columns.Select(c => new
        {
            name = c.Name,
            header = new { zh = c.Header.Zh, en = c.Header.En },
            graphQLPath = c.Column.Path,
            type = c.Multiple ? $"[{c.Type}]" : c.Type,
            nullable = c.Nullable,
            description = c.Description,
            values = c.Values,
        }),
    };

    /// <summary>The export index served at /export.</summary>
    public object Index() => new
    {
        title = "OpenAid open data",
        description = "Every list of the GraphQL API as CSV, newline-delimited JSON and XLSX, with the same filters as the GraphQL field " +
            "(pass them in the query string, e.g. /export/notices.csv?region=451021&year=2019). No row limit: exports are streamed. " +
            "Amounts come in yuan with two decimals (…_yuan) and in exact integer fen (…_fen); dates are ISO 8601. " +
            "CSV is RFC 4180, UTF-8 with a byte order mark so that Excel shows Chinese correctly. " +
            "XLSX keeps codes as text cells and amounts as numbers. The header row of CSV and XLSX holds the column names; " +
            "add lang=zh or lang=en for each column's Chinese or English header instead (columns[].header). " +
            "The X-Data-As-Of response header tells when the data last changed.",
        license = new { name = License, url = LicenseUrl, attribution = "Source: OpenAid (公开扶贫), data as of <X-Data-As-Of>" },
        demoData = "Records with isDemo = true are generated demonstration data: they are not real.",
        formats = ExportFormat.All.Select(f => new { extension = f.Extension, contentType = f.ContentType, headerLanguages = f.HasHeaderRow ? new[] { ExportLanguage.Chinese, ExportLanguage.English } : null }),
        dump = new { url = "/export/dump.zip", description = "Every list as NDJSON in one zip, with LICENSE.txt and metadata.json (dataAsOf, columns, the changes cursor)." },
        changes = new
        {
            graphQL = "changes(after: String, first: Int)",
            ndjson = "/export/changes.ndjson?after=<sequence>",
            description = "Everything public that changed since a cursor (the last sequence seen), oldest first. Start from the dump's changesCursor to mirror the data.",
        },
        audit = new
        {
            entries = AuditExport.Path + "?after=<sequence>",
            keys = Audit.AuditExports.KeysPath,
            checkpoints = Audit.AuditExports.CheckpointsPath,
            description = AuditExport.Description + " The signed checkpoints, oldest first, and every public key that signed them are at keys and checkpoints (FORMAT.md); the dump holds all of it under audit/.",
        },
        citableLinks = CitableLinks.Routes.Select(r => new { path = $"{r.Prefix}/{{code}}", redirectsTo = $"/#/{r.Page}/{{code}}", record = r.Record }),
        graphQL = "/graphql",
        graphiQL = "/graphiql",
        lists = Lists.Values.Select(l => Describe(l)),
    };
}
