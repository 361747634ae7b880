using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Programs;
using OpenAid.Api.Regions;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Data.Search;

namespace OpenAid.Api.Organizations;

public sealed class OrganizationType : ObjectGraphType<Organization>
{
    public const string TypeName = "Organization";

    public OrganizationType()
    {
        Name = TypeName;
        Description = "A government unit, enterprise, social organisation or individual donor.";
        Field(o => o.Code).Description("Stable public code, e.g. \"ORG-000123\".").Exported();
        Field(o => o.Name).Description("The registered name.").Exported();
        Field(o => o.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<OrganizationKind>>)).Description("What kind of organisation this is.").Exported();
        Field(o => o.CreditCode, nullable: true).Description("The unified social credit code (统一社会信用代码), checked by its check character.").Exported();
        Field<RegionType>("region").Description("Where the organisation is registered, when that is within the provinces OpenAid holds; null for one outside them (see outsideProvince and place).").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgramType>>>>("programs")
            .Description("The programs the organisation is a member of (not those it left).").ExportedAs(new ExportColumn("code", "program_codes", "The codes of the programs the organisation has joined."))
            .Resolve(ctx => ctx.Loader().LoadMany<int, AidProgram>(
                "organization:programs",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().ProgramMemberships.Where(m => ids.Contains(m.OrganizationId) && m.LeftOn == null)
                        .Join(ctx.Db().Programs, m => m.ProgramId, p => p.Id, (m, p) => new { m.OrganizationId, Program = p })
                        .ToListAsync(ct))
                    .ToLookup(x => x.OrganizationId, x => x.Program)));
        Field(o => o.Description, nullable: true).Description("What the organisation does.").Exported();
        Field(o => o.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        Field(o => o.OutsideProvince, nullable: true)
            .Description("For an organisation outside the provinces OpenAid holds: its province-level code of the national list (GB/T 2260), e.g. 11 北京, 31 上海, 81 香港, 82 澳门.").Exported();
        Field(o => o.Place, nullable: true).Description("For an organisation outside the provinces OpenAid holds: the place name it gave.").Exported();
        this.NodeId(TypeName, o => o.Id).Exported();
        WorkTeams.WorkTeamOrganizationFields.AddTo(this);
    }
}

public sealed class OrganizationQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<OrganizationType>("organization")
            .Description("An organisation by its public code or its unified social credit code; null when none matches.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The public code (\"ORG-000123\") or the 18-character credit code.")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code").Trim();
                return await ctx.Db().Organizations.FirstOrDefaultAsync(o => o.Code == code || o.CreditCode == code, ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ConnectionType<OrganizationType, Organization>>>("organizations")
            .Description("Organisations, newest first.")
            .RegionArgument()
            .Argument<EnumerationGraphType<OrganizationKind>>("kind", "Only organisations of this kind.")
            .Argument<StringGraphType>("program", "Only current members of the program with this code, e.g. \"WQBWC\".")
            .SearchArgument("Part of the name, its code, or its unified social credit code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var organizations = db.Organizations.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    organizations = organizations.InSubtree(region, o => o.RegionCode);
                }

                if (ctx.GetArgument<OrganizationKind?>("kind") is { } kind)
                {
                    organizations = organizations.Where(o => o.Kind == kind);
                }

                if (ctx.GetArgument<string?>("program") is { } program)
                {
                    organizations = organizations.Where(o => db.ProgramMemberships.Any(m => m.OrganizationId == o.Id && m.LeftOn == null && db.Programs.Any(p => p.Id == m.ProgramId && p.Code == program)));
                }

                if (ctx.SearchText() is { } search)
                {
                    var code = search.ToUpperInvariant();
                    organizations = organizations.Where(db.TextContains<Organization, int>(search, o => o.Id, o => o.Name.Contains(search)).Or(o => o.Code == code || o.CreditCode == code));
                }

                return await ctx.PageAsync(organizations, o => o.Id);
            });
    }
}

public sealed class OrganizationNodes() : IdNodeSource<Organization>(OrganizationType.TypeName, db => db.Organizations, o => o.Id);
