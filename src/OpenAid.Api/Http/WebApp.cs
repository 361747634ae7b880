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
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = context =>
                {
                    // Vite names files under assets/ by content hash, so they never change; anything else may.
                    context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                        ? "public, max-age=31536000, immutable"
                        : "no-cache";
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

    private static IResult ServePage(HttpContext http, string root, string file)
    {
        var path = Path.Combine(root, file);
        http.Response.Headers.CacheControl = "no-cache";
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8")
            : Results.Content(NotBuiltPage, "text/html; charset=utf-8");
    }
}
