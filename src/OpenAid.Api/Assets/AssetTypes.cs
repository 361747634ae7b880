using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Domain.Assets;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Assets;

public sealed class AssetType : ObjectGraphType<Asset>
{
    public const string TypeName = "Asset";

    public AssetType()
    {
        Name = TypeName;
        Description = "An income-bearing asset a project left (资产收益): a photovoltaic station, a workshop, greenhouses, shares in an enterprise. Owned by a village collective, with shares for poor households counted, never listed.";
        Field(a => a.Code).Description("Stable public code, e.g. \"ZS-451021-2026-0001\".").Exported();
        Field(a => a.Name).Description("The asset's name.").Exported();
        Field(a => a.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<AssetKind>>)).Description("The kind of asset.").Exported();
        Field<NonNullGraphType<ProjectType>>("project").Description("The project that built the asset.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(ProjectType.TypeName, ctx.Source.ProjectId));
        Field<NonNullGraphType<RegionType>>("owner").Description("The village whose collective (村集体) owns the asset.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        this.MoneyField("value", "What the asset is booked at.", a => a.ValueFen).Exported("yuan", "fen");
        Field(a => a.ShareHouseholds).Description("Poor households holding shares in the asset (a count).").Exported();
        Field(a => a.InUseSince).Description("The day the asset went into use.").Exported();
        Field(a => a.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, a => a.Id).Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetIncomeType>>>>("incomes")
            .Description("The asset's income by year, newest first, with its distribution.")
            .ListSize(AssetFields.YearsBound)
            .Resolve(ctx => ctx.Loader().LoadMany<int, AssetIncome>(
                "asset:incomes",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().AssetIncomes.Where(i => ids.Contains(i.AssetId)).OrderByDescending(i => i.Year).ToListAsync(ct)).ToLookup(i => i.AssetId)));
    }
}

public sealed class AssetIncomeType : ObjectGraphType<AssetIncome>
{
    public AssetIncomeType()
    {
        Name = "AssetIncome";
        Description = "An asset's income for one year and how it was distributed. Recipients are counts, never lists.";
        Field(i => i.Year).Description("The year of the income.");
        this.MoneyField("amount", "The year's income.", i => i.AmountFen);
        this.MoneyField("toCollective", "The part paid to the village collective.", i => i.ToCollectiveFen);
        this.MoneyField("toHouseholds", "The part paid to households.", i => i.ToHouseholdsFen);
        Field(i => i.HouseholdsPaid).Description("How many households were paid.");
        this.MoneyField("toJobs", "The part paid for public-welfare jobs (公益岗位).", i => i.ToJobsFen);
        Field(i => i.JobsPaid).Description("How many public-welfare jobs were paid.");
        this.MoneyField("retained", "What the parts leave of the income: kept for upkeep or reserves.", i => i.RetainedFen);
        Field(i => i.RecordedOn).Description("The day the income was recorded.");
        Field(i => i.IsDemo).Description("True for generated demonstration data, which is not real.");
    }
}

/// <summary>The income of the assets of a place (its own, or its villages') in one year, summed.</summary>
public sealed record AssetIncomeTotal(
    int Year, int Assets, long AmountFen, long ToCollectiveFen, long ToHouseholdsFen, int HouseholdsPaid, long ToJobsFen, int JobsPaid, bool IsDemo);

public sealed class AssetIncomeTotalType : ObjectGraphType<AssetIncomeTotal>
{
    public AssetIncomeTotalType()
    {
        Name = "AssetIncomeTotal";
        Description = "The income of the assets owned within a place in one year, summed over its villages: what a county's assets earned and how it was distributed.";
        Field(t => t.Year).Description("The year.");
        Field(t => t.Assets).Description("How many assets recorded income for the year.");
        this.MoneyField("amount", "The income of the year.", t => t.AmountFen);
        this.MoneyField("toCollective", "Paid to village collectives.", t => t.ToCollectiveFen);
        this.MoneyField("toHouseholds", "Paid to households.", t => t.ToHouseholdsFen);
        Field(t => t.HouseholdsPaid).Description("Households paid, summed over the assets (a household paid by two assets counts twice).");
        this.MoneyField("toJobs", "Paid for public-welfare jobs.", t => t.ToJobsFen);
        Field(t => t.JobsPaid).Description("Public-welfare jobs paid, summed over the assets.");
        Field(t => t.IsDemo).Description("True when every income summed is generated demonstration data.");
    }
}

/// <summary>Assets on the project and region types, and the root fields.</summary>
public static class AssetFields
{
    /// <summary>A record a year for 2000–2100 at most.</summary>
    public const int YearsBound = 101;

