using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

/// <summary>
/// Applies the exit criteria (data, per province and year) to a village's own figures, or to the summed
/// figures of a county's villages.
/// </summary>
public static class ExitAssessments
{
    public static async Task<RegionExitAssessment?> AssessAsync(OpenAidDbContext db, Region region, int year, CancellationToken ct)
    {
        if (region.Level is not (RegionLevel.Village or RegionLevel.County))
        {
            return null;
        }

        var provinceCode = RegionType.AncestorCodes(region).First();
        var criterion = await db.ExitCriteria
            .Where(c => c.ProvinceCode == provinceCode && c.Level == region.Level && c.FromYear <= year)
            .OrderByDescending(c => c.FromYear)
            .FirstOrDefaultAsync(ct);
        if (criterion is null)
        {
            return null;
        }

        var subtree = region.RegionCode;
        var sums = await db.VillageStatistics
            .Where(s => s.Year == year && s.RegionCode >= subtree.SubtreeStart && s.RegionCode < subtree.SubtreeEnd)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Population = g.Sum(s => s.Population),
                PoorPeople = g.Sum(s => s.PoorPeople),
                PoorHouseholds = g.Sum(s => s.PoorHouseholds),
                CollectiveIncomeFen = g.Sum(s => s.CollectiveIncomeFen),
            })
            .SingleOrDefaultAsync(ct);
        if (sums is null)
        {
            return null;
        }

        var figures = VillageStatistics.Total(region.Code, year, sums.Population, sums.PoorPeople, sums.PoorHouseholds, sums.CollectiveIncomeFen);

        // A county is judged on incidence only; collective income is a village criterion.
        if (region.Level == RegionLevel.County)
        {
            criterion = new ExitCriterion
            {
                ProvinceCode = criterion.ProvinceCode,
                Level = criterion.Level,
                FromYear = criterion.FromYear,
                MaxPovertyIncidenceBasisPoints = criterion.MaxPovertyIncidenceBasisPoints,
                Source = criterion.Source,
            };
        }

        var assessment = criterion.Assess(figures);
        return new RegionExitAssessment(year, assessment, criterion, figures);
    }
}

public sealed record RegionExitAssessment(int Year, ExitAssessment Assessment, ExitCriterion Criterion, VillageStatistics Figures);

public sealed class ExitAssessmentType : ObjectGraphType<RegionExitAssessment>
{
    public ExitAssessmentType()
    {
        Name = "ExitAssessment";
        Description = "Whether a village or county meets its province's exit criteria (出列 / 摘帽 标准) with one year's figures.";
        Field(a => a.Year).Description("The statistics year assessed.");
        Field<NonNullGraphType<BooleanGraphType>>("met").Description("True when every threshold is met.").Resolve(ctx => ctx.Source.Assessment.Met);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExitCheckType>>>>("checks")
            .Description("Each threshold the criterion sets, with the required and the actual figure and whether it passed; word them from these.")
            .Resolve(ctx => ctx.Source.Assessment.Checks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("missed")
            .Description("Each threshold missed, with the figure and the limit, as an English phrase.")
            .DeprecationReason("English text; use checks (threshold, required, actual, passed) and word it in the reader's language.")
            .Resolve(ctx => ctx.Source.Assessment.Missed);
        Field(a => a.Criterion, type: typeof(NonNullGraphType<ExitCriterionType>)).Description("The criterion applied.");
        Field(a => a.Figures, type: typeof(NonNullGraphType<VillageStatisticsType>)).Description("The figures assessed; for a county, the sum of its villages.");
    }
}

public sealed class ExitCriterionType : ObjectGraphType<ExitCriterion>
{
    public ExitCriterionType()
    {
        Name = "ExitCriterion";
        Description = "An exit threshold of one province from one year on; the rules differ by province and year, so they are data.";
        Field(c => c.Level, type: typeof(NonNullGraphType<EnumerationGraphType<RegionLevel>>)).Description("The tier the rule applies to (village or county).");
        Field(c => c.FromYear).Description("The first year the rule applies.");
        Field<NonNullGraphType<StringGraphType>>("maxPovertyIncidencePercent").Description("The highest poverty incidence allowed, in percent.")
            .Resolve(ctx => (ctx.Source.MaxPovertyIncidenceBasisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Field<GraphQL.MoneyType>("minCollectiveIncome").Description("The lowest village collective income required, if the province sets one.")
            .Resolve(ctx => ctx.Source.MinCollectiveIncomeFen is { } fen ? new Domain.Common.Money(fen) : null);
        Field(c => c.Source).Description("The policy document the rule comes from.");
    }
}

public sealed class ExitCheckType : ObjectGraphType<ExitCheck>
{
    public ExitCheckType()
    {
        Name = "ExitCheck";
        Description = "One exit threshold applied to a place's figures.";
        Field(c => c.Threshold, type: typeof(NonNullGraphType<EnumerationGraphType<ExitThreshold>>)).Description("Which threshold.");
        Field<NonNullGraphType<StringGraphType>>("required")
            .Description("What the criterion requires: for POVERTY_INCIDENCE the highest share allowed, in percent (\"3.00\"); for COLLECTIVE_INCOME the lowest income, in yuan (\"50000.00\").")
            .Resolve(ctx => Figure(ctx.Source.Required));
        Field<NonNullGraphType<StringGraphType>>("actual")
            .Description("What the figures show, in the same unit as required.")
            .Resolve(ctx => Figure(ctx.Source.Actual));
        Field(c => c.Passed).Description("True when the figures meet the threshold (incidence at most, income at least the required figure).");
    }

    // Basis points and fen both have two decimals in their unit: percent and yuan.
    private static string Figure(long hundredths) => (hundredths / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
