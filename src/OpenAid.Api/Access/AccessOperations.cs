using System.ComponentModel;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Access;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Access;

[Description("A role given to a person, for a region and (for donors) an organisation.")]
public sealed record GrantRoleInput
{
    [Description("The person's subject: their pseudonym in production (tid+oid; the subject of `me`), a local user's subject in development.")]
    public required string Person { get; init; }

    [Description("The person's name, for Admins and the person only; never public.")]
    public string? PersonName { get; init; }

    [Description("The role.")]
    public required Role Role { get; init; }

    [Description("The region code the grant covers (its subtree); required for Publishers and Reviewers, nationwide when left out.")]
    public string? Region { get; init; }

    [Description("The code of the organisation the person acts for; required for Donors.")]
    public string? Organization { get; init; }

    [Description("Why (public, in the audit trail).")]
    public required string Reason { get; init; }
}

[Description("A grant to end; the record stays, with who ended it, when and why.")]
public sealed record RevokeRoleInput
{
    [Id]
    [Description("The grant's ID (Grant.id).")]
    public required string Grant { get; init; }

    [Description("Why (public, in the audit trail).")]
    public required string Reason { get; init; }
}

/// <summary>Admins give and end grants, within their own region (nationwide ones by a nationwide Admin).</summary>
public sealed class AccessOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<GrantRoleInput, GrantType>(
            "grantRole", Roles.Admin, "Gives a person a role for a region and, for donors, an organisation (Admin of that region). It takes effect on the person's next request.",
            "The grant.", "grant", "The grant made.")
            .Handle(GrantAsync);
        operations.Mutation<RevokeRoleInput, GrantType>(
            "revokeRole", Roles.Admin, "Ends a grant (Admin of its region); the last active Admin grant stays. It takes effect on the person's next request.",
            "The grant to end.", "grant", "The grant, now revoked.")
            .Handle(RevokeAsync);
    }

    private static async Task<Grant> GrantAsync(WriteContext write, GrantRoleInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = input.Region is null ? null : await Lookups.RegionAsync(db, input.Region, "region", ct);
        var organization = input.Organization is null ? null : await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), input.Organization, "organization", ct);
        RequireAdminOver(write, region?.Code);
        var (person, regionCode, organizationId) = (input.Person.Trim(), region?.Code, organization?.Id);
        var held = await db.Grants.AnyAsync(
            g => g.Subject == person && g.Role == input.Role && g.RegionCode == regionCode && g.OrganizationId == organizationId && g.RevokedAt == null, ct);
        var grant = Grant.Make(input.Person, input.PersonName, input.Role, region, organization, input.Reason, write.Actor.Subject, write.Now, held);
        db.Grants.Add(grant);
        return grant;
    }

    private static async Task<Grant> RevokeAsync(WriteContext write, RevokeRoleInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var id = GlobalId.TryDecode(input.Grant, out var type, out var key) && type == GrantType.TypeName && key is > 0 and <= int.MaxValue
            ? (int)key
            : throw new DomainException(Errors.InvalidId, $"'{input.Grant}' is not the ID of a Grant; use the 'id' of a grant.", "grant");
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new DomainException(Errors.NotFound, "No grant has this ID.", "grant");
        RequireAdminOver(write, grant.RegionCode);
        var lastAdmin = grant.Role == Role.Admin && !await db.Grants.AnyAsync(g => g.Role == Role.Admin && g.RevokedAt == null && g.Id != grant.Id, ct);
        grant.Revoke(write.Actor.Subject, input.Reason, write.Now, lastAdmin);
        return grant;
    }

    /// <summary>An Admin manages grants within its own region; a nationwide grant only a nationwide Admin.</summary>
    private static void RequireAdminOver(WriteContext write, long? regionCode)
    {
        if (regionCode is { } code)
        {
            write.RequireInScope(code);
        }
        else if (!write.Actor.GrantsOf(Roles.Admin).Any(g => g.Region is null))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"A nationwide grant is made and ended by a nationwide Admin; yours covers region {write.Actor.RegionsOf(Roles.Admin)}.");
        }
    }
}
