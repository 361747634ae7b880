using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Primitives;
using OpenAid.Api.GraphQL;

namespace OpenAid.Api.Exports;

/// <summary>A column checked against the schema: its GraphQL type, whether it holds several values, its description and headers.</summary>
public sealed record BoundColumn(ExportColumn Column, string Name, string Type, bool Nullable, bool Multiple, string Description, IReadOnlyList<string>? Values, ColumnHeader Header);

/// <summary>A filter of an export: an argument of the list's GraphQL field.</summary>
public sealed record ExportFilter(string Name, string Type, string? Description, IGraphType NamedType, bool IsList);

/// <summary>
/// An <see cref="ExportList"/> bound to the running schema: its filters are the arguments of the GraphQL field, its
/// columns are the node type's exported fields (<see cref="ExportMetadata"/>), their types and descriptions come from
/// the fields they select, and it builds the GraphQL document that fetches one page. Binding fails at start-up when
/// a column names a field the schema does not have.
/// </summary>
public sealed class BoundExportList
{
    /// <summary>The paging arguments, which the export sets itself; every other argument is a filter.</summary>
    public const string FirstArgument = "first";
    public const string AfterArgument = "after";

    private readonly string _selection;

    public BoundExportList(ExportList list, ISchema schema)
    {
        List = list;
        var field = schema.Query.GetField(list.Field)
            ?? throw new InvalidOperationException($"Export '{list.Name}': the schema has no Query field '{list.Field}'.");
        var connection = ExportTypes.Named(field.ResolvedType!) as IComplexGraphType;
        var nodes = connection?.GetField("nodes")
            ?? throw new InvalidOperationException($"Export '{list.Name}': Query.{list.Field} is not a connection.");
        After = field.Arguments?.Find(AfterArgument) is { } after && field.Arguments.Find(FirstArgument) is not null
            ? after
            : throw new InvalidOperationException($"Export '{list.Name}': Query.{list.Field} has no 'first' and 'after' arguments.");

        var nodeType = NodeType = (IComplexGraphType)ExportTypes.Named(nodes.ResolvedType!);
        Filters = [.. (field.Arguments ?? []).Where(a => a.Name is not FirstArgument and not AfterArgument)
            .Select(a => new ExportFilter(a.Name, ExportTypes.Print(a.ResolvedType!), a.Description, ExportTypes.Named(a.ResolvedType!), ExportTypes.IsList(a.ResolvedType!)))];
        var columns = ExportMetadata.Columns(nodeType);
        if (columns.Count == 0)
        {
            throw new InvalidOperationException($"Export '{list.Name}': no field of {nodeType.Name} is declared Exported().");
        }

        Columns = [.. columns.Select(c => Bind(list, nodeType, c))];
        _selection = SelectionTree.Print(columns.Select(c => c.Segments));
    }

    public ExportList List { get; }

    public string Name => List.Name;

    /// <summary>The type of the connection's nodes, whose exported fields are the columns.</summary>
    public IComplexGraphType NodeType { get; }

    public IReadOnlyList<ExportFilter> Filters { get; }

    public IReadOnlyList<BoundColumn> Columns { get; }

    private QueryArgument After { get; }

    /// <summary>
    /// Turns query-string parameters into GraphQL variables of the field's argument types. Empty parameters are
    /// ignored; unknown or repeated ones are refused with INVALID_ARGUMENT; a value of the wrong type is left for GraphQL
    /// to refuse with its own code.
    /// </summary>
    public (Dictionary<string, object?>? Variables, ExecutionError? Error) Variables(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in parameters)
        {
            if (values.All(string.IsNullOrEmpty))
            {
                // An empty form field (?year=) means no filter, as it does in the web app's links.
                continue;
            }

            if (name == AfterArgument)
            {
                if (values.Count != 1)
                {
                    return (null, ApiErrors.InvalidArgument(name, "give it once."));
                }

                variables[name] = values[0];
                continue;
            }

            var filter = Filters.FirstOrDefault(f => f.Name == name);
            if (filter is null)
            {
                var known = string.Join(", ", Filters.Select(f => f.Name).Append(AfterArgument));
                return (null, ApiErrors.InvalidArgument(name, name == FirstArgument
                    ? "exports have no row limit, so 'first' does not apply."
                    : $"the {List.Name} export has no such filter. Filters: {known}."));
            }

            if (!filter.IsList && values.Count != 1)
            {
                return (null, ApiErrors.InvalidArgument(name, "give it once."));
            }

            variables[name] = filter.IsList
                ? values.Select(v => ExportTypes.Coerce(filter.NamedType, v)).ToList()
                : ExportTypes.Coerce(filter.NamedType, values[0]);
        }

