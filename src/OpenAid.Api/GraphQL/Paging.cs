using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Caching;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// Keyset (cursor) paging: every list is ordered by its key (newest first, or by code for places), and a
/// cursor is the key of the last row seen. Unlike offsets, a page stays correct while new records are published.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Adds the Relay paging arguments to a list field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"How many records to return: 1 to {MaxPageSize}, {DefaultPageSize} by default.")
            .Argument<StringGraphType>("after", "Return the records after this cursor (the endCursor of the previous page).");

    public static async Task<Page<T>> PageAsync<T, TKey>(
        this IResolveFieldContext context,
        IQueryable<T> query,
        Expression<Func<T, TKey>> key,
        bool descending = true)
        where TKey : struct
    {
        var first = context.GetArgument<int?>("first") ?? DefaultPageSize;
        if (first is < 1 or > MaxPageSize)
        {
            throw ApiErrors.Error(ApiErrors.PageSizeCode, $"Argument 'first' must be between 1 and {MaxPageSize}; it was {first}. Page through larger lists with 'after', or use the CSV/JSON exports.");
        }

        var filtered = query;
        if (context.GetArgument<string?>("after") is { } after)
        {
            var afterKey = DecodeCursor<TKey>(after);
            // A captured variable, not a constant, so that EF Core sends it as a parameter.
            var cursorKey = ((Expression<Func<TKey>>)(() => afterKey)).Body;
            var beyond = descending ? Expression.LessThan(key.Body, cursorKey) : Expression.GreaterThan(key.Body, cursorKey);
            query = query.Where(Expression.Lambda<Func<T, bool>>(beyond, key.Parameters));
        }

        // Interpreted: a compiled delegate per request would be a dynamic method JIT-compiled and collected each time.
        var keyOf = key.Compile(preferInterpretation: true);
        var ordered = descending ? query.OrderByDescending(key) : query.OrderBy(key);
        var rows = await ordered.Take(first + 1).ToListAsync(context.CancellationToken);
        var hasNext = rows.Count > first;
        if (hasNext)
        {
            rows.RemoveAt(first);
        }

        return new Page<T>(
            [.. rows.Select(row => new Edge<T>(EncodeCursor(keyOf(row)), row))],
            hasNext,
            ct => context.RequestServices!.GetRequiredService<CountCache>().CountAsync(context.Db(), filtered, ct));
    }

    private static string EncodeCursor<TKey>(TKey key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"k:{key}")));

    private static TKey DecodeCursor<TKey>(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("k:", StringComparison.Ordinal))
            {
                return (TKey)Convert.ChangeType(text[2..], typeof(TKey), CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            // Reported below as INVALID_CURSOR.
        }

        throw ApiErrors.Error(ApiErrors.InvalidCursorCode, $"'{cursor}' is not a cursor of this list. Pass a cursor exactly as a previous page returned it.");
    }
}

public sealed record Edge<T>(string Cursor, T Node);

/// <summary>One page of a list; the total is counted only when a client asks for it.</summary>
public sealed record Page<T>(IReadOnlyList<Edge<T>> Edges, bool HasNextPage, Func<CancellationToken, Task<int>> CountAsync);
