using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Http;

/// <summary>The demo data with the benchmark's endpoints on (Bench:Ceiling).</summary>
[SuppressMessage("Design", "CA1812", Justification = "Instantiated by xunit as a class fixture.")]
public sealed class BenchServer() : ApiServer(seedDemoData: true, new Dictionary<string, string?> { ["Bench:Ceiling"] = "true" });

/// <summary>
/// The hand-written twin of each query of the benchmark's mix (bench/queries.mjs, read from the file) answers what the
/// GraphQL endpoint answers for the same variables, so that the benchmark compares like with like.
/// </summary>
public sealed partial class BenchHandWrittenTests(BenchServer server) : IClassFixture<BenchServer>
{
    /// <summary>Per scenario, variable sets drawn from the demo data: several, with lists that are not empty.</summary>
    private static readonly Dictionary<string, (string Sql, Func<SqliteDataReader, object> Variables)> Samples = new()
    {
        ["county-notices"] = ("""
            SELECT printf('%06d', RegionCode / 1000000), CAST(substr(PublishedOn, 1, 4) AS INTEGER) FROM Notices
            WHERE Status = 2 AND RegionCode % 1000000 = 0 AND RegionCode % 100000000 <> 0 GROUP BY 1, 2 ORDER BY COUNT(*) DESC LIMIT 3
            """, r => new { region = r.GetString(0), year = r.GetInt32(1) }),
        ["notice"] = ("""
            SELECT Code FROM Notices WHERE Id = (SELECT MIN(NoticeId) FROM NoticeFunds) OR Id = (SELECT MIN(NoticeId) FROM NoticeProjects)
            OR Id = (SELECT MIN(Id) FROM Notices WHERE NoticePeriodDays IS NOT NULL AND Status = 2)
            """, r => new { code = r.GetString(0) }),
        ["village"] = ("""
            SELECT printf('%012d', s.RegionCode) FROM VillageStatistics s WHERE EXISTS (SELECT 1 FROM Projects p WHERE p.RegionCode = s.RegionCode)
            GROUP BY s.RegionCode LIMIT 3
            """, r => new { code = r.GetString(0) }),
        ["program"] = ("SELECT Code FROM Programs ORDER BY Code", r => new { code = r.GetString(0) }),
        ["organization"] = ("""
            SELECT Code FROM Organizations WHERE Id IN (SELECT MIN(OrganizationId) FROM ProgramMemberships WHERE LeftOn IS NULL) OR Id = (SELECT MIN(Id) FROM Organizations)
            """, r => new { code = r.GetString(0) }),
        ["province-money"] = ("SELECT printf('%02d', Code / 10000000000) FROM Regions WHERE Level = 1 ORDER BY Code", r => new { region = r.GetString(0) }),
    };

    public static TheoryData<string> Scenarios() => [.. MixQueries().Keys];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_hand_written_answer_is_the_GraphQL_answer(string scenario)
    {
        var query = MixQueries()[scenario];
        var (sql, variablesOf) = Samples[scenario];
        var variableSets = await SampleAsync(sql, variablesOf);
        Assert.NotEmpty(variableSets);
        var listed = 0;
        foreach (var variables in variableSets)
        {
            var graphql = await GetAsync($"graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString(variables)}");
            var hand = await GetAsync($"bench/hand/{scenario}?variables={Uri.EscapeDataString(variables)}");
            Assert.DoesNotContain("\"errors\"", graphql, StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(graphql), JsonNode.Parse(hand)), $"{scenario} {variables}:\nGraphQL: {graphql}\nby hand: {hand}");
            listed += ListedItems(JsonNode.Parse(graphql)!);
        }

        // Empty answers would prove little: the samples are chosen so that some lists have rows.
        Assert.True(listed > 0, $"{scenario}: every answer was empty");
    }

    [Fact]
    public async Task An_unknown_scenario_is_not_found()
    {
        using var response = await server.Client.GetAsync(new Uri("bench/hand/nothing?variables={}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<List<string>> SampleAsync(string sql, Func<SqliteDataReader, object> variablesOf)
    {
        await using var db = new SqliteConnection(server.ConnectionString);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var sets = new List<string>();
        while (await reader.ReadAsync())
        {
            sets.Add(JsonSerializer.Serialize(variablesOf(reader)));
        }

        return sets;
    }

    /// <summary>How many items the answer's arrays hold, at any depth.</summary>
    private static int ListedItems(JsonNode node) => node switch
    {
        JsonArray array => array.Count + array.Sum(item => item is null ? 0 : ListedItems(item)),
        JsonObject obj => obj.Sum(p => p.Value is null ? 0 : ListedItems(p.Value)),
        _ => 0,
    };

    /// <summary>The mix's queries by scenario name, as bench/queries.mjs declares them.</summary>
    private static Dictionary<string, string> MixQueries() =>
        ScenarioPattern().Matches(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "bench", "queries.mjs")))
            .ToDictionary(m => m.Groups["name"].Value, m => WhiteSpace().Replace(m.Groups["query"].Value, " ").Trim());

    [GeneratedRegex(@"name: '(?<name>[^']+)',[^`]*?query: `(?<query>[^`]+)`", RegexOptions.Singleline)]
    private static partial Regex ScenarioPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
