namespace OpenAid.Domain.Organizations;

public class Organization
{
    public int Id { get; set; }

    /// <summary>Stable public code, e.g. "ORG-000123".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>Unified social credit code; required for enterprises and social organisations.</summary>
    public string? CreditCode { get; set; }

    /// <summary>Where the organisation is registered.</summary>
    public long RegionCode { get; set; }

    public string? Description { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>Enterprises and social organisations must carry a valid credit code; others may.</summary>
    public static bool RequiresCreditCode(OrganizationKind kind) =>
        kind is OrganizationKind.StateOwnedEnterprise or OrganizationKind.PrivateEnterprise or OrganizationKind.SocialOrganization;
}
