using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Caching;
using OpenAid.Api.Exports;
using OpenAid.Api.Redis;
using OpenAid.Data;

namespace OpenAid.Api.Audit;

/// <summary>
/// The copies of public data made outside the tables: the SQLite write-ahead log, built dumps and cached results.
/// Once a redaction has committed, every copy made before it goes at once rather than when it would be replaced or
/// expire — here, and through Redis on every other instance (each keeps its own dumps and memory cache).
/// </summary>
public sealed class PublicCopies
{
    private const string DumpsChannel = "discard-dumps";

    private readonly ResultCache _cache;
    private readonly RedisConnection _redis;
    private readonly IServiceProvider _services;
    private readonly ILogger<PublicCopies> _logger;

    /// <param name="services">Where the dump store is found when needed: it is built from the schema, whose
    /// operations (the redactions') need this, so taking it here would be a cycle.</param>
    public PublicCopies(ResultCache cache, RedisConnection redis, IServiceProvider services, ILogger<PublicCopies> logger)
    {
        _cache = cache;
        _redis = redis;
        _services = services;
        _logger = logger;
        redis.Subscribe(DumpsChannel, message =>
        {
            if (long.TryParse(message, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                Dumps.DiscardBefore(version);
            }
        });
    }

    private DumpStore Dumps => _services.GetRequiredService<DumpStore>();

    /// <summary>After the commit of a write that erased something: empties the log, discards older dumps and purges every cache.</summary>
    public async Task DiscardAsync(OpenAidDbContext db)
    {
        // Not the request's token: a client that goes away must not leave copies behind.
        if (!await SqliteMaintenance.TruncateWalAsync(db, CancellationToken.None))
        {
            _logger.LogWarning("The SQLite write-ahead log could not be emptied after a redaction (readers kept it busy); it empties at the next checkpoint that finds it idle.");
        }

        var version = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Version).SingleAsync();
        Dumps.DiscardBefore(version);
        await _redis.PublishAsync(DumpsChannel, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _cache.PurgeAsync();
    }
}
