using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAid.Api.Auth;

/// <summary>
/// How the web app signs people in on this deployment, read by it at start from GET /config/sign-in, so that one
/// build of the web app serves every deployment. Only public values: an SPA's client ID, authority and scopes are
/// sent to every browser anyway, in the authorize request.
/// </summary>
public sealed record SignInConfiguration(
    SignInMode Mode,
    string? ClientId = null,
    string? Authority = null,
    IReadOnlyList<string>? Scopes = null,
    string? RedirectPath = null)
{
    public const string Path = "/config/sign-in";

    /// <summary>The scopes the web app requests: "AzureAd:SpaScopes", by default the API's own access_as_user scope.</summary>
    public const string ScopesSetting = "AzureAd:SpaScopes";

    /// <summary>
    /// Where Entra ID sends the browser back, to be registered as the SPA's redirect URI: the web app's redirect bridge
    /// page, which hands the answer to the page that asked (a tab signing in, or the hidden frame of a silent renewal).
    /// </summary>
    public const string BridgePath = "/signin-redirect.html";

    private const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>No sign-in on this deployment: public reading only.</summary>
    public static readonly SignInConfiguration ReadOnly = new(SignInMode.None);

    /// <param name="localSigner">Whether AuthSetup started the local development signer.</param>
    public static SignInConfiguration From(IConfiguration configuration, bool localSigner)
    {
        var azureAd = configuration.GetSection("AzureAd");
        if (azureAd["ClientId"] is { } clientId)
        {
            var instance = (azureAd["Instance"] ?? DefaultInstance).TrimEnd('/');
            var tenant = azureAd["TenantId"] ?? "organizations";
            var scopes = configuration.GetSection(ScopesSetting).Get<string[]>() is { Length: > 0 } listed ? listed : [$"api://{clientId}/access_as_user"];
            return new SignInConfiguration(SignInMode.Entra, clientId, $"{instance}/{tenant}", scopes, BridgePath);
        }

        return localSigner ? new SignInConfiguration(SignInMode.Development) : ReadOnly;
    }

    /// <summary>The authority's origin (scheme, host, port), which the page's Content-Security-Policy must let MSAL reach.</summary>
    [JsonIgnore]
    public string? AuthorityOrigin => Authority is null ? null : new Uri(Authority).GetLeftPart(UriPartial.Authority);
}

public static class SignInConfigurationEndpoint
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<SignInMode>(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>GET /config/sign-in: the deployment's <see cref="SignInConfiguration"/> as JSON.</summary>
    public static WebApplication MapSignInConfiguration(this WebApplication app)
    {
        var body = app.Services.GetRequiredService<SignInConfiguration>();
        app.MapGet(SignInConfiguration.Path, (HttpContext http) =>
        {
            // Briefly cacheable: a deployment changes its sign-in rarely, and the web app reads this on every start.
            http.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Json(body, JsonOptions);
        });
        return app;
    }
}

public enum SignInMode
{
    None,
    Development,
    Entra,
}
