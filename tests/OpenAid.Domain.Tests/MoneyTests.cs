using OpenAid.Domain.Common;

namespace OpenAid.Domain.Tests;

public class MoneyTests
{
    [Fact]
    public void Yuan_are_exact_to_the_fen()
    {
        Assert.Equal(123456, Money.FromYuan(1234.56m).Fen);
        Assert.Equal("1234.50", new Money(123450).ToString());
        Assert.Equal("-0.01", new Money(-1).ToString());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0.01)]
    [InlineData(123450, 1234.5)]
    [InlineData(-250, -2.5)]
    public void Fen_read_as_yuan(long fen, decimal yuan) => Assert.Equal(yuan, new Money(fen).Yuan);

    [Fact]
    public void Fractions_of_a_fen_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Money.FromYuan(0.001m));

        Assert.Equal("yuan", error.ParamName);
        Assert.StartsWith("0.001 yuan is not a whole number of fen.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_add_and_subtract_exactly()
    {
        Assert.Equal(new Money(1_250), new Money(1_000) + new Money(250));
        Assert.Equal(new Money(750), new Money(1_000) - new Money(250));
        Assert.Equal(new Money(-250), new Money(0) - new Money(250));
    }

    [Fact]
    public void Overflow_is_an_error_not_a_wrap() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));

    [Fact]
    public void Underflow_is_an_error_not_a_wrap() =>
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
}
