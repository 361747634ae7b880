using System.Collections;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// What a field costs, for GraphQL.NET's complexity analyzer (README "Errors and limits"). A field costs 1, times the
/// sizes of the lists around it; the exceptions are declared here or next to the field:
/// <list type="bullet">
/// <item>A connection's records: its page size ('first', <see cref="Paging.DefaultPageSize"/> when not given).</item>
/// <item>An unpaged list: the bound its rule sets, or what it may grow to (<see cref="ListSize{TSource,TReturn}"/>),
/// else a page (<see cref="Paging.DefaultPageSize"/>).</item>
/// <item><c>nodes(ids:)</c>: the IDs given.</item>
/// <item><c>totalCount</c>: a COUNT over every matching row. <see cref="TopLevelCount"/> for a top-level list (a
/// filtered table), <see cref="NestedCount"/> below a record (an index range of the parent's key), and
/// <see cref="ScanCost"/> for lists declared <see cref="CountScansTable{TSource,TReturn}"/>.</item>
/// <item>A field that reads a whole table: <see cref="ScanCost"/> (<see cref="ScansTable{TSource,TReturn}"/>).</item>
/// <item>Introspection: in memory, <see cref="IntrospectionWeight"/> per field, its lists sized by the schema.</item>
/// </list>
/// </summary>
public static class QueryCost
{
    /// <summary>
    /// A COUNT of a top-level list reads every row its filters match (a search: the whole table). Measured at three
    /// pages of 100 records, priced higher still: it is the cheapest way to make the database read a whole table.
    /// </summary>
    public const double TopLevelCount = 10_000;

    /// <summary>A COUNT below a record reads one index range of the parent's key: about a page of its records.</summary>
    public const double NestedCount = 100;

    /// <summary>Reading a whole table (the audit trail) and more: half of <see cref="GraphQLLimits.MaxComplexity"/>'s default.</summary>
    public const double ScanCost = 500_000;

    /// <summary>An introspection field is answered from memory: a tenth of a field read from the database.</summary>
    public const double IntrospectionWeight = 0.1;

    private const string ScansTableKey = "openaid:countScansTable";

    private static readonly ConditionalWeakTable<ISchema, Dictionary<string, double>> IntrospectionSizes = [];

    /// <summary>Prices an unpaged list by the most entries its rule allows.</summary>
    public static FieldBuilder<TSource, TReturn> ListSize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int bound) =>
        field.WithComplexityImpact(1, bound);

    /// <summary>The field reads a whole table whatever its arguments (e.g. recomputing the audit chain).</summary>
    public static FieldBuilder<TSource, TReturn> ScansTable<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithComplexityImpact(ScanCost, 1);

    /// <summary>The connection's totalCount reads a whole table (and more) rather than an index range.</summary>
    public static FieldBuilder<TSource, TReturn> CountScansTable<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.WithMetadata(ScansTableKey, true);
        return field;
    }

    /// <summary>The price of a connection's totalCount, by what its connection field counts.</summary>
    public static FieldComplexityResult TotalCount(FieldImpactContext context)
    {
        var connection = context.Parent;
        var impact = connection?.FieldDefinition.GetMetadata(ScansTableKey, false) == true ? ScanCost
            : connection?.Parent is null ? TopLevelCount
            : NestedCount;
        return new(impact, 1);
    }

    /// <summary>The price of nodes(ids:): one record per ID.</summary>
    public static FieldComplexityResult PerId(FieldImpactContext context) =>
        new(1, context.Arguments?.TryGetValue("ids", out var ids) == true && ids.Value is ICollection list ? Math.Clamp(list.Count, 1, Paging.MaxPageSize) : 1);

    /// <summary>The price of every field that declares none (ComplexityOptions.DefaultComplexityImpactDelegate).</summary>
    public static FieldComplexityResult Default(FieldImpactContext context)
    {
        var definition = context.FieldDefinition;
        if (definition.Name is "__schema" or "__type")
        {
            return new(IntrospectionWeight, IntrospectionWeight);
        }

        if (context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return new(1, IsList(definition) ? IntrospectionSize(context) : 1);
        }

        if (!IsList(definition))
        {
            return new(1, 1);
        }

        if (PageSize(context.Arguments) is { } first)
        {
            return new(1, first);
        }

        // The records of a connection (nodes, edges): the page its field asked for.
        if (context.Parent is { } parent && parent.FieldDefinition.Arguments?.Find("first") is not null)
        {
            return new(1, PageSize(parent.Arguments) ?? Paging.DefaultPageSize);
        }

        return new(1, Paging.DefaultPageSize);
    }

    private static int? PageSize(IDictionary<string, global::GraphQL.Execution.ArgumentValue>? arguments) =>
        arguments?.TryGetValue("first", out var first) == true && first.Value is int size
            // Beyond the bounds the resolver refuses with PAGE_SIZE_EXCEEDED, which says more than COMPLEXITY.
            ? Math.Clamp(size, 1, Paging.MaxPageSize)
            : null;

    private static bool IsList(FieldType field)
    {
        var type = field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType;
        return type is ListGraphType;
    }

    /// <summary>
    /// The average length of an introspection list, so that the product along a path is the schema's real count:
    /// types × fields per type × arguments per field = every argument of the schema.
    /// </summary>
    private static double IntrospectionSize(FieldImpactContext context)
    {
        var sizes = IntrospectionSizes.GetValue(context.ValidationContext.Schema, Measure);
        return sizes.TryGetValue($"{context.ParentType.Name}.{context.FieldDefinition.Name}", out var size) ? size : 1;
    }

    private static Dictionary<string, double> Measure(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        var complex = types.OfType<IComplexGraphType>().Where(t => t is not IInputObjectGraphType).ToList();
        var fields = complex.Sum(t => t.Fields.Count);
        var directives = schema.Directives.ToList();
        double Average(double total, double count) => Math.Max(1, total / Math.Max(1, count));
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["__Schema.types"] = types.Count,
            ["__Schema.directives"] = directives.Count,
            ["__Type.fields"] = Average(fields, types.Count),
            ["__Type.inputFields"] = Average(types.OfType<IInputObjectGraphType>().Sum(t => t.Fields.Count), types.Count),
            ["__Type.enumValues"] = Average(types.OfType<EnumerationGraphType>().Sum(t => t.Values.Count), types.Count),
            ["__Type.interfaces"] = Average(complex.OfType<IImplementInterfaces>().Sum(t => t.ResolvedInterfaces.Count), types.Count),
            ["__Type.possibleTypes"] = Average(types.OfType<IAbstractGraphType>().Sum(t => t.PossibleTypes.Count), types.Count),
            ["__Field.args"] = Average(complex.Sum(t => t.Fields.Sum(f => f.Arguments?.Count ?? 0)), fields),
            ["__Directive.args"] = Average(directives.Sum(d => d.Arguments?.Count ?? 0), directives.Count),
        };
    }
}
