using OpenAid.Domain.Organizations;

namespace OpenAid.Domain.Tests;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // a published example code of GB 32100-2015
    [InlineData("91110000600037341L")]
    public void Accepts_codes_with_the_right_check_character(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000I00Y43")] // I is not in the alphabet
    [InlineData("91350100m000100Y43")] // lower case
    [InlineData(null)]
    public void Rejects_everything_else(string? code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void The_check_character_completes_a_valid_code()
    {
        var first17 = "9145100012345678A";

        Assert.True(CreditCode.IsValid(first17 + CreditCode.CheckCharacter(first17)));
    }
}
