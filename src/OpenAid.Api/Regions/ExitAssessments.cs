using System.Globalization;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Regions;

/// <summary>
/// Applies the exit criteria (data, per province and year) to a village's own figures, or to a county's county-wide
/// statistics – never to the sum of its poor villages.
/// </summary>
public static class ExitAssessments
{
    /// <summary>The assessment of <paramref name="region"/> on the figures of <paramref name="year"/>; null when no criterion or no figures apply.</summary>
    public static async Task<RegionExitAssessment?> AssessAsync(OpenAidDbContext db, Region region, int year, CancellationToken ct) =>
        Assessment(await InputsAsync(db, region, year, ct), year);

    /// <summary>The assessments of many places and years at once (a field below a list): five queries whatever their number.</summary>
    public static async Task<Dictionary<(long Code, int Year), RegionExitAssessment>> AssessAllAsync(
        OpenAidDbContext db, IReadOnlyCollection<(long Code, int Year)> keys, CancellationToken ct)
    {
        var inputs = await InputsAsync(db, keys, ct);
        return inputs
            .Select(i => (i.Key, Assessment: Assessment(i.Value, i.Key.Year)))
            .Where(i => i.Assessment is not null)
            .ToDictionary(i => i.Key, i => i.Assessment!);
    }

    public static ExitSnapshot Snapshot(ExitCriterion criterion, ExitFigures figures, int year)
    {
        var assessment = criterion.Assess(figures, year);
        return new ExitSnapshot(year, assessment.Met, figures, assessment.Checks);
    }

    /// <summary>
    /// The criterion row of the region's province and tier in force in <paramref name="year"/> (the latest from-year up
    /// to it), and the figures the region is judged on; each null where none applies or none is recorded.
    /// </summary>
    public static async Task<(ExitCriterion? Criterion, ExitFigures? Figures)> InputsAsync(OpenAidDbContext db, Region region, int year, CancellationToken ct) =>
        (await InputsAsync(db, [(region.Code, year)], ct))[(region.Code, year)];

    private static RegionExitAssessment? Assessment((ExitCriterion? Criterion, ExitFigures? Figures) inputs, int year) =>
        inputs is ({ } criterion, { } figures) ? new RegionExitAssessment(Snapshot(criterion, figures, year), criterion) : null;

    /// <summary>
    /// The figures are a village's own, with its province's rural average of the year and its checklist of the year (null
    /// while none is recorded, so a criterion that requires it fails rather than passing unchecked); a county's
    /// county-wide statistics. Other levels have neither criterion nor figures.
    /// </summary>
    private static async Task<Dictionary<(long Code, int Year), (ExitCriterion? Criterion, ExitFigures? Figures)>> InputsAsync(
        OpenAidDbContext db, IReadOnlyCollection<(long Code, int Year)> keys, CancellationToken ct)
    {
        var codes = keys.Select(k => k.Code).Distinct().ToArray();
        var years = keys.Select(k => k.Year).Distinct().ToArray();
        var criteria = await db.ExitCriteria.AsNoTracking().ToListAsync(ct);
        var villages = await db.VillageStatistics.AsNoTracking().Where(s => codes.Contains(s.RegionCode) && years.Contains(s.Year)).ToDictionaryAsync(s => (s.RegionCode, s.Year), ct);
        var counties = await db.CountyStatistics.AsNoTracking().Where(s => codes.Contains(s.RegionCode) && years.Contains(s.Year)).ToDictionaryAsync(s => (s.RegionCode, s.Year), ct);
        var checklists = await db.VillageFacilities.AsNoTracking().Where(f => codes.Contains(f.RegionCode) && years.Contains(f.Year)).ToDictionaryAsync(f => (f.RegionCode, f.Year), ct);
        var averages = await db.ProvincialRuralIncomes.AsNoTracking().Where(p => years.Contains(p.Year)).ToDictionaryAsync(p => (p.ProvinceCode, p.Year), p => p.PerCapitaIncomeFen, ct);

        var inputs = new Dictionary<(long Code, int Year), (ExitCriterion?, ExitFigures?)>();
        foreach (var (code, year) in keys.Distinct())
        {
            var level = RegionCode.LevelOf(code);
            if (level is not (RegionLevel.Village or RegionLevel.County))
            {
                inputs[(code, year)] = (null, null);
                continue;
            }

            var province = RegionCode.Of(code).Lineage().First();
            var criterion = criteria.Where(c => c.ProvinceCode == province && c.Level == level && c.FromYear <= year).MaxBy(c => c.FromYear);
            ExitFigures? figures = level == RegionLevel.County
                ? counties.TryGetValue((code, year), out var county) ? ExitFigures.Of(county) : null
                : villages.TryGetValue((code, year), out var village)
                    ? ExitFigures.Of(
                        village,
                        averages.TryGetValue((province, year), out var average) ? average : null,
                        checklists.TryGetValue((code, year), out var checklist) ? checklist.MainProblemsSolved : null)
                    : null;
            inputs[(code, year)] = (criterion, figures);
        }

        return inputs;
    }
}

