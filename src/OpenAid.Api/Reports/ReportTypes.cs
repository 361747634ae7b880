using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Funds;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Reports;

public sealed record MoneyGroup(TransactionKind Kind, FundSourceType SourceType, int Year, long AmountFen, int Count);

public sealed record RegionMoney(long RegionCode, TransactionKind Kind, long AmountFen, int Count);

public sealed record ProjectStatusCount(ProjectStatus Status, int Count, long BudgetFen);

public sealed record NoticeCompliance(long? RegionCode, int Published, int Late, double AverageWorkingDaysLate);

public sealed class MoneyGroupType : ObjectGraphType<MoneyGroup>
{
    public MoneyGroupType()
    {
        Name = "MoneyGroup";
        Description = "The money of one kind, source and fiscal year. Add up groups of the same kind only.";
        Field(g => g.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<TransactionKind>>)).Description("The kind of money.");
        Field(g => g.SourceType, type: typeof(NonNullGraphType<EnumerationGraphType<FundSourceType>>)).Description("The source of the money.");
        Field(g => g.Year).Description("The fiscal year.");
        this.MoneyField("amount", "The total amount.", g => g.AmountFen);
        Field(g => g.Count).Description("How many transactions make up the total.");
    }
}

public sealed class RegionMoneyType : ObjectGraphType<RegionMoney>
{
    public RegionMoneyType()
    {
        Name = "RegionMoney";
        Description = "The money of one kind that went to one region (and everything below it).";
        Field<NonNullGraphType<RegionType>>("region").Description("The region.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(g => g.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<TransactionKind>>)).Description("The kind of money.");
        this.MoneyField("amount", "The total amount.", g => g.AmountFen);
        Field(g => g.Count).Description("How many transactions make up the total.");
    }
}

public sealed class ProjectStatusCountType : ObjectGraphType<ProjectStatusCount>
{
    public ProjectStatusCountType()
    {
        Name = "ProjectStatusCount";
        Description = "How many projects are in one lifecycle state, and their budgets.";
        Field(c => c.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ProjectStatus>>)).Description("The lifecycle state.");
        Field(c => c.Count).Description("How many projects are in it.");
        this.MoneyField("budget", "The sum of their budgets.", c => c.BudgetFen);
    }
}

