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

    /// <summary>
    /// Who helps each place of a list, and its exits, checklist and monitoring: the village page's sections for many
    /// places at once. Exited villages of Guangxi, each with a 粤桂 city pairing above it, an exit and a work team, so that
    /// every loader runs at both sizes.
    /// </summary>
    private static readonly string NestedVillages = $$"""
        query($first: Int) {
          regions(region: "45", level: VILLAGE, povertyStatus: EXITED, first: $first) {
            nodes {
              code
              whoHelps {
                pairings { level inherited pairing { code helperOrganization { name } helperRegion { name } program { name } } }
                workTeam { code size organization { name } }
                assistingUnits { code name }
              }
              exits { code status notice { code title } verifyingOrganization { name } assessment { met checks { threshold passed } } }
              exitAssessment(year: {{DemoYears.Calendar.LastYear}}) { met checks { threshold passed } figures { provincialRuralAverage { yuan } } }
              facilities { year mainProblemsSolved }
              monitoring { year peopleRelapsed fromVillages }
              policyContinuation { lastYear }
            }
          }
        }
        """;

    [Fact]
    public async Task A_nested_page_of_50_costs_as_many_SQL_commands_as_a_page_of_10()
    {
        var (ten, tenRows) = await CommandsFor(NestedNotices, "notices", 10);
        var (fifty, fiftyRows) = await CommandsFor(NestedNotices, "notices", 50);

        Assert.Equal(10, tenRows.GetArrayLength());
        Assert.Equal(50, fiftyRows.GetArrayLength());
        Assert.Equal(ten, fifty);
        Assert.InRange(fifty, 1, 15);
    }

    [Fact]
    public async Task Who_helps_fifty_villages_costs_as_many_SQL_commands_as_ten()
    {
        var (ten, tenRows) = await CommandsFor(NestedVillages, "regions", 10);
        var (fifty, fiftyRows) = await CommandsFor(NestedVillages, "regions", 50);

        Assert.Equal((10, 50), (tenRows.GetArrayLength(), fiftyRows.GetArrayLength()));
        Assert.All(tenRows.EnumerateArray(), v => Assert.True(v.GetProperty("whoHelps").GetProperty("pairings").GetArrayLength() > 0 && v.GetProperty("exits").GetArrayLength() > 0
            && v.GetProperty("exitAssessment").ValueKind == System.Text.Json.JsonValueKind.Object, v.ToString()));
        Assert.Equal(ten, fifty);
    }

    private async Task<(int Commands, System.Text.Json.JsonElement Nodes)> CommandsFor(string query, string list, int first)
    {
        using var response = await server.Client.PostAsJsonAsync("graphql", new { query, variables = new { first } });
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var rows = body.GetProperty("data").GetProperty(list).GetProperty("nodes");
        var commands = int.Parse(response.Headers.GetValues(SqlCommandCounter.HeaderName).Single(), CultureInfo.InvariantCulture);
        return (commands, rows);
    }
}
