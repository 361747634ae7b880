using System.Text.RegularExpressions;

namespace OpenAid.Api.Exports;

/// <summary>
/// Keeps CSV exports from attacking their readers (CSV or formula injection): a spreadsheet reads a cell that starts
/// with =, +, - or @ as a formula, and a tab or carriage return at the start is how such a cell slips past a filter
/// that only looks at the first character. Such a text cell is written with a leading apostrophe, which spreadsheets
/// take as "this is text" and do not show. Only text columns are touched: a column whose GraphQL type is a number,
/// a boolean or a date holds nothing a spreadsheet runs, so a negative amount in fen stays a number.
/// </summary>
public static partial class CsvCells
{
    /// <summary>GraphQL scalars whose values are numbers, booleans or dates as the API writes them: never a formula.</summary>
    private static readonly HashSet<string> NonTextTypes = new(StringComparer.Ordinal)
    {
        "Int", "Long", "BigInt", "Short", "UShort", "UInt", "ULong", "Byte", "SByte", "Float", "Decimal", "Boolean",
        "DateOnly", "DateTime", "DateTimeOffset", "TimeOnly", "TimeSpan",
    };

    /// <summary>Whether the column's cells are text that must be neutralised: anything but a known non-text scalar.</summary>
    public static bool IsText(BoundColumn column) => !NonTextTypes.Contains(column.Type);

    /// <summary>
    /// The cell as a spreadsheet may safely read it: prefixed with ' when it starts with a tab or carriage return, or
    /// when its first character after leading white space is =, +, - or @ (some importers trim spaces). A plain
    /// decimal number ("-5", "-1234.50": a negative amount in yuan, which GraphQL types as String) is left as it is:
    /// a spreadsheet reads it as that number, never as a formula. A cell that already starts with apostrophes before
    /// such text gets one more, so that the rule can be undone exactly (<see cref="Restore"/>).
    /// </summary>
    public static string Neutralise(string cell) => NeedsPrefix(cell) ? "'" + cell : cell;

    /// <summary>The inverse of <see cref="Neutralise"/>: the text GraphQL answered, from a CSV text cell.</summary>
    public static string Restore(string cell) => cell.StartsWith('\'') && NeedsPrefix(cell[1..]) ? cell[1..] : cell;

    private static bool NeedsPrefix(string cell)
    {
        var rest = cell.AsSpan().TrimStart('\'');
        if (rest.Length == 0 || PlainNumber().IsMatch(rest))
        {
            return false;
        }

        if (rest[0] is '\t' or '\r')
        {
            return true;
        }

        var first = rest.TrimStart();
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@';
    }

    [GeneratedRegex(@"\A-?[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
