namespace OpenAid.Domain.Projects;

public enum ProjectCategory
{
    /// <summary>产业扶贫.</summary>
    Industry = 1,
    /// <summary>基础设施.</summary>
    Infrastructure = 2,
    /// <summary>易地扶贫搬迁.</summary>
    Relocation = 3,
    /// <summary>教育.</summary>
    Education = 4,
    /// <summary>健康.</summary>
    Health = 5,
    /// <summary>生态.</summary>
    Ecology = 6,
    /// <summary>就业.</summary>
    Employment = 7,
    /// <summary>兜底保障.</summary>
    SocialSafetyNet = 8,
    /// <summary>危房改造.</summary>
    Housing = 9,
    /// <summary>资产收益.</summary>
    AssetIncome = 10,
    /// <summary>消费扶贫.</summary>
    ConsumptionAid = 11,
}
