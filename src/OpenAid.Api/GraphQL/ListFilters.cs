using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;

namespace OpenAid.Api.GraphQL;

/// <summary>Arguments and lookups shared by several root fields, so each is named and described the same way everywhere.</summary>
public static class ListFilters
{
    public static FieldBuilder<TSource, TReturn> YearArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string description) =>
        field.Argument<IntGraphType>("year", description);

    public static FieldBuilder<TSource, TReturn> SearchArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string description) =>
        field.Argument<StringGraphType>("search", description);

    /// <summary>The trimmed search text, or null when absent or blank.</summary>
    public static string? SearchText(this IResolveFieldContext context)
    {
        var search = context.GetArgument<string?>("search")?.Trim();
        if (search is { Length: > 100 })
        {
            throw ApiErrors.InvalidArgument("search", "search text may be at most 100 characters.");
        }

        return string.IsNullOrEmpty(search) ? null : search;
    }

    /// <summary>The date range arguments "from" and "to", checked to be in order.</summary>
    public static (DateOnly? From, DateOnly? To) DateRange(this IResolveFieldContext context)
    {
        var from = context.GetArgument<DateOnly?>("from");
        var to = context.GetArgument<DateOnly?>("to");
        return from > to ? throw ApiErrors.InvalidArgument("from", $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).") : (from, to);
    }

    public static FieldBuilder<TSource, TReturn> DateRangeArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string what) =>
        field
            .Argument<DateOnlyGraphType>("from", $"Only records {what} on or after this date (yyyy-MM-dd).")
            .Argument<DateOnlyGraphType>("to", $"Only records {what} on or before this date (yyyy-MM-dd).");

    /// <summary>A root field returning the record with a given public code, or null.</summary>
    public static void ByCodeField<TGraphType, TEntity>(this ObjectGraphType query, string name, string description, string codeDescription, Func<OpenAidDbContext, IQueryable<TEntity>> set)
        where TGraphType : IGraphType
        where TEntity : class =>
        query.Field<TGraphType>(name)
            .Description(description)
            .Argument<NonNullGraphType<StringGraphType>>("code", codeDescription)
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code").Trim();
                return await set(ctx.Db()).FirstOrDefaultAsync(e => EF.Property<string>(e, "Code") == code, ctx.CancellationToken);
            });
}
