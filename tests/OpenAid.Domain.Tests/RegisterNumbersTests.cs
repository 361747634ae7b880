using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

public class RegisterNumbersTests
{
    private const string Prefix = "GS-451021-2019-";

    [Theory]
    [InlineData(451021100201L, "GS-451021-2019-")] // a village numbers under its county
    [InlineData(451021100000L, "GS-451021-2019-")] // a township too
    [InlineData(451021000000L, "GS-451021-2019-")]
    [InlineData(450000000000L, "GS-450000-2019-")] // a province keeps its padded six digits
    [InlineData(110101000000L, "GS-110101-2019-")]
    public void The_prefix_is_kind_county_and_year(long regionCode, string expected) =>
        Assert.Equal(expected, RegisterNumbers.Prefix("GS", regionCode, 2019));

    [Fact]
    public void A_region_code_gives_the_same_prefix_as_its_value() =>
        Assert.Equal("XM-451021-2020-", RegisterNumbers.Prefix("XM", RegionCode.Parse("451021100201"), 2020));

    [Theory]
    [InlineData(new string[0], "GS-451021-2019-0001")]
    [InlineData(new[] { "GS-451021-2019-0030", "GS-451021-2019-0031", "GS-451021-2019-0007" }, "GS-451021-2019-0032")]
    [InlineData(new[] { "GS-451021-2019-0031", "GS-451021-2019-0030" }, "GS-451021-2019-0032")] // order does not matter
    [InlineData(new[] { "GS-451021-2019-9999" }, "GS-451021-2019-10000")] // past four digits the number grows
    [InlineData(new[] { "GS-451021-2019-10000" }, "GS-451021-2019-10001")]
    public void The_next_number_follows_the_highest_taken(string[] taken, string expected) =>
        Assert.Equal(expected, RegisterNumbers.Next(Prefix, taken));

    [Theory]
    [InlineData("GS-451022-2019-0050")] // another county
    [InlineData("GS-451021-2018-0050")] // another year
    [InlineData("XM-451021-2019-0050")] // another register
    [InlineData("gs-451021-2019-0050")] // prefixes are compared exactly
    [InlineData("0050-GS-451021-2019-")] // the prefix must lead
    [InlineData("GS-451021-2019-")] // no sequence
    [InlineData("GS-451021-2019-00a5")]
    [InlineData("GS-451021-2019-+050")]
    [InlineData("GS-451021-2019- 050")]
    [InlineData("GS-451021-2019--050")]
    public void Numbers_of_other_prefixes_or_without_a_sequence_are_ignored(string other) =>
        Assert.Equal("GS-451021-2019-0004", RegisterNumbers.Next(Prefix, ["GS-451021-2019-0003", other]));
}