/// <summary>An assessment (live, or as an exit stored it) and the criterion row applied.</summary>
public sealed record RegionExitAssessment(ExitSnapshot Snapshot, ExitCriterion Criterion);

public sealed class ExitAssessmentType : ObjectGraphType<RegionExitAssessment>
{
    public ExitAssessmentType()
    {
        Name = "ExitAssessment";
        Description = "Whether a village or county meets its province's exit criteria (出列 / 摘帽 标准) with one year's figures.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The statistics year assessed.").Resolve(ctx => ctx.Source.Snapshot.Year);
        Field<NonNullGraphType<BooleanGraphType>>("met").Description("True when every threshold is met.").Resolve(ctx => ctx.Source.Snapshot.Met);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExitCheckType>>>>("checks")
            .Description("Each threshold the criterion sets for the year, with the required and the actual figure, whether it passed and the document it comes from; word them from these.")
            .Resolve(ctx => ctx.Source.Snapshot.Checks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("missed")
            .Description("Each threshold missed, with the figure and the limit, as an English phrase.")
            .DeprecationReason("English text; use checks (threshold, required, actual, passed) and word it in the reader's language.")
            .Resolve(ctx => ctx.Source.Snapshot.ToAssessment().Missed);
        Field(a => a.Criterion, type: typeof(NonNullGraphType<ExitCriterionType>)).Description("The criterion applied.");
        Field<NonNullGraphType<ExitFiguresType>>("figures").Description("The figures assessed: a village's own, or a county's county-wide statistics.").Resolve(ctx => ctx.Source.Snapshot.Figures);
    }
}

public sealed class ExitFiguresType : ObjectGraphType<ExitFigures>
{
    public ExitFiguresType()
    {
        Name = "ExitFigures";
        Description = "The figures an exit is judged on: counts and amounts only, never household data.";
        Field(f => f.Population).Description("Registered population.");
        Field(f => f.PoorPeople).Description("Registered poor people (count).");
        Field(f => f.PoorHouseholds).Description("Registered poor households (count).");
        Field<NonNullGraphType<StringGraphType>>("povertyIncidencePercent").Description("Poor people per population, in percent with two decimals.")
            .Resolve(ctx => (ctx.Source.PovertyIncidenceBasisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture));
        Field<MoneyType>("collectiveIncome").Description("The village collective's income of the year; null for a county.").Resolve(ctx => Money(ctx.Source.CollectiveIncomeFen));
        Field<MoneyType>("perCapitaIncome").Description("A village's per-capita disposable income, or a county's county-wide rural one.").Resolve(ctx => Money(ctx.Source.PerCapitaIncomeFen));
        Field<MoneyType>("helpedHouseholdsPerCapitaIncome").Description("The helped households' per-capita income, where recorded.").Resolve(ctx => Money(ctx.Source.HelpedHouseholdsPerCapitaIncomeFen));
        Field<MoneyType>("provincialRuralAverage").Description("The province's rural per-capita disposable income of the year, where recorded.").Resolve(ctx => Money(ctx.Source.ProvincialRuralAverageFen));
        Field<BooleanGraphType>("infrastructureSolved").Description("Whether the main infrastructure and public-service problems are solved; null while no checklist is recorded.").Resolve(ctx => ctx.Source.InfrastructureSolved);
    }