        return (variables, null);
    }

    /// <summary>The document that fetches one page (plus dataAsOf) with the given variables, named in its variable definitions.</summary>
    public string Document(IReadOnlyDictionary<string, object?> variables)
    {
        var definitions = new List<string> { $"${AfterArgument}: {ExportTypes.Print(After.ResolvedType!)}" };
        var arguments = new List<string> { $"{FirstArgument}: {Paging.MaxPageSize.ToString(CultureInfo.InvariantCulture)}", $"{AfterArgument}: ${AfterArgument}" };
        foreach (var filter in Filters.Where(f => variables.ContainsKey(f.Name)))
        {
            definitions.Add($"${filter.Name}: {filter.Type}");
            arguments.Add($"{filter.Name}: ${filter.Name}");
        }

        return $"query OpenDataExport({string.Join(", ", definitions)}) {{ dataAsOf page: {List.Field}({string.Join(", ", arguments)}) " +
            $"{{ pageInfo {{ hasNextPage endCursor }} nodes {{ {_selection} }} }} }}";
    }

    private static BoundColumn Bind(ExportList list, IComplexGraphType nodeType, ExportColumn column)
    {
        IGraphType current = nodeType;
        var descriptions = new List<string>();
        bool nullable = false, multiple = false;
        FieldType? field = null;
        foreach (var segment in column.Segments)
        {
            field = (current as IComplexGraphType)?.GetField(segment)
                ?? throw new InvalidOperationException($"Export '{list.Name}', column '{column.Path}': {current.Name} has no field '{segment}'.");
            if (field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) == true)
            {
                throw new InvalidOperationException($"Export '{list.Name}', column '{column.Path}': {current.Name}.{segment} has required arguments.");
            }

            nullable |= field.ResolvedType is not NonNullGraphType;
            multiple |= ExportTypes.IsList(field.ResolvedType!);
            descriptions.Add(field.Description?.Trim() ?? "");
            current = ExportTypes.Named(field.ResolvedType!);
        }

        if (current is IComplexGraphType)
        {
            throw new InvalidOperationException($"Export '{list.Name}', column '{column.Path}' ends on the object type {current.Name}; name one of its fields.");
        }

        var description = column.Description ?? string.Join(" — ", descriptions.Where(d => d.Length > 0));
        var values = current is EnumerationGraphType enumeration ? enumeration.Values.Select(v => v.Name).ToList() : null;
        return new BoundColumn(column, column.ColumnName, current.Name, nullable, multiple, description, values, ExportHeaders.For(column.ColumnName));
    }
}

internal static class ExportTypes
{
    public static IGraphType Named(IGraphType type) =>
        type is IProvideResolvedType wrapper ? Named(wrapper.ResolvedType!) : type;

    public static bool IsList(IGraphType type) => type switch
    {
        ListGraphType => true,
        NonNullGraphType nonNull => IsList(nonNull.ResolvedType!),
        _ => false,
    };

    /// <summary>The type in GraphQL syntax, e.g. "[ID!]!", for variable definitions.</summary>
    public static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>
    /// A query-string value as the JSON value a client would send for the type. A value that does not parse stays
    /// a string, so that GraphQL refuses it with the same error (and code) as over /graphql.
    /// </summary>
    public static object? Coerce(IGraphType type, string? text) => type switch
    {
        IntGraphType when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        LongGraphType when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        FloatGraphType when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        BooleanGraphType when bool.TryParse(text, out var b) => b,
        _ => text,
    };
}

/// <summary>Prints the selection set of a set of field paths, e.g. code, region.code, region.name → "code region { code name }".</summary>
internal static class SelectionTree
{
    public static string Print(IEnumerable<string[]> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var segment in path)
            {
                node = node.Child(segment);
            }
        }

        var text = new StringBuilder();
        root.Print(text);
        return text.ToString().Trim();
    }

    private sealed class Node
    {
        private readonly List<(string Name, Node Node)> _children = [];

        public Node Child(string name)
        {
            foreach (var (existing, node) in _children)
            {
                if (existing == name)
                {
                    return node;
                }
            }

            var child = new Node();
            _children.Add((name, child));
            return child;
        }

        public void Print(StringBuilder text)
        {
            foreach (var (name, node) in _children)
            {
                text.Append(' ').Append(name);
                if (node._children.Count > 0)
                {
                    text.Append(" {");
                    node.Print(text);
                    text.Append(" }");
                }
            }
        }
    }
}
