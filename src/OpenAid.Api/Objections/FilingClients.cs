using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OpenAid.Api.RateLimiting;

namespace OpenAid.Api.Objections;

/// <summary>
/// Counts objections filed per client per day, for the flood cap. A client is what the rate limiter partitions by:
/// the signed-in caller, else the address (an IPv6 address by its /64, which one subscriber holds). Only a digest of
/// the client is kept, in memory for the day, never beside an objection: filing stays anonymous. Each instance counts
/// on its own.
/// </summary>
public sealed class FilingClients(IHttpContextAccessor http, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Client, long Day), StrongBox> _counts = new();
    private long _day;

    /// <summary>Counts one filing of the current request's client today and returns its count so far, this one included.</summary>
    public long CountToday()
    {
        var day = clock.GetUtcNow().ToUnixTimeSeconds() / 86_400;
        if (Interlocked.Exchange(ref _day, day) != day)
        {
            foreach (var key in _counts.Keys.Where(k => k.Day < day))
            {
                _counts.TryRemove(key, out _);
            }
        }

        return Interlocked.Increment(ref _counts.GetOrAdd((Digest(ClientRateLimiter.Partition(http.HttpContext?.User ?? new(), http.HttpContext?.Connection.RemoteIpAddress).Key), day), _ => new StrongBox()).Value);
    }

    private static string Digest(string client) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(client)));

    private sealed class StrongBox
    {
        public long Value;
    }
}
