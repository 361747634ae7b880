using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAid.Api.Diagnostics;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>No N+1 in the marketplace lists: the SQL commands of a nested page do not grow with its size.</summary>
[Collection(SharedMarketplaceServer.Name)]
public class MarketplaceBatchingTests(MarketplaceServer server)
{
    private const string NestedNeeds = """
        query($first: Int) {
          needs(first: $first) {
            nodes {
              code status unmetSharePercent pledged { quantity } remaining { quantity }
              region { name parent { name } }
              registeredBy { name }
              pairing { program { name } }
              project { name }
              pledges { code status program { code } organization { name } delivered { quantity } deliveries { isReceived quantity { quantity } } }
            }
          }
        }
        """;

    private const string NestedPledges = """
        query($first: Int) {
          pledges(first: $first) {
            nodes { code status need { code status remaining { quantity } } region { name } organization { name } deliveries { quantity { money { yuan } } pledge { code } } }
          }
        }
        """;

    /// <summary>
    /// A small page may lack some relations (no project, no delivery) and so skip their batched lookup, so the counts are
    /// compared with a bound, not with each other: one command per batched lookup, however many rows.
    /// </summary>
    [Theory]
    [InlineData(NestedNeeds, "needs")]
    [InlineData(NestedPledges, "pledges")]
    public async Task A_nested_page_costs_a_bounded_number_of_SQL_commands_whatever_its_size(string query, string list)
    {
        foreach (var first in (int[])[10, 50, 100])
        {
            var (commands, rows) = await CommandsForAsync(query, list, first);
            Assert.Equal(first, rows);
            Assert.InRange(commands, 1, 15);
        }
    }

    private async Task<(int Commands, int Rows)> CommandsForAsync(string query, string list, int first)
    {
        // Signed in, so that the shared cache never answers and every request runs its SQL.
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables = new { first } }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Donor);
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var rows = body.GetProperty("data").GetProperty(list).GetProperty("nodes").GetArrayLength();
        return (int.Parse(response.Headers.GetValues(SqlCommandCounter.HeaderName).Single(), CultureInfo.InvariantCulture), rows);
    }
}