public sealed class NoticeComplianceType : ObjectGraphType<NoticeCompliance>
{
    public NoticeComplianceType()
    {
        Name = "NoticeCompliance";
        Description = "How many notices were published, and how many later than 15 working days after their decision.";
        Field<RegionType>("region").Description("The region whose subtree is counted; null for everywhere.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(c => c.Published).Description("Notices published (including superseded and withdrawn ones).");
        Field(c => c.Late).Description("Notices published late.");
        Field<NonNullGraphType<StringGraphType>>("lateSharePercent").Description("The share of late notices, in percent with two decimals.")
            .Resolve(ctx => (ctx.Source.Published == 0 ? 0m : ctx.Source.Late * 100m / ctx.Source.Published).ToString("0.00", CultureInfo.InvariantCulture));
        Field(c => c.AverageWorkingDaysLate).Description("Of the late notices, the average number of working days past the deadline.");
    }
}

public sealed class ReportQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<DateTimeOffsetGraphType>>("dataAsOf")
            .Description("When public data last changed: every answer reflects the data as of this time.")
            .ResolveAsync(async ctx => await DataAsOfAsync(ctx.Db(), ctx.CancellationToken));
        query.Field<NonNullGraphType<BooleanGraphType>>("holdsDemoData")
            .Description("True while the database holds generated demonstration records (each marked isDemo), which are not real: pages say so.")
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                return await db.Organizations.AnyAsync(o => o.IsDemo, ctx.CancellationToken) || await db.Notices.AnyAsync(n => n.IsDemo, ctx.CancellationToken);
            });
        // Groups are few, so they are ordered after the query: ordering a grouped projection does not translate.
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoneyGroupType>>>>("moneySummary")
            .Description("Money by kind, source and fiscal year, e.g. Guangxi's 2019 disbursements by source: moneySummary(region: \"45\", year: 2019, kind: DISBURSEMENT). " +
                "Read from running totals kept with every write, except with a dated range or a fund, which sum the transactions themselves.")
            .RegionArgument()
            .YearArgument("Only this fiscal year.")
            .DateRangeArguments("dated")
            .Argument<EnumerationGraphType<TransactionKind>>("kind", "Only this kind of money.")
            .Argument<EnumerationGraphType<FundSourceType>>("sourceType", "Only money of this source.")
            .Argument<StringGraphType>("fund", "Only money of the fund with this code.")
            .ResolveAsync(async ctx =>
            {
                var region = await ctx.RegionArgumentAsync();
                // The region's own rows: one per kind, source and year.
                var groups = SummaryRows(ctx, region, region is { } r ? r.SubtreeEnd - r.SubtreeStart : MoneySummary.NationSpan) is { } rows
                    ? await rows.Select(s => new MoneyGroup(s.Kind, s.SourceType, s.FiscalYear, s.AmountFen, s.Count)).ToListAsync(ctx.CancellationToken)
                    : await (await TransactionQueries.FilterAsync(ctx))
                        .GroupBy(t => new { t.Kind, t.SourceType, t.FiscalYear })
                        .Select(g => new MoneyGroup(g.Key.Kind, g.Key.SourceType, g.Key.FiscalYear, g.Sum(t => t.AmountFen), g.Count()))
                        .ToListAsync(ctx.CancellationToken);
                return groups.OrderBy(g => g.Kind).ThenBy(g => g.SourceType).ThenBy(g => g.Year);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionMoneyType>>>>("moneyByRegion")
            .Description("Money by kind for each region directly below the given one (each including its own subtree), e.g. by county of a city; the provinces without a region. Money to the region itself (e.g. a city's own, 本级) is an entry for it. " +
                "Read from running totals kept with every write, except with a dated range or a fund, which sum the transactions themselves.")
            .SubdivisionsArgument(perSubdivision: Enum.GetValues<TransactionKind>().Length)
            .YearArgument("Only this fiscal year.")
            .DateRangeArguments("dated")
            .Argument<EnumerationGraphType<TransactionKind>>("kind", "Only this kind of money.")
            .Argument<EnumerationGraphType<FundSourceType>>("sourceType", "Only money of this source.")
            .Argument<StringGraphType>("fund", "Only money of the fund with this code.")
            .ResolveAsync(async ctx =>
            {
                var (region, span) = await ctx.SubdivisionsArgumentAsync();
                // The rows of the subdivisions' level group the transactions as receiver / span * span does.
                var money = SummaryRows(ctx, region, span) is { } rows
                    ? await rows.GroupBy(s => new { s.RegionCode, s.Kind })
                        .Select(g => new RegionMoney(g.Key.RegionCode, g.Key.Kind, g.Sum(s => s.AmountFen), g.Sum(s => s.Count)))
                        .ToListAsync(ctx.CancellationToken)
                    : await (await TransactionQueries.FilterAsync(ctx))
                        .GroupBy(t => new { Child = t.ReceiverRegionCode / span * span, t.Kind })
                        .Select(g => new RegionMoney(g.Key.Child, g.Key.Kind, g.Sum(t => t.AmountFen), g.Count()))
                        .ToListAsync(ctx.CancellationToken);
                return money.OrderBy(g => g.RegionCode).ThenBy(g => g.Kind);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectStatusCountType>>>>("projectStatusCounts")
            .Description("How many projects are in each lifecycle state.")
            .RegionArgument()
            .YearArgument("Only projects of this fiscal year.")
            .Argument<EnumerationGraphType<ProjectCategory>>("category", "Only projects of this category.")
            .ResolveAsync(async ctx => (await (await ProjectQueries.FilterAsync(ctx, ctx.Db().Projects))
                    .GroupBy(p => p.Status)
                    .Select(g => new ProjectStatusCount(g.Key, g.Count(), g.Sum(p => p.BudgetFen)))
                    .ToListAsync(ctx.CancellationToken))
                .OrderBy(c => c.Status));
        query.Field<NonNullGraphType<NoticeComplianceType>>("noticeCompliance")
            .Description("The share of notices published later than 15 working days after their decision.")
            .RegionArgument()
            .NoticeComplianceArguments()
            .ResolveAsync(async ctx =>
            {
                var region = await ctx.RegionArgumentAsync();
                var notices = await NoticeQueries.FilterAsync(ctx);
                var published = await notices.CountAsync(ctx.CancellationToken);
                var late = notices.Where(n => n.WorkingDaysLate > 0);
                var lateCount = await late.CountAsync(ctx.CancellationToken);
                var daysLate = lateCount == 0 ? 0 : await late.SumAsync(n => n.WorkingDaysLate, ctx.CancellationToken);
                return Compliance(region?.Value, published, lateCount, daysLate);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeComplianceType>>>>("noticeComplianceByRegion")
            .Description("The share of late notices for each region directly below the given one (each including its own subtree), e.g. the counties of a city compared; the provinces without a region. Records of the region itself (e.g. a city's own, 本级) are an entry for it; regions without notices are left out.")
            .SubdivisionsArgument()
            .NoticeComplianceArguments()
            .ResolveAsync(async ctx =>
            {
                var (_, span) = await ctx.SubdivisionsArgumentAsync();
                return (await (await NoticeQueries.FilterAsync(ctx))
                        .GroupBy(n => n.RegionCode / span * span)
                        .Select(g => new { Region = g.Key, Published = g.Count(), Late = g.Sum(n => n.WorkingDaysLate > 0 ? 1 : 0), DaysLate = g.Sum(n => n.WorkingDaysLate) })
                        .ToListAsync(ctx.CancellationToken))
                    .OrderBy(g => g.Region)
                    .Select(g => Compliance(g.Region, g.Published, g.Late, g.DaysLate));
            });
    }

    /// <summary>
    /// The summary rows of one span within the region (everywhere without one), filtered as the transactions would be;
    /// null when a filter needs the transactions themselves (a dated range, a fund), which the summary does not keep.
    /// </summary>
    private static IQueryable<MoneySummary>? SummaryRows(IResolveFieldContext ctx, RegionCode? region, long span)
    {
        var (from, to) = ctx.DateRange();
        if (from is not null || to is not null || ctx.GetArgument<string?>("fund") is not null)
        {
            return null;
        }

        var (start, end) = region is { } r ? (r.SubtreeStart, r.SubtreeEnd) : (0L, MoneySummary.NationSpan);
        var rows = ctx.Db().MoneySummaries.Where(s => s.Span == span && s.RegionCode >= start && s.RegionCode < end);
        if (ctx.GetArgument<int?>("year") is { } year)
        {
            rows = rows.Where(s => s.FiscalYear == year);
        }

        if (ctx.GetArgument<TransactionKind?>("kind") is { } kind)
        {
            rows = rows.Where(s => s.Kind == kind);
        }

        if (ctx.GetArgument<FundSourceType?>("sourceType") is { } source)
        {
            rows = rows.Where(s => s.SourceType == source);
        }

        return rows;
    }

    private static NoticeCompliance Compliance(long? region, int published, int late, long workingDaysLate) =>
        new(region, published, late, late == 0 ? 0 : Math.Round((double)workingDaysLate / late, 2));

    public static async Task<DateTimeOffset> DataAsOfAsync(OpenAidDbContext db, CancellationToken ct) =>
        await db.DataVersions.Where(v => v.Id == DataVersion.SingletonId).Select(v => (DateTimeOffset?)v.ChangedAt).SingleOrDefaultAsync(ct)
            ?? DateTimeOffset.UnixEpoch;
}

internal static class ReportArguments
{
    /// <summary>The arguments noticeCompliance and noticeComplianceByRegion share with the notices they count.</summary>
    public static FieldBuilder<TSource, TReturn> NoticeComplianceArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.YearArgument("Only notices published in this year.")
            .DateRangeArguments("published")
            .Argument<EnumerationGraphType<NoticeKind>>("kind", "Only notices of this kind.");
}
