using System.Globalization;
using System.Text;

namespace OpenAid.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable and machine-readable, one of
/// <see cref="Errors"/>; <see cref="Field"/> names the input field at fault, when there is one; <see cref="Parameters"/>
/// hold the values the English message is made of (the amount left, the limit, the kind of data found), so that a
/// client words the refusal in its reader's language without parsing the message.
/// </summary>
public sealed class DomainException(ErrorCode error, string message, string? field = null, params IEnumerable<(string Name, object? Value)> parameters)
    : Exception(message)
{
    public ErrorCode Error { get; } = error;

    public string Code => Error.Code;

    public string? Field { get; } = field;

    public IReadOnlyList<ErrorParameter> Parameters { get; } = [.. parameters.Where(p => p.Value is not null).Select(p => new ErrorParameter(p.Name, ErrorParameter.Format(p.Value!)))];
}

/// <summary>
/// One value of an error, as text: numbers in invariant digits (amounts in fen, never rounded to yuan), dates as
/// yyyy-MM-dd, enum values as the schema spells them (CANCELLED, VILLAGE, MOBILE_PHONE_NUMBER).
/// </summary>
public sealed record ErrorParameter(string Name, string Value)
{
    public static string Format(object value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => ConstantCase(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>PartlyPledged → PARTLY_PLEDGED, as GraphQL.NET names enum values in the schema.</summary>
    private static string ConstantCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
