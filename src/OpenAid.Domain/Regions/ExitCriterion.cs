using System.ComponentModel;

namespace OpenAid.Domain.Regions;

/// <summary>
/// The exit thresholds (出列 / 摘帽 标准) of one province from one year on. They differ by province and year,
/// so they are data: seed 000 §2 (Hunan), seed 004 (Guangxi), seed 003 (Lianzhou).
/// </summary>
public class ExitCriterion
{
    public int Id { get; set; }

    /// <summary>Padded code of the province the rule applies to.</summary>
    public long ProvinceCode { get; set; }

    public RegionLevel Level { get; set; }

    public int FromYear { get; set; }

    public int MaxPovertyIncidenceBasisPoints { get; set; }

    public long? MinCollectiveIncomeFen { get; set; }

    public required string Source { get; set; }

    /// <summary>Whether a village's figures meet this rule: one check per threshold the rule sets, each with both figures.</summary>
    public ExitAssessment Assess(VillageStatistics statistics)
    {
        List<ExitCheck> checks =
        [
            new(ExitThreshold.PovertyIncidence, MaxPovertyIncidenceBasisPoints, statistics.PovertyIncidenceBasisPoints,
                statistics.PovertyIncidenceBasisPoints <= MaxPovertyIncidenceBasisPoints),
        ];
        if (MinCollectiveIncomeFen is { } minIncome)
        {
            checks.Add(new(ExitThreshold.CollectiveIncome, minIncome, statistics.CollectiveIncomeFen, statistics.CollectiveIncomeFen >= minIncome));
        }

        return new ExitAssessment(checks.TrueForAll(c => c.Passed), checks);
    }
}

/// <summary>A threshold of the exit criteria: poverty incidence at most a share, collective income at least an amount.</summary>
[Description("A threshold of the exit criteria.")]
public enum ExitThreshold
{
    /// <summary>Poor people per population, in basis points (1/100 %); at most the required figure.</summary>
    [Description("Poor people per population, at most the required percent.")]
    PovertyIncidence,

    /// <summary>The village collective's yearly income, in fen; at least the required figure.</summary>
    [Description("The village collective's yearly income, at least the required yuan.")]
    CollectiveIncome,
}

/// <summary>One threshold applied: what the rule requires, what the figures show, and whether they pass.</summary>
public sealed record ExitCheck(ExitThreshold Threshold, long Required, long Actual, bool Passed)
{
    /// <summary>The check in English, for API clients that show the deprecated missed list.</summary>
    public string Describe() => Threshold == ExitThreshold.PovertyIncidence
        ? $"poverty incidence {Actual / 100m:0.00}% > {Required / 100m:0.00}%"
        : $"collective income ¥{Actual / 100m:0.00} < ¥{Required / 100m:0.00}";
}

public sealed record ExitAssessment(bool Met, IReadOnlyList<ExitCheck> Checks)
{
    public IReadOnlyList<string> Missed => [.. Checks.Where(c => !c.Passed).Select(c => c.Describe())];
}
