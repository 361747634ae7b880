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

    [Fact]
    public void Null_is_no_code() => Assert.False(RegionCode.TryParse(null, out _));

    [Fact]
    public void A_malformed_code_is_named_when_parsing_fails()
    {
        var error = Assert.Throws<FormatException>(() => RegionCode.Parse("4500"));

        Assert.Equal("'4500' is not a statistical region code (2, 4, 6, 9 or 12 digits).", error.Message);
    }

    [Theory]
    [InlineData(110_000_000_000L, RegionLevel.Province)] // the lowest code (北京市)
    [InlineData(999_999_999_999L, RegionLevel.Village)] // the highest 12-digit value
    [InlineData(451_000_000_000L, RegionLevel.City)]
    [InlineData(451_021_000_000L, RegionLevel.County)]
    [InlineData(451_021_100_000L, RegionLevel.Township)]
    [InlineData(451_021_100_201L, RegionLevel.Village)]
    public void The_level_follows_from_the_trailing_zeros(long value, RegionLevel level)
    {
        Assert.Equal(level, RegionCode.LevelOf(value));
        Assert.Equal(new RegionCode(value, level), RegionCode.Of(value));
    }

    [Theory]
    [InlineData(109_999_999_999L)]
    [InlineData(1_000_000_000_000L)]
    [InlineData(0L)]
    [InlineData(-450_000_000_000L)]
    public void Values_outside_the_12_digit_codes_have_no_level(long value)
    {
        Assert.Null(RegionCode.LevelOf(value));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RegionCode.Of(value));
        Assert.Equal("value", error.ParamName);
        Assert.StartsWith("Not a 12-digit region code.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("45", 450000000000L, 460000000000L)]
    [InlineData("4510", 451000000000L, 451100000000L)]
    [InlineData("451021", 451021000000L, 451022000000L)]
    [InlineData("451021100", 451021100000L, 451021101000L)]
    [InlineData("451021100201", 451021100201L, 451021100202L)]
    public void Every_level_spans_the_codes_below_it(string text, long start, long end)
    {
        var code = RegionCode.Parse(text);

        Assert.Equal((start, end), (code.SubtreeStart, code.SubtreeEnd));
        Assert.True(code.Contains(end - 1));
        Assert.False(code.Contains(end));
        Assert.False(code.Contains(start - 1));
    }

    [Fact]
    public void A_code_prints_as_its_padded_12_digits()
    {
        Assert.Equal("451021000000", RegionCode.Parse("451021").ToString());

        // What a failed TryParse leaves prints as zeros too, in either form.
        Assert.Equal("000000000000", default(RegionCode).ToString());
        Assert.Equal("000000000000", default(RegionCode).ShortForm);
    }
}
