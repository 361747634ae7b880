using OpenAid.Domain.Notices;

namespace OpenAid.Domain.Tests;

public class SupervisionPhoneTests
{
    [Theory]
    [InlineData("12317")] // the national hotline
    [InlineData("12345")] // another government service number
    [InlineData("0776-2812345")] // area code and a 7-digit local number
    [InlineData("0776 28123456")]
    [InlineData("077628123456")]
    [InlineData("(0776)2345678")]
    [InlineData("010-62345678")] // a 3-digit area code
    [InlineData("2345678")] // a local number without its area code
    [InlineData("82345678")]
    public void Office_and_service_numbers_are_accepted(string number) => Assert.True(SupervisionPhone.IsOfficeNumber(number));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("13812345678")] // a private mobile
    [InlineData("1234567")] // a local number starts 2–9
    [InlineData("234567")] // 6 digits
    [InlineData("234567890")] // 9 digits
    [InlineData("010-12345678")]
    [InlineData("0076-2345678")] // an area code starts 0 then 1–9
    [InlineData("07761-2345678")]
    [InlineData("1231")]
    [InlineData("123170")]
    [InlineData("13317")]
    [InlineData("监督电话 12317")] // the whole text must be the number
    [InlineData("12317 转 8")]
    public void Everything_else_is_refused(string? text) => Assert.False(SupervisionPhone.IsOfficeNumber(text));
}
