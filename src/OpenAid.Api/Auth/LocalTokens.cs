using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenAid.Api.Auth;

/// <summary>
/// Development and test sign-in: tokens signed with a local key kept beside the database, so the API and
/// the `token` command agree without configuration. Never used in Production.
/// </summary>
public sealed class LocalTokens
{
    public const string Issuer = "openaid-local";
    public const string Audience = "openaid";

    private LocalTokens(SymmetricSecurityKey key) => Key = key;

    public SymmetricSecurityKey Key { get; }

    /// <summary>Loads the key from <paramref name="keyFile"/>, creating a random one on first use.</summary>
    public static LocalTokens ForKeyFile(string keyFile)
    {
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
            File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return new LocalTokens(new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(keyFile).Trim())));
    }

    public string Mint(string subject, IEnumerable<string> roles, string? region, string? organizationCode, string? name, TimeSpan lifetime)
    {
        var claims = new Dictionary<string, object>
        {
            [OpenAidClaims.Subject] = subject,
            [OpenAidClaims.Roles] = roles.ToArray(),
        };
        if (region is not null)
        {
            claims[OpenAidClaims.Region] = region;
        }

        if (organizationCode is not null)
        {
            claims[OpenAidClaims.Organization] = organizationCode;
        }

        if (name is not null)
        {
            claims[OpenAidClaims.Name] = name;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        NameClaimType = OpenAidClaims.Name,
        RoleClaimType = OpenAidClaims.Roles,
    };
}
