using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Microcredit;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Microcredit;

public sealed class MicrocreditRecordType : ObjectGraphType<MicrocreditRecord>
{
    public const string TypeName = "MicrocreditRecord";

    public MicrocreditRecordType()
    {
        Name = TypeName;
        Description = "One version of a county's microcredit (扶贫小额信贷) figures of a year. Aggregates only: no borrower is ever named.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable public code: county, year and version, e.g. \"XD-451021-2019-1\".").Exported()
            .Resolve(ctx => MicrocreditSummaries.CodeOf(ctx.Source));
        Field<NonNullGraphType<RegionType>>("region").Description("The county.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(m => m.Year).Description("The year reported.").Exported();
        Field(m => m.Version).Description("1 for the year's first figures, one more for each correction.").Exported();
        Field(m => m.LoansIssuedCount).Description("Loans issued in the year (放贷笔数).").Exported();
        this.MoneyField("loansIssued", "The amount of the loans issued in the year.", m => m.LoansIssuedFen).Exported("yuan", "fen");
        this.MoneyField("outstandingBalance", "The balance outstanding at the end of the year (贷款余额).", m => m.OutstandingBalanceFen).Exported("yuan", "fen");
        this.MoneyField("overdue", "The overdue part of the balance (逾期金额).", m => m.OverdueFen).Exported("yuan", "fen");
        Field<NonNullGraphType<StringGraphType>>("overdueRatePercent").Description("Overdue per outstanding balance, in percent with two decimals; 0.00 without a balance.").Exported()
            .Resolve(ctx => MicrocreditSummaries.Percent(ctx.Source.OverdueFen, ctx.Source.OutstandingBalanceFen));
        this.MoneyField("interestSubsidy", "Interest subsidy paid in the year (贴息).", m => m.InterestSubsidyFen).Exported("yuan", "fen");
        this.MoneyField("riskCompensationFund", "The size of the county's risk-compensation fund (风险补偿金).", m => m.RiskCompensationFundFen).Exported("yuan", "fen");
        Field(m => m.CorrectionReason, nullable: true).Description("Why this version corrects the one before; null for the year's first figures.").Exported();
        Field(m => m.RecordedAt).Description("When this version was recorded.").Exported();
        Field(m => m.SupersededAt, nullable: true).Description("When a correction superseded this version; null while it is in force.").Exported();
        Field<NonNullGraphType<BooleanGraphType>>("isCurrent").Description("True for the year's figures in force; false for a version a correction superseded.").Exported()
            .Resolve(ctx => ctx.Source.IsCurrent);
        Field(m => m.IsDemo).Description("True for generated demonstration figures, which are not real.").Exported();
        this.NodeId(TypeName, m => m.Id).Exported();
    }
}

/// <summary>A region's microcredit figures in force of a year: a county's own, or the sum of the counties below a city or province.</summary>
public sealed record MicrocreditSummary(
    long? RegionCode,
    int Year,
    int Counties,
    int LoansIssuedCount,
    long LoansIssuedFen,
    long OutstandingBalanceFen,
    long OverdueFen,
    long InterestSubsidyFen,
    long RiskCompensationFundFen,
    bool IsDemo);

