using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using OpenAid.Api.Http;
using StackExchange.Redis;

namespace OpenAid.Api.Caching;

/// <summary>A serialised GraphQL response, as sent and as cached.</summary>
/// <param name="Body">The JSON body in UTF-8; the same for both response media types.</param>
/// <param name="Executed">Whether the document ran (decides 200 or 400 with application/graphql-response+json).</param>
/// <param name="ServerError">Whether something failed on our side (500).</param>
/// <param name="Cacheable">Executed without any error: safe to share and to give an ETag.</param>
public sealed record GraphQLResponseBody(byte[] Body, bool Executed, bool ServerError, bool Cacheable);

/// <summary>What the endpoint should send: a body, or 304 Not Modified.</summary>
public sealed record GraphQLOutcome(GraphQLResponseBody? Response)
{
    public static readonly GraphQLOutcome NotModified = new((GraphQLResponseBody?)null);
}

/// <summary>
/// The shared cache of anonymous query results, and HTTP caching for GET queries. See Caching/README.md.
/// <list type="bullet">
/// <item>Only anonymous queries share results: a request with an Authorization header, a mutation and a document
/// selecting an uncached field always executes.</item>
/// <item>Key: build, data version, time slot and SHA-256 of (printed document, operation name, variables with sorted
/// keys). A write advances the version, so an entry of an older version is never read again (it expires).</item>
/// <item>Two levels: a bounded in-process cache, then Redis. Identical concurrent misses in one process run once
/// (single flight); across instances, the first to miss takes a short Redis lock and the others wait for its result.</item>
/// <item>Redis failures are misses: the request executes against the database.</item>
/// </list>
/// </summary>
public sealed class GraphQLResponseCache : IDisposable
{
    /// <summary>Response header saying how a request was answered: HIT, MISS, BYPASS (not shareable) or OFF.</summary>
    public const string CacheHeader = "X-Cache";

    private readonly RedisConnection _redis;
    private readonly DataVersionSource _versions;
    private readonly CacheOptions _options;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _memory;
    private readonly ConcurrentDictionary<string, Task<GraphQLResponseBody>> _inflight = new(StringComparer.Ordinal);
    private long _executions;

