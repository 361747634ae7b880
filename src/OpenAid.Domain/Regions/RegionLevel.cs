namespace OpenAid.Domain.Regions;

/// <summary>The five tiers of the administrative tree, from province (省) down to village (村/社区).</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}
