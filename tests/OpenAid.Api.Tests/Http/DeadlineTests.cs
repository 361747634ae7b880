using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Caching;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// A server whose document and price limits are lifted, so that a request can be made as slow as a test needs: a
/// thousand counts of a search over every region take over a minute. Only the time budget differs between the two.
/// </summary>
[SuppressMessage("Design", "CA1812", Justification = "Instantiated by xunit as a class fixture.")]
public class UnlimitedServer(int timeoutMilliseconds) : ApiServer(seedDemoData: false, new Dictionary<string, string?>
{
    ["GraphQL:RequestTimeoutMilliseconds"] = timeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["GraphQL:MaxAliases"] = "100000",
    ["GraphQL:MaxRootFields"] = "100000",
    ["GraphQL:MaxFields"] = "1000000",
    ["GraphQL:MaxComplexity"] = "2000000000",
    ["Audit:VerificationReuseSeconds"] = "60",
})
{
    /// <summary>
    /// An anonymous, shareable query that takes about a minute: <paramref name="counts"/> counts of a scan, each searching
    /// a character of its own (one character is too short for the search index), so that no count is the cached answer of another.
    /// </summary>
    public static string SlowQuery(int counts) =>
        "{ " + string.Join(' ', Enumerable.Range(0, counts).Select(i => $"a{i}: regions(search: \"{(char)('\u4e00' + i)}\") {{ totalCount }}")) + " }";

    public ResultCache Cache => Services.GetRequiredService<ResultCache>();
}

public sealed class ShortBudgetServer() : UnlimitedServer(timeoutMilliseconds: 300);

public sealed class LongBudgetServer() : UnlimitedServer(timeoutMilliseconds: 600_000);

public class DeadlineTests(ShortBudgetServer server) : IClassFixture<ShortBudgetServer>
{
    [Fact]
    public async Task A_shared_query_over_its_time_budget_is_cut_off_with_503_TIMEOUT()
    {
        var response = await server.PostAsync(UnlimitedServer.SlowQuery(1000));

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, response.ToString());
        Assert.Equal("TIMEOUT", Assert.Single(response.ErrorCodes));
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task With_application_json_it_is_503_TIMEOUT_too()
    {
        var response = await server.PostAsync(UnlimitedServer.SlowQuery(300), accept: "application/json");

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, response.ToString());
        Assert.Equal("TIMEOUT", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task A_verification_longer_than_the_budget_goes_on_and_answers_when_asked_again()
    {
        const string query = "{ verifyAuditChain { valid entriesChecked recordsChecked verifiedAt } }";
        var statuses = new List<HttpStatusCode>();
        GraphQLResponse response;
        do
        {
            // No timing: the run reads every region's record (a second or more), past this server's 300 ms.
            response = await server.PostAsync(query);
            statuses.Add(response.StatusCode);
        }
        while (response.StatusCode == HttpStatusCode.ServiceUnavailable && statuses.Count < 1000 && await Pause());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[0]);
        Assert.True(response.StatusCode == HttpStatusCode.OK, response.ToString());
        Assert.True(response.Get("data", "verifyAuditChain", "valid").GetBoolean(), response.ToString());
        Assert.True(response.Get("data", "verifyAuditChain", "recordsChecked").GetInt64() > 100_000, response.ToString());

        // Asked again within the minute, the same run answers, at once.
        var again = await server.PostAsync(query);
        Assert.True(again.StatusCode == HttpStatusCode.OK, again.ToString());
        Assert.Equal(response.Get("data", "verifyAuditChain", "verifiedAt").GetString(), again.Get("data", "verifyAuditChain", "verifiedAt").GetString());
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(200);
        return true;
    }
}

public class AbandonedExecutionTests(LongBudgetServer server) : IClassFixture<LongBudgetServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_shared_execution_stops_when_its_last_client_goes_away()
    {
        using var client = new CancellationTokenSource();
        var body = JsonSerializer.Serialize(new { query = UnlimitedServer.SlowQuery(1000) });
        var request = server.Client.PostAsync("graphql", new StringContent(body, Encoding.UTF8, "application/json"), client.Token);

        Assert.True(await EventuallyAsync(() => server.Cache.InFlight == 1), "The query never started as a shared execution.");
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // It would run for over a minute more; with no one waiting it stops at the next field.
        Assert.True(await EventuallyAsync(() => server.Cache.InFlight == 0), $"The shared execution still ran {Patience} after its only client left.");
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
