using System.Globalization;
using System.Security.Claims;
using OpenAid.Api.GraphQL;
using OpenAid.Data.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Auth;

/// <summary>One role the caller holds: for a region subtree (null: nationwide) and, when it acts for one, an organisation.</summary>
public sealed record ActorGrant(string Role, RegionCode? Region, string? OrganizationCode)
{
    public bool Covers(long regionCode) => Region is not { } region || region.Contains(regionCode);
}

/// <summary>
/// The caller of a request: who the validated token says it is, and what the application's grants let it do
/// (<see cref="ActorResolution"/>). A person may hold several grants of one role; a check passes if any covers the
/// region or organisation asked about. Anonymous callers hold none.
/// </summary>
public sealed record Actor(string Subject, IReadOnlyList<ActorGrant> Grants, string? Name)
{
    public static readonly Actor Anonymous = new("anonymous", [], null);

    public bool IsAuthenticated => Subject != Anonymous.Subject;

    public IReadOnlySet<string> Roles { get; } = Grants.Select(g => g.Role).ToHashSet(StringComparer.Ordinal);

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>The subject a validated token names: Entra ID callers by their pseudonym (EntraTenants), development tokens by "sub"; null when anonymous.</summary>
    public static string? SubjectOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true
            ? null
            : user.FindFirst(OpenAidClaims.Actor)?.Value ?? user.FindFirst(OpenAidClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";

    /// <summary>Whether a grant of <paramref name="role"/> covers <paramref name="regionCode"/>.</summary>
    public bool Covers(string role, long regionCode) => GrantsOf(role).Any(g => g.Covers(regionCode));

    public IEnumerable<ActorGrant> GrantsOf(string role) => Grants.Where(g => g.Role == role);

    /// <summary>The organisation the caller acts for in <paramref name="regionCode"/> as <paramref name="role"/>: that of a grant covering it, the narrowest first.</summary>
    public string? OrganizationFor(string role, long regionCode) =>
        GrantsOf(role).Where(g => g.Covers(regionCode) && g.OrganizationCode is not null)
            .OrderByDescending(g => g.Region?.Value ?? 0).Select(g => g.OrganizationCode).FirstOrDefault();

    /// <summary>Fails with UNAUTHENTICATED or FORBIDDEN unless the caller holds <paramref name="role"/>.</summary>
    public void Require(string role)
    {
        if (!IsAuthenticated)
        {
            throw ApiErrors.Error(ApiErrors.UnauthenticatedCode, $"Sign in with the {role} role to do this.", ("role", role));
        }

        if (!Has(role))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"This needs the {role} role; you hold {string.Join(", ", Roles.Order(StringComparer.Ordinal).DefaultIfEmpty("no role"))}.", ("role", role), ("roles", string.Join(",", Roles.Order(StringComparer.Ordinal))));
        }
    }

    /// <summary>Fails unless a grant of <paramref name="role"/> covers <paramref name="regionCode"/>.</summary>
    public void RequireInRegion(string role, long regionCode)
    {
        Require(role);
        if (!Covers(role, regionCode))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"Your {role} grant covers region {RegionsOf(role)}, which does not include region {regionCode:D12}.", ("role", role), ("grantRegion", RegionsOf(role)), ("region", regionCode.ToString("D12", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Fails unless a grant of <paramref name="role"/> is for the organisation <paramref name="organizationCode"/>.</summary>
    public void RequireForOrganization(string role, string organizationCode)
    {
        Require(role);
        if (!GrantsOf(role).Any(g => string.Equals(g.OrganizationCode, organizationCode, StringComparison.Ordinal)))
        {
            var own = string.Join(", ", GrantsOf(role).Select(g => g.OrganizationCode).OfType<string>().DefaultIfEmpty("(none)"));
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"You act for organisation {own}, not {organizationCode}.", ("role", role), ("organization", own), ("required", organizationCode));
        }
    }

    /// <summary>The regions of the caller's grants of <paramref name="role"/>, for messages.</summary>
    public string RegionsOf(string role) =>
        string.Join(", ", GrantsOf(role).Select(g => g.Region?.ShortForm ?? "(nationwide)").DefaultIfEmpty("(none)"));

    /// <summary>The writer as the trail names it: its organisation when its grants of the role name exactly one.</summary>
    public AuditActor ToAuditActor(string role)
    {
        var organizations = GrantsOf(role).Select(g => g.OrganizationCode).Distinct().ToList();
        return new(Subject, role, organizations.Count == 1 ? organizations[0] : null);
    }
}
