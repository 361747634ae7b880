using System.Net;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Caching;

/// <summary>
/// Two instances, one Redis, one database: what one instance writes, the other reads at once; identical misses run
/// once across both; ETags agree between instances; Redis going away costs speed, never correctness.
/// </summary>
[Collection(SharedCachingCluster.Name)]
public class ClusterTests(CachingCluster cluster)
{
    private const string FundCount = "query FundCount($region: String, $year: Int) { funds(region: $region, year: $year) { totalCount } }";

    private const string CreateFund = "mutation($input: CreateFundInput!) { createFund(input: $input) { fund { code } errors { code message } } }";

    private static readonly int Year = TimeProvider.System.Today().Year;

    [Fact]
    public async Task A_write_through_one_instance_is_read_through_the_other_immediately()
    {
        var (organization, region) = await cluster.GovernmentAsync();
        var token = cluster.A.PublisherToken(region, organization);
        var variables = new { region, year = Year };
        for (var round = 0; round < 3; round++)
        {
            var before = await cluster.B.QueryAsync(FundCount, variables);
            var cached = await cluster.B.QueryAsync(FundCount, variables);
            Assert.Equal("HIT", cached.Cache);
            var count = before.Data("funds", "totalCount").GetInt32();

            await CreateFundAsync(token, region);

            // No waiting, no retry: the very next read on the other instance sees the write.
            var after = await cluster.B.QueryAsync(FundCount, variables);
            Assert.Equal(count + 1, after.Data("funds", "totalCount").GetInt32());
            Assert.Equal("MISS", after.Cache);
        }
    }

