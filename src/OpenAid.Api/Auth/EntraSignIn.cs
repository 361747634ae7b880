using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace OpenAid.Api.Auth;

/// <summary>
/// The Entra ID tenants whose users may sign in: "AzureAd:AllowedTenants", or the one "AzureAd:TenantId" when it
/// is a tenant ID. A multi-tenant registration ("organizations", "common") without a list refuses to start.
/// </summary>
public sealed class EntraTenants
{
    private readonly HashSet<Guid> _allowed;
    private readonly string _instance;

    private EntraTenants(HashSet<Guid> allowed, string instance) => (_allowed, _instance) = (allowed, instance);

    public static EntraTenants From(IConfigurationSection azureAd)
    {
        var listed = azureAd.GetSection("AllowedTenants").Get<string[]>() ?? [];
        var tenants = listed.Length > 0 ? listed : azureAd["TenantId"] is { } single && Guid.TryParse(single, out _) ? [single] : [];
        if (tenants.Length == 0)
        {
            throw new InvalidOperationException("AzureAd:TenantId is not a tenant ID: list the tenants whose users may sign in under AzureAd:AllowedTenants.");
        }

        var allowed = new HashSet<Guid>();
        foreach (var tenant in tenants)
        {
            allowed.Add(Guid.TryParse(tenant, out var id) ? id : throw new InvalidOperationException($"AzureAd:AllowedTenants holds '{tenant}', which is not a tenant ID."));
        }

        return new EntraTenants(allowed, (azureAd["Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/'));
    }

    /// <summary>
    /// Accepts only the v2 issuers of the allowed tenants, and after Microsoft.Identity.Web's own checks requires
    /// an allowed "tid" and an "oid", then names the caller by the pseudonym of that pair. The "sub" claim is not an
    /// identity: it differs per client application, so one person signing in through two apps would be two people.
    /// </summary>
    public void Restrict(JwtBearerOptions options, ActorPseudonyms pseudonyms)
    {
        options.TokenValidationParameters.ValidIssuers = [.. _allowed.Select(t => $"{_instance}/{t:D}/v2.0")];
        options.Events ??= new JwtBearerEvents();
        var previous = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await previous(context);
            if (context.Result is not null || context.Principal?.Identity is not ClaimsIdentity identity)
            {
                return;
            }

            if (!Guid.TryParse(context.Principal.GetTenantId(), out var tenant) || !_allowed.Contains(tenant))
            {
                context.Fail("The token's tenant (tid) is not one this deployment accepts.");
                return;
            }

            if (!Guid.TryParse(context.Principal.GetObjectId(), out var objectId))
            {
                context.Fail("The token has no object ID (oid) of the signed-in user.");
                return;
            }

            foreach (var claim in identity.FindAll(OpenAidClaims.Actor).ToList())
            {
                identity.RemoveClaim(claim);
            }

            identity.AddClaim(new Claim(OpenAidClaims.Actor, pseudonyms.Of(tenant, objectId)));
        };
    }
}

/// <summary>
/// The public actor ID of an Entra ID user: HMAC-SHA256 of "tid:oid" under a per-deployment key
/// ("Auth:PseudonymKey", base64 of at least 32 bytes). Stable for a person across client apps and sign-ins, opaque
/// to anyone without the key, and different in every deployment, so audit trails cannot be joined with directory
/// data or with each other.
/// </summary>
public sealed class ActorPseudonyms
{
    public const string KeySetting = "Auth:PseudonymKey";

    private readonly byte[] _key;

    private ActorPseudonyms(byte[] key) => _key = key;

    public static ActorPseudonyms From(IConfiguration configuration)
    {
        var text = configuration[KeySetting];
        var key = new byte[text?.Length ?? 0];
        if (string.IsNullOrWhiteSpace(text) || !Convert.TryFromBase64String(text.Trim(), key, out var length) || length < 32)
        {
            throw new InvalidOperationException($"Entra ID sign-in needs {KeySetting}: base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`), kept secret and never changed.");
        }

        return new ActorPseudonyms(key[..length]);
    }

    public string Of(Guid tenant, Guid objectId) =>
        "p-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{tenant:D}:{objectId:D}")))[..32];
}
