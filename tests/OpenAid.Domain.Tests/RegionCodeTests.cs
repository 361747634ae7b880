using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

public class RegionCodeTests
{
    [Theory]
    [InlineData("45", 450000000000L, RegionLevel.Province, "45")]
    [InlineData("4510", 451000000000L, RegionLevel.City, "4510")]
    [InlineData("451021", 451021000000L, RegionLevel.County, "451021")]
    [InlineData("451021100", 451021100000L, RegionLevel.Township, "451021100")]
    [InlineData("451021100201", 451021100201L, RegionLevel.Village, "451021100201")]
    [InlineData("450000000000", 450000000000L, RegionLevel.Province, "45")]
    public void Parses_every_official_length(string text, long value, RegionLevel level, string shortForm)
    {
        var code = RegionCode.Parse(text);

        Assert.Equal(value, code.Value);
        Assert.Equal(level, code.Level);
        Assert.Equal(shortForm, code.ShortForm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("4x")]
    [InlineData("451")]
    [InlineData("4500")]
    [InlineData("450000")]
    [InlineData("4510211002011")]
    [InlineData("000000000000")]
    [InlineData("４５")]
    public void Rejects_malformed_codes(string text) => Assert.False(RegionCode.TryParse(text, out _));

    [Fact]
    public void A_subtree_is_a_range_of_codes()
    {
        var county = RegionCode.Parse("451021");

        Assert.True(county.Contains(451021100201));
        Assert.True(county.Contains(451021000000));
        Assert.False(county.Contains(451022000000));
        Assert.False(county.Contains(451020999999));
    }
}
