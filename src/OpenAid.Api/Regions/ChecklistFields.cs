using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

/// <summary>A region's checklists, monitoring counts and policy continuation.</summary>
public static class ChecklistFields
{
    /// <summary>A record a year for 2000–2100 at most.</summary>
    private const int YearsBound = 101;

    public static void AddTo(ObjectGraphType<Region> region)
    {
        region.Field<VillageFacilitiesType>("facilities")
            .Description("The village's infrastructure and public-service checklist of a year; without a year, the latest. Null above village level or when none is recorded.")
            .Argument<IntGraphType>("year", "The year; the latest recorded when not given.")
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<int?>("year");
                return new ThenResult<VillageFacilities[], VillageFacilities?>(
                    LoadFacilities(ctx), all => year is { } y ? all.FirstOrDefault(f => f.Year == y) : all.FirstOrDefault());
            });
        region.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("facilityYears")
            .Description("The years with a checklist, newest first; a correction replaces its year's checklist (the audit trail keeps the old one).")
            .ListSize(YearsBound)
            // A list per region is no column of the regions file; the checklists are read through the API.
            .NotExported(ExportMetadata.NotInPublishedColumns)
            .Resolve(ctx => new ThenResult<VillageFacilities[], int[]>(LoadFacilities(ctx), all => [.. all.Select(f => f.Year)]));
        region.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionMonitoringType>>>>("monitoring")
            .Description("Yearly counts of exits, relapses (返贫) and monitored households of a village or county, newest first. A county's year without counts of its own shows the sum of its villages' counts (fromVillages). Empty at other levels.")
            .ListSize(YearsBound)
            .Resolve(ctx => ctx.Loader().LoadMany<RegionCode, RegionMonitoring>("region:monitoring", ctx.Source.RegionCode, async (keys, ct) => await MonitoringAsync(ctx.Db(), keys, ct)));
        region.Field<PolicyContinuationType>("policyContinuation")
            .Description("For an exited village or county: the policies it keeps after exit (脱贫不脱政策), and until when, as its province's document (or the national one) says. Null unless exited.")
            .Resolve(ctx => PolicyContinuation.For(ctx.Source));
    }

    private static IDataLoaderResult<VillageFacilities[]?> LoadFacilities(IResolveFieldContext<Region> ctx) =>
        ctx.Loader().LoadMany<long, VillageFacilities>(
            "region:facilities",
            ctx.Source.Code,
            async (codes, ct) => (await ctx.Db().VillageFacilities.Where(f => codes.Contains(f.RegionCode)).OrderByDescending(f => f.Year).ToListAsync(ct))
                .ToLookup(f => f.RegionCode));

    /// <summary>Each place's own counts, and for a county the years only its villages counted, summed: two queries for the batch.</summary>
    private static async Task<ILookup<RegionCode, RegionMonitoring>> MonitoringAsync(OpenAid.Data.OpenAidDbContext db, IReadOnlyCollection<RegionCode> keys, CancellationToken ct)
    {
        var codes = keys.Select(k => k.Value).ToArray();
        var own = await db.RegionMonitoring.Where(m => codes.Contains(m.RegionCode)).ToListAsync(ct);
        var counties = keys.Where(k => k.Level == RegionLevel.County).Select(k => k.Value).ToArray();
        const long countySpan = 1_000_000;
        var summed = counties.Length == 0
            ? []
            : await db.RegionMonitoring
                .Where(m => m.Level == RegionLevel.Village && counties.Contains(m.RegionCode / countySpan * countySpan))
                .GroupBy(m => new { County = m.RegionCode / countySpan * countySpan, m.Year })
                .Select(g => new
                {
                    g.Key.County,
                    g.Key.Year,
                    Exited = g.Sum(m => m.PeopleExited),
                    Relapsed = g.Sum(m => m.PeopleRelapsed),
                    Monitored = g.Sum(m => m.HouseholdsMonitored),
                    AllDemo = g.Min(m => m.IsDemo ? 1 : 0) == 1,
                })
                .ToListAsync(ct);
        var ownYears = own.Select(m => (m.RegionCode, m.Year)).ToHashSet();
        var totals = summed
            .Where(s => !ownYears.Contains((s.County, s.Year)))
            .Select(s => RegionMonitoring.Total(s.County, s.Year, s.Exited, s.Relapsed, s.Monitored, s.AllDemo));
        var levels = keys.ToDictionary(k => k.Value, k => k);
        return own.Concat(totals).OrderByDescending(m => m.Year).ToLookup(m => levels[m.RegionCode]);
    }
}