    private static Money? Money(long? fen) => fen is { } value ? new Money(value) : null;
}

public sealed class ExitCriterionType : ObjectGraphType<ExitCriterion>
{
    public ExitCriterionType()
    {
        Name = "ExitCriterion";
        Description = "The exit thresholds of one province and tier from one year on; they differ by province and year, so they are data, each citing its document.";
        Field(c => c.Level, type: typeof(NonNullGraphType<EnumerationGraphType<RegionLevel>>)).Description("The tier the rule applies to (village or county).");
        Field(c => c.FromYear).Description("The first year the rule applies.");
        Field<NonNullGraphType<StringGraphType>>("maxPovertyIncidencePercent").Description("The highest poverty incidence allowed, in percent.")
            .Resolve(ctx => Percent(ctx.Source.MaxPovertyIncidenceBasisPoints));
        Field(c => c.IncidenceSource).Description("The document the incidence limit comes from: the province's, or the national standard.");
        Field<MoneyType>("minCollectiveIncome").Description("The lowest village collective income required, if the province sets one.")
            .Resolve(ctx => ctx.Source.MinCollectiveIncomeFen is { } fen ? new Money(fen) : null);
        Field(c => c.MinCollectiveIncomeFromYear, nullable: true).Description("The first year the collective-income floor applies (Guangxi: 2020); null: from fromYear.");
        Field<MoneyType>("minRuralIncome").Description("The lowest county-wide rural per-capita disposable income required, if the province sets one.")
            .Resolve(ctx => ctx.Source.MinRuralIncomeFen is { } fen ? new Money(fen) : null);
        Field(c => c.MinRuralIncomeFromYear, nullable: true).Description("The first year the rural-income floor applies; null: from fromYear.");
        Field<StringGraphType>("minVillageIncomeSharePercent").Description("The village's per-capita income must be above this percent of the provincial rural average, if set.")
            .Resolve(ctx => ctx.Source.MinVillageIncomeShareBasisPoints is { } share ? Percent(share) : null);
        Field<StringGraphType>("minHelpedHouseholdIncomeSharePercent").Description("The helped households' per-capita income must be at least this percent of the provincial rural average, if set.")
            .Resolve(ctx => ctx.Source.MinHelpedHouseholdIncomeShareBasisPoints is { } share ? Percent(share) : null);
        Field(c => c.RequiresInfrastructureSolved).Description("The main infrastructure and public-service problems must be solved.");
        Field(c => c.Source).Description("The policy document (title and section) the other thresholds come from.");
    }

    public static string Percent(long basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

public sealed class ExitCheckType : ObjectGraphType<ExitCheck>
{
    public ExitCheckType()
    {
        Name = "ExitCheck";
        Description = "One exit threshold applied to a place's figures.";
        Field(c => c.Threshold, type: typeof(NonNullGraphType<EnumerationGraphType<ExitThreshold>>)).Description("Which threshold.");
        Field<NonNullGraphType<StringGraphType>>("required")
            .Description("What the criterion requires: incidence and shares in percent (\"3.00\", \"60.00\"), incomes in yuan (\"50000.00\"), INFRASTRUCTURE_SOLVED \"true\".")
            .Resolve(ctx => Figure(ctx.Source.Threshold, ctx.Source.Required));
        Field<StringGraphType>("actual")
            .Description("What the figures show, in the same unit as required; null when the figure is not recorded (the check then fails).")
            .Resolve(ctx => ctx.Source.Actual is { } actual ? Figure(ctx.Source.Threshold, actual) : null);
        Field(c => c.Passed).Description("True when the figures meet the threshold (incidence at most, incomes at least, the village share above, the helped share at least the required figure).");
        Field(c => c.Source).Description("The document the threshold comes from, by its title (or the national standard).");
    }

    // Basis points and fen both have two decimals in their unit: percent and yuan.
    private static string Figure(ExitThreshold threshold, long value) =>
        threshold == ExitThreshold.InfrastructureSolved ? (value == 1 ? "true" : "false") : ExitCriterionType.Percent(value);
}
