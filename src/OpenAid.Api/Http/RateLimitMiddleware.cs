using System.Globalization;
using System.Text.Json;
using OpenAid.Api.GraphQL;
using OpenAid.Api.RateLimiting;
using OpenAid.Api.Telemetry;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Http;

/// <summary>
/// Applies RateLimiting/ClientRateLimiter: every counted response carries RateLimit-Limit, RateLimit-Remaining and
/// RateLimit-Reset (seconds until the window ends; IETF draft "RateLimit header fields for HTTP") and
/// RateLimit-Policy; over the limit the answer is 429 with Retry-After and a GraphQL-shaped error whose
/// extensions.code is RATE_LIMITED.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, ClientRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!limiter.Applies(http.Request.Path))
        {
            await next(http);
            return;
        }

        var decision = await limiter.CountAsync(http.User, http.Connection.RemoteIpAddress);
        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = $"{decision.Limit};w={decision.WindowSeconds}";
        if (decision.Allowed)
        {
            await next(http);
            return;
        }

        OpenAidMetrics.RateLimitRefused(decision.Authenticated);
        headers.RetryAfter = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = (GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) ?? GraphQLResponseMediaType.Json).ContentType();
        var who = decision.Authenticated ? "this sign-in" : "your address";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[]
            {
                new
                {
                    message = $"Too many requests: {who} may make {decision.Limit} requests every {decision.WindowSeconds} seconds. Try again in {decision.ResetSeconds} s" +
                        (decision.Authenticated ? "." : ", or sign in for a higher limit. Bulk data is in the open data exports (/export)."),
                    extensions = new
                    {
                        code = HttpErrorCodes.RateLimited,
                        limit = decision.Limit,
                        windowSeconds = decision.WindowSeconds,
                        retryAfterSeconds = decision.ResetSeconds,
                        @params = ParameterizedErrorInfoProvider.Wire(
                        [
                            new("limit", ErrorParameter.Format(decision.Limit)),
                            new("windowSeconds", ErrorParameter.Format(decision.WindowSeconds)),
                            new("retryAfterSeconds", ErrorParameter.Format(decision.ResetSeconds)),
                            new("signedIn", decision.Authenticated ? "true" : "false"),
                        ]),
                    },
                },
            },
        }, cancellationToken: http.RequestAborted);
    }
}

public static class RateLimitMiddlewareSetup
{
    public static WebApplication UseOpenAidRateLimits(this WebApplication app)
    {
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