    [Fact]
    public async Task Hundred_concurrent_identical_misses_across_two_instances_execute_once()
    {
        // A fresh operation name makes a key nobody has cached; the query itself is a real page of notices.
        var query = $"query Stampede{Guid.NewGuid():N} {{ notices(first: 20) {{ totalCount nodes {{ code title region {{ name }} }} }} }}";
        var before = cluster.A.Executions + cluster.B.Executions;

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? cluster.A : cluster.B).QueryAsync(query)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(responses[0].Body, r.Body));
        Assert.Equal(1, cluster.A.Executions + cluster.B.Executions - before);
        Assert.Single(responses, r => r.Cache == "MISS");
    }

    [Fact]
    public async Task Equivalent_documents_and_variables_in_another_order_share_one_entry()
    {
        var name = $"Same{Guid.NewGuid():N}";
        var first = await cluster.A.QueryAsync($"query {name}($first: Int, $kind: OrganizationKind) {{ organizations(first: $first, kind: $kind) {{ totalCount }} }}",
            new { first = 3, kind = "GOVERNMENT" });
        var second = await cluster.A.QueryAsync($"# the same, written differently\nquery {name}( $first :Int , $kind:OrganizationKind ){{organizations(first:$first,kind:$kind){{ totalCount }}}}",
            new { kind = "GOVERNMENT", first = 3 });

        Assert.Equal("MISS", first.Cache);
        Assert.Equal("HIT", second.Cache);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Anonymous_GET_queries_carry_an_ETag_that_both_instances_honour_until_the_data_changes()
    {
        var query = $"query Tagged{Guid.NewGuid():N} {{ programs(first: 3) {{ nodes {{ code }} }} }}";
        var first = await cluster.A.QueryAsync(query);
        Assert.NotNull(first.ETag);
        Assert.Equal("public, no-cache", first.CacheControl);

        var revalidated = await cluster.B.QueryAsync(query, ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal("", revalidated.Body);
        Assert.Equal(first.ETag, revalidated.ETag);

        var (organization, region) = await cluster.GovernmentAsync();
        await CreateFundAsync(cluster.A.PublisherToken(region, organization), region);

        var changed = await cluster.B.QueryAsync(query, ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(first.ETag, changed.ETag);
        Assert.Equal(first.Body, changed.Body);
    }

    [Fact]
    public async Task Signed_in_requests_mutations_and_audit_verification_never_use_the_shared_cache()
    {
        var (organization, region) = await cluster.GovernmentAsync();
        var token = cluster.A.PublisherToken(region, organization);
        var query = "{ programs(first: 2) { nodes { code } } }";
        await cluster.A.QueryAsync(query);

        var signedIn = await cluster.A.QueryAsync(query, token: token);
        Assert.Equal("BYPASS", signedIn.Cache);
        Assert.Null(signedIn.ETag);
        Assert.Contains("private", signedIn.CacheControl, StringComparison.Ordinal);
        Assert.Contains("no-store", signedIn.CacheControl, StringComparison.Ordinal);

        var mutation = await cluster.A.PostQueryAsync(CreateFund, new { input = FundInput(region) }, token);
        Assert.Equal("BYPASS", mutation.Cache);

        var verify = await cluster.A.QueryAsync("{ verifyAuditChain { valid } }");
        Assert.Equal("BYPASS", verify.Cache);
        Assert.Null(verify.ETag);
    }

    [Fact]
    public async Task Without_Redis_the_API_answers_from_the_database_reports_degraded_and_resumes_caching_when_Redis_is_back()
    {
        var (organization, region) = await cluster.GovernmentAsync();
        var token = cluster.A.PublisherToken(region, organization);
        var variables = new { region, year = Year };
        var count = (await cluster.B.QueryAsync(FundCount, variables)).Data("funds", "totalCount").GetInt32();

        await cluster.Redis.StopAsync();
        try
        {
            var health = await CachingCluster.WaitForHealthAsync(cluster.A, "Degraded", TimeSpan.FromSeconds(15));
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Equal("Healthy", health.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Degraded", health.GetProperty("cache").GetProperty("status").GetString());
            Assert.Equal("redis", health.GetProperty("cache").GetProperty("mode").GetString());

            // Still correct, and still fresh across instances: the data version now comes from the database.
            Assert.Equal(count, (await cluster.B.QueryAsync(FundCount, variables)).Data("funds", "totalCount").GetInt32());
            await CreateFundAsync(token, region);
            Assert.Equal(count + 1, (await cluster.B.QueryAsync(FundCount, variables)).Data("funds", "totalCount").GetInt32());
            Assert.Equal(count + 1, (await cluster.A.QueryAsync(FundCount, variables)).Data("funds", "totalCount").GetInt32());
        }
        finally
        {
            await cluster.Redis.StartAsync();
        }

        Assert.Equal("Healthy", (await CachingCluster.WaitForHealthAsync(cluster.A, "Healthy", TimeSpan.FromSeconds(30))).GetProperty("status").GetString());
        Assert.Equal("Healthy", (await CachingCluster.WaitForHealthAsync(cluster.B, "Healthy", TimeSpan.FromSeconds(30))).GetProperty("status").GetString());

        // Caching through Redis resumed without a restart: B serves what A computed, from Redis (B never saw it).
        var query = $"query Resumed{Guid.NewGuid():N} {{ notices(first: 5) {{ nodes {{ code }} }} }}";
        Assert.Equal("MISS", (await cluster.A.QueryAsync(query)).Cache);
        var executions = cluster.B.Executions;
        Assert.Equal("HIT", (await cluster.B.QueryAsync(query)).Cache);
        Assert.Equal(executions, cluster.B.Executions);
        Assert.Equal(count + 1, (await cluster.B.QueryAsync(FundCount, variables)).Data("funds", "totalCount").GetInt32());
    }

    private async Task CreateFundAsync(string token, string region)
    {
        var created = await cluster.A.PostQueryAsync(CreateFund, new { input = FundInput(region) }, token);
        Assert.True(created.Data("createFund", "errors").GetArrayLength() == 0, created.Body);
    }

    private static object FundInput(string region) => new
    {
        name = "缓存测试资金",
        documentNumber = "测试〔" + Guid.NewGuid().ToString("N")[..12] + "〕号",
        sourceType = "CENTRAL_FISCAL",
        level = "CENTRAL",
        fiscalYear = Year,
        amountFen = 1_000_000L,
        region,
        purpose = "Cache invalidation test",
        decidedOn = $"{Year}-01-15",
    };
}
