using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.Diagnostics;
using OpenAid.Api.Http;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Caching;

/// <summary>
/// One API host with the given settings; several can share a database file and a Redis. X-Cache is turned on, which
/// the cache tests read (it is off outside Development unless configured).
/// </summary>
public sealed class InstanceServer(bool seedDemoData, IReadOnlyDictionary<string, string?> settings)
    : ApiServer(seedDemoData, new Dictionary<string, string?>(settings) { ["Diagnostics:ExposeCacheHeaders"] = "true" })
{
    public long Executions => Services.GetRequiredService<ResultCache>().Executions;

    public Task<CachedResponse> QueryAsync(string query, object? variables = null, string? token = null, string? ifNoneMatch = null)
    {
        var uri = "graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            uri += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return SendRequestAsync(request, token);
    }

    public Task<CachedResponse> PostQueryAsync(string query, object? variables = null, string? token = null) =>
        SendRequestAsync(new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        }, token);

    public async Task<CachedResponse> SendRequestAsync(HttpRequestMessage request, string? token = null)
    {
        using (request)
        {
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await Client.SendAsync(request);
            return new CachedResponse(response, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A Publisher token of the local signer (the key file is shared by every instance of a cluster).</summary>
    public string PublisherToken(string region, string organization) =>
        MintToken([Roles.Publisher], region, organization);
}

/// <summary>A response with the headers the cache tests look at.</summary>
public sealed class CachedResponse
{
    public CachedResponse(HttpResponseMessage response, string body)
    {
        StatusCode = response.StatusCode;
        Body = body;
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
        Cache = Header(HttpCaching.CacheHeader);
        ETag = response.Headers.ETag?.ToString();
        CacheControl = response.Headers.CacheControl?.ToString();
        SqlCommands = Header(SqlCommandCounter.HeaderName) is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : null;
        RetryAfter = Header("Retry-After");
        RateLimitLimit = Header("RateLimit-Limit");
        RateLimitRemaining = Header("RateLimit-Remaining");
        RateLimitReset = Header("RateLimit-Reset");
        if (body.Length > 0 && body[0] == '{')
        {
            using var document = JsonDocument.Parse(body);
            Json = document.RootElement.Clone();
        }
    }

    public HttpStatusCode StatusCode { get; }

    public string Body { get; }

    public JsonElement Json { get; }

    /// <summary>X-Cache: HIT, MISS, BYPASS or OFF.</summary>
    public string? Cache { get; }

    public string? ETag { get; }

    public string? CacheControl { get; }

    public int? SqlCommands { get; }

    public string? RetryAfter { get; }

    public string? RateLimitLimit { get; }

    public string? RateLimitRemaining { get; }

    public string? RateLimitReset { get; }

    public IReadOnlyList<string?> ErrorCodes =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList()
            : [];

    public JsonElement Data(params string[] path)
    {
        Assert.True(Json.ValueKind == JsonValueKind.Object && !Json.TryGetProperty("errors", out _), $"{(int)StatusCode}: {Body}");
        var current = Json.GetProperty("data");
        foreach (var name in path)
        {
            current = current.GetProperty(name);
        }

        return current;
    }

    public override string ToString() => $"{(int)StatusCode} X-Cache={Cache}: {Body}";
}

/// <summary>
/// Two API instances sharing one SQLite file, one redis-server and one signing key, as behind a load balancer:
/// A imports the demo data, B starts on the same database afterwards.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class CachingCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "openaid-tests", "cluster-" + Guid.NewGuid().ToString("N"));

    public RedisServer Redis { get; private set; } = null!;

    public InstanceServer A { get; private set; } = null!;

    public InstanceServer B { get; private set; } = null!;

    public string DatabaseFile => Path.Combine(_folder, "openaid.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Redis = await RedisServer.StartNewAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = Redis.Configuration,
            ["Database:ConnectionString"] = $"Data Source={DatabaseFile}",
            ["Auth:LocalKeyFile"] = Path.Combine(_folder, "dev-signing-key"),
            ["Diagnostics:SqlCommandHeader"] = "true",
            // An hour-long time slot, so that no key rolls over between two requests of one test.
            ["Cache:TimeSlotSeconds"] = "3600",
        };
        A = new InstanceServer(seedDemoData: true, settings);
        await A.InitializeAsync();
        B = new InstanceServer(seedDemoData: true, settings);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp folder; harmless.
        }
    }

    /// <summary>A government organisation of the demo data and its region, to publish as.</summary>
    public async Task<(string Organization, string Region)> GovernmentAsync()
    {
        var response = await A.PostQueryAsync("{ organizations(kind: GOVERNMENT, first: 1) { nodes { code region { shortCode } } } }");
        var node = response.Data("organizations", "nodes")[0];
        return (node.GetProperty("code").GetString()!, node.GetProperty("region").GetProperty("shortCode").GetString()!);
    }

    /// <summary>Polls /health until it reports <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForHealthAsync(InstanceServer server, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await server.Client.GetAsync("health");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (json.RootElement.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return json.RootElement.Clone();
            }

            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedCachingCluster : ICollectionFixture<CachingCluster>
{
    public const string Name = "Caching cluster";
}

/// <summary>The embedded default: no Redis configured, so the in-process cache with the same rules.</summary>
public sealed class InProcessFixture : IAsyncLifetime
{
    public InstanceServer Server { get; } = new(seedDemoData: false, new Dictionary<string, string?>
    {
        ["Diagnostics:SqlCommandHeader"] = "true",
        ["Cache:TimeSlotSeconds"] = "3600",
    });

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}
