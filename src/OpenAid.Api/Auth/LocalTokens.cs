using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenAid.Data;

namespace OpenAid.Api.Auth;

/// <summary>
/// Development sign-in: tokens signed with a local key kept beside the database, so the API and the `token` command
/// agree without configuration. Started only in Development with Auth:LocalSigner=true (see AuthSetup). Tokens are
/// HS256, dated by the host's clock, valid for at most <see cref="MaxLifetime"/>, and checked with
/// <see cref="ClockSkew"/> of tolerance.
/// </summary>
public sealed class LocalTokens
{
    public const string Issuer = "openaid-local";
    public const string Audience = "openaid";

    /// <summary>The longest a token may live, both when minted and when checked (exp − nbf).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _clock;

    private LocalTokens(SymmetricSecurityKey key, TimeProvider clock) => (Key, _clock) = (key, clock);

    public SymmetricSecurityKey Key { get; }

    /// <summary>
    /// Loads the key from <paramref name="keyFile"/>, creating a random one on first use. The file is readable by its
    /// owner only (0600): anyone who can read it can sign in as anyone.
    /// </summary>
    public static LocalTokens ForKeyFile(string keyFile, TimeProvider clock)
    {
        if (!File.Exists(keyFile))
        {
            OwnerOnlyFile.CreateNew(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        else
        {
            OwnerOnlyFile.Tighten(keyFile);
        }

        return new LocalTokens(new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(keyFile).Trim())), clock);
    }

    /// <summary>A token that says who the person is; what they may do is in their grants, not in the token.</summary>
    public string Mint(string subject, string? name, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A development token lives at most {MaxLifetime.TotalHours:0} hours.");
        }

        var claims = new Dictionary<string, object> { [OpenAidClaims.Subject] = subject };
        if (name is not null)
        {
            claims[OpenAidClaims.Name] = name;
        }

        // Dated explicitly: the handler would otherwise take DateTime.UtcNow, not the host's clock.
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        NameClaimType = OpenAidClaims.Name,
        RoleClaimType = OpenAidClaims.Roles,
    };

    /// <summary>On the host's clock: started (nbf), not expired (exp), and never longer-lived than <see cref="MaxLifetime"/>.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return notBefore is { } from && expires is { } until
            && from - ClockSkew <= now && now <= until + ClockSkew
            && until - from <= MaxLifetime;
    }
}
