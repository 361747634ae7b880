using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OpenAid.Api.Http;

/// <summary>Serves the SPA that web/ builds into webapp/ beside the API (outside wwwroot, so the SDK does not track it): its files, GraphiQL at /graphiql, and index.html for client-side routes.</summary>
public static class WebApp
{
    /// <summary>Paths that belong to the API; an unknown one there is a 404, never the SPA's index page.</summary>
    private static readonly string[] ApiPrefixes = ["/graphql", "/api", "/health", "/export", "/.well-known", "/config"];

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>OpenAid</title></head>
        <body>
        <h1>OpenAid API is running</h1>
        <p>The web app has not been built. Build it with <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>,
        and restart the API.</p>
        <p>The GraphQL endpoint is at <a href="/graphql?query=%7B__typename%7D">/graphql</a>.</p>
        </body>
        </html>
        """;

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, "webapp");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.Use((http, next) =>
            {
                ChooseEncoding(http, files);
                return next(http);
            });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = new EncodedFileContentTypes(),
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.Headers;
                    var isAsset = context.Context.Request.Path.StartsWithSegments("/assets");
                    // Vite names files under assets/ by content hash, so they never change; anything else may.
                    headers.CacheControl = isAsset ? "public, max-age=31536000, immutable" : "no-cache";
                    if (isAsset)
                    {
                        headers.Vary = HeaderNames.AcceptEncoding;
                    }

                    if (Encodings.FirstOrDefault(e => context.File.Name.EndsWith(e.Suffix, StringComparison.Ordinal)) is { Name: { } encoding })
                    {
                        headers.ContentEncoding = encoding;
                    }
                },
            });
        }

        // Looked up per request, so that a rebuild while the server runs is picked up.
        app.MapGet("/graphiql", (HttpContext http) => ServePage(http, root, "graphiql.html"));
        app.MapFallback((HttpContext http) =>
        {
            var path = http.Request.Path;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                || ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                return Results.NotFound();
            }

            return ServePage(http, root, "index.html");
        });
        return app;
    }

    /// <summary>The copies the web app's build writes beside each asset, best first.</summary>
    private static readonly (string Name, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>
    /// Points a request for an asset at its precompressed copy when the browser accepts that encoding (q above 0) and
    /// the build wrote one; the static file middleware then serves that copy.
    /// </summary>
    private static void ChooseEncoding(HttpContext http, PhysicalFileProvider files)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/assets") || !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            || !StringWithQualityHeaderValue.TryParseList(http.Request.Headers.AcceptEncoding, out var accepted))
        {
            return;
        }

        foreach (var (name, suffix) in Encodings)
        {
            // Named explicitly or by "*"; q=0 refuses it.
            var entry = accepted.FirstOrDefault(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value.Equals("*", StringComparison.Ordinal));
            if (entry is not null && (entry.Quality ?? 1) > 0 && files.GetFileInfo(path.Value + suffix).Exists)
            {
                http.Request.Path = path + suffix;
                return;
            }
        }
    }

    /// <summary>Content types by file name, a precompressed copy typed as the file it encodes (app.js.br: text/javascript).</summary>
    private sealed class EncodedFileContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _byExtension = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            var encoded = Encodings.FirstOrDefault(e => subpath.EndsWith(e.Suffix, StringComparison.Ordinal)).Suffix;
            return _byExtension.TryGetContentType(encoded is null ? subpath : subpath[..^encoded.Length], out contentType!);
        }
    }

    private static IResult ServePage(HttpContext http, string root, string file)
    {
        var path = Path.Combine(root, file);
        http.Response.Headers.CacheControl = "no-cache";
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8")
            : Results.Content(NotBuiltPage, "text/html; charset=utf-8");
    }
}
