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

    [Fact]
    public void Fractions_of_a_fen_are_refused() => Assert.Throws<ArgumentException>(() => Money.FromYuan(0.001m));

    [Fact]
    public void Overflow_is_an_error_not_a_wrap() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
}
