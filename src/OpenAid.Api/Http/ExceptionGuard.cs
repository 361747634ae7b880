using System.Text.Json;

namespace OpenAid.Api.Http;

/// <summary>
/// The outermost middleware: an exception no handler caught becomes a GraphQL-shaped 500 with
/// <see cref="HttpErrorCodes.InternalError"/> and a plain message, in every environment (Development's exception page
/// would show a stack trace to whoever sent the request). Input must never get here: parsers answer it with a 4xx; this
/// is for faults of our own, which are logged. A request Kestrel found malformed while the body was read is its 400.
/// </summary>
public sealed class ExceptionGuard(RequestDelegate next, ILogger<ExceptionGuard> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            if (status >= 500)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}.", http.Request.Method, http.Request.Path);
            }

            http.Response.Clear();
            http.Response.StatusCode = status;
            http.Response.ContentType = (GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) ?? GraphQLResponseMediaType.Json).ContentType();
            var (code, message) = status >= 500
                ? (HttpErrorCodes.InternalError, "Something went wrong on our side; it has been logged. Try again later.")
                : (HttpErrorCodes.BadRequest, "The HTTP request is malformed.");
            await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions = new { code, @params = Array.Empty<object>() } } } }, cancellationToken: http.RequestAborted);
        }
    }
}
