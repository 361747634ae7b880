using System.Net;
using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.SignIn;

/// <summary>GET /config/sign-in, which the web app reads at start to choose its sign-in (one build for every deployment).</summary>
public static class SignInConfigurationProbe
{
    public static async Task<(JsonElement Body, HttpResponseMessage Response)> GetAsync(ApiServer server)
    {
        var response = await server.Client.GetAsync("config/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, response);
    }

    public static string[] Properties(JsonElement body) => [.. body.EnumerateObject().Select(p => p.Name)];

    public static string ContentSecurityPolicy(HttpResponseMessage response) => string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
}

[Collection(SharedApiServer.Name)]
public class DevelopmentSignInConfigurationTests(ApiServer server)
{
    [Fact]
    public async Task In_development_the_web_app_is_told_to_offer_the_development_sign_in_and_nothing_of_Entra_ID()
    {
        var (body, response) = await SignInConfigurationProbe.GetAsync(server);

        Assert.Equal(["mode"], SignInConfigurationProbe.Properties(body));
        Assert.Equal("development", body.GetProperty("mode").GetString());
        Assert.Contains("connect-src 'self';", SignInConfigurationProbe.ContentSecurityPolicy(response), StringComparison.Ordinal);
    }
}

public class ReadOnlySignInConfigurationTests(ProductionApiServer server) : IClassFixture<ProductionApiServer>
{
    [Fact]
    public async Task Without_a_sign_in_the_web_app_is_told_that_the_deployment_is_read_only()
    {
        var (body, _) = await SignInConfigurationProbe.GetAsync(server);

        Assert.Equal(["mode"], SignInConfigurationProbe.Properties(body));
        Assert.Equal("none", body.GetProperty("mode").GetString());
    }
}

/// <summary>With Entra ID: the registration's public values, the page may reach the authority, and its token reaches the API.</summary>
public class EntraSignInConfigurationTests(EntraWebServer server) : IClassFixture<EntraWebServer>
{
    private static readonly Guid Person = Guid.Parse("44444444-4444-4444-8444-444444444444");

    [Fact]
    public async Task The_web_app_gets_the_client_ID_authority_scopes_and_redirect_path_and_no_secret()
    {
        var (body, _) = await SignInConfigurationProbe.GetAsync(server);

        Assert.Equal(["mode", "clientId", "authority", "scopes", "redirectPath"], SignInConfigurationProbe.Properties(body));
        Assert.Equal("entra", body.GetProperty("mode").GetString());
        Assert.Equal(TestAuthority.ApiClientId.ToString("D"), body.GetProperty("clientId").GetString());
        Assert.Equal("https://login.microsoftonline.com/organizations", body.GetProperty("authority").GetString());
        Assert.Equal([EntraWebServer.SpaScope], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("/signin-redirect.html", body.GetProperty("redirectPath").GetString());
        var text = body.GetRawText();
        Assert.DoesNotContain(Convert.ToBase64String(EntraServer.PseudonymKey), text, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Authority.Root, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_may_reach_the_authority_and_only_the_redirect_bridge_may_be_framed_by_the_app()
    {
        var page = await server.Client.GetAsync("/");
        var policy = SignInConfigurationProbe.ContentSecurityPolicy(page);
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-src 'self' https://login.microsoftonline.com;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());

        var bridge = await server.Client.GetAsync(SignInConfiguration.BridgePath);
        Assert.Contains("frame-ancestors 'self'", SignInConfigurationProbe.ContentSecurityPolicy(bridge), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", bridge.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_token_from_the_authority_the_web_app_is_sent_to_for_an_allowed_tenant_is_accepted_by_the_API()
    {
        // The authority the web app signs in at is the one whose issuers the API accepts.
        var (body, _) = await SignInConfigurationProbe.GetAsync(server);
        Assert.Equal($"{server.Authority.IssuerRoot}organizations", body.GetProperty("authority").GetString());

        Assert.True(await SignInProbe.AcceptsAsync(server, server.Authority.Token(EntraServer.Tenant, Person, "openaid-web", [Roles.Reviewer], "45", name: "王芳")));
        Assert.False(await SignInProbe.AcceptsAsync(server, server.Authority.Token(EntraServer.OtherTenant, Person, "openaid-web", [Roles.Reviewer], "45", name: "王芳")));
    }
}
