using System.ComponentModel;

namespace OpenAid.Domain.Regions;

/// <summary>The five tiers of the administrative tree, from province (省) down to village (村/社区).</summary>
[Description("The tier of a region in the administrative tree.")]
public enum RegionLevel
{
    [Description("Province (省).")]
    Province = 1,
    [Description("City or prefecture (市/州).")]
    City = 2,
    [Description("County, county-level city or district (县/市/区).")]
    County = 3,
    [Description("Township, town or sub-district (乡/镇/街道).")]
    Township = 4,
    [Description("Administrative village or community (村/社区).")]
    Village = 5,
}
