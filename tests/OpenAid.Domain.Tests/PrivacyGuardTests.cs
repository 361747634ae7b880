using System.Text;
using OpenAid.Domain.Common;

namespace OpenAid.Domain.Tests;

public class PrivacyGuardTests
{
    [Theory]
    [InlineData("贫困户身份证号 11010519491231002X 已登记")]
    [InlineData("11010519491231002x")]
    [InlineData("联系电话13812345678")]
    [InlineData("电话 138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("请联系 someone@example.com")]
    public void Finds_plain_personal_data(string text) => Assert.NotNull(PrivacyGuard.FindPersonalData(text));

    [Theory]
    [MemberData(nameof(PrivacyGuardCases.RefusedData), MemberType = typeof(PrivacyGuardCases))]
    public void Finds_disguised_personal_data(string kind, string text) =>
        Assert.True(PrivacyGuard.FindPersonalData(text) is not null, $"{kind} went through: {Escaped(text)}");

    [Theory]
    [MemberData(nameof(PrivacyGuardCases.AcceptedData), MemberType = typeof(PrivacyGuardCases))]
    public void Lets_ordinary_text_through(string text) =>
        Assert.True(PrivacyGuard.FindPersonalData(text) is null, $"refused as {PrivacyGuard.FindPersonalData(text)}: {Escaped(text)}");

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
    public void Each_side_has_at_least_100_cases()
    {
        Assert.True(PrivacyGuardCases.Refused.Length >= 100, $"{PrivacyGuardCases.Refused.Length} refused cases");
        Assert.True(PrivacyGuardCases.Accepted.Length >= 100, $"{PrivacyGuardCases.Accepted.Length} accepted cases");
        Assert.Equal(PrivacyGuardCases.Refused.Length, PrivacyGuardCases.Refused.Select(c => c.Text).Distinct().Count());
        Assert.Equal(PrivacyGuardCases.Accepted.Length, PrivacyGuardCases.Accepted.Distinct().Count());
    }

    [Fact]
    public void EnsurePublic_names_the_field_and_the_kind_found_in_its_parameters_and_message()
    {
        (string Text, string Kind, string Described)[] cases =
        [
            ("手机 13912345678", "MOBILE_PHONE_NUMBER", "a mobile phone number"),
            ("a@example.com", "EMAIL_ADDRESS", "an e-mail address"),
            ("11010519491231002X", "RESIDENT_ID_NUMBER", "a resident ID number"),
        ];
        foreach (var (text, kind, described) in cases)
        {
            var error = Assert.Throws<DomainException>(() => PrivacyGuard.EnsurePublic(text, "body"));

            Assert.Equal("PERSONAL_DATA", error.Code);
            Assert.Equal("body", error.Field);
            Assert.Equal([new ErrorParameter("kind", kind)], error.Parameters);
            Assert.Contains($"The field 'body' contains what looks like {described}.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_text_full_of_digit_runs_is_checked()
    {
        // 20,000 characters of digit groups joined by separators, the worst shape for a scan that joins groups.
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < 20_000)
        {
            text.Append((i++ % 7) switch { 0 => "1 ", 1 => "23-", 2 => "4.", 3 => "0 ", 4 => "99,", 5 => "2019-", _ => "8 " });
        }

        Assert.True(text.Length >= 20_000);
        Assert.Null(PrivacyGuard.FindPersonalData(text.ToString()));
        Assert.Null(PrivacyGuard.FindPersonalData(new string('1', 20_000)));
        Assert.Null(PrivacyGuard.FindPersonalData(string.Concat(Enumerable.Repeat("a@", 10_000))));
    }

    [Fact]
    public void IsResidentIdNumber_wants_a_valid_check_character()
    {
        Assert.True(PrivacyGuard.IsResidentIdNumber("11010519491231002X"));
        Assert.False(PrivacyGuard.IsResidentIdNumber("110105194912310021"));
    }

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c is < ' ' or (>= '\u007F' and <= '\u00A0') || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
