using System.ComponentModel;

namespace OpenAid.Domain.Regions;

/// <summary>An administrative unit; <see cref="Code"/> is its padded 12-digit statistical code.</summary>
public class Region
{
    public long Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public long? ParentCode { get; set; }

    /// <summary>国家扶贫开发工作重点县.</summary>
    public bool IsNationalKeyCounty { get; set; }

    /// <summary>省级扶贫开发工作重点县.</summary>
    public bool IsProvincialKeyCounty { get; set; }

    /// <summary>集中连片特困地区.</summary>
    public bool IsContiguousDestituteArea { get; set; }

    /// <summary>深度贫困 county, township or village.</summary>
    public bool IsDeepPoverty { get; set; }

    public PovertyStatus PovertyStatus { get; set; }

    public int? PlannedExitYear { get; set; }

    public int? ActualExitYear { get; set; }

    /// <summary>The place is real, but its poverty flags, status and exit years were generated as demo data.</summary>
    public bool HasDemoFlags { get; set; }

    public RegionCode RegionCode => new(Code, Level);

    /// <summary>Records the confirmed exit (出列 / 摘帽) of <paramref name="year"/>; only a confirmed exit record calls this.</summary>
    public void MarkExited(int year)
    {
        PovertyStatus = PovertyStatus.Exited;
        ActualExitYear = year;
    }
}

[Description("Whether a village or county is registered as poor (贫困村 / 贫困县), or has exited.")]
public enum PovertyStatus
{
    [Description("Never registered as poor.")]
    NotRegistered = 0,
    [Description("Registered as a poor village or county (贫困村 / 贫困县).")]
    Poor = 1,
    [Description("Exited (出列 / 摘帽).")]
    Exited = 2,
}
