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
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData(null)]
    public void Rejects_everything_else(string? code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void The_check_character_completes_a_valid_code()
    {
        var first17 = "9145100012345678A";

        Assert.True(CreditCode.IsValid(first17 + CreditCode.CheckCharacter(first17)));
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("9145100012345678B", '0')] // the weighted sum is a multiple of 31
    [InlineData("9145100012345678M", 'Y')] // one past a multiple of 31: the last character of the alphabet
    public void The_check_character_is_31_less_the_weighted_sum_modulo_31(string first17, char expected) =>
        Assert.Equal(expected, CreditCode.CheckCharacter(first17));

    [Theory]
    [InlineData("9145100012345678", "A credit code has 17 characters before its check character.")]
    [InlineData("9145100012345678AB", "A credit code has 17 characters before its check character.")]
    [InlineData("914510001234567IA", "'I' is not a credit code character.")]
    public void The_check_character_needs_17_characters_of_the_alphabet(string first17, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter(first17));

        Assert.Equal("first17", error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrganizationKind.StateOwnedEnterprise, true)]
    [InlineData(OrganizationKind.PrivateEnterprise, true)]
    [InlineData(OrganizationKind.SocialOrganization, true)]
    [InlineData(OrganizationKind.Government, false)]
    [InlineData(OrganizationKind.IndividualDonor, false)]
    public void Enterprises_and_social_organisations_must_carry_a_credit_code(OrganizationKind kind, bool required) =>
        Assert.Equal(required, Organization.RequiresCreditCode(kind));
}
