using System.Text.RegularExpressions;

namespace OpenAid.Domain.Notices;

/// <summary>
/// The local supervision number printed on a notice: an office landline (with or without its area code) or a
/// government service number such as 12317. Never a private mobile; the privacy guard refuses those first.
/// </summary>
public static partial class SupervisionPhone
{
    public static bool IsOfficeNumber(string? text) => text is not null && OfficeNumber().IsMatch(text);

    // Area code 0 + 2–3 digits, then a 7–8 digit local number that starts 2–9; or a 12xxx service number.
    [GeneratedRegex(@"^(?:(?:\(?0[1-9][0-9]{1,2}\)?[- ]?)?[2-9][0-9]{6,7}|12[0-9]{3})$")]
    private static partial Regex OfficeNumber();
}
