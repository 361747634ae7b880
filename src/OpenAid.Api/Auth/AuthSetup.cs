using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Data.Sqlite;
using Microsoft.Identity.Web;
using OpenAid.Data;

namespace OpenAid.Api.Auth;

public static class AuthSetup
{
    /// <summary>
    /// Production signs in with Entra ID (the "AzureAd" section, app roles in the "roles" claim). Elsewhere,
    /// without an AzureAd section, the same JWT bearer pipeline validates tokens of the local signer.
    /// </summary>
    public static void AddOpenAidAuth(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var azureAd = builder.Configuration.GetSection("AzureAd");
        if (azureAd.GetValue<string>("ClientId") is not null)
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApi(azureAd);
        }
        else if (!builder.Environment.IsProduction())
        {
            var tokens = LocalTokens.ForKeyFile(LocalKeyFile(builder.Configuration, database));
            builder.Services.AddSingleton(tokens);
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.ValidationParameters();
            });
        }
        else
        {
            // Production without Entra ID: public read access only; every write answers UNAUTHENTICATED.
            builder.Services.AddAuthentication();
        }

        builder.Services.AddAuthorization();
        builder.Services.AddScoped(sp => Actor.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new()));
        builder.Services.AddHttpContextAccessor();
    }

    /// <summary>"Auth:LocalKeyFile", or dev-signing-key beside the SQLite database.</summary>
    public static string LocalKeyFile(IConfiguration configuration, DatabaseOptions database)
    {
        if (configuration.GetValue<string>("Auth:LocalKeyFile") is { } configured)
        {
            return configured;
        }

        var folder = database.Provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!
            : Path.Combine(AppContext.BaseDirectory, "data");
        return Path.Combine(folder, "dev-signing-key");
    }
}
