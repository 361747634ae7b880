using GraphQL;
using GraphQL.Types;

namespace OpenAid.Api.GraphQL;

/// <summary>A Relay connection over <typeparamref name="TNodeType"/>, named after it (Notice → NoticeConnection).</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Page<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var nodeName = NodeName();
        Name = $"{nodeName}Connection";
        Description = $"A page of {nodeName} records, newest first, with the cursor to fetch the next page.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges")
            .Description("The records of this page with their cursors.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The records of this page, without cursors.")
            .Resolve(ctx => ctx.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page stands in the whole list.")
            .Resolve(ctx => new PageInfo(ctx.Source.HasNextPage, ctx.Source.Edges.Count > 0 ? ctx.Source.Edges[^1].Cursor : null));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many records match the filters, across all pages.")
            .WithComplexityImpact(QueryCost.TotalCount)
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }

    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = $"{ConnectionType<TNodeType, TNode>.NodeName()}Edge";
        Description = "A record and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass this as 'after' to continue after this record.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The record.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed record PageInfo(bool HasNextPage, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Paging information of a connection.";
        Field(p => p.HasNextPage).Description("Whether more records follow this page.");
        Field(p => p.EndCursor, nullable: true).Description("The cursor of the last record of this page; pass it as 'after' for the next page.");
    }
}
