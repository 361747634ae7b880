using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>totalCount is counted once per data version: never stale after a write, and never shared across what callers may see.</summary>
[Collection(SharedPublishingServer.Name)]
public class CountCacheTests(PublishingServer server)
{
    private const string Drafts = "{ noticeDrafts { totalCount } }";

    private const string CountyTransactions = "query($region: String) { transactions(region: $region) { totalCount } }";

    [Fact]
    public async Task A_count_changes_with_the_write_that_changes_it()
    {
        var region = server.County.ShortCode;
        var project = await server.Samples.ProjectAsync("APPROVED", server.County);
        var before = await CountAsync(CountyTransactions, new { region }, null, "transactions");
        Assert.Equal(before, await CountAsync(CountyTransactions, new { region }, null, "transactions"));

        await server.MutateOkAsync("recordTransaction", new { kind = "INCOMING_FUNDS", amountFen = 5_000, date = PublishingServer.Day(PublishingServer.Today), project, description = "上级补助资金到位。" }, server.Samples.Publisher);

        Assert.Equal(before + 1, await CountAsync(CountyTransactions, new { region }, null, "transactions"));
    }

    [Fact]
    public async Task A_count_of_restricted_records_is_never_shared_with_a_caller_who_may_not_see_them()
    {
        var (county, other) = (server.Token(Roles.Publisher), server.Token(Roles.Publisher, server.OtherCounty));
        var (countyBefore, otherBefore) = (await CountAsync(Drafts, null, county, "noticeDrafts"), await CountAsync(Drafts, null, other, "noticeDrafts"));

        await server.Samples.DraftAsync();

        // Asked in both orders after the write: the county's count moves, the other county's does not.
        Assert.Equal(otherBefore, await CountAsync(Drafts, null, other, "noticeDrafts"));
        Assert.Equal(countyBefore + 1, await CountAsync(Drafts, null, county, "noticeDrafts"));
        Assert.Equal(otherBefore, await CountAsync(Drafts, null, other, "noticeDrafts"));
    }

    private async Task<int> CountAsync(string query, object? variables, string? token, string list)
    {
        var response = await server.GraphQLAsync(query, variables, token);
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Data.GetProperty(list).GetProperty("totalCount").GetInt32();
    }
}