public sealed class MicrocreditSummaryType : ObjectGraphType<MicrocreditSummary>
{
    public MicrocreditSummaryType()
    {
        Name = "MicrocreditSummary";
        Description = "Microcredit (扶贫小额信贷) figures in force of a year: a county's own, or the sum of its counties for a city, a province or everywhere. Corrected versions count once, as corrected.";
        Field<RegionType>("region").Description("The region summed; null for everywhere.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(s => s.Year).Description("The year.");
        Field("countiesReporting", s => s.Counties).Description("How many counties recorded figures for the year.");
        Field(s => s.LoansIssuedCount).Description("Loans issued in the year.");
        this.MoneyField("loansIssued", "The amount of the loans issued in the year.", s => s.LoansIssuedFen);
        this.MoneyField("outstandingBalance", "The balance outstanding at the end of the year.", s => s.OutstandingBalanceFen);
        this.MoneyField("overdue", "The overdue part of the balance.", s => s.OverdueFen);
        Field<NonNullGraphType<StringGraphType>>("overdueRatePercent").Description("Overdue per outstanding balance, in percent with two decimals; 0.00 without a balance.")
            .Resolve(ctx => MicrocreditSummaries.Percent(ctx.Source.OverdueFen, ctx.Source.OutstandingBalanceFen));
        this.MoneyField("interestSubsidy", "Interest subsidy paid in the year.", s => s.InterestSubsidyFen);
        this.MoneyField("riskCompensationFund", "The size of the risk-compensation funds.", s => s.RiskCompensationFundFen);
        Field(s => s.IsDemo).Description("True when every figure summed is generated demonstration data.");
    }
}

public static class MicrocreditSummaries
{
    /// <summary>A record a year for 2000–2100 at most.</summary>
    public const int YearsBound = 101;

    public static string CodeOf(MicrocreditRecord record) =>
        $"XD-{Domain.Regions.RegionCode.Of(record.RegionCode).ShortForm}-{record.Year}-{record.Version}";

    public static string Percent(long part, long whole) =>
        (whole == 0 ? 0m : Math.Round(part * 100m / whole, 2)).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The sums of <paramref name="records"/> (the figures in force) by year, newest first.</summary>
    public static IEnumerable<MicrocreditSummary> ByYear(long? region, IEnumerable<MicrocreditRecord> records) =>
        records.GroupBy(r => r.Year).OrderByDescending(g => g.Key).Select(g => Sum(region, g.Key, [.. g]));

    public static MicrocreditSummary Sum(long? region, int year, IReadOnlyCollection<MicrocreditRecord> records) =>
        new(region, year, records.Select(r => r.RegionCode).Distinct().Count(),
            records.Sum(r => r.LoansIssuedCount), records.Sum(r => r.LoansIssuedFen), records.Sum(r => r.OutstandingBalanceFen), records.Sum(r => r.OverdueFen),
            records.Sum(r => r.InterestSubsidyFen), records.Sum(r => r.RiskCompensationFundFen), records.Count > 0 && records.All(r => r.IsDemo));

    /// <summary>The figures in force in a region's subtree (everywhere without one), and the superseded versions if asked.</summary>
    public static IQueryable<MicrocreditRecord> InRegion(OpenAidDbContext db, RegionCode? region, bool includeSuperseded = false)
    {
        var records = includeSuperseded ? db.MicrocreditRecords : db.MicrocreditRecords.Where(m => m.SupersededAt == null);
        return region is { } r ? records.InSubtree(r, m => m.RegionCode) : records;
    }

