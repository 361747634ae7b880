using System.Text.RegularExpressions;

namespace OpenAid.Domain.Common;

/// <summary>
/// Keeps household personal data out of public text: Chinese resident ID numbers (18 characters with a
/// valid check character), mainland mobile numbers and e-mail addresses.
/// </summary>
public static partial class PrivacyGuard
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    /// <summary>What kind of personal data <paramref name="text"/> holds, or null when it holds none.</summary>
    public static string? FindPersonalData(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IdCandidate().Matches(text).Any(m => IsResidentIdNumber(m.Value)))
        {
            return "a resident ID number";
        }

        if (MobileNumber().IsMatch(text))
        {
            return "a mobile phone number";
        }

        return EmailAddress().IsMatch(text) ? "an e-mail address" : null;
    }

    /// <summary>Throws a <see cref="DomainException"/> naming <paramref name="field"/> when the text holds personal data.</summary>
    public static void EnsurePublic(string? text, string field)
    {
        if (FindPersonalData(text) is { } found)
        {
            throw new DomainException(
                Errors.PersonalData,
                $"The field '{field}' contains {found}. Public text may not hold personal data of households; describe them in counts or anonymously.",
                field);
        }
    }

    public static bool IsResidentIdNumber(string value)
    {
        if (value.Length != 18 || !value.AsSpan(0, 17).ContainsOnlyDigits())
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out var birth) || birth.Year < 1900)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * IdWeights[i];
        }

        return char.ToUpperInvariant(value[17]) == IdCheckCharacters[sum % 11];
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdCandidate();

    // 11 digits starting 13–19, optionally written +86 or with spaces/dashes in 3-4-4 groups.
    [GeneratedRegex(@"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
