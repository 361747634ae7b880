using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Domain.Common;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// Keeps every stored amount column within <see cref="Fields.MaxTotalFen"/> in all: amounts are positive, so each sum
/// a query makes (a region, a year, a kind) is part of that total and fits a 64-bit integer.
/// </summary>
public static class Totals
{
    /// <summary>
    /// Fails with TOTAL_TOO_LARGE unless <paramref name="adding"/> more keeps the column's total within the limit, and
    /// counts it in the column's running total (saved with the write).
    /// </summary>
    public static async Task RequireRoomAsync<T>(DbSet<T> rows, Expression<Func<T, long>> amount, long adding, string field, CancellationToken ct)
        where T : class
    {
        var total = await ColumnTotal.ForAsync(rows, amount, ct);
        Fields.RoomInTotal(total.TotalFen, adding, field);
        total.TotalFen += adding;
    }
}