    /// <summary>The figures in force below each region of the batch, in one query: counties are matched by code, cities and provinces by prefix.</summary>
    public static async Task<ILookup<RegionCode, MicrocreditRecord>> InForceBelowAsync(OpenAidDbContext db, IReadOnlyCollection<RegionCode> keys, CancellationToken ct)
    {
        long[] Of(RegionLevel level) => [.. keys.Where(k => k.Level == level).Select(k => k.Value)];
        var (counties, cities, provinces) = (Of(RegionLevel.County), Of(RegionLevel.City), Of(RegionLevel.Province));
        const long citySpan = 100_000_000, provinceSpan = 10_000_000_000;
        var rows = await db.MicrocreditRecords
            .Where(m => m.SupersededAt == null
                && (counties.Contains(m.RegionCode) || cities.Contains(m.RegionCode / citySpan * citySpan) || provinces.Contains(m.RegionCode / provinceSpan * provinceSpan)))
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        return keys.Where(k => k.Level <= RegionLevel.County)
            .SelectMany(k => rows.Where(r => k.Contains(r.RegionCode)).Select(r => (Key: k, Record: r)))
            .ToLookup(p => p.Key, p => p.Record);
    }
}

/// <summary>A region's microcredit: its figures of a year, by year, and, for a county, every version recorded.</summary>
public static class MicrocreditRegionFields
{
    public static void AddTo(ObjectGraphType<Region> region)
    {
        region.Field<MicrocreditSummaryType>("microcredit")
            .Description("Microcredit (扶贫小额信贷) figures in force of a year: a county's own, the sum of its counties for a city or province. Null below county level or when none is recorded for the year.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<int>("year");
                return new ThenResult<MicrocreditRecord[], MicrocreditSummary?>(
                    LoadInForce(ctx), all => all.Any(r => r.Year == year) ? MicrocreditSummaries.Sum(ctx.Source.Code, year, [.. all.Where(r => r.Year == year)]) : null);
            });
        region.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MicrocreditSummaryType>>>>("microcreditByYear")
            .Description("Microcredit figures in force by year, newest first: a county's own, the sum of its counties for a city or province. Empty below county level.")
            .ListSize(MicrocreditSummaries.YearsBound)
            .Resolve(ctx => new ThenResult<MicrocreditRecord[], MicrocreditSummary[]>(
                LoadInForce(ctx), all => [.. MicrocreditSummaries.ByYear(ctx.Source.Code, all)]));
        region.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MicrocreditRecordType>>>>("microcreditRecords")
            .Description("Every version of the county's microcredit figures, newest year first, then newest version first: corrections supersede, nothing is deleted. Empty at other levels.")
            .ListSize(MicrocreditSummaries.YearsBound * 4)
            .Resolve(ctx => ctx.Loader().LoadMany<long, MicrocreditRecord>(
                "region:microcreditRecords",
                ctx.Source.Code,
                async (codes, ct) => (await ctx.Db().MicrocreditRecords.Where(m => codes.Contains(m.RegionCode)).OrderByDescending(m => m.Year).ThenByDescending(m => m.Version).ToListAsync(ct))
                    .ToLookup(m => m.RegionCode)));
    }

    private static IDataLoaderResult<MicrocreditRecord[]?> LoadInForce(IResolveFieldContext<Region> ctx) =>
        ctx.Loader().LoadMany<RegionCode, MicrocreditRecord>("region:microcredit", ctx.Source.RegionCode, async (keys, ct) => await MicrocreditSummaries.InForceBelowAsync(ctx.Db(), keys, ct));
}

public sealed class MicrocreditQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MicrocreditSummaryType>>("microcreditSummary")
            .Description("Microcredit (扶贫小额信贷) figures in force of a year summed over the counties of a region (everywhere without one), e.g. microcreditSummary(region: \"45\", year: 2019). Counties without figures count as none (countiesReporting says how many reported).")
            .RegionArgument()
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year: balances of different years are never added.")
            .ResolveAsync(async ctx =>
            {
                var region = await ctx.RegionArgumentAsync();
                var year = ctx.GetArgument<int>("year");
                var records = await MicrocreditSummaries.InRegion(ctx.Db(), region).Where(m => m.Year == year).ToListAsync(ctx.CancellationToken);
                return MicrocreditSummaries.Sum(region?.Value, year, records);
            });
        query.Field<NonNullGraphType<ConnectionType<MicrocreditRecordType, MicrocreditRecord>>>("microcreditRecords")
            .Description("Counties' microcredit figures, newest first. Only the figures in force unless includeSuperseded: a correction supersedes a version and keeps it.")
            .RegionArgument()
            .YearArgument("Only figures of this year.")
            .Argument<BooleanGraphType>("includeSuperseded", "Also the versions corrections superseded; false by default.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var records = MicrocreditSummaries.InRegion(ctx.Db(), await ctx.RegionArgumentAsync(), ctx.GetArgument<bool?>("includeSuperseded") == true);
                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    records = records.Where(m => m.Year == year);
                }

                return await ctx.PageAsync(records, m => m.Id);
            });
    }
}

/// <summary>Microcredit records are public, so node(id:) and history(id:) reach them.</summary>
public sealed class MicrocreditNodes() : IdNodeSource<MicrocreditRecord>(MicrocreditRecordType.TypeName, db => db.MicrocreditRecords, m => m.Id);
