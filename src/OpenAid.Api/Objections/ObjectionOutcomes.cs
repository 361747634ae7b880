using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Objections;

namespace OpenAid.Api.Objections;

/// <summary>What the answered objections of a region and year changed.</summary>
public sealed record ObjectionOutcomes(
    long? RegionCode,
    int? Year,
    int Answered,
    int Upheld,
    int PartlyUpheld,
    int NotUpheld,
    int NoFinding,
    long MoneyRecoveredFen,
    int WithCorrectingNotice,
    IReadOnlyList<ObjectionMeasureCount> Measures);

public sealed record ObjectionMeasureCount(ObjectionMeasure Measure, int Count);

public sealed class ObjectionOutcomesType : ObjectGraphType<ObjectionOutcomes>
{
    public ObjectionOutcomesType()
    {
        Name = "ObjectionOutcomes";
        Description = "What answered objections changed in a region subtree: counts by finding, money recovered, counts by measure.";
        Field<RegionType>("region").Description("The region whose subtree is counted; null for everywhere.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(o => o.Year, nullable: true).Description("The year of the answers counted; null for all years.");
        Field(o => o.Answered).Description("Objections answered.");
        Field(o => o.Upheld).Description("Answered as upheld (属实).");
        Field(o => o.PartlyUpheld).Description("Answered as partly upheld (部分属实).");
        Field(o => o.NotUpheld).Description("Answered as not upheld (不属实).");
        Field(o => o.NoFinding).Description("Answered without stating a finding.");
        this.MoneyField("moneyRecovered", "Money recovered because of the objections answered.", o => o.MoneyRecoveredFen);
        Field(o => o.WithCorrectingNotice).Description("Answers that name a correcting notice.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObjectionMeasureCountType>>>>("measures")
            .Description("How many answers took each measure, every measure in a fixed order (0 when none took it).")
            .ListSize(Enum.GetValues<ObjectionMeasure>().Length)
            .Resolve(ctx => ctx.Source.Measures);
    }
}

public sealed class ObjectionMeasureCountType : ObjectGraphType<ObjectionMeasureCount>
{
    public ObjectionMeasureCountType()
    {
        Name = "ObjectionMeasureCount";
        Description = "How many answers took one measure.";
        Field(c => c.Measure, type: typeof(NonNullGraphType<EnumerationGraphType<ObjectionMeasure>>)).Description("The measure.");
        Field(c => c.Count).Description("How many answers took it.");
    }
}

public sealed class ObjectionOutcomeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ObjectionOutcomesType>>("objectionOutcomes")
            .Description("What answered objections changed in a region and everything below it: counts by finding, money recovered, counts by measure, e.g. objectionOutcomes(region: \"451021\", year: 2026).")
            .RegionArgument()
            .Argument<IntGraphType>("year", "Only objections answered in this year (by the Beijing day of the answer).")
            .ResolveAsync(async ctx =>
            {
                var region = await ctx.RegionArgumentAsync();
                var answered = ctx.Db().Objections.Where(o => o.Status == ObjectionStatus.Answered);
                if (region is { } r)
                {
                    answered = answered.InSubtree(r, o => o.RegionCode);
                }

                // SQLite cannot compare DateTimeOffset, so the year is taken here; a region's answers are few.
                var rows = await answered.Select(o => new { o.AnsweredAt, o.Finding, o.MoneyRecoveredFen, o.MeasuresMask, o.CorrectingNoticeId }).ToListAsync(ctx.CancellationToken);
                var year = ctx.GetArgument<int?>("year");
                var inYear = year is { } y ? [.. rows.Where(o => o.AnsweredAt is { } at && Clock.DayOf(at).Year == y)] : rows;
                return new ObjectionOutcomes(
                    region?.Value,
                    year,
                    inYear.Count,
                    inYear.Count(o => o.Finding == ObjectionFinding.Upheld),
                    inYear.Count(o => o.Finding == ObjectionFinding.PartlyUpheld),
                    inYear.Count(o => o.Finding == ObjectionFinding.NotUpheld),
                    inYear.Count(o => o.Finding is null),
                    inYear.Sum(o => o.MoneyRecoveredFen),
                    inYear.Count(o => o.CorrectingNoticeId is not null),
                    [.. Enum.GetValues<ObjectionMeasure>().Select(m => new ObjectionMeasureCount(m, inYear.Count(o => (o.MeasuresMask & Objection.MeasureBit(m)) != 0)))]);
            });
}
