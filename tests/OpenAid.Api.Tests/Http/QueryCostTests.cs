using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAid.Api.PersistedDocuments;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// No small request buys unbounded work: the document's size is checked before validation, and every field is priced
/// by what it costs (README "Errors and limits"). The codes are written out: they are the public contract.
/// </summary>
[Collection(SharedApiServer.Name)]
public partial class QueryCostTests(ApiServer server)
{
    // ---- The document's size, before validation

    [Fact]
    public async Task A_fragment_that_spreads_the_one_below_it_twice_is_refused_before_validation_with_TOO_MANY_FIELDS()
    {
        // 25 levels: under 1 KB, fits in a URL, and expands to 2^25 fields; validating it took seconds of CPU.
        var fragments = string.Join(' ', Enumerable.Range(1, 25).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"));
        var query = $"{{ ...F25 }} fragment F0 on Query {{ dataAsOf }} {fragments}";
        Assert.True(query.Length < 1024);

        var response = await server.GetAsync(query);

        AssertRefused(response, HttpStatusCode.BadRequest, "TOO_MANY_FIELDS");
    }

    [Fact]
    public async Task A_fan_out_in_a_fragment_no_operation_uses_is_refused_too()
    {
        var fragments = string.Join(' ', Enumerable.Range(1, 25).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"));

        var response = await server.GetAsync($"{{ dataAsOf }} fragment F0 on Query {{ dataAsOf }} {fragments}");

        AssertRefused(response, HttpStatusCode.BadRequest, "TOO_MANY_FIELDS");
    }

    [Fact]
    public async Task Hundreds_of_aliases_of_a_count_are_refused_with_TOO_MANY_ALIASES()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"a{i}: regions(search: \"村\") {{ totalCount }}"));

        var response = await server.PostAsync($"{{ {aliases} }}");

        AssertRefused(response, HttpStatusCode.BadRequest, "TOO_MANY_ALIASES");
    }

    [Fact]
    public async Task More_root_fields_than_the_limit_are_refused_with_TOO_MANY_ROOT_FIELDS()
    {
        var fields = string.Join(' ', Enumerable.Range(0, 21).Select(i => $"a{i}: dataAsOf"));

        var response = await server.PostAsync($"{{ {fields} }}");

        AssertRefused(response, HttpStatusCode.BadRequest, "TOO_MANY_ROOT_FIELDS");
    }

    [Fact]
    public async Task Hundreds_of_copies_of_an_introspection_are_refused()
    {
        var copies = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }}"));

        var response = await server.PostAsync($"{{ {copies} }}");

        AssertRefused(response, HttpStatusCode.BadRequest, "TOO_MANY_ALIASES");
    }

    // ---- Prices

    [Fact]
    public async Task Nodes_is_priced_by_the_IDs_it_is_given()
    {
        var ids = (await server.PostAsync("{ regions(first: 100, level: COUNTY) { nodes { id } } }"))
            .Get("data", "regions").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
        Assert.Equal(100, ids.Count);
        const string query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Region { children(first: 100) { nodes { children(first: 100) { nodes { name code } } } } } } }";

        var one = await server.PostAsync(query, new { ids = ids.Take(1) });
        var hundred = await server.PostAsync(query, new { ids });

        Assert.True(one.StatusCode == HttpStatusCode.OK && one.Errors.Count == 0, one.ToString());
        AssertRefused(hundred, HttpStatusCode.BadRequest, "COMPLEXITY");
    }

    [Fact]
    public async Task A_needs_pledges_are_priced_as_a_full_page_and_other_unpaged_lists_as_a_page()
    {
        // 100 needs × 100 pledges × 20 deliveries × 20 deliveries of their pledge: unpaged lists, each priced as small.
        var response = await server.PostAsync("{ needs(first: 100) { nodes { pledges { deliveries { deliveredOn evidence pledge { deliveries { deliveredOn } } } } } } }");

        AssertRefused(response, HttpStatusCode.BadRequest, "COMPLEXITY");
    }

    [Fact]
    public async Task A_count_is_priced_once_per_row_of_the_lists_around_it()
    {
        // Ten thousand COUNT queries, one per region of a 100 × 100 page.
        var response = await server.PostAsync("{ regions(first: 100) { nodes { children(first: 100) { nodes { children { totalCount } } } } } }");

        AssertRefused(response, HttpStatusCode.BadRequest, "COMPLEXITY");
    }

    [Theory]
    [InlineData("verifyAuditChain { valid }")]
    [InlineData("changes { totalCount }")]
    public async Task A_field_that_reads_the_whole_audit_trail_runs_once_per_request_not_three_times(string selection)
    {
        var once = await server.PostAsync($"{{ {selection} }}");
        var thrice = await server.PostAsync($"{{ a: {selection} b: {selection} c: {selection} }}");

        Assert.True(once.StatusCode == HttpStatusCode.OK && once.Errors.Count == 0, once.ToString());
        AssertRefused(thrice, HttpStatusCode.BadRequest, "COMPLEXITY");
    }

    [Fact]
    public async Task Every_query_of_the_web_app_is_within_the_limits()
    {
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api", PersistedDocumentStore.BundledManifest)))!;
        var queries = manifest.Values.Where(text => text.StartsWith("query", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queries);

        foreach (var query in queries)
        {
            // Required variables get a value of their type; what it names need not exist (a field error, not a refusal).
            var variables = RequiredVariable().Matches(query.Split('{', 2)[0])
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value switch
                {
                    "Int" => (object)2019,
                    _ => "45",
                });

            var response = await server.PostAsync(query, variables);

            // 200 means it passed validation, the complexity analysis included.
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}\n{response}");
        }
    }

    private static void AssertRefused(GraphQLResponse response, HttpStatusCode status, string code)
    {
        Assert.True(response.StatusCode == status, $"Expected {(int)status}: {response}");
        Assert.Equal(code, Assert.Single(response.ErrorCodes));
        Assert.False(response.HasData, response.ToString());
    }

    [GeneratedRegex(@"\$(?<name>\w+): (?<type>\w+)!")]
    private static partial Regex RequiredVariable();
}
