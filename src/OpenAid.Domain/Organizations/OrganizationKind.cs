namespace OpenAid.Domain.Organizations;

public enum OrganizationKind
{
    /// <summary>A government unit: poverty office, finance bureau, township or village committee.</summary>
    Government = 1,
    StateOwnedEnterprise = 2,
    PrivateEnterprise = 3,
    /// <summary>An NGO, foundation or federation (社会组织).</summary>
    SocialOrganization = 4,
    IndividualDonor = 5,
}
