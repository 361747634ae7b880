using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.GraphQL;

/// <summary>The region filter of the lists: a region includes everything below it.</summary>
public static class RegionFilter
{
    /// <summary>Records whose region (<paramref name="regionCode"/>) lies in <paramref name="region"/>'s subtree: one range of codes, so one index range.</summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> records, RegionCode region, Expression<Func<T, long>> regionCode)
    {
        // Captured, not constants, so that EF Core sends them as parameters.
        var (start, end) = (region.SubtreeStart, region.SubtreeEnd);
        return records.Where(Compose(regionCode, code => code >= start && code < end));
    }

    /// <summary>The same for an optional region: records without one are in no subtree.</summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> records, RegionCode region, Expression<Func<T, long?>> regionCode)
    {
        var (start, end) = (region.SubtreeStart, region.SubtreeEnd);
        return records.Where(Compose(regionCode, code => code >= start && code < end));
    }

    private static Expression<Func<T, bool>> Compose<T, TCode>(Expression<Func<T, TCode>> regionCode, Expression<Func<TCode, bool>> inRange) =>
        Expression.Lambda<Func<T, bool>>(ReplacingExpressionVisitor.Replace(inRange.Parameters[0], regionCode.Body, inRange.Body), regionCode.Parameters);
}
