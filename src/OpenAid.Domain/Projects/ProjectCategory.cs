using System.ComponentModel;

namespace OpenAid.Domain.Projects;

[Description("The kind of project: industry, infrastructure, relocation, education and so on.")]
public enum ProjectCategory
{
    [Description("产业扶贫.")]
    Industry = 1,
    [Description("基础设施.")]
    Infrastructure = 2,
    [Description("易地扶贫搬迁.")]
    Relocation = 3,
    [Description("教育.")]
    Education = 4,
    [Description("健康.")]
    Health = 5,
    [Description("生态.")]
    Ecology = 6,
    [Description("就业.")]
    Employment = 7,
    [Description("兜底保障.")]
    SocialSafetyNet = 8,
    [Description("危房改造.")]
    Housing = 9,
    [Description("资产收益.")]
    AssetIncome = 10,
    [Description("消费扶贫.")]
    ConsumptionAid = 11,
}