    public GraphQLResponseCache(RedisConnection redis, DataVersionSource versions, CacheOptions options, IGraphQLTextSerializer serializer, TimeProvider clock)
    {
        _redis = redis;
        _versions = versions;
        _options = options;
        _serializer = serializer;
        _clock = clock;
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = (long)options.MemoryCacheMegabytes * 1024 * 1024, CompactionPercentage = 0.25 });
    }

    /// <summary>How many shareable requests executed (missed every cache level); for tests and the benchmark.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    public async Task<GraphQLOutcome> RunAsync(
        HttpContext http,
        ParsedDocument document,
        GraphQLHttpRequest request,
        GraphQLOperationDefinition? operation,
        GraphQLResponseMediaType mediaType,
        Func<CancellationToken, Task<ExecutionResult>> execute)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var anonymous = !http.Request.Headers.ContainsKey(HeaderNames.Authorization) && http.User.Identity?.IsAuthenticated != true;
        if (!anonymous || operation?.Operation != OperationType.Query || !document.Shareable)
        {
            http.Response.Headers[CacheHeader] = "BYPASS";
            if (isGet)
            {
                // Per user, or never to be reused (an uncached field): no cache may keep it.
                http.Response.Headers.CacheControl = anonymous ? "no-store" : "private, no-store";
            }

            return new(await ExecuteAsync(execute, http.RequestAborted));
        }

        var ct = http.RequestAborted;
        var (version, _) = await _versions.CurrentAsync(http.RequestServices, ct);
        var requestKey = ParsedDocuments.RequestKey(document, request.OperationName, request.Variables);
        var slot = TimeSlot(requestKey);
        var key = $"{_redis.KeyPrefix}q:{version}:{slot}:{requestKey}";

        string? etag = null;
        if (isGet && _options.HttpCaching)
        {
            // The media type is part of the representation, so it is part of its tag.
            etag = $"\"{version}-{slot}-{requestKey[..22]}-{(mediaType == GraphQLResponseMediaType.GraphQLResponseJson ? 'g' : 'j')}\"";
            http.Response.Headers.Vary = "Accept, Authorization";
            if (Matches(http.Request.Headers.IfNoneMatch, etag))
            {
                SetCacheHeaders(http, etag);
                http.Response.Headers[CacheHeader] = "HIT";
                return GraphQLOutcome.NotModified;
            }
        }

        GraphQLResponseBody response;
        if (!_options.Enabled)
        {
            http.Response.Headers[CacheHeader] = "OFF";
            response = await ExecuteAsync(execute, ct);
        }
        else if (_memory.TryGetValue(key, out GraphQLResponseBody? cached) && cached is not null)
        {
            http.Response.Headers[CacheHeader] = "HIT";
            response = cached;
        }
        else
        {
            var (shared, executed) = await SingleFlightAsync(key, execute, ct);
            http.Response.Headers[CacheHeader] = executed ? "MISS" : "HIT";
            response = shared;
        }

        if (isGet)
        {
            if (etag is not null && response.Cacheable)
            {
                SetCacheHeaders(http, etag);
            }
            else
            {
                http.Response.Headers.CacheControl = "no-store";
            }
        }

        return new(response);
    }

    /// <summary>
    /// "public, no-cache": any cache may store the response but must revalidate it every time, which costs one small
    /// request answered 304 from the data version alone. A max-age would let browsers and proxies show data older than
    /// the last write, which the product promises never to do.
    /// </summary>
    private static void SetCacheHeaders(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, no-cache";
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison, as RFC 9110 asks for If-None-Match; "*" matches any current representation.
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The time slot of a key, with its boundary offset by the key's hash so that keys do not roll over together.</summary>
    private long TimeSlot(string requestKey)
    {
        var seconds = Math.Max(1, _options.TimeSlotSeconds);
        var offset = (requestKey[0] * 64 + requestKey[1]) % seconds;
        return (_clock.GetUtcNow().ToUnixTimeSeconds() + offset) / seconds;
    }

    /// <returns>The response, and whether this request is the one that executed it.</returns>
    private async Task<(GraphQLResponseBody Response, bool Executed)> SingleFlightAsync(string key, Func<CancellationToken, Task<ExecutionResult>> execute, CancellationToken ct)
    {
        var mine = new TaskCompletionSource<GraphQLResponseBody>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _inflight.GetOrAdd(key, mine.Task);
        if (current != mine.Task)
        {
            // Another request for the same key is under way in this process: wait for its result.
            return (await current.WaitAsync(ct), false);
        }

        try
        {
            // Not cancelled with this request: the others waiting on it would fail with it.
            var (response, executed) = await LoadAsync(key, execute);
            mine.SetResult(response);
            return (response, executed);
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Task<GraphQLResponseBody>>(key, mine.Task));
        }
    }

    private async Task<(GraphQLResponseBody Response, bool Executed)> LoadAsync(string key, Func<CancellationToken, Task<ExecutionResult>> execute)
    {
        var redis = _redis.Database;
        if (redis is null)
        {
            return (Remember(key, await ExecuteCountedAsync(execute)), true);
        }

        var stored = await TryGetAsync(redis, key);
        if (stored is not null)
        {
            return (Remember(key, stored), false);
        }

        // Another instance may be computing the same result: let one of them do it, the others wait for it.
        var lockKey = key + ":lock";
        var locked = await TryAsync(() => redis.StringSetAsync(lockKey, "1", TimeSpan.FromMilliseconds(_options.LockWaitMilliseconds * 2), When.NotExists), "lock", fallback: true);
        if (locked)
        {
            // The instance that held the lock may have stored the result between our read and our lock.
            stored = await TryGetAsync(redis, key);
            if (stored is not null)
            {
                await TryAsync(() => redis.KeyDeleteAsync(lockKey), "unlock", fallback: false);
                return (Remember(key, stored), false);
            }
        }
        else
        {
            var deadline = Environment.TickCount64 + _options.LockWaitMilliseconds;
            while (Environment.TickCount64 < deadline)
            {
                await Task.Delay(15);
                stored = await TryGetAsync(redis, key);
                if (stored is not null)
                {
                    return (Remember(key, stored), false);
                }
            }
        }

        try
        {
            var response = Remember(key, await ExecuteCountedAsync(execute));
            if (response.Cacheable)
            {
                await TryAsync(() => redis.StringSetAsync(key, response.Body, TimeSpan.FromSeconds(Math.Max(1, _options.TimeSlotSeconds) * 2)), "write", fallback: false);
            }

            return (response, true);
        }
        finally
        {
            if (locked)
            {
                await TryAsync(() => redis.KeyDeleteAsync(lockKey), "unlock", fallback: false);
            }
        }
    }

    private async Task<GraphQLResponseBody?> TryGetAsync(IDatabase redis, string key)
    {
        var value = await TryAsync(() => redis.StringGetAsync(key), "read", fallback: RedisValue.Null);
        // Only cacheable (executed, error-free) responses are ever stored.
        return value.HasValue ? new GraphQLResponseBody((byte[])value!, Executed: true, ServerError: false, Cacheable: true) : null;
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> command, string operation, T fallback)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            _redis.LogFailure(e, operation);
            return fallback;
        }
    }

    private GraphQLResponseBody Remember(string key, GraphQLResponseBody response)
    {
        if (response.Cacheable)
        {
            _memory.Set(key, response, new MemoryCacheEntryOptions
            {
                Size = response.Body.Length + key.Length * 2 + 64,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(1, _options.TimeSlotSeconds) * 2),
            });
        }

        return response;
    }

    private Task<GraphQLResponseBody> ExecuteCountedAsync(Func<CancellationToken, Task<ExecutionResult>> execute)
    {
        Interlocked.Increment(ref _executions);
        return ExecuteAsync(execute, CancellationToken.None);
    }

    private async Task<GraphQLResponseBody> ExecuteAsync(Func<CancellationToken, Task<ExecutionResult>> execute, CancellationToken ct)
    {
        var result = await execute(ct);
        return Serialize(result);
    }

    /// <summary>Serialises a result that did not go through the cache (e.g. a request error).</summary>
    public GraphQLResponseBody Serialize(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        // Serialising to memory cannot be cancelled meaningfully, and the result is shared.
        _serializer.WriteAsync(stream, result, CancellationToken.None).GetAwaiter().GetResult();
        var body = stream.ToArray();
        var serverError = result.Errors?.Any(e => e is UnhandledError) == true;
        var cacheable = result.Executed && (result.Errors is null || result.Errors.Count == 0) && body.Length <= _options.MaxEntryKilobytes * 1024;
        return new GraphQLResponseBody(body, result.Executed, serverError, cacheable);
    }

    public void Dispose() => _memory.Dispose();
}
