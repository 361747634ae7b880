using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Regions;
using OpenAid.Domain.Entitlements;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Entitlements;

public sealed class EntitlementType : ObjectGraphType<Entitlement>
{
    public const string TypeName = "Entitlement";

    public EntitlementType()
    {
        Name = TypeName;
        Description = "A policy's standard (待遇标准) in a region for a year: the amount per student, dwelling or person, the document that sets it, and how many received it (a count, never names).";
        Field(e => e.Code).Description("Stable public code, e.g. \"DY-451021-2026-0001\".").Exported();
        Field<NonNullGraphType<RegionType>>("region").Description("The region whose standard it is; it applies to every place below it.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(e => e.Year).Description("The year the standard applies to.").Exported();
        Field(e => e.Program, type: typeof(NonNullGraphType<EnumerationGraphType<EntitlementProgram>>)).Description("The policy.").Exported();
        Field<StringGraphType>("grade").Description("The grade or class the standard is for (e.g. \"D级危房\"); null when the program has one standard.").Exported()
            .Resolve(ctx => ctx.Source.Grade.Length == 0 ? null : ctx.Source.Grade);
        this.MoneyField("standard", "The standard amount, per unit.", e => e.StandardFen).Exported("yuan", "fen");
        Field(e => e.Unit, type: typeof(NonNullGraphType<EnumerationGraphType<EntitlementUnit>>)).Description("What the standard is counted per.")
            .ExportedAs(new ExportColumn("", "standard_unit"));
        Field(e => e.DocumentTitle).Description("The issuing document's title, to cite it.").Exported();
        Field(e => e.DocumentNumber, nullable: true).Description("The issuing document's number (文号), when it has one.").Exported();
        Field(e => e.Recipients).Description("How many received it in the year (a count).").Exported();
        Field<NoticeType>("notice").Description("The POLICY notice that made the policy public, if one is named.").Exported("code")
            .Resolve(ctx => ctx.Source.NoticeId is { } id ? ctx.LoadNode(NoticeType.TypeName, id) : null);
        Field(e => e.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, e => e.Id).Exported();
    }
}

/// <summary>Entitlements on the region type, and the root fields.</summary>
public static class EntitlementFields
{
    /// <summary>A few programs and grades a year, for a few levels: far fewer than this.</summary>
    private const int EntitlementsBound = 500;

    public static void AddTo(ObjectGraphType<Region> region) =>
        region.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntitlementType>>>>("entitlements")
            .Description("The standards that apply to the place: its own and those of the regions above it, newest year first, then from the province down. One year when given.")
            .Argument<IntGraphType>("year", "Only this year.")
            .ListSize(EntitlementsBound)
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<int?>("year");
                return new ThenResult<Entitlement[], Entitlement[]>(
                    ctx.Loader().LoadMany<long, Entitlement>("region:entitlements", ctx.Source.Code, async (codes, ct) => await ApplyingAsync(ctx.Db(), codes, ct)),
                    all => year is { } y ? [.. all.Where(e => e.Year == y)] : all);
            });

    /// <summary>For each place, the entitlements of it and of the places above it: one query for the batch.</summary>
    private static async Task<ILookup<long, Entitlement>> ApplyingAsync(OpenAid.Data.OpenAidDbContext db, IReadOnlyCollection<long> codes, CancellationToken ct)
    {
        var chains = codes.ToDictionary(c => c, c => Chain(RegionCode.Of(c)).ToHashSet());
        var wanted = chains.Values.SelectMany(c => c).Distinct().ToArray();
        var found = await db.Entitlements.Where(e => wanted.Contains(e.RegionCode)).ToListAsync(ct);
        return codes
            .SelectMany(c => found.Where(e => chains[c].Contains(e.RegionCode)).Select(e => (Place: c, Entitlement: e)))
            .OrderByDescending(x => x.Entitlement.Year).ThenBy(x => RegionCode.Of(x.Entitlement.RegionCode).Level)
            .ThenBy(x => x.Entitlement.Program).ThenBy(x => x.Entitlement.Id)
            .ToLookup(x => x.Place, x => x.Entitlement);
    }

    /// <summary>The place and the places above it, from the province down.</summary>
    private static IEnumerable<long> Chain(RegionCode place)
    {
        for (var level = RegionLevel.Province; level <= place.Level; level++)
        {
            var span = new RegionCode(0, level).SubtreeEnd;
            yield return place.Value / span * span;
        }
    }
}

public sealed class EntitlementQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<EntitlementType, Entitlement>("entitlement", "An entitlement standard by its code; null when none has it.", "The code, e.g. \"DY-451021-2026-0001\".", db => db.Entitlements);
        query.Field<NonNullGraphType<ConnectionType<EntitlementType, Entitlement>>>("entitlements")
            .Description("Entitlement standards recorded for regions, newest first. A region includes everything below it (a county's list holds its own and its townships' and villages', not the province's; Region.entitlements shows what applies to a place).")
            .RegionArgument()
            .YearArgument("Only standards of this year.")
            .Argument<EnumerationGraphType<EntitlementProgram>>("program", "Only standards of this policy.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var entitlements = ctx.Db().Entitlements.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    entitlements = entitlements.InSubtree(region, e => e.RegionCode);
                }

                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    entitlements = entitlements.Where(e => e.Year == year);
                }

                if (ctx.GetArgument<EntitlementProgram?>("program") is { } program)
                {
                    entitlements = entitlements.Where(e => e.Program == program);
                }

                return await ctx.PageAsync(entitlements, e => e.Id);
            });
    }
}

public sealed class EntitlementNodes() : IdNodeSource<Entitlement>(EntitlementType.TypeName, db => db.Entitlements, e => e.Id);
