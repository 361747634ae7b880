using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Organizations;

/// <summary>
/// A government unit, enterprise, social organisation or individual donor. It is located either in a region OpenAid
/// holds (any level of the five provinces) or outside them: a province-level unit of the national list and a place
/// name (a central unit in Beijing, a Shanghai enterprise, a Hong Kong or Macao donor).
/// </summary>
public class Organization
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int PlaceMaxLength = 100;

    /// <summary>The register prefix of organisation codes ("ORG-000123"), numbered with six digits.</summary>
    public const string CodePrefix = "ORG-";

    private Organization()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable public code, e.g. "ORG-000123".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OrganizationKind Kind { get; private set; }

    /// <summary>Unified social credit code; required for enterprises and social organisations.</summary>
    public string? CreditCode { get; private set; }

    /// <summary>Where the organisation is registered, when that is within the regions OpenAid holds; else null.</summary>
    public long? RegionCode { get; private set; }

    /// <summary>The province-level unit (GB/T 2260, two digits) of an organisation outside the regions OpenAid holds.</summary>
    public int? OutsideProvince { get; private set; }

    /// <summary>The place name of an organisation outside the regions OpenAid holds, e.g. "北京市西城区".</summary>
    public string? Place { get; private set; }

    public string? Description { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Enterprises and social organisations must carry a valid credit code; others may.</summary>
    public static bool RequiresCreditCode(OrganizationKind kind) =>
        kind is OrganizationKind.StateOwnedEnterprise or OrganizationKind.PrivateEnterprise or OrganizationKind.SocialOrganization;

    /// <summary>
    /// A new organisation with the register number <paramref name="code"/>. <paramref name="creditCodeTaken"/> says
    /// whether another organisation already holds the credit code given; <paramref name="location"/> where it is.
    /// </summary>
    public static Organization Register(
        string code, OrganizationKind kind, string name, string? creditCode, bool creditCodeTaken, string? description, OrganizationLocation location)
    {
        var organization = new Organization { Code = code };
        organization.Set(kind, name, creditCode, creditCodeTaken, description, location);
        return organization;
    }

    /// <summary>
    /// Replaces what is published about the organisation, under the same rules as <see cref="Register"/>; its code stays.
    /// The audit trail keeps what it said before.
    /// </summary>
    public void Update(OrganizationKind kind, string name, string? creditCode, bool creditCodeTaken, string? description, OrganizationLocation location) =>
        Set(kind, name, creditCode, creditCodeTaken, description, location);

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    private void Set(OrganizationKind kind, string name, string? creditCode, bool creditCodeTaken, string? description, OrganizationLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var named = Fields.PublicText(name, "name", NameMaxLength);
        string? credit = null;
        if (!string.IsNullOrWhiteSpace(creditCode))
        {
            credit = Organizations.CreditCode.Parse(creditCode, "creditCode");
            if (creditCodeTaken)
            {
                throw new DomainException(Errors.DuplicateCreditCode, $"Another organisation is registered with the credit code {credit}; one code is one organisation.", "creditCode");
            }
        }
        else if (RequiresCreditCode(kind))
        {
            throw new DomainException(Errors.Required, $"A {kind} is registered with its unified social credit code (统一社会信用代码); 'creditCode' must not be empty.", "creditCode");
        }

        // Every value is checked before any is set: a refused update leaves the organisation as it was.
        var described = Fields.OptionalPublicText(description, "description", DescriptionMaxLength);
        (Kind, Name, CreditCode, Description) = (kind, named, credit, described);
        (RegionCode, OutsideProvince, Place) = (location.Region?.Code, location.OutsideProvince, location.Place);
    }
}

/// <summary>
/// Where an organisation is: a region OpenAid holds, or a province-level unit outside them with a place name. Made
/// only through <see cref="Of"/>, which checks that exactly one of the two is given.
/// </summary>
public sealed record OrganizationLocation
{
    private OrganizationLocation(Region? region, int? outsideProvince, string? place) =>
        (Region, OutsideProvince, Place) = (region, outsideProvince, place);

    public Region? Region { get; }

    public int? OutsideProvince { get; }

    public string? Place { get; }

    public static OrganizationLocation In(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new(region, null, null);
    }

    /// <summary>
    /// The location given: a region, or a province-level code with a place name. <paramref name="provinceHeld"/> is
    /// whether OpenAid holds the places of <paramref name="outsideProvince"/>, whose organisations name their region instead.
    /// </summary>
    public static OrganizationLocation Of(Region? region, int? outsideProvince, string? place, bool provinceHeld)
    {
        switch (region, outsideProvince)
        {
            case ({ } held, null) when string.IsNullOrWhiteSpace(place):
                return In(held);
            case (null, { } province):
                if (!Provinces.Names.ContainsKey(province))
                {
                    throw new DomainException(Errors.InvalidProvinceCode, $"'outsideProvince' must be a province-level code of the national list (GB/T 2260), e.g. 11 for 北京市; it was {province}.", "outsideProvince");
                }

                if (provinceHeld)
                {
                    throw new DomainException(Errors.ProvinceHeld, $"OpenAid holds the places of {Provinces.Names[province]}: name the organisation's 'region' instead.", "outsideProvince");
                }

                return new(null, province, Fields.PublicText(place, "place", Organization.PlaceMaxLength));
            default:
                throw new DomainException(Errors.OneLocationRequired, "Give either 'region' (a region of the provinces OpenAid holds) or 'outsideProvince' with 'place', not both and not neither.", "region");
        }
    }
}
