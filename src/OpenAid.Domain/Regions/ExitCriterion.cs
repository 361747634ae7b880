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

    /// <summary>Whether a village's figures meet this rule; the reasons name each threshold missed.</summary>
    public ExitAssessment Assess(VillageStatistics statistics)
    {
        var missed = new List<string>();
        if (statistics.PovertyIncidenceBasisPoints > MaxPovertyIncidenceBasisPoints)
        {
            missed.Add($"poverty incidence {statistics.PovertyIncidenceBasisPoints / 100m:0.00}% > {MaxPovertyIncidenceBasisPoints / 100m:0.00}%");
        }

        if (MinCollectiveIncomeFen is { } minIncome && statistics.CollectiveIncomeFen < minIncome)
        {
            missed.Add($"collective income ¥{statistics.CollectiveIncomeFen / 100m:0.00} < ¥{minIncome / 100m:0.00}");
        }

        return new ExitAssessment(missed.Count == 0, missed);
    }
}

public sealed record ExitAssessment(bool Met, IReadOnlyList<string> Missed);
