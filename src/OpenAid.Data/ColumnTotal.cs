using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OpenAid.Data;

/// <summary>
/// The running total of one amount column (e.g. "Pledge.Quantity"), so that a write checks the room left under the
/// limit of all totals without summing the whole table inside its transaction (the sum grew with the data and held the
/// write lock for tens of milliseconds). It counts every amount added since it was last summed from the table, so it is
/// never below the column's real total: a draft's later edit or removal leaves it above, on the safe side. Bulk writes
/// bypass it, so they forget every total (<see cref="ForgetAllAsync"/>) and the next write sums its table once again.
/// Bookkeeping, not public data: it is not audited.
/// </summary>
public class ColumnTotal
{
    public const int NameMaxLength = 64;

    public required string Name { get; init; }

    public long TotalFen { get; set; }

    /// <summary>
    /// The tracked total of <paramref name="amount"/> over <paramref name="rows"/>, summed from the table the first time.
    /// Two writers adding to it at once collide on the concurrency token and the write runs again.
    /// </summary>
    public static async Task<ColumnTotal> ForAsync<T>(DbSet<T> rows, Expression<Func<T, long>> amount, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(amount);
        var db = (OpenAidDbContext)rows.GetService<ICurrentDbContext>().Context;
        var name = $"{typeof(T).Name}.{((MemberExpression)amount.Body).Member.Name}";
        var total = await db.ColumnTotals.AsTracking().SingleOrDefaultAsync(t => t.Name == name, ct);
        if (total is null)
        {
            total = new ColumnTotal { Name = name, TotalFen = await rows.SumAsync(amount, ct) };
            db.ColumnTotals.Add(total);
        }

        return total;
    }

    /// <summary>After rows were written around <see cref="ForAsync"/>: every total is summed again when next needed.</summary>
    public static Task ForgetAllAsync(OpenAidDbContext db, CancellationToken ct) => db.ColumnTotals.ExecuteDeleteAsync(ct);
}
