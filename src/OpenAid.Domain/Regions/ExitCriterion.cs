using System.ComponentModel;
using System.Globalization;

namespace OpenAid.Domain.Regions;

/// <summary>
/// The exit thresholds (出列 / 摘帽 标准) of one province and tier from one year on. They differ by province and year,
/// so they are data (seeded in <c>ExitCriteriaSeed</c>): every threshold a document states, each check citing the
/// document by its title. Where a document gives no figure the national standard applies, cited as such.
/// </summary>
public class ExitCriterion
{
    public const int SourceMaxLength = 300;

    public int Id { get; set; }

    /// <summary>Padded code of the province the rule applies to.</summary>
    public long ProvinceCode { get; set; }

    public RegionLevel Level { get; set; }

    /// <summary>The first year the row applies; for a year, the row with the latest FromYear up to it applies.</summary>
    public int FromYear { get; set; }

    public int MaxPovertyIncidenceBasisPoints { get; set; }

    /// <summary>Where the incidence limit comes from: the province's document, or the national standard.</summary>
    public required string IncidenceSource { get; set; }

    /// <summary>Village collective income at least this, in fen; null when the province sets no floor.</summary>
    public long? MinCollectiveIncomeFen { get; set; }

    /// <summary>The first year the collective-income floor applies (Guangxi: 2020); null: from <see cref="FromYear"/>.</summary>
    public int? MinCollectiveIncomeFromYear { get; set; }

    /// <summary>County-wide rural per-capita disposable income at least this, in fen (Hunan counties).</summary>
    public long? MinRuralIncomeFen { get; set; }

    /// <summary>The first year the rural-income floor applies; null: from <see cref="FromYear"/>.</summary>
    public int? MinRuralIncomeFromYear { get; set; }

    /// <summary>The village's per-capita income must be above this share of the provincial rural average, in basis points (Guangdong: 60%).</summary>
    public int? MinVillageIncomeShareBasisPoints { get; set; }

    /// <summary>The helped households' per-capita income at least this share of the provincial rural average, in basis points (Guangdong: 45%).</summary>
    public int? MinHelpedHouseholdIncomeShareBasisPoints { get; set; }

    /// <summary>The main infrastructure and public-service problems must be solved (Hunan villages).</summary>
    public bool RequiresInfrastructureSolved { get; set; }

    /// <summary>The document (title and section) the thresholds other than incidence come from.</summary>
    public required string Source { get; set; }

    /// <summary>
    /// Whether <paramref name="figures"/> of <paramref name="year"/> meet this rule: one check per threshold that applies
    /// that year, each with the required and the actual figure and its document. A figure that is not recorded fails
    /// its check, so a missing record never passes as met.
    /// </summary>
    public ExitAssessment Assess(ExitFigures figures, int year)
    {
        ArgumentNullException.ThrowIfNull(figures);
        List<ExitCheck> checks =
        [
            new(ExitThreshold.PovertyIncidence, MaxPovertyIncidenceBasisPoints, figures.PovertyIncidenceBasisPoints,
                figures.PovertyIncidenceBasisPoints <= MaxPovertyIncidenceBasisPoints, IncidenceSource),
        ];
        if (MinCollectiveIncomeFen is { } minCollective && year >= (MinCollectiveIncomeFromYear ?? FromYear))
        {
            checks.Add(new(ExitThreshold.CollectiveIncome, minCollective, figures.CollectiveIncomeFen, figures.CollectiveIncomeFen >= minCollective, Source));
        }

        if (MinRuralIncomeFen is { } minRural && year >= (MinRuralIncomeFromYear ?? FromYear))
        {
            checks.Add(new(ExitThreshold.RuralPerCapitaIncome, minRural, figures.PerCapitaIncomeFen, figures.PerCapitaIncomeFen >= minRural, Source));
        }

        if (MinVillageIncomeShareBasisPoints is { } villageShare)
        {
            // "Above 60%": strictly, compared exactly in fen rather than on a rounded share.
            checks.Add(ShareCheck(ExitThreshold.VillageIncomeShare, villageShare, figures.PerCapitaIncomeFen, figures.ProvincialRuralAverageFen, strictly: true));
        }

        if (MinHelpedHouseholdIncomeShareBasisPoints is { } helpedShare)
        {
            checks.Add(ShareCheck(ExitThreshold.HelpedHouseholdIncomeShare, helpedShare, figures.HelpedHouseholdsPerCapitaIncomeFen, figures.ProvincialRuralAverageFen, strictly: false));
        }

        if (RequiresInfrastructureSolved)
        {
            checks.Add(new(ExitThreshold.InfrastructureSolved, 1, figures.InfrastructureSolved is { } solved ? (solved ? 1 : 0) : null, figures.InfrastructureSolved == true, Source));
        }

        return new ExitAssessment(checks.TrueForAll(c => c.Passed), checks);
    }

    /// <summary>The same rule with its incidence limit only, for what is judged on incidence alone (the demo's counties).</summary>
    public ExitCriterion IncidenceOnly() => new()
    {
        ProvinceCode = ProvinceCode,
        Level = Level,
        FromYear = FromYear,
        MaxPovertyIncidenceBasisPoints = MaxPovertyIncidenceBasisPoints,
        IncidenceSource = IncidenceSource,
        Source = Source,
    };

    private ExitCheck ShareCheck(ExitThreshold threshold, int requiredBasisPoints, long? incomeFen, long? averageFen, bool strictly)
    {
        if (incomeFen is not { } income || averageFen is not { } average || average <= 0)
        {
            return new(threshold, requiredBasisPoints, null, false, Source);
        }

        var scaled = (decimal)income * 10_000;
        var bar = (decimal)requiredBasisPoints * average;
        return new(threshold, requiredBasisPoints, (long)Math.Floor(scaled / average), strictly ? scaled > bar : scaled >= bar, Source);
    }
}

