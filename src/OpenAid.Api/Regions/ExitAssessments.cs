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
        return new RegionExitAssessment(year, assessment.Met, assessment.Missed, criterion, figures);
    }
}

public sealed record RegionExitAssessment(int Year, bool Met, IReadOnlyList<string> Missed, ExitCriterion Criterion, VillageStatistics Figures);

public sealed class ExitAssessmentType : ObjectGraphType<RegionExitAssessment>
{
    public ExitAssessmentType()
    {
        Name = "ExitAssessment";
        Description = "Whether a village or county meets its province's exit criteria (出列 / 摘帽 标准) with one year's figures.";
        Field(a => a.Year).Description("The statistics year assessed.");
        Field(a => a.Met).Description("True when every threshold is met.");
        Field(a => a.Missed, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("Each threshold missed, with the figure and the limit.");
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
