using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Data.Search;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

public sealed class RegionType : ObjectGraphType<Region>
{
    public const string TypeName = "Region";

    public RegionType()
    {
        Name = TypeName;
        Description = "An administrative unit: province (省), city (市/州), county (县/市/区), township (乡/镇/街道) or village (村/社区).";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 12-digit statistical division code (统计用区划代码), e.g. \"450000000000\".").Exported().Resolve(ctx => ctx.Source.RegionCode.ToString());
        Field<NonNullGraphType<StringGraphType>>("shortCode").Description("The official short form of the code: 2, 4, 6, 9 or 12 digits.").Exported().Resolve(ctx => ctx.Source.RegionCode.ShortForm);
        Field(r => r.Name).Description("The official name.").Exported();
        Field(r => r.Level, type: typeof(NonNullGraphType<EnumerationGraphType<RegionLevel>>)).Description("The tier of the administrative tree.").Exported();
        Field<RegionType>("parent").Description("The unit this one belongs to; null for a province.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(TypeName, ctx.Source.ParentCode));
        Field(r => r.IsNationalKeyCounty).Description("A national key county for poverty alleviation (国家扶贫开发工作重点县).").Exported();
        Field(r => r.IsProvincialKeyCounty).Description("A provincial key county (省级扶贫开发工作重点县).").Exported();
        Field(r => r.IsContiguousDestituteArea).Description("In a contiguous destitute area (集中连片特困地区).").Exported();
        Field(r => r.IsDeepPoverty).Description("A deep-poverty county, township or village (深度贫困).").Exported();
        Field(r => r.PovertyStatus, type: typeof(NonNullGraphType<EnumerationGraphType<PovertyStatus>>)).Description("Whether the unit is registered as poor, or has exited.").Exported();
        Field(r => r.PlannedExitYear, nullable: true).Description("The year the unit is planned to exit poverty.").Exported();
        Field(r => r.ActualExitYear, nullable: true).Description("The year the unit exited poverty (出列 / 摘帽).").Exported();
        this.NodeId(TypeName, r => r.Code).Exported();
        Field(r => r.HasDemoFlags).Description("True when the place is real but its poverty flags, status and exit years are generated demonstration data.")
            .NotExported(ExportMetadata.NotInPublishedColumns);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("ancestors")
            .Description("The breadcrumb from the province down to this unit's parent.")
            // Province, city, county, township: at most four levels above a village.
            .ListSize(4)
            // One query for the breadcrumbs of a whole list, and none for provinces alone.
            .Resolve(ctx => ctx.Loader().LoadMany<long, Region>("region:ancestors", ctx.Source.Code, async (codes, ct) =>
            {
                var lineages = codes.ToDictionary(c => c, c => RegionCode.Of(c).Lineage().SkipLast(1).ToArray());
                var wanted = lineages.Values.SelectMany(l => l).Distinct().ToArray();
                var found = wanted.Length == 0 ? [] : await ctx.Db().Regions.Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
                return lineages.SelectMany(l => l.Value.Where(found.ContainsKey).Select(code => (Key: l.Key, Ancestor: found[code])))
                    .ToLookup(p => p.Key, p => p.Ancestor);
            }));
        Field<NonNullGraphType<ConnectionType<RegionType, Region>>>("children")
            .Description("The units directly below this one, by code.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().Regions.Where(r => r.ParentCode == ctx.Source.Code), r => r.Code, descending: false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VillageStatisticsType>>>>("statistics")
            .Description("The village's reported figures by year, oldest first (counts only; no household data). Empty above village level.")
            .Resolve(ctx => ctx.Loader().LoadMany<long, VillageStatistics>(
                "region:statistics",
                ctx.Source.Code,
                async (codes, ct) => (await ctx.Db().VillageStatistics.Where(s => codes.Contains(s.RegionCode)).OrderBy(s => s.Year).ToListAsync(ct))
                    .ToLookup(s => s.RegionCode)));
        Field<ExitAssessmentType>("exitAssessment")
            .Description("Whether the village or county meets its province's exit criteria with the figures of a year (a county: its county-wide statistics); null when no figures or no criterion apply.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The statistics year to assess.")
            .Resolve(ctx => ctx.Loader().Load<(long Code, int Year), RegionExitAssessment>(
                "region:exitAssessment",
                (ctx.Source.Code, ctx.GetArgument<int>("year")),
                (keys, ct) => ExitAssessments.AssessAllAsync(ctx.Db(), keys, ct)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountyStatisticsType>>>>("countyStatistics")
            .Description("The county's county-wide figures by year, oldest first (counts only). Empty below and above county level.")
            .Resolve(ctx => ctx.Loader().LoadMany<long, CountyStatistics>(
                "region:countyStatistics",
                ctx.Source.Code,
                async (codes, ct) => (await ctx.Db().CountyStatistics.Where(s => codes.Contains(s.RegionCode)).OrderBy(s => s.Year).ToListAsync(ct))
                    .ToLookup(s => s.RegionCode)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvincialRuralIncomeType>>>>("ruralIncomes")
            .Description("The province's rural per-capita disposable income by year, oldest first. Empty below province level.")
            .Resolve(ctx => ctx.Loader().LoadMany<long, ProvincialRuralIncome>(
                "region:ruralIncomes",
                ctx.Source.Code,
                async (codes, ct) => (await ctx.Db().ProvincialRuralIncomes.Where(s => codes.Contains(s.ProvinceCode)).OrderBy(s => s.Year).ToListAsync(ct))
                    .ToLookup(s => s.ProvinceCode)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Exits.ExitType>>>>("exits")
            .Description("The exits proposed for this village or county, newest first: confirmed, withdrawn, or in their notice period.")
            .Resolve(ctx => Exits.ExitQueries.OfRegion(ctx));
        ChecklistFields.AddTo(this);
        Microcredit.MicrocreditRegionFields.AddTo(this);
        Needs.MarketplaceRegionFields.AddTo(this);
        WorkTeams.WorkTeamRegionFields.AddTo(this);
        Assets.AssetFields.AddTo(this);
        Entitlements.EntitlementFields.AddTo(this);
    }
}

public sealed class VillageStatisticsType : ObjectGraphType<VillageStatistics>
{
    public VillageStatisticsType()
    {
        Name = "VillageStatistics";
        Description = "A village's reported figures for one year. Counts and amounts only: household data is never published.";
        Field(s => s.Year).Description("The year reported.");
        Field(s => s.Population).Description("Registered population of the village.");
        Field(s => s.PoorPeople).Description("Registered poor people (count).");
        Field(s => s.PoorHouseholds).Description("Registered poor households (count).");
        Field<NonNullGraphType<StringGraphType>>("povertyIncidencePercent").Description("Poverty incidence: poor people per population, in percent with two decimals.")
            .Resolve(ctx => (ctx.Source.PovertyIncidenceBasisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        this.MoneyField("collectiveIncome", "Village collective income (村集体经济收入) in the year.", s => s.CollectiveIncomeFen);
        this.MoneyField("perCapitaDisposableIncome", "Per-capita disposable income of the village in the year.", s => s.PerCapitaDisposableIncomeFen);
        Field(s => s.IsDemo).Description("True for generated demonstration figures, which are not real.");
    }
}

public sealed class RegionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<RegionType>("region")
            .Description("A region by its statistical code (2, 4, 6, 9 or 12 digits); null when OpenAid holds no such region.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The statistical code, e.g. \"45\" or \"451021\".")
            .ResolveAsync(async ctx =>
            {
                var text = ctx.GetArgument<string>("code");
                return RegionCode.TryParse(text, out var code)
                    ? await ctx.Db().Regions.SingleOrDefaultAsync(r => r.Code == code.Value, ctx.CancellationToken)
                    : throw ApiErrors.InvalidRegionCode(text, "code");
            });
        query.Field<NonNullGraphType<ConnectionType<RegionType, Region>>>("regions")
            .Description("Regions by name, level and place, by code. Without filters: the provinces.")
            .SearchArgument("Part of the name, e.g. \"百色\".")
            .Argument<EnumerationGraphType<RegionLevel>>("level", "Only regions of this tier.")
            .Argument<EnumerationGraphType<PovertyStatus>>("povertyStatus", "Only regions with this poverty status, e.g. the poor villages of a county.")
            .RegionArgument()
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var regions = ctx.Db().Regions.AsQueryable();
                var search = ctx.SearchText();
                var level = ctx.GetArgument<RegionLevel?>("level");
                if (await ctx.RegionArgumentAsync() is { } within)
                {
                    regions = regions.InSubtree(within, r => r.Code);
                }

                if (search is not null)
                {
                    regions = regions.Where(ctx.Db().TextContains<Region, long>(search, r => r.Code, r => r.Name.Contains(search)));
                }

                if (ctx.GetArgument<PovertyStatus?>("povertyStatus") is { } status)
                {
                    regions = regions.Where(r => r.PovertyStatus == status);
                }

                if (level is not null)
                {
                    regions = regions.Where(r => r.Level == level);
                }
                else if (search is null && ctx.GetArgument<string?>(RegionArguments.Region) is null)
                {
                    regions = regions.Where(r => r.Level == RegionLevel.Province);
                }

                return await ctx.PageAsync(regions, r => r.Code, descending: false);
            });
    }
}

public sealed class RegionNodes() : NodeSource<Region>(
    RegionType.TypeName,
    async (db, keys, ct) => await db.Regions.Where(r => keys.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct));
