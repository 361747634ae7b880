using System.Globalization;
using System.Net.Http.Json;
using OpenAid.Api.Diagnostics;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>No N+1: the SQL commands of a nested query do not grow with its page size.</summary>
[Collection(SharedDemoApiServer.Name)]
public class BatchingTests(DemoApiServer server)
{
    private const string NestedNotices = """
        query($first: Int) {
          notices(first: $first, kind: FUND) {
            nodes {
              code
              region { name parent { name } }
              publisher { name region { name } }
              funds { code issuer { name } allocations { amount { yuan } project { name implementingOrganization { name } } } }
              projects { code targets { indicator } }
            }
          }
        }
        """;

    [Fact]
    public async Task A_nested_page_of_50_costs_as_many_SQL_commands_as_a_page_of_10()
    {
        var (ten, tenRows) = await CommandsFor(10);
        var (fifty, fiftyRows) = await CommandsFor(50);

        Assert.Equal(10, tenRows);
        Assert.Equal(50, fiftyRows);
        Assert.Equal(ten, fifty);
        Assert.InRange(fifty, 1, 15);
    }

    private async Task<(int Commands, int Rows)> CommandsFor(int first)
    {
        using var response = await server.Client.PostAsJsonAsync("graphql", new { query = NestedNotices, variables = new { first } });
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var rows = body.GetProperty("data").GetProperty("notices").GetProperty("nodes").GetArrayLength();
        var commands = int.Parse(response.Headers.GetValues(SqlCommandCounter.HeaderName).Single(), CultureInfo.InvariantCulture);
        return (commands, rows);
    }
}
