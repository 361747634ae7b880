using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;

namespace OpenAid.Api.GraphQL;

/// <summary>How a feature fetches its records by key, for <c>node(id:)</c> and for batched references.</summary>
public interface INodeSource
{
    string TypeName { get; }

    /// <summary>The entity's CLR name, as the audit trail records it.</summary>
    string EntityName { get; }

    Task<Dictionary<long, object>> FetchAsync(OpenAidDbContext db, IReadOnlyCollection<long> keys, CancellationToken cancellationToken);
}

public class NodeSource<T>(string typeName, Func<OpenAidDbContext, IReadOnlyCollection<long>, CancellationToken, Task<Dictionary<long, T>>> fetch)
    : INodeSource
    where T : class
{
    public string TypeName => typeName;

    public string EntityName => typeof(T).Name;

    public async Task<Dictionary<long, object>> FetchAsync(OpenAidDbContext db, IReadOnlyCollection<long> keys, CancellationToken cancellationToken) =>
        (await fetch(db, keys, cancellationToken)).ToDictionary(p => p.Key, p => (object)p.Value);
}

/// <summary>A node source for an entity whose key is an int column named "Id".</summary>
public class IdNodeSource<T>(string typeName, Func<OpenAidDbContext, IQueryable<T>> set, Func<T, int> id)
    : NodeSource<T>(typeName, async (db, keys, ct) =>
    {
        var ids = keys.Where(k => k is > 0 and <= int.MaxValue).Select(k => (int)k).ToArray();
        var rows = await set(db).Where(e => ids.Contains(EF.Property<int>(e!, "Id"))).ToListAsync(ct);
        return rows.ToDictionary(e => (long)id(e));
    })
    where T : class;

/// <summary>Every feature's <see cref="INodeSource"/>, by GraphQL type name.</summary>
public sealed class NodeRegistry(IEnumerable<INodeSource> sources)
{
    private readonly Dictionary<string, INodeSource> _byName = sources.ToDictionary(s => s.TypeName, StringComparer.Ordinal);

    public bool Knows(string typeName) => _byName.ContainsKey(typeName);

    public string EntityName(string typeName) => _byName[typeName].EntityName;

    public IDataLoaderResult<object?> Load(IResolveFieldContext context, string typeName, long key)
    {
        var source = _byName[typeName];
        var db = context.Db();
        return context.Loader().Load<long, object>($"node:{typeName}", key, (keys, ct) => source.FetchAsync(db, keys, ct));
    }
}

public static class NodeExtensions
{
    /// <summary>Loads a record of <paramref name="typeName"/> by key, batched with every other load of the request.</summary>
    public static object? LoadNode(this IResolveFieldContext context, string typeName, long? key) =>
        key is { } k ? context.RequestServices!.GetRequiredService<NodeRegistry>().Load(context, typeName, k) : null;

    /// <summary>
    /// Declares the Relay <c>id</c> field and the Node interface on a record type. Exported record types declare it
    /// after their other exported fields, as every export has id as its last column.
    /// </summary>
    public static FieldBuilder<T, object> NodeId<T>(this ObjectGraphType<T> type, string typeName, Func<T, long> key)
    {
        type.Interface<NodeInterface>();
        return type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Global, opaque and stable ID of this record; pass it to node(id:).")
            .Resolve(ctx => GlobalId.Encode(typeName, key(ctx.Source)));
    }
}

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "A record that can be fetched by its global ID with node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global, opaque and stable ID of this record.");
    }
}

public sealed class NodeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any record by its global ID; null when no record has that ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The global ID of the record.")
            .Resolve(ctx => Load(ctx, ctx.GetArgument<string>("id"), "id"));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Several records by their global IDs, in the order given; null for an ID that names no record.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", $"Up to {Paging.MaxPageSize} global IDs.")
            .WithComplexityImpact(QueryCost.PerId)
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > Paging.MaxPageSize)
                {
                    throw ApiErrors.Error(ApiErrors.PageSizeCode, $"Argument 'ids' may hold at most {Paging.MaxPageSize} IDs; it held {ids.Count}.");
                }

                return ids.Select(id => Load(ctx, id, "ids")).ToList();
            });
    }

    private static IDataLoaderResult<object?> Load(IResolveFieldContext context, string id, string argument)
    {
        var registry = context.RequestServices!.GetRequiredService<NodeRegistry>();
        return GlobalId.TryDecode(id, out var typeName, out var key) && registry.Knows(typeName)
            ? registry.Load(context, typeName, key)
            : throw ApiErrors.InvalidId(id, argument);
    }
}
