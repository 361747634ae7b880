using System.Globalization;
using System.Security.Claims;
using OpenAid.Api.GraphQL;
using OpenAid.Data.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Auth;

/// <summary>
/// The caller of a request, read from its validated token: roles, the region subtree it acts for and the
/// organisation it acts for. Anonymous callers have no roles.
/// </summary>
public sealed record Actor(string Subject, IReadOnlySet<string> Roles, RegionCode? Region, string? OrganizationCode, string? Name)
{
    public static readonly Actor Anonymous = new("anonymous", new HashSet<string>(), null, null, null);

    public bool IsAuthenticated => Subject != Anonymous.Subject;

    public bool Has(string role) => Roles.Contains(role);

    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var roles = user.Claims.Where(c => c.Type is OpenAidClaims.Roles or ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var region = RegionCode.TryParse(user.FindFirst(OpenAidClaims.Region)?.Value, out var code) ? code : (RegionCode?)null;
        // Entra ID callers by their pseudonym (EntraTenants); development tokens by their subject.
        var subject = user.FindFirst(OpenAidClaims.Actor)?.Value ?? user.FindFirst(OpenAidClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
        return new Actor(subject, roles, region, user.FindFirst(OpenAidClaims.Organization)?.Value, user.FindFirst(OpenAidClaims.Name)?.Value);
    }

    /// <summary>Fails with UNAUTHENTICATED or FORBIDDEN unless the caller holds <paramref name="role"/>.</summary>
    public void Require(string role)
    {
        if (!IsAuthenticated)
        {
            throw ApiErrors.Error(ApiErrors.UnauthenticatedCode, $"Sign in with the {role} role to do this.", ("role", role));
        }

        if (!Has(role))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"This needs the {role} role; you are signed in with {string.Join(", ", Roles.DefaultIfEmpty("no role"))}.", ("role", role), ("roles", string.Join(",", Roles)));
        }
    }

    /// <summary>Fails unless the caller holds <paramref name="role"/> for a region subtree that contains <paramref name="regionCode"/>.</summary>
    public void RequireInRegion(string role, long regionCode)
    {
        Require(role);
        if (Region is not { } region || !region.Contains(regionCode))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"Your {role} grant covers region {Region?.ShortForm ?? "(none)"}, which does not include region {regionCode:D12}.", ("role", role), ("grantRegion", Region?.ShortForm), ("region", regionCode.ToString("D12", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Fails unless the caller holds <paramref name="role"/> for the organisation <paramref name="organizationCode"/>.</summary>
    public void RequireForOrganization(string role, string organizationCode)
    {
        Require(role);
        if (!string.Equals(OrganizationCode, organizationCode, StringComparison.Ordinal))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"You act for organisation {OrganizationCode ?? "(none)"}, not {organizationCode}.", ("role", role), ("organization", OrganizationCode), ("required", organizationCode));
        }
    }

    public AuditActor ToAuditActor(string role) => new(Subject, role, OrganizationCode);
}
