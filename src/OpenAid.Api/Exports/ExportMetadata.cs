using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace OpenAid.Api.Exports;

/// <summary>
/// What a field declares about the exports, next to its declaration: the columns it contributes to the export of a
/// list of its type, or why it has none. A list's columns are its node type's exported fields in declaration order.
/// </summary>
public static class ExportMetadata
{
    private const string ColumnsKey = "openaid:exportColumns";
    private const string NotExportedKey = "openaid:notExported";

    /// <summary>
    /// The reason for a public field that the list's published columns never had: consumers read the files by column
    /// name, so adding one is a decision of its own, not a side effect.
    /// </summary>
    public const string NotInPublishedColumns = "Not among the list's published columns yet; adding a column is a change for the files' consumers.";

    /// <summary>
    /// The field is a column of its own, or, given sub-fields of an object field (<c>.Exported("code", "name")</c>),
    /// one column per sub-field, named in snake_case (region_code, region_name).
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Exported<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] subFields) =>
        // No sub-fields: the path "" is the field itself.
        field.ExportedAs([.. subFields.DefaultIfEmpty("").Select(sub => new ExportColumn(sub))]);

    /// <summary>
    /// The field's columns with paths relative to the field ("" for the field itself), for columns whose name or
    /// description differ from the default.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ExportedAs<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params ExportColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.WithMetadata(ColumnsKey, columns);
        return field;
    }

    /// <summary>The field is deliberately left out of the exports, for the reason given.</summary>
    public static FieldBuilder<TSource, TReturn> NotExported<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string reason)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        field.FieldType.WithMetadata(NotExportedKey, reason);
        return field;
    }

    /// <summary>The columns the type's fields declare, in declaration order, with paths relative to the type.</summary>
    public static IReadOnlyList<ExportColumn> Columns(IComplexGraphType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        // Prefixed here, not when declared: the schema camel-cases the names of expression fields (Code → code) later.
        return [.. type.Fields.SelectMany(f => f.GetMetadata<ExportColumn[]>(ColumnsKey, [])
            .Select(c => c with { Path = c.Path.Length == 0 ? f.Name : $"{f.Name}.{c.Path}" }))];
    }

    /// <summary>Why the field is not exported, when it says so.</summary>
    public static string? NotExportedReason(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata<string?>(NotExportedKey);
    }

    /// <summary>Whether the field contributes columns.</summary>
    public static bool IsExported(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.HasMetadata(ColumnsKey);
    }
}
