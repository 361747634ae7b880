using OpenAid.Api.Auth;

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
    /// are bundled files (worker-src 'self'); its icon font is a data: URL. With Entra ID sign-in the web app's MSAL
    /// also talks to the authority: its metadata and token endpoints (connect-src) and, to renew a session silently,
    /// a hidden frame (frame-src).
    /// </summary>
    /// <param name="framedBySelf">For the sign-in redirect bridge, which a silent renewal loads in a frame of the app.</param>
    public static string ContentSecurityPolicy(string? authorityOrigin, bool framedBySelf = false)
    {
        var authority = authorityOrigin is null ? "" : " " + authorityOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            $"connect-src 'self'{authority}; frame-src 'self'{authority}; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
            $"frame-ancestors {(framedBySelf ? "'self'" : "'none'")}";
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var authorityOrigin = app.Services.GetRequiredService<SignInConfiguration>().AuthorityOrigin;
        var policy = ContentSecurityPolicy(authorityOrigin);
        var bridgePolicy = ContentSecurityPolicy(authorityOrigin, framedBySelf: true);
        app.Use((http, next) =>
        {
            // At the start of the response, so that they survive ExceptionGuard clearing a failed one.
            http.Response.OnStarting(() =>
            {
                var bridge = authorityOrigin is not null && http.Request.Path == SignInConfiguration.BridgePath;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = bridge ? bridgePolicy : policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // frame-ancestors for browsers that predate it.
                headers.XFrameOptions = bridge ? "SAMEORIGIN" : "DENY";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
