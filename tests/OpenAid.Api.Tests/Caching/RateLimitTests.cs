using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;

namespace OpenAid.Api.Tests.Caching;

/// <summary>Two instances with tiny budgets sharing one Redis (and so one count), each on its own database.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class RateLimitedCluster : IAsyncLifetime
{
    public const int AnonymousLimit = 3;
    public const int AuthenticatedLimit = 6;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "openaid-tests", "ratelimit-" + Guid.NewGuid().ToString("N"));

    public RedisServer Redis { get; private set; } = null!;

    public InstanceServer A { get; private set; } = null!;

    public InstanceServer B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Redis = await RedisServer.StartNewAsync();
        Dictionary<string, string?> Settings() => new()
        {
            ["ConnectionStrings:Redis"] = Redis.Configuration,
            ["Auth:LocalKeyFile"] = Path.Combine(_folder, "dev-signing-key"),
            ["RateLimiting:AnonymousLimit"] = AnonymousLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:AuthenticatedLimit"] = AuthenticatedLimit.ToString(CultureInfo.InvariantCulture),
            // A long window, so that no test straddles two.
            ["RateLimiting:WindowSeconds"] = "86400",
        };
        A = new InstanceServer(seedDemoData: false, Settings());
        await A.InitializeAsync();
        B = new InstanceServer(seedDemoData: false, Settings());
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
        }
    }
}

public class RateLimitTests(RateLimitedCluster cluster) : IClassFixture<RateLimitedCluster>
{
    [Fact]
    public async Task Anonymous_clients_share_one_budget_across_instances_and_then_get_a_clear_429()
    {
        var responses = new List<CachedResponse>();
        for (var i = 0; i < RateLimitedCluster.AnonymousLimit; i++)
        {
            responses.Add(await (i % 2 == 0 ? cluster.A : cluster.B).QueryAsync("{ __typename }"));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("3", r.RateLimitLimit));
        Assert.Equal(["2", "1", "0"], responses.Select(r => r.RateLimitRemaining));
        Assert.All(responses, r => Assert.True(int.Parse(r.RateLimitReset!, CultureInfo.InvariantCulture) > 0));

        var refusals = PrometheusScrape.Sum(await PrometheusScrape.ScrapeAsync(cluster.B.Client), "openaid_ratelimit_refusals_total", ("client", "anonymous"));
        var refused = await cluster.B.QueryAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
        // Counted; and /metrics, like /health, is never limited.
        Assert.True(PrometheusScrape.Sum(await PrometheusScrape.ScrapeAsync(cluster.B.Client), "openaid_ratelimit_refusals_total", ("client", "anonymous")) > refusals);
        Assert.Equal("0", refused.RateLimitRemaining);
        Assert.True(int.Parse(refused.RetryAfter!, CultureInfo.InvariantCulture) > 0);
        Assert.Contains("sign in", refused.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // /health is never limited: monitors must see the instance.
        using var health = await cluster.A.Client.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Signed_in_clients_get_a_higher_budget_of_their_own()
    {
        // Any signed-in person: the budget follows the sign-in, whatever the grants.
        var token = cluster.A.MintToken([OpenAid.Api.Auth.Roles.Auditor], null, null);
        for (var i = 0; i < RateLimitedCluster.AuthenticatedLimit; i++)
        {
            var response = await (i % 2 == 0 ? cluster.A : cluster.B).QueryAsync("{ __typename }", token: token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("6", response.RateLimitLimit);
            Assert.Equal((RateLimitedCluster.AuthenticatedLimit - i - 1).ToString(CultureInfo.InvariantCulture), response.RateLimitRemaining);
        }

        var refused = await cluster.A.QueryAsync("{ __typename }", token: token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
    }
}