    /// <summary>More assets than this from one project is a typing error; the list is bounded for the cost check.</summary>
    private const int AssetsPerProjectBound = 100;

    public static void AddTo(ObjectGraphType<Project> project) =>
        project.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetType>>>>("assets")
            .Description("The income-bearing assets the project left (资产收益), in the order registered.")
            .ListSize(AssetsPerProjectBound)
            .Resolve(ctx => ctx.Loader().LoadMany<int, Asset>(
                "project:assets",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().Assets.Where(a => ids.Contains(a.ProjectId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.ProjectId)));

    public static void AddTo(ObjectGraphType<Region> region)
    {
        region.Field<NonNullGraphType<ConnectionType<AssetType, Asset>>>("assets")
            .Description("The assets owned within the place, newest first: a village's own, a county's villages'.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var place = ctx.Source.RegionCode;
                return await ctx.PageAsync(ctx.Db().Assets.InSubtree(place, a => a.RegionCode), a => a.Id);
            });
        region.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetIncomeTotalType>>>>("assetIncome")
            .Description("The income of the assets owned within the place by year, newest first, summed over its villages; one year when given.")
            .Argument<IntGraphType>("year", "Only this year.")
            .ListSize(YearsBound)
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<int?>("year");
                return new ThenResult<AssetIncomeTotal[], AssetIncomeTotal[]>(
                    ctx.Loader().LoadMany<RegionCode, AssetIncomeTotal>("region:assetIncome", ctx.Source.RegionCode, async (keys, ct) => await TotalsAsync(ctx.Db(), keys, ct)),
                    all => year is { } y ? [.. all.Where(t => t.Year == y)] : all);
            });
    }

    /// <summary>Each place's yearly sums: one query per level among the places asked for.</summary>
    private static async Task<ILookup<RegionCode, AssetIncomeTotal>> TotalsAsync(OpenAid.Data.OpenAidDbContext db, IReadOnlyCollection<RegionCode> keys, CancellationToken ct)
    {
        var totals = new List<(RegionCode Place, AssetIncomeTotal Total)>();
        foreach (var level in keys.GroupBy(k => k.Level))
        {
            var span = level.First().SubtreeEnd - level.First().SubtreeStart;
            var codes = level.Select(k => k.Value).ToArray();
            var rows = await db.AssetIncomes
                .Where(i => codes.Contains(i.RegionCode / span * span))
                .GroupBy(i => new { Place = i.RegionCode / span * span, i.Year })
                .Select(g => new
                {
                    g.Key.Place,
                    g.Key.Year,
                    Assets = g.Count(),
                    Amount = g.Sum(i => i.AmountFen),
                    ToCollective = g.Sum(i => i.ToCollectiveFen),
                    ToHouseholds = g.Sum(i => i.ToHouseholdsFen),
                    Households = g.Sum(i => i.HouseholdsPaid),
                    ToJobs = g.Sum(i => i.ToJobsFen),
                    Jobs = g.Sum(i => i.JobsPaid),
                    AllDemo = g.Min(i => i.IsDemo ? 1 : 0) == 1,
                })
                .ToListAsync(ct);
            var places = level.ToDictionary(k => k.Value);
            totals.AddRange(rows.Select(r => (places[r.Place], new AssetIncomeTotal(r.Year, r.Assets, r.Amount, r.ToCollective, r.ToHouseholds, r.Households, r.ToJobs, r.Jobs, r.AllDemo))));
        }

        return totals.OrderByDescending(t => t.Total.Year).ToLookup(t => t.Place, t => t.Total);
    }
}

public sealed class AssetQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<AssetType, Asset>("asset", "An asset by its public code; null when none has it.", "The asset code, e.g. \"ZS-451021-2026-0001\".", db => db.Assets);
        query.Field<NonNullGraphType<ConnectionType<AssetType, Asset>>>("assets")
            .Description("Assets of projects owned by village collectives, newest first. A region includes everything below it.")
            .RegionArgument()
            .Argument<EnumerationGraphType<AssetKind>>("kind", "Only assets of this kind.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var assets = ctx.Db().Assets.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    assets = assets.InSubtree(region, a => a.RegionCode);
                }

                if (ctx.GetArgument<AssetKind?>("kind") is { } kind)
                {
                    assets = assets.Where(a => a.Kind == kind);
                }

                return await ctx.PageAsync(assets, a => a.Id);
            });
    }
}

public sealed class AssetNodes() : IdNodeSource<Asset>(AssetType.TypeName, db => db.Assets, a => a.Id);
