using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Data.Sqlite;
using Microsoft.Identity.Web;
using OpenAid.Data;

namespace OpenAid.Api.Auth;

public static class AuthSetup
{
    /// <summary>The explicit switch for the local development signer; honoured in Development only.</summary>
    public const string LocalSignerSetting = "Auth:LocalSigner";

    private static readonly string[] PortSettings = ["http_ports", "https_ports"];

    /// <summary>
    /// With an "AzureAd" section, sign-in is Entra ID (app roles in the "roles" claim; identity tid + oid; only
    /// the configured tenants). Without one, the local signer validates development tokens, but only in Development,
    /// only with Auth:LocalSigner=true and only on loopback addresses. Otherwise the API is read-only.
    /// </summary>
    public static void AddOpenAidAuth(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var azureAd = builder.Configuration.GetSection("AzureAd");
        var entra = azureAd.GetValue<string>("ClientId") is not null;
        var localSigner = builder.Configuration.GetValue<bool>(LocalSignerSetting);
        if (localSigner)
        {
            RequireDevelopmentOnLoopback(builder, entra);
        }

        if (entra)
        {
            var tenants = EntraTenants.From(azureAd);
            var pseudonyms = ActorPseudonyms.From(builder.Configuration);
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApi(azureAd);
            // Registered after Microsoft.Identity.Web's own configuration, so it runs after it and chains onto its events.
            builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => tenants.Restrict(options, pseudonyms));
        }
        else if (localSigner)
        {
            var keyFile = LocalKeyFile(builder.Configuration, database);
            builder.Services.AddSingleton(sp => LocalTokens.ForKeyFile(keyFile, sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<LocalTokens>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.ValidationParameters();
            });
        }
        else
        {
            // No sign-in: public read access only; every write answers UNAUTHENTICATED.
            builder.Services.AddAuthentication();
        }

        builder.Services.AddSingleton(SignInConfiguration.From(builder.Configuration, localSigner));
        builder.Services.AddAuthorization();
        builder.Services.AddScoped(sp => ActorResolution.Of(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));
        builder.Services.AddHttpContextAccessor();
    }

    /// <summary>"Auth:LocalKeyFile", or dev-signing-key beside the SQLite database.</summary>
    public static string LocalKeyFile(IConfiguration configuration, DatabaseOptions database)
    {
        if (configuration.GetValue<string>("Auth:LocalKeyFile") is { } configured)
        {
            return configured;
        }

        return Path.Combine(DataFolder(database), "dev-signing-key");
    }

    /// <summary>Where development keys are kept by default: the SQLite database's folder, or data/ beside the program.</summary>
    public static string DataFolder(DatabaseOptions database) =>
        database.Provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!
            : Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>
    /// A host with the local signer accepts whatever its key signs (any role, any region), and a Staging host once
    /// accepted a forged token: so the signer refuses to start anywhere but a Development host on loopback.
    /// </summary>
    private static void RequireDevelopmentOnLoopback(WebApplicationBuilder builder, bool entra)
    {
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{LocalSignerSetting}=true is refused in the '{builder.Environment.EnvironmentName}' environment: the local signer runs in Development only.");
        }

        if (entra)
        {
            throw new InvalidOperationException($"{LocalSignerSetting}=true and an AzureAd section are both configured: choose one way to sign in.");
        }

        if (NonLoopbackBindings(builder.Configuration).FirstOrDefault() is { } binding)
        {
            throw new InvalidOperationException(
                $"The local signer listens on loopback only; '{binding}' is reachable from other machines. Bind to 127.0.0.1, [::1] or localhost, or turn {LocalSignerSetting} off.");
        }
    }

    /// <summary>
    /// The configured addresses that are not loopback: "urls" (--urls, ASPNETCORE_URLS), Kestrel endpoints, and
    /// http(s)_ports, which always listen on every interface. Nothing configured means Kestrel's localhost:5000.
    /// </summary>
    public static IEnumerable<string> NonLoopbackBindings(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        var ports = PortSettings.Select(key => configuration[key]).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => $"*:{p}");
        return urls.Where(url => !IsLoopback(url)).Concat(ports!);
    }

    private static bool IsLoopback(string url)
    {
        // "http://+:80" and "http://*:80" are not URIs; they bind every interface.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