/// <summary>The figures an exit is judged on: a village's own, or a county's county-wide ones.</summary>
/// <param name="CollectiveIncomeFen">The village collective's income; null for a county.</param>
/// <param name="PerCapitaIncomeFen">The village's per-capita disposable income, or the county's rural one.</param>
/// <param name="HelpedHouseholdsPerCapitaIncomeFen">The helped (registered) households' per-capita income, where recorded.</param>
/// <param name="ProvincialRuralAverageFen">The province's rural per-capita disposable income of the year, where recorded.</param>
/// <param name="InfrastructureSolved">Whether the main infrastructure and public-service problems are solved; null while no checklist is recorded.</param>
public sealed record ExitFigures(
    int Population, int PoorPeople, int PoorHouseholds, long? CollectiveIncomeFen, long? PerCapitaIncomeFen,
    long? HelpedHouseholdsPerCapitaIncomeFen = null, long? ProvincialRuralAverageFen = null, bool? InfrastructureSolved = null)
{
    public int PovertyIncidenceBasisPoints => VillageStatistics.IncidenceBasisPoints(PoorPeople, Population);

    /// <summary>A village's own recorded figures, with the provincial average and the checklist's answer where known.</summary>
    public static ExitFigures Of(VillageStatistics village, long? provincialRuralAverageFen = null, bool? infrastructureSolved = null)
    {
        ArgumentNullException.ThrowIfNull(village);
        return new(village.Population, village.PoorPeople, village.PoorHouseholds, village.CollectiveIncomeFen, village.PerCapitaDisposableIncomeFen,
            village.HelpedHouseholdsPerCapitaIncomeFen, provincialRuralAverageFen, infrastructureSolved);
    }

    /// <summary>A county's county-wide figures.</summary>
    public static ExitFigures Of(CountyStatistics county)
    {
        ArgumentNullException.ThrowIfNull(county);
        return new(county.Population, county.PoorPeople, county.PoorHouseholds, null, county.RuralPerCapitaDisposableIncomeFen);
    }
}

/// <summary>A threshold of the exit criteria.</summary>
[Description("A threshold of the exit criteria.")]
public enum ExitThreshold
{
    /// <summary>Poor people per population, in basis points (1/100 %); at most the required figure.</summary>
    [Description("Poor people per population, at most the required percent.")]
    PovertyIncidence,

    /// <summary>The village collective's yearly income, in fen; at least the required figure.</summary>
    [Description("The village collective's yearly income, at least the required yuan.")]
    CollectiveIncome,

    /// <summary>A county's rural per-capita disposable income, in fen; at least the required figure.</summary>
    [Description("A county's county-wide rural per-capita disposable income, at least the required yuan.")]
    RuralPerCapitaIncome,

    /// <summary>The village's per-capita income as a share of the provincial rural average, in basis points; above the required share.</summary>
    [Description("The village's per-capita income as a percent of the provincial rural per-capita average of the year, above the required percent.")]
    VillageIncomeShare,

    /// <summary>The helped households' per-capita income as a share of the provincial rural average; at least the required share.</summary>
    [Description("The helped households' per-capita income as a percent of the provincial rural per-capita average of the year, at least the required percent.")]
    HelpedHouseholdIncomeShare,

    /// <summary>The main infrastructure and public-service problems are solved (1) or not (0).</summary>
    [Description("The main infrastructure and public-service problems are solved (the village's checklist); required \"true\".")]
    InfrastructureSolved,
}

/// <summary>
/// One threshold applied: what the rule requires, what the figures show (null when not recorded), whether they pass,
/// and the document the threshold comes from. Incidence and shares are in basis points, money in fen, the checklist 1 or 0.
/// </summary>
public sealed record ExitCheck(ExitThreshold Threshold, long Required, long? Actual, bool Passed, string Source)
{
    /// <summary>The check in English, for API clients that show the deprecated missed list.</summary>
    public string Describe() => Threshold switch
    {
        ExitThreshold.PovertyIncidence => $"poverty incidence {Percent(Actual)}% > {Percent(Required)}%",
        ExitThreshold.CollectiveIncome => $"collective income ¥{Percent(Actual)} < ¥{Percent(Required)}",
        ExitThreshold.RuralPerCapitaIncome => $"rural per-capita income ¥{Percent(Actual)} < ¥{Percent(Required)}",
        ExitThreshold.VillageIncomeShare => $"per-capita income {Percent(Actual)}% of the provincial rural average, not above {Percent(Required)}%",
        ExitThreshold.HelpedHouseholdIncomeShare => $"helped households' income {Percent(Actual)}% of the provincial rural average < {Percent(Required)}%",
        _ => Actual is null ? "infrastructure and public services: no checklist recorded" : "infrastructure and public services not solved",
    };

    // Basis points and fen both have two decimals in their unit: percent and yuan.
    private static string Percent(long? hundredths) =>
        hundredths is { } value ? (value / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "(not recorded)";
}

public sealed record ExitAssessment(bool Met, IReadOnlyList<ExitCheck> Checks)
{
    public IReadOnlyList<string> Missed => [.. Checks.Where(c => !c.Passed).Select(c => c.Describe())];

    /// <summary>Whether the checks of the given thresholds all pass (what a generator that produces only some figures can judge).</summary>
    public bool MetOn(params IReadOnlyCollection<ExitThreshold> thresholds) =>
        Checks.Where(c => thresholds.Contains(c.Threshold)).All(c => c.Passed);
}
