using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenAid.Domain.Common;

/// <summary>
/// Keeps household personal data out of public text: Chinese resident ID numbers (18 characters, or 15 digits of the
/// first generation, with a valid region and birth date — whatever the check character), mainland mobile numbers
/// (with or without +86/0086), bank card numbers (16–19 digits passing the Luhn check) and e-mail addresses.
/// </summary>
/// <remarks>
/// The text is normalised before matching, so that disguises do not help: NFKC (full-width digits, ＠, circled
/// digits), format characters (zero-width spaces and joiners, soft hyphens, direction marks) removed, Chinese
/// numerals (一三八, 壹叁捌, 幺, 〇) read as digits and 。/｡/． read as dots. Digits may be split into groups by up to
/// three separators (spaces, dashes, dots, slashes, brackets, commas…); every run of whole groups is tried. Commas
/// do not join a group of exactly three digits (thousands separators) and dots do not join a group of fewer than
/// three (decimals), so amounts stay ordinary text. The scan is linear in the length of the text and the e-mail
/// pattern runs without backtracking.
/// </remarks>
public static partial class PrivacyGuard
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    /// <summary>The two-digit province codes a resident ID number can start with (GB/T 2260, with Taiwan, Hong Kong, Macao).</summary>
    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];

    /// <summary>The most digits a run of groups is tried up to: 0086 and an 11-digit mobile, or a 19-digit card.</summary>
    private const int MaxCandidateDigits = 19;

    private const int MaxSeparators = 3;

    /// <summary>What kind of personal data <paramref name="text"/> holds, or null when it holds none.</summary>
    public static PersonalDataKind? FindPersonalData(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normal = Normalise(text);
        return FindInDigitGroups(normal) ?? (EmailAddress().IsMatch(normal) ? PersonalDataKind.EmailAddress : null);
    }

    /// <summary>Throws a <see cref="DomainException"/> naming <paramref name="field"/> and the kind of data found when the text holds personal data.</summary>
    /// <remarks>
    /// The kind is told (the writer has to know what to take out); that a text is refused at all already tells a
    /// prober more than which of the four detectors fired.
    /// </remarks>
    public static void EnsurePublic(string? text, string field)
    {
        if (FindPersonalData(text) is { } kind)
        {
            throw new DomainException(
                Errors.PersonalData,
                $"The field '{field}' contains what looks like {Describe(kind)}. Public text may not hold personal data of households; describe them in counts or anonymously.",
                field,
                ("kind", kind));
        }
    }

    private static string Describe(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.ResidentIdNumber => "a resident ID number",
        PersonalDataKind.MobilePhoneNumber => "a mobile phone number",
        PersonalDataKind.BankCardNumber => "a bank card number",
        _ => "an e-mail address",
    };

    /// <summary>Whether <paramref name="value"/> is an 18-character resident ID number with a valid check character.</summary>
    public static bool IsResidentIdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 18 || !IsAllDigits(value.AsSpan(0, 17)) || !HasBirthDate(value.AsSpan(6, 8)))
        {
            return false;
        }

        return char.ToUpperInvariant(value[17]) == IdCheckCharacters[CheckSum(value.AsSpan(0, 17))];
    }

    /// <summary>
    /// Whether <paramref name="value"/> has the shape of a resident ID number the guard refuses: 18 characters (17
    /// digits and a digit or X, whatever the check character) or 15 digits, with a valid province and birth date.
    /// </summary>
    public static bool LooksLikeResidentIdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return LooksLikeId(value);
    }

    private static bool LooksLikeId(ReadOnlySpan<char> value)
    {
        if (value.Length == 18)
        {
            return IsAllDigits(value[..17]) && (char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x')
                && HasProvince(value) && HasBirthDate(value.Slice(6, 8));
        }

        if (value.Length == 15)
        {
            Span<char> date = ['1', '9', value[6], value[7], value[8], value[9], value[10], value[11]];
            return IsAllDigits(value) && HasProvince(value) && HasBirthDate(date);
        }

        return false;
    }

    private static bool HasProvince(ReadOnlySpan<char> value) => Provinces.Contains(((value[0] - '0') * 10) + (value[1] - '0'));

    private static bool HasBirthDate(ReadOnlySpan<char> yyyyMMdd) =>
        IsAllDigits(yyyyMMdd)
        && DateOnly.TryParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
        // A calendar bound, not "up to today": the guard gives the same answer whatever the clock says.
        && birth.Year is >= 1900 and < 2100;

    private static int CheckSum(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return sum % 11;
    }

    private static bool IsMobile(ReadOnlySpan<char> digits)
    {
        if (digits.StartsWith("0086"))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86"))
        {
            digits = digits[2..];
        }

        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9';
    }

    private static bool IsBankCard(ReadOnlySpan<char> digits)
    {
        // 16 digits: the international schemes (3 JCB, 4 Visa, 5 Mastercard, 6 UnionPay); 17–19 digits: UnionPay
        // (6) and the older domestic cards (9). An 18-digit number starting 4 is an ID-shaped number, not a card.
        var scheme = digits.Length == 16 ? digits[0] is '3' or '4' or '5' or '6' : digits.Length is >= 17 and <= 19 && digits[0] is '6' or '9';
        if (!scheme)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');

    /// <summary>NFKC without format characters, Chinese numerals as digits and ideographic full stops as dots.</summary>
    private static string Normalise(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // Keep well-formed pairs; a lone surrogate would make Normalize throw.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(text, i) != UnicodeCategory.Format)
                    {
                        cleaned.Append(c).Append(text[i + 1]);
                    }

                    i++;
                }

                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                cleaned.Append(c);
            }
        }

        var normal = cleaned.ToString().Normalize(NormalizationForm.FormKC);
        return string.Create(normal.Length, normal, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Map(source[i]);
            }
        });
    }

    private static char Map(char c) => c switch
    {
        '〇' or '零' => '0',
        '一' or '壹' or '幺' or '弌' => '1',
        '二' or '贰' or '貳' or '弍' => '2',
        '三' or '叁' or '參' or '叄' or '弎' => '3',
        '四' or '肆' => '4',
        '五' or '伍' => '5',
        '六' or '陆' or '陸' => '6',
        '七' or '柒' => '7',
        '八' or '捌' => '8',
        '九' or '玖' => '9',
        '。' or '．' or '｡' => '.',
        _ => c,
    };

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or '﹣' or '.' or '·' or '・' or '/' or '_' or '(' or ')' or ',';

    /// <summary>
    /// Splits the text into chains of digit groups joined by separators and tries every run of whole groups of
    /// up to <see cref="MaxCandidateDigits"/> digits (plus an 0086 prefix) as an ID, mobile or card number.
    /// </summary>
    private static PersonalDataKind? FindInDigitGroups(string text)
    {
        // Groups of the current chain: start index and length of each digit run.
        var starts = new List<int>();
        var lengths = new List<int>();
        Span<char> candidate = stackalloc char[MaxCandidateDigits + 8];

        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            starts.Clear();
            lengths.Clear();
            var endsWithX = false;
            while (true)
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                starts.Add(start);
                lengths.Add(i - start);

                // An ID number may end with X, which ends the chain.
                if (i < text.Length && text[i] is 'X' or 'x' && (i + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 1])))
                {
                    endsWithX = true;
                    i++;
                    break;
                }

                // Up to three separators, then the next group, if the separators may join it.
                var gap = i;
                var comma = false;
                var dot = false;
                while (gap < text.Length && gap - i < MaxSeparators && IsSeparator(text[gap]))
                {
                    comma |= text[gap] == ',';
                    dot |= text[gap] == '.';
                    gap++;
                }

                if (gap == i || gap == text.Length || !char.IsAsciiDigit(text[gap]))
                {
                    break;
                }

                var next = gap;
                while (next < text.Length && char.IsAsciiDigit(text[next]))
                {
                    next++;
                }

                if ((comma && next - gap == 3) || (dot && next - gap < 3))
                {
                    break; // thousands separator or decimals: the next group starts a chain of its own
                }

                i = gap;
            }

            if (Check(text, starts, lengths, endsWithX, candidate) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static PersonalDataKind? Check(string text, List<int> starts, List<int> lengths, bool endsWithX, Span<char> candidate)
    {
        for (var first = 0; first < starts.Count; first++)
        {
            var length = 0;
            for (var last = first; last < starts.Count; last++)
            {
                if (length + lengths[last] > candidate.Length - 1)
                {
                    break;
                }

                text.AsSpan(starts[last], lengths[last]).CopyTo(candidate[length..]);
                length += lengths[last];
                var digits = candidate[..length];

                if (last == starts.Count - 1 && endsWithX)
                {
                    candidate[length] = 'X';
                    if (LooksLikeId(candidate[..(length + 1)]))
                    {
                        return PersonalDataKind.ResidentIdNumber;
                    }
                }

                if (LooksLikeId(digits))
                {
                    return PersonalDataKind.ResidentIdNumber;
                }

                if (IsMobile(digits))
                {
                    return PersonalDataKind.MobilePhoneNumber;
                }

                if (IsBankCard(digits))
                {
                    return PersonalDataKind.BankCardNumber;
                }
            }
        }

        return null;
    }

    // A local part and a domain of letters (any script) and digits, ending in a Latin or Chinese top-level domain.
    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?:[A-Za-z]{2,}|中国|公司|网络)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}

/// <summary>What kind of personal data a public text was found to hold (the <c>kind</c> parameter of PERSONAL_DATA).</summary>
public enum PersonalDataKind
{
    ResidentIdNumber,
    MobilePhoneNumber,
    BankCardNumber,
    EmailAddress,
}
