using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Data;

namespace OpenAid.Api.Access;

/// <summary>
/// Development sign-in for the web app's "sign in as" picker: GET /dev/users lists the local users, POST /dev/sign-in
/// mints a token for one. Both answer 404 unless the local signer runs (Development with Auth:LocalSigner, on loopback).
/// </summary>
public static class DevSignIn
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public sealed record Request(string? Subject);

    public sealed record Response(string Token, DateTimeOffset Expires);

    public static WebApplication MapDevSignIn(this WebApplication app)
    {
        app.MapGet("/dev/users", async (HttpContext http, OpenAidDbContext db) =>
        {
            if (http.RequestServices.GetService<LocalTokens>() is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(await LocalUsers.ListAsync(db, http.RequestAborted));
        });
        app.MapPost("/dev/sign-in", async (HttpContext http, OpenAidDbContext db, TimeProvider clock) =>
        {
            if (http.RequestServices.GetService<LocalTokens>() is not { } tokens)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            Request? request;
            try
            {
                // JSON only: a cross-site form cannot send it without the browser asking first.
                request = await http.Request.ReadFromJsonAsync<Request>(http.RequestAborted);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return Results.BadRequest(new { error = "Send {\"subject\": \"…\"} as application/json." });
            }

            if (string.IsNullOrWhiteSpace(request?.Subject))
            {
                return Results.BadRequest(new { error = "Name the person to sign in as in 'subject'." });
            }

            var person = (await LocalUsers.ListAsync(db, http.RequestAborted, request.Subject)).SingleOrDefault();
            if (person is null)
            {
                return Results.NotFound(new { error = $"No local user '{request.Subject}' holds an active grant." });
            }

            return Results.Json(new Response(tokens.Mint(person.Subject, person.Name, Lifetime), clock.GetUtcNow().Add(Lifetime)));
        });
        return app;
    }
}