public sealed class VillageFacilitiesType : ObjectGraphType<VillageFacilities>
{
    public VillageFacilitiesType()
    {
        Name = "VillageFacilities";
        Description = "A village's infrastructure and public-service checklist (基础设施和基本公共服务) for one year: each item present or not.";
        Field(f => f.Year).Description("The year the checklist describes.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VillageFacilityCheckType>>>>("items")
            .Description("Every item of the checklist, in a fixed order, present or not.")
            .ListSize(VillageFacilities.AllItems.Count)
            .Resolve(ctx => VillageFacilities.AllItems.Select(item => new VillageFacilityCheck(item, ctx.Source.Has(item), VillageFacilities.MainItems.Contains(item))).ToList());
        Field(f => f.MainProblemsSolved)
            .Description("True when every main item is present: the main infrastructure and public-service problems are solved (Hunan 2016 opinions §2: 基础设施和基本公共服务主要领域突出问题得到有效解决).");
        Field(f => f.IsDemo).Description("True for a generated demonstration checklist, which is not real.");
    }
}

/// <summary>One item of a checklist, as the API shows it.</summary>
public sealed record VillageFacilityCheck(VillageFacility Item, bool Present, bool Main);

public sealed class VillageFacilityCheckType : ObjectGraphType<VillageFacilityCheck>
{
    public VillageFacilityCheckType()
    {
        Name = "VillageFacilityCheck";
        Description = "One item of a village's checklist.";
        Field(c => c.Item, type: typeof(NonNullGraphType<EnumerationGraphType<VillageFacility>>)).Description("The item; its name is the key of its label.");
        Field(c => c.Present).Description("True when the village has it that year.");
        Field(c => c.Main).Description("True for a main item, which mainProblemsSolved requires.");
    }
}

public sealed class RegionMonitoringType : ObjectGraphType<RegionMonitoring>
{
    public RegionMonitoringType()
    {
        Name = "RegionMonitoring";
        Description = "A village's or county's relapse and monitoring counts (返贫监测) for one year. Counts only: households are never listed.";
        Field(m => m.Year).Description("The year counted.");
        Field(m => m.PeopleExited).Description("People who exited poverty in the year.");
        Field(m => m.PeopleRelapsed).Description("People who fell back into poverty (返贫) in the year.");
        Field(m => m.HouseholdsMonitored).Description("Households under monitoring for relapse in the year.");
        Field("fromVillages", m => m.IsTotal).Description("True for a county's year without counts of its own: the sum of its villages' counts.");
        Field(m => m.IsDemo).Description("True for generated demonstration counts, which are not real.");
    }
}

public sealed class PolicyContinuationType : ObjectGraphType<PolicyContinuation>
{
    public PolicyContinuationType(TimeProvider clock)
    {
        Name = "PolicyContinuation";
        Description = "What an exited place keeps (脱贫不脱政策): its policies, for the period the document names.";
        Field<NonNullGraphType<BooleanGraphType>>("inForce").Description("True while the policies are kept: this year is at most lastYear, or the document names no end.")
            .Resolve(ctx => ctx.Source.HoldsIn(clock.Today().Year));
        Field(p => p.LastYear, nullable: true).Description("The last year the policies are kept, when the document names one; null when it names no end.");
        Field(p => p.Text).Description("The document's words.");
        Field(p => p.DocumentTitle).Description("The document's title, to cite it.");
    }
}
