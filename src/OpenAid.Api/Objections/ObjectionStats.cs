using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Objections;

/// <summary>What the statistics need of an objection: its place, its status and when it was filed and answered.</summary>
public sealed record ObjectionTiming(long RegionCode, ObjectionStatus Status, DateTimeOffset FiledAt, DateTimeOffset? AnsweredAt);

/// <summary>How a region's reviewers respond to objections: counts by status and response times.</summary>
public sealed record ObjectionStats(
    long? RegionCode,
    int? Year,
    int Total,
    int Received,
    int Investigating,
    int Answered,
    int Rejected,
    double? AverageDaysToRespond,
    double? MaxDaysToRespond,
    int RespondedWithinDeadline,
    int Overdue,
    double? OldestOpenDays);

public sealed class ObjectionStatsType : ObjectGraphType<ObjectionStats>
{
    public ObjectionStatsType()
    {
        Name = "ObjectionStats";
        Description = $"Public response times to objections and misuse reports in a region subtree, measured against the {ObjectionRules.ResponseDeadlineDays}-day deadline.";
        Field<RegionType>("region").Description("The region whose subtree is counted; null for everywhere.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(s => s.Year, nullable: true).Description("The year of filing counted; null for all years.");
        Field(s => s.Total).Description("Objections and reports filed.");
        Field(s => s.Received).Description("Received and not yet looked into.");
        Field(s => s.Investigating).Description("Under investigation.");
        Field(s => s.Answered).Description("Answered publicly.");
        Field(s => s.Rejected).Description("Rejected with a public reason.");
        Field(s => s.AverageDaysToRespond, nullable: true).Description("Average days from filing to the answer or rejection, to one decimal; null when none was responded to.");
        Field(s => s.MaxDaysToRespond, nullable: true).Description("The longest time to respond, in days to one decimal.");
        Field(s => s.RespondedWithinDeadline).Description($"Answered or rejected within {ObjectionRules.ResponseDeadlineDays} days.");
        Field(s => s.Overdue).Description($"Answered later than {ObjectionRules.ResponseDeadlineDays} days, or still open beyond them.");
        Field(s => s.OldestOpenDays, nullable: true).Description("How many days the longest-waiting open objection has waited, to one decimal; null when none is open.");
        Field<NonNullGraphType<IntGraphType>>("deadlineDays").Description("The response deadline in days (信访条例 art. 33).")
            .Resolve(_ => ObjectionRules.ResponseDeadlineDays);
    }
}

public sealed class ObjectionStatsQueries(TimeProvider clock) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ObjectionStatsType>>("objectionStats")
            .Description("How quickly objections are answered in a region and everything below it: counts by status, average and longest response time, overdue.")
            .RegionArgument()
            .Argument<IntGraphType>("year", YearDescription)
            .ResolveAsync(async ctx =>
            {
                var region = await ctx.RegionArgumentAsync();
                return Measure(await TimingsAsync(ctx, region), region?.Value, ctx.GetArgument<int?>("year"), clock.GetUtcNow());
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObjectionStatsType>>>>("objectionStatsByRegion")
            .Description("Response times to objections for each region directly below the given one (each including its own subtree), e.g. the counties of a city compared; the provinces without a region. Records of the region itself (e.g. a city's own, 本级) are an entry for it; regions without objections are left out.")
            .SubdivisionsArgument()
            .Argument<IntGraphType>("year", YearDescription)
            .ResolveAsync(async ctx =>
            {
                var (region, span) = await ctx.SubdivisionsArgumentAsync();
                var year = ctx.GetArgument<int?>("year");
                var now = clock.GetUtcNow();
                return (await TimingsAsync(ctx, region))
                    .GroupBy(o => o.RegionCode / span * span)
                    .OrderBy(g => g.Key)
                    .Select(g => Measure([.. g], g.Key, year, now));
            });
    }

    private const string YearDescription = "Only objections filed in this year (by the Beijing day of filing).";

    /// <summary>The timings of the objections in the region's subtree, of the year asked for.</summary>
    private static async Task<List<ObjectionTiming>> TimingsAsync(IResolveFieldContext ctx, RegionCode? region)
    {
        var objections = ctx.Db().Objections.AsQueryable();
        if (region is { } r)
        {
            objections = objections.InSubtree(r, o => o.RegionCode);
        }

        // SQLite cannot compute with DateTimeOffset, so times are measured here; a region's objections are few.
        var rows = await objections.Select(o => new ObjectionTiming(o.RegionCode, o.Status, o.FiledAt, o.AnsweredAt))
            .ToListAsync(ctx.CancellationToken);
        return ctx.GetArgument<int?>("year") is { } year ? [.. rows.Where(o => Clock.DayOf(o.FiledAt).Year == year)] : rows;
    }

    public static ObjectionStats Measure(IReadOnlyList<ObjectionTiming> objections, long? regionCode, int? year, DateTimeOffset now)
    {
        var responded = objections.Select(o => ObjectionRules.DaysToRespond(o.FiledAt, o.AnsweredAt)).OfType<double>().ToList();
        var open = objections.Where(o => ObjectionRules.IsOpen(o.Status)).Select(o => (now - o.FiledAt).TotalDays).ToList();
        return new ObjectionStats(
            regionCode,
            year,
            objections.Count,
            objections.Count(o => o.Status == ObjectionStatus.Received),
            objections.Count(o => o.Status == ObjectionStatus.Investigating),
            objections.Count(o => o.Status == ObjectionStatus.Answered),
            objections.Count(o => o.Status == ObjectionStatus.Rejected),
            responded.Count == 0 ? null : Math.Round(responded.Average(), 1),
            responded.Count == 0 ? null : Math.Round(responded.Max(), 1),
            responded.Count(days => days <= ObjectionRules.ResponseDeadlineDays),
            objections.Count(o => ObjectionRules.IsOverdue(o.FiledAt, o.AnsweredAt, now)),
            open.Count == 0 ? null : Math.Round(open.Max(), 1));
    }
}
