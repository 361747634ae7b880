using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace OpenAid.Api.Auth;

/// <summary>Filters by the region subtrees of a caller's grants, for the database to evaluate.</summary>
public static class RegionScopes
{
    /// <summary>
    /// Records whose region (<paramref name="regionCode"/>) lies within any of <paramref name="grants"/>, or that
    /// <paramref name="orElse"/> lets in: all when a grant is nationwide. Each subtree is a range of codes, so this
    /// stays one index range per grant.
    /// </summary>
    public static Expression<Func<T, bool>> Within<T>(Expression<Func<T, long>> regionCode, IEnumerable<ActorGrant> grants, Expression<Func<T, bool>>? orElse = null)
    {
        var scopes = grants.ToList();
        if (scopes.Any(g => g.Region is null))
        {
            return _ => true;
        }

        var within = orElse is null
            ? Expression.Constant(false)
            : ReplacingExpressionVisitor.Replace(orElse.Parameters[0], regionCode.Parameters[0], orElse.Body);
        foreach (var region in scopes.Select(g => g.Region!.Value).Distinct())
        {
            // Captured, not constants, so that EF Core sends them as parameters.
            var (start, end) = (region.SubtreeStart, region.SubtreeEnd);
            var range = Expression.AndAlso(
                Expression.GreaterThanOrEqual(regionCode.Body, ((Expression<Func<long>>)(() => start)).Body),
                Expression.LessThan(regionCode.Body, ((Expression<Func<long>>)(() => end)).Body));
            within = Expression.OrElse(within, range);
        }

        return Expression.Lambda<Func<T, bool>>(within, regionCode.Parameters);
    }
}
