using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAid.Api.Diagnostics;

/// <summary>
/// Counts the SQL commands of one request. With "Diagnostics:SqlCommandHeader" on, the count is sent back
/// in the <see cref="HeaderName"/> response header, so tests and the benchmark can prove that a query's
/// cost does not grow with its page size (no N+1).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    public const string HeaderName = "X-Sql-Commands";

    private int _count;

    public int Count => _count;

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public static void UseSqlCommandHeader(IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var counter = http.RequestServices.GetRequiredService<SqlCommandCounter>();
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[HeaderName] = counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(http);
        });
}
