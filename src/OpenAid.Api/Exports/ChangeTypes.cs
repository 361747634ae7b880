using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Exports;

/// <summary>A write to a public record, as the changes feed lists it.</summary>
public sealed record Change(ChangeRow Entry, string TypeName, long Key);

/// <summary>The columns of an audit entry the feed shows (not its before and after, which history(id:) gives).</summary>
public sealed record ChangeRow(long Id, DateTimeOffset At, string EntityType, string EntityKey, string Operation);

public sealed class ChangeType : ObjectGraphType<Change>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "A write to a public record, from the audit trail: which record changed, how and when. " +
            "Its content is one node(id:) away, its before and after in history(id:).";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The entry's position in the audit trail; pass it (as a string) as 'after' to continue after it.").Exported()
            .Resolve(ctx => ctx.Source.Entry.Id);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When the write was committed.").Exported().Resolve(ctx => ctx.Source.Entry.At);
        Field<NonNullGraphType<StringGraphType>>("entityType").Description("The GraphQL type of the record, e.g. \"Notice\".").Exported().Resolve(ctx => ctx.Source.TypeName);
        Field<NonNullGraphType<StringGraphType>>("key").Description("The record's key: its internal number, or a region's 12-digit code.").Exported().Resolve(ctx => ctx.Source.Entry.EntityKey);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global ID; pass it to node(id:) or history(id:).").Exported()
            .Resolve(ctx => GlobalId.Encode(ctx.Source.TypeName, ctx.Source.Key));
        Field<NonNullGraphType<StringGraphType>>("operation").Description("\"create\", \"update\", \"publish\" (a draft or a need under review made public) or \"redact\"; nothing public is ever deleted.").Exported().Resolve(ctx => ctx.Source.Entry.Operation);
        Field<NodeInterface>("record").Description("The record as it is now.")
            .Resolve(ctx => ctx.LoadNode(ctx.Source.TypeName, ctx.Source.Key));
    }
}

/// <summary>
/// changes(after:, first:): the public audit trail as a feed, oldest first, so that a reporter can mirror the data
/// incrementally. It lists the public entries of records that have a public GraphQL type (a Node) and that node(id:)
/// returns: a draft's writes are restricted entries and never appear; its publication does, as a "publish". The audit
/// trail itself never holds restricted fields (the complainant's contact). The cursor is the entry's sequence number.
/// </summary>
public sealed class ChangeQueries : IQueryFields
{
    public const string FieldName = "changes";

    /// <summary>Entries read per round while looking for public ones.</summary>
    private const int ScanSize = 200;

    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<ChangeType, Change>>>(FieldName)
            .Description("Everything public that changed since a cursor, oldest first: one entry per write to a public record. " +
                "Keep the last endCursor (or sequence) and pass it as 'after' next time to get only what changed since. Also at /export/changes.ndjson?after=.")
            .PagingArguments()
            .CountScansTable()
            .ResolveAsync(async ctx => await PageAsync(ctx));

    private static async Task<Page<Change>> PageAsync(IResolveFieldContext ctx)
    {
        var first = ctx.GetArgument<int?>("first") ?? Paging.DefaultPageSize;
        if (first is < 1 or > Paging.MaxPageSize)
        {
            throw ApiErrors.Error(ApiErrors.PageSizeCode, $"Argument 'first' must be between 1 and {Paging.MaxPageSize}; it was {first}.");
        }

        var after = ctx.GetArgument<string?>("after");
        long position = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out position)))
        {
            throw ApiErrors.Error(ApiErrors.InvalidCursorCode, $"'{after}' is not a cursor of the changes feed: pass a 'sequence' or an endCursor as it was returned.");
        }

        var db = ctx.Db();
        var types = PublicTypes(ctx);
        var edges = new List<Edge<Change>>();
        var exhausted = false;
        while (edges.Count <= first && !exhausted)
        {
            var batch = await Candidates(db, types, position).Take(ScanSize).ToListAsync(ctx.CancellationToken);
            exhausted = batch.Count < ScanSize;
            if (batch.Count == 0)
            {
                break;
            }

            position = batch[^1].Id;
            edges.AddRange((await PublicAsync(db, types, batch, ctx.CancellationToken))
                .Select(c => new Edge<Change>(c.Entry.Id.ToString(CultureInfo.InvariantCulture), c)));
        }

        var hasNext = edges.Count > first;
        return new Page<Change>(
            edges.Count > first ? edges.GetRange(0, first) : edges,
            hasNext,
            async ct => await CountAsync(db, types, ct));
    }

    /// <summary>The record types that are public, by the entity name the audit trail records: entity name → GraphQL type.</summary>
    private static Dictionary<string, INodeSource> PublicTypes(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetServices<INodeSource>().ToDictionary(s => s.EntityName, StringComparer.Ordinal);

    private static IQueryable<ChangeRow> Candidates(OpenAidDbContext db, Dictionary<string, INodeSource> types, long after)
    {
        var names = types.Keys.ToArray();
        return db.AuditEntries.AsNoTracking().Where(e => e.Id > after && e.Visibility == AuditTrail.Public && names.Contains(e.EntityType)).OrderBy(e => e.Id)
            .Select(e => new ChangeRow(e.Id, e.At, e.EntityType, e.EntityKey, e.Operation));
    }

    /// <summary>The entries whose record node(id:) can fetch today, in order.</summary>
    private static async Task<List<Change>> PublicAsync(OpenAidDbContext db, Dictionary<string, INodeSource> types, List<ChangeRow> entries, CancellationToken ct)
    {
        var keyed = entries
            .Select(e => (Entry: e, Key: long.TryParse(e.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : (long?)null))
            .Where(e => e.Key is not null)
            .ToList();
        var visible = new HashSet<(string, long)>();
        foreach (var group in keyed.GroupBy(e => e.Entry.EntityType))
        {
            var found = await types[group.Key].FetchAsync(db, [.. group.Select(e => e.Key!.Value).Distinct()], ct);
            visible.UnionWith(found.Keys.Select(k => (group.Key, k)));
        }

        return [.. keyed.Where(e => visible.Contains((e.Entry.EntityType, e.Key!.Value))).Select(e => new Change(e.Entry, types[e.Entry.EntityType].TypeName, e.Key!.Value))];
    }

    /// <summary>All public changes: the candidates checked in rounds, so that memory stays at one round.</summary>
    private static async Task<int> CountAsync(OpenAidDbContext db, Dictionary<string, INodeSource> types, CancellationToken ct)
    {
        var count = 0;
        long position = 0;
        while (true)
        {
            var batch = await Candidates(db, types, position).Take(ScanSize * 5).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return count;
            }

            position = batch[^1].Id;
            count += (await PublicAsync(db, types, batch, ct)).Count;
        }
    }
}
