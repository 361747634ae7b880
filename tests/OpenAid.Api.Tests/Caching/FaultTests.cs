using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Caching;
using StackExchange.Redis;

namespace OpenAid.Api.Tests.Caching;

/// <summary>
/// Faults between two instances and one real redis-server: a waiter for another instance's result that turns out to
/// be an error runs the query itself instead of sleeping out the lock; a Redis that hangs (SIGSTOP) opens the circuit,
/// requests keep succeeding from the database, and it closes again after SIGCONT. The latencies themselves are
/// measured in bench/fault-probes.mjs, not asserted here. Also: /metrics names each GraphQL operation.
/// </summary>
[Collection(SharedCachingCluster.Name)]
public class FaultTests(CachingCluster cluster)
{
    /// <summary>Not a region code: the result is an error (INVALID_REGION_CODE), which is never stored.</summary>
    private static string FailingQuery() => $"query Failing{Guid.NewGuid():N} {{ region(code: \"1234567\") {{ name }} }}";

    [Fact]
    public async Task A_waiter_whose_lock_holder_stores_no_result_runs_the_query_itself_instead_of_waiting_out_the_lock()
    {
        var query = FailingQuery();
        var cache = cluster.A.Services.GetRequiredService<ResultCache>();
        var key = await KeyOfAsync(cluster.A, query);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var database = redis.GetDatabase();
        // Another instance is computing this result: it holds the lock.
        Assert.True(await database.StringSetAsync(key + ":lock", "1", TimeSpan.FromMinutes(1), When.NotExists));
        var (waits, timeouts, executions) = (cache.LockWaitsStarted, cache.LockWaitTimeouts, cluster.A.Executions);

        var waiting = cluster.A.QueryAsync(query);
        await WaitUntilAsync(() => cache.LockWaitsStarted > waits || waiting.IsCompleted);
        Assert.Equal(waits + 1, cache.LockWaitsStarted);
        // The holder's result was an error: it stores nothing and gives the lock up.
        await database.KeyDeleteAsync(key + ":lock");
        var response = await waiting;

        Assert.Equal(["INVALID_REGION_CODE"], response.ErrorCodes);
        Assert.Equal("MISS", response.Cache);
        Assert.Equal(executions + 1, cluster.A.Executions);
        Assert.Equal(timeouts, cache.LockWaitTimeouts);
        Assert.False(await database.KeyExistsAsync(key));
    }

