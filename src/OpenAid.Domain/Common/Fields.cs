namespace OpenAid.Domain.Common;

/// <summary>
/// Checks of single input values that many operations share. Each failure is a <see cref="DomainException"/> naming
/// the input field, so the caller sees which field to fix.
/// </summary>
public static class Fields
{
    /// <summary>The largest amount one record may hold: ¥1 trillion, far above any real fund.</summary>
    public const long MaxAmountFen = 100_000_000_000_000;

    /// <summary>
    /// The most all amounts of one kind together may reach: ¥10 quadrillion, well inside a 64-bit integer. Every sum
    /// (a region's money, a village's needs) is a part of such a total, so no sum can overflow.
    /// </summary>
    public const long MaxTotalFen = 1_000_000_000_000_000_000;

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static long PositiveAmount(long fen, string field) =>
        fen is > 0 and <= MaxAmountFen
            ? fen
            : throw new DomainException(Errors.InvalidAmount, $"'{field}' must be more than 0 and at most {MaxAmountFen} fen; it was {fen}.", field, ("maxFen", MaxAmountFen), ("valueFen", fen));

    /// <summary>Fails unless <paramref name="adding"/> keeps <paramref name="totalSoFar"/> (at most <see cref="MaxTotalFen"/>) within it.</summary>
    public static void RoomInTotal(long totalSoFar, long adding, string field)
    {
        if (adding > MaxTotalFen - totalSoFar)
        {
            throw new DomainException(
                Errors.TotalTooLarge,
                $"'{field}' would take the total of all such amounts beyond {MaxTotalFen} fen (it is {totalSoFar}); no total may pass it.",
                field, ("maxFen", MaxTotalFen), ("totalFen", totalSoFar), ("addingFen", adding));
        }
    }

    /// <summary>An amount that may be zero, e.g. a village without collective income (空壳村).</summary>
    public static long NonNegativeAmount(long fen, string field) =>
        fen == 0 ? 0 : PositiveAmount(fen, field);

    public static int Count(int count, string field, int max) =>
        count >= 0 && count <= max
            ? count
            : throw new DomainException(Errors.InvalidCount, $"'{field}' must be from 0 to {max}; it was {count}.", field, ("max", max), ("value", count));

    public static int Year(int year, string field) =>
        year is >= MinYear and <= MaxYear
            ? year
            : throw new DomainException(Errors.InvalidYear, $"'{field}' must be a year from {MinYear} to {MaxYear}; it was {year}.", field, ("min", MinYear), ("max", MaxYear), ("value", year));

    /// <summary>Required public text: trimmed, not empty, at most <paramref name="maxLength"/> characters, no personal data.</summary>
    public static string PublicText(string? text, string field, int maxLength)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException(Errors.Required, $"'{field}' must not be empty.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(Errors.TooLong, $"'{field}' may have at most {maxLength} characters; it has {trimmed.Length}.", field, ("max", maxLength), ("length", trimmed.Length));
        }

        PrivacyGuard.EnsurePublic(trimmed, field);
        return trimmed;
    }

    /// <summary>Optional public text: null when blank, else as <see cref="PublicText"/>.</summary>
    public static string? OptionalPublicText(string? text, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? null : PublicText(text, field, maxLength);
}
