namespace OpenAid.Api.Http;

/// <summary>
/// Headers on every response, the web app's and the API's: a Content-Security-Policy that runs scripts from this
/// origin only (the web app and GraphiQL are bundled by Vite into webapp/, with no inline or remote script) and lets
/// no other site frame the pages, no MIME sniffing, and no Referer to other sites. HSTS is added in Production by
/// OpenAidHost (for HTTPS requests, also when a known proxy forwarded them as HTTPS).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// style-src allows inline styles: GraphiQL's editor (Monaco) and the charts set them at run time. Monaco's workers
    /// are bundled files (worker-src 'self'); its icon font is a data: URL.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            // At the start of the response, so that they survive ExceptionGuard clearing a failed one.
            http.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // frame-ancestors for browsers that predate it.
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            }, http.Response);
            return next(http);
        });
        return app;
    }
}