    [Fact]
    public async Task Identical_error_queries_on_both_instances_at_once_all_answer_and_no_waiter_runs_out_of_time()
    {
        var query = FailingQuery();
        var caches = new[] { cluster.A, cluster.B }.Select(s => s.Services.GetRequiredService<ResultCache>()).ToList();
        var timeouts = caches.Sum(c => c.LockWaitTimeouts);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? cluster.A : cluster.B).QueryAsync(query)));

        Assert.All(responses, r => Assert.Equal(["INVALID_REGION_CODE"], r.ErrorCodes));
        Assert.Equal(timeouts, caches.Sum(c => c.LockWaitTimeouts));
    }

    [Fact]
    public async Task A_hung_Redis_opens_the_circuit_requests_keep_succeeding_and_it_closes_after_SIGCONT()
    {
        var (organization, region) = await cluster.GovernmentAsync();
        var token = cluster.A.PublisherToken(region, organization);
        const string FundCount = "query HungFunds($region: String) { funds(region: $region) { totalCount } }";
        var count = (await cluster.B.QueryAsync(FundCount, new { region })).Data("funds", "totalCount").GetInt32();

        cluster.Redis.Pause();
        try
        {
            // Requests succeed while Redis hangs, and the circuit opens (after a few commands time out).
            var health = default(JsonElement);
            for (var i = 0; i < 200; i++)
            {
                var response = await cluster.A.QueryAsync($"query Hung{Guid.NewGuid():N} {{ programs(first: 2) {{ nodes {{ code }} }} }}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(2, response.Data("programs", "nodes").GetArrayLength());
                using var reply = await cluster.A.Client.GetAsync("health");
                health = JsonDocument.Parse(await reply.Content.ReadAsStringAsync()).RootElement.Clone();
                if (health.GetProperty("cache").GetProperty("circuit").GetString() == "open")
                {
                    break;
                }
            }

            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Equal("open", health.GetProperty("cache").GetProperty("circuit").GetString());

            // Still fresh across instances while Redis hangs: the version comes from the database.
            var created = await cluster.A.PostQueryAsync(
                "mutation($input: CreateFundInput!) { createFund(input: $input) { fund { code } errors { code } } }", new { input = FundInput(region) }, token);
            Assert.Equal(0, created.Data("createFund", "errors").GetArrayLength());
            Assert.Equal(count + 1, (await cluster.B.QueryAsync(FundCount, new { region })).Data("funds", "totalCount").GetInt32());
        }
        finally
        {
            cluster.Redis.Resume();
        }

        var healthy = await CachingCluster.WaitForHealthAsync(cluster.A, "Healthy", TimeSpan.FromSeconds(30));
        Assert.Equal("closed", healthy.GetProperty("cache").GetProperty("circuit").GetString());
        await CachingCluster.WaitForHealthAsync(cluster.B, "Healthy", TimeSpan.FromSeconds(30));

        // Caching through Redis resumed: B serves what A computed.
        var query = $"query Resumed{Guid.NewGuid():N} {{ notices(first: 5) {{ nodes {{ code }} }} }}";
        Assert.Equal("MISS", (await cluster.A.QueryAsync(query)).Cache);
        var executions = cluster.B.Executions;
        Assert.Equal("HIT", (await cluster.B.QueryAsync(query)).Cache);
        Assert.Equal(executions, cluster.B.Executions);
        Assert.Equal(count + 1, (await cluster.B.QueryAsync(FundCount, new { region })).Data("funds", "totalCount").GetInt32());
    }

    [Fact]
    public async Task Metrics_name_each_GraphQL_operation_and_count_cache_hits_and_misses_by_layer()
    {
        // Another test of the class may have left Redis down for a moment: with an open circuit B would not look in Redis.
        await CachingCluster.WaitForHealthAsync(cluster.A, "Healthy", TimeSpan.FromSeconds(30));
        await CachingCluster.WaitForHealthAsync(cluster.B, "Healthy", TimeSpan.FromSeconds(30));
        var name = $"Watched{Guid.NewGuid():N}";
        var query = $"query {name} {{ programs(first: 2) {{ nodes {{ code }} }} }}";
        var beforeA = await PrometheusScrape.ScrapeAsync(cluster.A.Client);
        var beforeB = await PrometheusScrape.ScrapeAsync(cluster.B.Client);

        Assert.Equal("MISS", (await cluster.A.QueryAsync(query)).Cache);
        Assert.Equal("HIT", (await cluster.A.QueryAsync(query)).Cache);
        // B never saw it: its memory misses, Redis has it.
        Assert.Equal("HIT", (await cluster.B.QueryAsync(query)).Cache);
        var afterA = await PrometheusScrape.ScrapeAsync(cluster.A.Client);
        var afterB = await PrometheusScrape.ScrapeAsync(cluster.B.Client);

        // The name is new, so these counts are this test's requests: one executed, two from a cache. The meter is one per
        // process (OpenAidMetrics), so either host's scrape counts both hosts' requests.
        double Count(IReadOnlyList<PrometheusScrape.Sample> samples, string cache) => PrometheusScrape.Sum(samples, "openaid_graphql_operation_duration_seconds_count",
            ("graphql_operation_name", name), ("graphql_operation_type", "query"), ("outcome", "ok"), ("cache", cache));
        Assert.Equal(1, Count(afterA, "miss"));
        Assert.Equal(2, Count(afterA, "hit"));
        Assert.True(PrometheusScrape.Sum(afterA, "openaid_cache_hits_total", ("layer", "memory")) > PrometheusScrape.Sum(beforeA, "openaid_cache_hits_total", ("layer", "memory")));
        Assert.True(PrometheusScrape.Sum(afterA, "openaid_cache_misses_total", ("layer", "memory")) > PrometheusScrape.Sum(beforeA, "openaid_cache_misses_total", ("layer", "memory")));
        Assert.True(PrometheusScrape.Sum(afterA, "openaid_cache_misses_total", ("layer", "redis")) > PrometheusScrape.Sum(beforeA, "openaid_cache_misses_total", ("layer", "redis")));
        Assert.True(PrometheusScrape.Sum(afterB, "openaid_cache_hits_total", ("layer", "redis")) > PrometheusScrape.Sum(beforeB, "openaid_cache_hits_total", ("layer", "redis")));
    }

    /// <summary>The cache key the host gives an anonymous GET of <paramref name="query"/> (no operation name, no variables).</summary>
    private static async Task<string> KeyOfAsync(InstanceServer server, string query)
    {
        var parsed = server.Services.GetRequiredService<ParsedDocuments>().Parse(query);
        await using var scope = server.Services.CreateAsyncScope();
        return (await server.Services.GetRequiredService<ResultCache>().KeyAsync(parsed, null, null, scope.ServiceProvider, CancellationToken.None)).Value;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    private static object FundInput(string region) => new
    {
        name = "熔断测试资金",
        documentNumber = "测试〔" + Guid.NewGuid().ToString("N")[..12] + "〕号",
        sourceType = "CENTRAL_FISCAL",
        level = "CENTRAL",
        fiscalYear = TimeProvider.System.GetUtcNow().Year,
        amountFen = 1_000_000L,
        region,
        purpose = "Circuit breaker test",
        decidedOn = $"{TimeProvider.System.GetUtcNow().Year}-01-15",
    };
}
