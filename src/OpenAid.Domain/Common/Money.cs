using System.Globalization;

namespace OpenAid.Domain.Common;

/// <summary>An amount of Chinese yuan held exactly as integer fen (1 yuan = 100 fen).</summary>
public readonly record struct Money(long Fen)
{
    public const string Currency = "CNY";

    public static Money FromYuan(decimal yuan) =>
        decimal.Round(yuan * 100m) == yuan * 100m
            ? new Money((long)(yuan * 100m))
            : throw new ArgumentException($"{yuan} yuan is not a whole number of fen.", nameof(yuan));

    public decimal Yuan => Fen / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    /// <summary>Yuan with exactly two decimals, e.g. "1234.50", as exports and notices print it.</summary>
    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
