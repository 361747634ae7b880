using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Organizations;

namespace OpenAid.Api.Organizations;

[Description("An organisation to register: its kind, credit code, name, public description and where it is – a region OpenAid holds, or a province-level unit outside them with a place name.")]
public record RegisterOrganizationInput
{
    [Description("Government unit, state-owned or private enterprise, social organisation, or individual donor.")]
    public required OrganizationKind Kind { get; init; }

    [Description("The registered name (public).")]
    public required string Name { get; init; }

    [Description("The 18-character unified social credit code (统一社会信用代码, GB 32100-2015), checked by its check character; required for enterprises and social organisations, unique.")]
    public string? CreditCode { get; init; }

    [Description("What the organisation does (public; no personal data).")]
    public string? Description { get; init; }

    [Description("Where it is registered, when that is within the provinces OpenAid holds: a region code of any level. Leave out for an organisation outside them.")]
    public string? Region { get; init; }

    [Description("For an organisation outside the provinces OpenAid holds: its province-level code of the national list (GB/T 2260), e.g. 11 北京 (central units), 31 上海, 81 香港, 82 澳门.")]
    public int? OutsideProvince { get; init; }

    [Description("With outsideProvince: the place name, e.g. \"北京市西城区\" (public).")]
    public string? Place { get; init; }
}

[Description("What is published about an organisation, replaced as a whole under the rules of registration; its code stays and the audit trail keeps what it said before.")]
public sealed record UpdateOrganizationInput : RegisterOrganizationInput
{
    [Description("The organisation's code, e.g. \"ORG-000123\".")]
    public required string Organization { get; init; }
}

/// <summary>Administrators register organisations and keep what is published about them up to date.</summary>
public sealed class OrganizationOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<RegisterOrganizationInput, OrganizationType>(
            "registerOrganization", Roles.Admin, "Registers an organisation (Admin): an enterprise, social organisation, government unit or donor, within the provinces OpenAid holds or outside them.",
            "The organisation.", "organization", "The organisation registered, with its new code.")
            .Handle(RegisterAsync);
        operations.Mutation<UpdateOrganizationInput, OrganizationType>(
            "updateOrganization", Roles.Admin, "Replaces what is published about an organisation (Admin); the audit trail keeps the earlier version.",
            "The organisation and what it now says.", "organization", "The organisation, updated.")
            .Handle(UpdateAsync);
    }

    private static async Task<Organization> RegisterAsync(WriteContext write, RegisterOrganizationInput input)
    {
        var location = await LocationAsync(write, input);
        var taken = await CreditCodeTakenAsync(write, input.CreditCode, except: null);
        var code = await write.NextSerialAsync(Organization.CodePrefix, 6, write.Db.Organizations.Select(o => o.Code));
        var organization = Organization.Register(code, input.Kind, input.Name, input.CreditCode, taken, input.Description, location);
        write.Db.Organizations.Add(organization);
        return organization;
    }

    private static async Task<Organization> UpdateAsync(WriteContext write, UpdateOrganizationInput input)
    {
        var organization = await Lookups.ByCodeAsync(write.Db.Organizations, input.Organization, "organization", write.Cancellation);
        var location = await LocationAsync(write, input);
        organization.Update(input.Kind, input.Name, input.CreditCode, await CreditCodeTakenAsync(write, input.CreditCode, organization.Id), input.Description, location);
        return organization;
    }

    private static async Task<OrganizationLocation> LocationAsync(WriteContext write, RegisterOrganizationInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = input.Region is null ? null : await Lookups.RegionAsync(db, input.Region, "region", ct);
        // A province whose places OpenAid imported is named by its regions, so that its organisations are found by region.
        var provinceCode = input.OutsideProvince is { } province && Provinces.Names.ContainsKey(province) ? Provinces.RegionCodeOf(province) : (long?)null;
        var held = provinceCode is not null && await db.Regions.AnyAsync(r => r.Code == provinceCode, ct);
        return OrganizationLocation.Of(region, input.OutsideProvince, input.Place, held);
    }

    private static async Task<bool> CreditCodeTakenAsync(WriteContext write, string? creditCode, int? except)
    {
        var code = creditCode?.Trim();
        return code is { Length: CreditCode.Length }
            && await write.Db.Organizations.AnyAsync(o => o.CreditCode == code && o.Id != except, write.Cancellation);
    }
}
