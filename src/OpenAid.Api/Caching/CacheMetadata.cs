using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace OpenAid.Api.Caching;

/// <summary>What a field declares about caching, next to its declaration.</summary>
public static class CacheMetadata
{
    private const string NeverCachedKey = "openaid:neverCached";

    /// <summary>
    /// A request that selects this field never shares a cached result, e.g. a check whose point is to see changes
    /// made behind the API's back, which by definition do not advance the data version.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> NeverCached<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.WithMetadata(NeverCachedKey, true);
        return field;
    }

    /// <summary>The names of every field of the schema declared <see cref="NeverCached{TSource,TReturn}"/>.</summary>
    public static IReadOnlySet<string> NeverCachedFields(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(type => type.Fields)
            .Where(field => field.GetMetadata(NeverCachedKey, false))
            .Select(field => field.Name)
            .ToHashSet(StringComparer.Ordinal);
    }
}
