using System.Text.Json;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

[Collection(SharedDemoApiServer.Name)]
public class NoticeTests(DemoApiServer server)
{
    [Fact]
    public async Task A_countys_notices_include_its_townships_and_villages()
    {
        var county = Sql.Scalar(server.ConnectionString, "SELECT RegionCode / 1000000 FROM Notices WHERE RegionCode % 1000 <> 0 GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1");
        var expected = Sql.Scalar(server.ConnectionString, $"SELECT COUNT(*) FROM Notices WHERE Status <> 1 AND RegionCode / 1000000 = {county}");

        var response = await server.PostAsync("query($r: String) { notices(region: $r, first: 100) { totalCount nodes { region { shortCode level } } } }", new { r = county.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(expected, response.Get("data", "notices", "totalCount").GetInt32());
        var nodes = response.Get("data", "notices", "nodes").EnumerateArray().ToList();
        Assert.All(nodes, n => Assert.StartsWith(county.ToString(System.Globalization.CultureInfo.InvariantCulture), n.GetProperty("region").GetProperty("shortCode").GetString(), StringComparison.Ordinal));
        Assert.Contains(nodes, n => n.GetProperty("region").GetProperty("level").GetString() == "VILLAGE");
    }

    [Fact]
    public async Task Paging_with_cursors_visits_every_notice_once()
    {
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = await server.PostAsync(
                DemoYears.Dated("query($after: String) { notices(region: \"43\", year: {2018}, first: 100, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }"),
                new { after });
            var notices = page.Get("data", "notices");
            total = notices.GetProperty("totalCount").GetInt32();
            seen.AddRange(notices.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()!));
            after = notices.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? notices.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.True(total > 100, $"expected several pages, got {total} notices");
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("notices(first: 101) { totalCount }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("notices(first: 0) { totalCount }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("notices(after: \"bm90IGEgY3Vyc29y\") { totalCount }", "INVALID_CURSOR")]
    [InlineData("notices(from: \"2020-01-02\", to: \"2020-01-01\") { totalCount }", "INVALID_ARGUMENT")]
    [InlineData("node(id: \"garbage\") { id }", "INVALID_ID")]
    public async Task Bad_arguments_are_typed_errors(string field, string code)
    {
        var response = await server.PostAsync("{ " + field + " }");

        Assert.Equal([code], response.ErrorCodes);
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_notices_are_flagged_with_their_delay_and_counted_in_the_compliance_share()
    {
        var response = await server.PostAsync("""
            { late: notices(region: "45", late: true, first: 5) { totalCount nodes { isLate workingDaysLate decidedOn publishedOn } }
              all: notices(region: "45") { totalCount }
              noticeCompliance(region: "45") { published late lateSharePercent } }
            """);

        var late = response.Get("data", "late");
        Assert.All(late.GetProperty("nodes").EnumerateArray(), n => Assert.True(n.GetProperty("isLate").GetBoolean() && n.GetProperty("workingDaysLate").GetInt32() > 0));
        var compliance = response.Get("data", "noticeCompliance");
        Assert.Equal(late.GetProperty("totalCount").GetInt32(), compliance.GetProperty("late").GetInt32());
        Assert.Equal(response.Get("data", "all", "totalCount").GetInt32(), compliance.GetProperty("published").GetInt32());
        var share = 100m * compliance.GetProperty("late").GetInt32() / compliance.GetProperty("published").GetInt32();
        Assert.Equal(share.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), compliance.GetProperty("lateSharePercent").GetString());
    }

    [Fact]
    public async Task A_superseded_notice_and_its_correction_point_at_each_other()
    {
        var response = await server.PostAsync("""
            { notices(status: SUPERSEDED, first: 5) { nodes { code status supersededBy { code correctionReason supersedes { code } } supersessionChain { code } } } }
            """);

        var nodes = response.Get("data", "notices", "nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        foreach (var notice in nodes)
        {
            var correction = notice.GetProperty("supersededBy");
            Assert.Equal(notice.GetProperty("code").GetString(), correction.GetProperty("supersedes").GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(correction.GetProperty("correctionReason").GetString()));
            var chain = notice.GetProperty("supersessionChain").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
            Assert.Equal(chain.IndexOf(notice.GetProperty("code").GetString()) + 1, chain.IndexOf(correction.GetProperty("code").GetString()));
        }
    }

    [Fact]
    public async Task Every_record_is_reachable_by_its_global_id()
    {
        var list = await server.PostAsync("""
            { notices(first: 1) { nodes { id code } } funds(first: 1) { nodes { id code } } projects(first: 1) { nodes { id code } }
              organizations(first: 1) { nodes { id code } } programs(first: 1) { nodes { id code } } pairings(first: 1) { nodes { id code } }
              transactions(first: 1) { nodes { id code } } region(code: "45") { id code } }
            """);
        var expected = new[] { "notices", "funds", "projects", "organizations", "programs", "pairings", "transactions" }
            .Select(list => response(list)).Append(list.Get("data", "region")).ToList();

        var ids = expected.Select(e => e.GetProperty("id").GetString()).ToArray();
        var nodes = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Notice { code } ... on Fund { code } ... on Project { code } ... on Organization { code } ... on Program { code } ... on Pairing { code } ... on Transaction { code } ... on Region { code } } }", new { ids });

        Assert.Equal(
            expected.Select(e => e.GetProperty("code").GetString()),
            nodes.Get("data", "nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()));

        JsonElement response(string name) => list.Get("data", name, "nodes")[0];
    }
}
