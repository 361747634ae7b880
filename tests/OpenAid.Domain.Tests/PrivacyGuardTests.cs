using OpenAid.Domain.Common;

namespace OpenAid.Domain.Tests;

public class PrivacyGuardTests
{
    [Theory]
    [InlineData("贫困户身份证号 11010519491231002X 已登记", "a resident ID number")]
    [InlineData("11010519491231002x", "a resident ID number")]
    [InlineData("联系电话13812345678", "a mobile phone number")]
    [InlineData("电话 138-1234-5678", "a mobile phone number")]
    [InlineData("+86 138 1234 5678", "a mobile phone number")]
    [InlineData("请联系 someone@example.com", "an e-mail address")]
    public void Finds_personal_data(string text, string expected) => Assert.Equal(expected, PrivacyGuard.FindPersonalData(text));

    [Theory]
    [InlineData("项目惠及贫困户 120 户 436 人")]
    [InlineData("监督电话 12317，本地 0776-1234567")]
    [InlineData("11010519491231002")] // 17 digits
    [InlineData("110105194912310021")] // 18 digits, wrong check character
    [InlineData("110105194913310027")] // impossible birth date
    [InlineData("12345678901")] // 11 digits that are no mobile number
    [InlineData("1381234567890")] // 13 digits
    [InlineData("统一社会信用代码 91350100M000100Y43")]
    [InlineData("资金 12,345,678.90 元，文号 桂财农〔2018〕12号")]
    public void Lets_ordinary_text_through(string text) => Assert.Null(PrivacyGuard.FindPersonalData(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_holds_no_personal_data(string? text)
    {
        Assert.Null(PrivacyGuard.FindPersonalData(text));
        PrivacyGuard.EnsurePublic(text, "body");
    }

    [Theory]
    [InlineData("11010519000101001X", true)] // born 1900: the earliest year taken
    [InlineData("110105202002290012", true)] // a leap day
    [InlineData("110105189912310015", false)] // born 1899, even with the right check character
    [InlineData("110105201902290013", false)] // no such day
    [InlineData("11010519491231002", false)] // 17 characters
    [InlineData("11010519491231002X0", false)] // 19 characters
    [InlineData("1101051949123100AX", false)] // a letter before the check character
    public void Resident_id_numbers_need_18_characters_a_real_birth_date_and_the_check_character(string value, bool valid) =>
        Assert.Equal(valid, PrivacyGuard.IsResidentIdNumber(value));

    [Fact]
    public void EnsurePublic_names_the_field()
    {
        var error = Assert.Throws<DomainException>(() => PrivacyGuard.EnsurePublic("手机 13912345678", "body"));

        Assert.Equal("PERSONAL_DATA", error.Code);
        Assert.Equal("body", error.Field);
        Assert.Contains("'body'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The field 'body' contains a mobile phone number.", error.Message, StringComparison.Ordinal);
    }
}
