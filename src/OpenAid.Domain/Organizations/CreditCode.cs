using System.Buffers;
using OpenAid.Domain.Common;

namespace OpenAid.Domain.Organizations;

/// <summary>
/// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015). The last character is a
/// check character over the first 17, computed modulo 31 over an alphabet without I, O, S, V and Z.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly SearchValues<char> Characters = SearchValues.Create(Alphabet);
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) =>
        code is { Length: Length }
        && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
        && CheckCharacter(code.AsSpan(0, 17)) == code[17];

    /// <summary>
    /// The code <paramref name="code"/> holds, trimmed, or INVALID_CREDIT_CODE saying what is wrong with it. It is taken
    /// as written: full-width digits, lower case or letters outside the alphabet are refused, not read as others.
    /// </summary>
    public static string Parse(string code, string field)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        if (trimmed.Length != Length)
        {
            throw Invalid(field, $"'{field}' must have {Length} characters; it has {trimmed.Length}.");
        }

        var bad = trimmed.AsSpan().IndexOfAnyExcept(Characters);
        if (bad >= 0)
        {
            throw Invalid(field, $"'{field}' has '{trimmed[bad]}' (U+{(int)trimmed[bad]:X4}) at position {bad + 1}; a credit code has only the digits 0–9 and the capital letters {Alphabet[10..]}.");
        }

        var check = CheckCharacter(trimmed.AsSpan(0, 17));
        return check == trimmed[17]
            ? trimmed
            : throw Invalid(field, $"'{field}' ends in '{trimmed[17]}', but its check character is '{check}' (GB 32100-2015): a character is mistyped.");
    }

    private static DomainException Invalid(string field, string message) => new(Errors.InvalidCreditCode, message, field);

    /// <summary>The check character for 17 leading characters of the alphabet.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("A credit code has 17 characters before its check character.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
