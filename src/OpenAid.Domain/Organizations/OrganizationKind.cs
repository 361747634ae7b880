using System.ComponentModel;

namespace OpenAid.Domain.Organizations;

[Description("Government unit, state-owned or private enterprise, social organisation, or individual donor.")]
public enum OrganizationKind
{
    [Description("A government unit: poverty office, finance bureau, township or village committee.")]
    Government = 1,
    [Description("A state-owned enterprise (国有企业).")]
    StateOwnedEnterprise = 2,
    [Description("A private enterprise (民营企业).")]
    PrivateEnterprise = 3,
    [Description("An NGO, foundation or federation (社会组织).")]
    SocialOrganization = 4,
    [Description("An individual donor (个人捐赠者).")]
    IndividualDonor = 5,
}
