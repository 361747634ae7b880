using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenAid.Data;

namespace OpenAid.Api.Caching;

/// <summary>
/// The totalCount of connections, counted once per data version: a COUNT over a large filtered list scans its range on
/// every request, although its answer changes only when data does. Keyed by the data version and the count's SQL with
/// its parameter values (EF's query string), so two callers share a count only when they would run the very same
/// query: visibility (a Publisher's region, drafts) is in the query, so it is in the key. In process, bounded, and safe
/// across instances: the version comes from the database, where every write advances it.
/// </summary>
public sealed class CountCache : IDisposable
{
    /// <summary>Counts are small; entries of older versions are never looked up again and make room as new ones come.</summary>
    private const int MaxEntries = 10_000;

    private readonly MemoryCache _counts = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    public async Task<int> CountAsync<T>(OpenAidDbContext db, IQueryable<T> query, CancellationToken ct)
    {
        // Read before counting: the count is then at least as new as the version it is kept under, never older.
        var version = await db.DataVersions.Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Version).FirstOrDefaultAsync(ct);
        var key = $"{version}\n{query.ToQueryString()}";
        if (_counts.TryGetValue(key, out int count))
        {
            return count;
        }

        count = await query.CountAsync(ct);
        _counts.Set(key, count, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return count;
    }

    public void Dispose() => _counts.Dispose();
}
