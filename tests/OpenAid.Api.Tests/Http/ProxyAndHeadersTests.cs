using System.Net;
using System.Text.Json;
using OpenAid.Api.Http;
using OpenAid.Api.Tests.Caching;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// A Production host behind a reverse proxy on 127.0.0.1 (ForwardedHeaders:KnownProxies), with a budget of five
/// requests an hour, exports charged one request per 10 rows, and one export at a time. Each test speaks for clients of its own, by X-Forwarded-For.
/// </summary>
public sealed class ProxiedProductionServer() : ApiServer(seedDemoData: false, new Dictionary<string, string?>
{
    ["environment"] = "Production",
    ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    ["RateLimiting:AnonymousLimit"] = "5",
    ["RateLimiting:WindowSeconds"] = "3600",
    ["RateLimiting:ExportRowsPerRequest"] = "10",
    ["Exports:MaxConcurrent"] = "1",
    ["Exports:RetryAfterSeconds"] = "7",
});

/// <summary>A host that ASP.NET Core's own switch would make believe X-Forwarded-For from anyone; no proxy is configured.</summary>
public sealed class UnconfiguredProxyServer() : ApiServer(seedDemoData: false, new Dictionary<string, string?>
{
    ["FORWARDEDHEADERS_ENABLED"] = "true",
    ["RateLimiting:AnonymousLimit"] = "2",
    ["RateLimiting:WindowSeconds"] = "3600",
});

public class ProxyAndHeadersTests(ProxiedProductionServer server) : IClassFixture<ProxiedProductionServer>
{
    private const string TypenameQuery = "graphql?query=%7B__typename%7D";

    [Fact]
    public async Task Clients_behind_a_known_proxy_are_counted_by_their_own_address()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(TypenameQuery, "203.0.113.1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(TypenameQuery, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(TypenameQuery, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task IPv6_clients_share_the_budget_of_their_64()
    {
        foreach (var address in (string[])["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:abcd::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", "[2001:db8:1:2::9]:1234"])
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(TypenameQuery, address)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(TypenameQuery, "2001:db8:1:2:1:2:3:4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(TypenameQuery, "2001:db8:1:3::1")).StatusCode);
    }

    [Fact]
    public async Task An_export_is_charged_by_the_rows_it_wrote()
    {
        // 79 cities in the five provinces: seven requests' worth at one per 10 rows, against a budget of five.
        using (var export = await SendAsync("export/regions.ndjson?level=CITY", "198.51.100.7"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.True((await export.Content.ReadAsStringAsync()).Count(c => c == '\n') > 50);
        }

        using var next = await SendAsync(TypenameQuery, "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(TypenameQuery, "198.51.100.8")).StatusCode);
    }

    [Fact]
    public async Task Beyond_the_export_slots_an_export_is_503_with_Retry_After_and_a_code()
    {
        // The village export is tens of MB: unread, it fills the socket buffers and holds its slot.
        var holder = await SendAsync("export/regions.ndjson?level=VILLAGE", "192.0.2.1", HttpCompletionOption.ResponseHeadersRead);
        try
        {
            Assert.Equal(HttpStatusCode.OK, holder.StatusCode);

            using var refused = await SendAsync("export/programs.csv", "192.0.2.2");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("7", refused.Headers.RetryAfter?.ToString());
            Assert.Equal("EXPORTS_BUSY", ErrorCode(await refused.Content.ReadAsStringAsync()));
        }
        finally
        {
            // Closing the connection cuts the export off and frees its slot.
            holder.Dispose();
        }

        HttpStatusCode status;
        var attempts = 0;
        do
        {
            await Task.Delay(100);
            using var retry = await SendAsync("export/programs.csv", $"192.0.2.{10 + attempts}");
            status = retry.StatusCode;
        }
        while (status == HttpStatusCode.ServiceUnavailable && ++attempts < 100);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task HSTS_is_sent_in_Production_for_HTTPS_as_the_proxy_reports_it()
    {
        using var https = new HttpRequestMessage(HttpMethod.Get, TypenameQuery);
        https.Headers.Host = "openaid.example";
        https.Headers.Add("X-Forwarded-Proto", "https");
        https.Headers.Add("X-Forwarded-For", "203.0.113.50");
        using var plain = new HttpRequestMessage(HttpMethod.Get, TypenameQuery);
        plain.Headers.Host = "openaid.example";
        plain.Headers.Add("X-Forwarded-For", "203.0.113.51");

        using var secured = await server.Client.SendAsync(https);
        using var insecure = await server.Client.SendAsync(plain);

        Assert.Equal("max-age=31536000", Assert.Single(secured.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(insecure.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("graphiql")]
    [InlineData("notices/GS-1")]
    [InlineData(TypenameQuery)]
    [InlineData("export")]
    [InlineData("export/nothing.csv")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await SendAsync(path, "203.0.113.60");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_visitor_is_not_told_whether_someone_else_asked_the_same_query()
    {
        using var first = await SendAsync(TypenameQuery, "203.0.113.70");
        using var second = await SendAsync(TypenameQuery, "203.0.113.71");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains(HttpCaching.CacheHeader));
        Assert.False(second.Headers.Contains(HttpCaching.CacheHeader));
    }

    [Fact]
    public async Task Metrics_are_for_this_machine_and_not_for_a_client_the_proxy_forwards()
    {
        // Every request comes from the proxy on loopback: only X-Forwarded-For tells an outsider from the machine itself.
        using var outsider = await SendAsync("metrics", "203.0.113.50");
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);

        await server.Client.GetAsync(TypenameQuery);
        var scraped = await PrometheusScrape.ScrapeAsync(server.Client);
        Assert.True(PrometheusScrape.Sum(scraped, "openaid_graphql_operation_duration_seconds_count") > 0);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string forwardedFor, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await server.Client.SendAsync(request, completion);
    }

    private static string? ErrorCode(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}

public class UnconfiguredProxyTests(UnconfiguredProxyServer server) : IClassFixture<UnconfiguredProxyServer>
{
    [Fact]
    public async Task Without_a_configured_proxy_X_Forwarded_For_does_not_change_the_client()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7B__typename%7D");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{100 + i}");
            using var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
