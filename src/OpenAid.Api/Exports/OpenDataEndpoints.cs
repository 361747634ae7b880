using System.Security.Claims;
using System.Text;
using GraphQL;
using Microsoft.Net.Http.Headers;
using OpenAid.Api.Audit;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.RateLimiting;

namespace OpenAid.Api.Exports;

/// <summary>
/// The open data endpoints: the export index (/export), one export per list (/export/{list}.csv|.ndjson|.xlsx), the full
/// dump (/export/dump.zip), the audit trail (/export/audit.ndjson), and the citable short links (/n/…, /p/…, /v/…, /o/…). Exports run in a bounded number of
/// slots (ExportGate, 503 beyond) and are charged to the caller's rate limit by rows. See Exports/README.md.
/// </summary>
public static class OpenDataEndpoints
{
    public const string DataAsOfHeader = "X-Data-As-Of";

    /// <summary>extensions.code of an export path that names no list or format.</summary>
    public const string ExportNotFoundCode = "EXPORT_NOT_FOUND";

    /// <summary>The export slots, the dump store and the catalog bound to the schema.</summary>
    public static WebApplicationBuilder AddOpenAidExports(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ExportOptions.SectionName).Get<ExportOptions>() ?? new ExportOptions();
        var directory = options.DataDirectory ?? DumpStore.DefaultDirectory(builder.Configuration["Database:ConnectionString"]);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ExportGate>();
        builder.Services.AddSingleton(services => new OpenData(services));
        builder.Services.AddSingleton(services => new DumpStore(services.GetRequiredService<OpenData>(), services.GetRequiredService<ExportGate>(), directory, services));
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var openData = services.GetRequiredService<OpenData>();
        var gate = services.GetRequiredService<ExportGate>();
        var dumps = services.GetRequiredService<DumpStore>();
        var limiter = services.GetRequiredService<ClientRateLimiter>();
        endpoints.MapGet("/export", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Json(openData.Index(), OpenData.JsonOptions);
        });
        endpoints.MapGet("/export/dump.zip", (HttpContext http) => DumpAsync(http, openData, gate, dumps, limiter));
        endpoints.MapGet(AuditExport.Path, (HttpContext http) => AuditExport.WriteAsync(http, openData, gate, limiter));
        endpoints.MapAuditExports();
        endpoints.MapGet("/export/{list}.{format}", (HttpContext http, string list, string format) => ExportAsync(http, openData, gate, limiter, list, format));
        endpoints.MapGet("/export/{**rest}", (HttpContext http) => WriteErrorAsync(http, openData, StatusCodes.Status404NotFound,
            new ExecutionError($"No export at {http.Request.Path}. The exports are listed at /export.") { Code = ExportNotFoundCode }));
        endpoints.MapCitableLinks();
        return endpoints;
    }

    /// <summary>The dump from its file (DumpStore): ETag and Last-Modified, 304 on If-None-Match, 206 on Range.</summary>
    private static async Task DumpAsync(HttpContext http, OpenData openData, ExportGate gate, DumpStore dumps, ClientRateLimiter limiter)
    {
        var caller = http.User;
        DumpFile? dump;
        try
        {
            dump = await dumps.CurrentAsync(http.RequestServices, http.RequestAborted);
        }
        catch (ExportFailedException exception)
        {
            http.RequestServices.GetRequiredService<ILogger<DumpStore>>().LogError("The dump could not be built: {Message}", exception.Message);
            await WriteErrorAsync(http, openData, StatusCodes.Status500InternalServerError,
                new ExecutionError("The dump could not be built; it has been logged. Try again later.") { Code = DumpArchive.DumpFailedCode });
            return;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the build goes on for the next one.
            return;
        }

        if (dump is null)
        {
            await WriteBusyAsync(http, openData, gate);
            return;
        }

        var day = DateTimeOffset.Parse(dump.DataAsOf, System.Globalization.CultureInfo.InvariantCulture);
        SetDownloadHeaders(http, $"openaid-dump-{day:yyyyMMdd}.zip", dump.DataAsOf);
        await Results.File(dump.Path, "application/zip", lastModified: dump.LastModified, entityTag: EntityTagHeaderValue.Parse(dump.ETag), enableRangeProcessing: true)
            .ExecuteAsync(http);
        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            // A whole download is charged by its rows like any export; a 304 or a resumed range is not.
            await limiter.ChargeRowsAsync(caller, http.Connection.RemoteIpAddress, dump.Rows);
        }
    }

    private static async Task ExportAsync(HttpContext http, OpenData openData, ExportGate gate, ClientRateLimiter limiter, string listName, string extension)
    {
        if (!openData.Lists.TryGetValue(listName, out var list) || ExportFormat.Find(extension) is not { } format)
        {
            await WriteErrorAsync(http, openData, StatusCodes.Status404NotFound, new ExecutionError(
                $"No export '{listName}.{extension}'. Lists: {string.Join(", ", openData.Lists.Keys)}; formats: {string.Join(", ", ExportFormat.All.Select(f => f.Extension))}.") { Code = ExportNotFoundCode });
            return;
        }

        var (language, error) = Language(http.Request.Query, format);
        var (variables, filterError) = error is null
            ? list.Variables(http.Request.Query.Where(p => !format.HasHeaderRow || p.Key != ExportLanguage.Parameter))
            : (null, null);
        error ??= filterError;
        if (error is not null)
        {
            await WriteErrorAsync(http, openData, StatusCodes.Status400BadRequest, error);
            return;
        }

        using var slot = gate.TryEnter();
        if (slot is null)
        {
            await WriteBusyAsync(http, openData, gate);
            return;
        }

        var ct = http.RequestAborted;
        var caller = http.User;
        try
        {
            AsAnonymousReader(http);
            var (start, failure) = await openData.Runner.StartAsync(list, variables!, http.User, ct);
            if (failure is not null)
            {
                await WriteResultAsync(http, openData, ExportRunner.IsServerError(failure) ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest, failure);
                return;
            }

            http.Response.ContentType = format.ContentType;
            SetDownloadHeaders(http, FileName(list.Name, variables!, format.Extension), start!.DataAsOf);
            var totals = await ExportWriter.WriteAsync(http.Response.Body, format, list.Columns, start.Pages, ct, ExportLanguage.Headers(list.Columns, language));
            await limiter.ChargeRowsAsync(caller, http.Connection.RemoteIpAddress, totals.Rows);
        }
        catch (ExportFailedException exception)
        {
            // The rows so far are out with a 200; cutting the connection keeps the client from taking them for the whole list.
            http.RequestServices.GetRequiredService<ILogger<ExportRunner>>().LogError("Export {List} failed part way: {Message}", listName, exception.Message);
            http.Abort();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>The language of the header row (lang=zh|en, CSV and XLSX only): null for the column names, the default.</summary>
    private static (string? Language, ExecutionError? Error) Language(IQueryCollection query, ExportFormat format)
    {
        if (!format.HasHeaderRow || !query.TryGetValue(ExportLanguage.Parameter, out var values) || values.All(string.IsNullOrEmpty))
        {
            return (null, null);
        }

        return values is [ExportLanguage.Chinese or ExportLanguage.English]
            ? (values[0], null)
            : (null, ApiErrors.InvalidArgument(ExportLanguage.Parameter, $"give it once: {ExportLanguage.Chinese} for Chinese headers, {ExportLanguage.English} for English ones, or leave it out for the column names."));
    }

    /// <summary>
    /// Exports are open data: whoever asks gets what the public sees, never a signed-in official's wider view (e.g.
    /// draft needs). Resolvers find the caller through the request's Actor (resolved from its user's grants), so the
    /// request itself is made anonymous, both; the endpoints need no identity.
    /// </summary>
    internal static void AsAnonymousReader(HttpContext http)
    {
        http.User = new ClaimsPrincipal(new ClaimsIdentity());
        http.Features.Set(Actor.Anonymous);
    }

    internal static void SetDownloadHeaders(HttpContext http, string fileName, string dataAsOf)
    {
        var disposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        var ascii = new string([.. fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        disposition.FileName = ascii;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers[DataAsOfHeader] = dataAsOf;
        http.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>e.g. openaid-notices-region-451021-year-2019.csv: the list and its filters, so saved files keep their meaning.</summary>
    internal static string FileName(string list, IReadOnlyDictionary<string, object?> variables, string extension)
    {
        var name = new StringBuilder("openaid-").Append(list);
        foreach (var (key, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var text = value is List<object?> many ? string.Join('+', many) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            text = new string([.. (text ?? "").Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c) && c is not ('"' or '\\' or '/' or ';'))]);
            if (text.Length > 0 && name.Length < 120)
            {
                name.Append('-').Append(key).Append('-').Append(text.Length > 30 ? text[..30] : text);
            }
        }

        return name.Append('.').Append(extension).ToString();
    }

    /// <summary>503 with Retry-After: every export slot is taken (ExportGate).</summary>
    internal static Task WriteBusyAsync(HttpContext http, OpenData openData, ExportGate gate)
    {
        http.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteErrorAsync(http, openData, StatusCodes.Status503ServiceUnavailable, new ExecutionError(
            $"The server is running as many exports as it takes at once. Try again in {gate.RetryAfterSeconds} s.") { Code = ExportGate.BusyCode });
    }

    internal static Task WriteErrorAsync(HttpContext http, OpenData openData, int status, ExecutionError error) =>
        WriteResultAsync(http, openData, status, new ExecutionResult(error));

    /// <summary>
    /// The errors as GraphQL gives them (message and extensions.code), without the locations and paths, which point
    /// into the document the export built rather than anything the client sent.
    /// </summary>
    private static async Task WriteResultAsync(HttpContext http, OpenData openData, int status, ExecutionResult result)
    {
        var errors = new ExecutionErrors();
        foreach (var error in result.Errors ?? [])
        {
            errors.Add(new ExecutionError(error.Message) { Code = error.Code });
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await openData.Serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = errors }, http.RequestAborted);
    }
}

/// <summary>
/// Short, stable links to cite a record: /n/{notice code}, /p/{project code}, /v/{village code}, /o/{organisation
/// code}, /y/{objection code}. Each redirects (302) to the record's page in the web app, whose hash routes are the same for ever.
/// </summary>
public static class CitableLinks
{
    public sealed record Route(string Prefix, string Page, string Record);

    public static IReadOnlyList<Route> Routes { get; } =
    [
        new("/n", "notices", "notice"),
        new("/p", "projects", "project"),
        new("/v", "villages", "village (or any region, by its statistical code)"),
        new("/o", "organizations", "organisation (public code or unified social credit code)"),
        new("/y", "objections", "objection or misuse report"),
    ];

    public static IEndpointRouteBuilder MapCitableLinks(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in Routes)
        {
            endpoints.MapGet($"{route.Prefix}/{{code}}", (string code) => Results.Redirect($"/#/{route.Page}/{Uri.EscapeDataString(code)}"));
        }

        return endpoints;
    }
}
