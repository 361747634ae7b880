using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Organizations;
using OpenAid.Api.Regions;
using OpenAid.Domain.Access;

namespace OpenAid.Api.Access;

/// <summary>A grant, for Admins and for the person who holds it; not a Node, since node(id:) is public.</summary>
public sealed class GrantType : ObjectGraphType<Grant>
{
    public const string TypeName = "Grant";

    public GrantType()
    {
        Name = TypeName;
        Description = "A role a person holds, for a region subtree (nationwide when null) and, for donors, an organisation. Revoked grants are kept.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global, opaque and stable ID of this grant; pass it to revokeRole.")
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field("person", g => g.Subject).Description("The person's subject (pseudonym in production, local user in development).");
        Field(g => g.PersonName, nullable: true).Description("The person's name as the granting Admin gave it.");
        Field(g => g.Role, type: typeof(NonNullGraphType<EnumerationGraphType<Role>>)).Description("The role.");
        Field<RegionType>("region").Description("The region subtree the grant covers; null: nationwide.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<OrganizationType>("organization").Description("The organisation the person acts for with this grant.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field(g => g.Reason).Description("Why it was given.");
        Field(g => g.GrantedAt).Description("When it was given.");
        Field(g => g.GrantedBy).Description("Who gave it (subject).");
        Field(g => g.RevokedAt, nullable: true).Description("When it was revoked; null while active.");
        Field(g => g.RevokedBy, nullable: true).Description("Who revoked it (subject).");
        Field(g => g.RevokeReason, nullable: true).Description("Why it was revoked.");
    }
}

/// <summary>The signed-in caller: who the token says, and what the application's grants let them do.</summary>
public sealed record SignedInCaller(string Subject, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<Grant> Grants);

public sealed class MeType : ObjectGraphType<SignedInCaller>
{
    public MeType()
    {
        Name = "Me";
        Description = "The signed-in caller and the grants they act under.";
        Field(m => m.Subject).Description("The caller's subject: their pseudonym in production, the local user in development. Admins grant roles to it.");
        Field(m => m.Name, nullable: true).Description("The caller's name, from the sign-in or their grants.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<Role>>>>>("roles")
            .Description("The roles the caller acts in now, including the Admin app role of Entra ID, which has no grant record.")
            .Resolve(ctx => ctx.Source.Roles.Select(Enum.Parse<Role>).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantType>>>>("grants").Description("The caller's active grants, oldest first.")
            .Resolve(ctx => ctx.Source.Grants);
    }
}

public sealed class AccessQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<MeType>("me")
            .Description("The signed-in caller and their grants; null when anonymous.")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                if (!actor.IsAuthenticated)
                {
                    return null;
                }

                var grants = await ctx.Db().Grants.AsNoTracking().Where(g => g.Subject == actor.Subject && g.RevokedAt == null).OrderBy(g => g.Id).ToListAsync(ctx.CancellationToken);
                return new SignedInCaller(actor.Subject, actor.Name, [.. actor.Roles.Order(StringComparer.Ordinal)], grants);
            });
        query.Field<NonNullGraphType<ConnectionType<GrantType, Grant>>>("grants")
            .Description("Grants within the calling Admin's region (nationwide ones for nationwide Admins), newest first (Admin).")
            .Argument<StringGraphType>("person", "Only the grants of this subject.")
            .Argument<EnumerationGraphType<Role>>("role", "Only grants of this role.")
            .RegionArgument()
            .Argument<BooleanGraphType>("active", "Only active (true) or only revoked (false) grants; both when left out.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                actor.Require(Roles.Admin);
                var grants = ctx.Db().Grants.AsNoTracking().Where(RegionScopes.Within<Grant>(g => g.RegionCode ?? -1, actor.GrantsOf(Roles.Admin)));
                if (ctx.GetArgument<string?>("person") is { } person)
                {
                    grants = grants.Where(g => g.Subject == person);
                }

                if (ctx.GetArgument<Role?>("role") is { } role)
                {
                    grants = grants.Where(g => g.Role == role);
                }

                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    grants = grants.InSubtree(region, g => g.RegionCode);
                }

                if (ctx.GetArgument<bool?>("active") is { } active)
                {
                    grants = grants.Where(g => (g.RevokedAt == null) == active);
                }

                return await ctx.PageAsync(grants, g => g.Id);
            });
    }
}
