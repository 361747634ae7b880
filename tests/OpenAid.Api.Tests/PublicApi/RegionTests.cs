using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

[Collection(SharedDemoApiServer.Name)]
public class RegionTests(DemoApiServer server)
{
    [Fact]
    public async Task The_five_provinces_and_all_their_villages_are_there()
    {
        var response = await server.PostAsync("""
            { regions { totalCount nodes { shortCode name } }
              villages: regions(level: VILLAGE) { totalCount } }
            """);

        Assert.Equal(5, response.Get("data", "regions", "totalCount").GetInt32());
        Assert.Equal(["21", "43", "44", "45", "53"], response.Get("data", "regions", "nodes").EnumerateArray().Select(n => n.GetProperty("shortCode").GetString()));
        Assert.Equal(104_672, response.Get("data", "villages", "totalCount").GetInt32());
    }

    [Fact]
    public async Task A_village_has_its_breadcrumb_and_a_county_its_children()
    {
        var response = await server.PostAsync("""
            { village: region(code: "451027100201") { name level ancestors { shortCode level } parent { shortCode } }
              county: region(code: "451027") { name children(first: 3) { totalCount nodes { shortCode level } pageInfo { hasNextPage } } } }
            """);

        var village = response.Get("data", "village");
        Assert.Equal("VILLAGE", village.GetProperty("level").GetString());
        Assert.Equal(["45", "4510", "451027", "451027100"], village.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("shortCode").GetString()));
        Assert.Equal("451027100", village.GetProperty("parent").GetProperty("shortCode").GetString());
        var children = response.Get("data", "county", "children");
        Assert.True(children.GetProperty("totalCount").GetInt32() > 3);
        Assert.True(children.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.All(children.GetProperty("nodes").EnumerateArray(), c => Assert.Equal("TOWNSHIP", c.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Regions_are_found_by_name_within_a_province()
    {
        var response = await server.PostAsync("""{ regions(search: "凌云", region: "45") { nodes { shortCode name } } }""");

        Assert.Contains(response.Get("data", "regions", "nodes").EnumerateArray(), n => n.GetProperty("shortCode").GetString() == "451027");
        Assert.All(response.Get("data", "regions", "nodes").EnumerateArray(), n => Assert.StartsWith("45", n.GetProperty("shortCode").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("4x", "INVALID_REGION_CODE")]
    [InlineData("4500", "INVALID_REGION_CODE")]
    [InlineData("11", "REGION_NOT_FOUND")]
    public async Task A_bad_region_filter_is_a_typed_error(string code, string expected)
    {
        var response = await server.PostAsync("query($r: String) { notices(region: $r) { totalCount } }", new { r = code });

        Assert.Equal([expected], response.ErrorCodes);
    }

    [Fact]
    public async Task Exit_assessments_apply_the_provinces_criteria()
    {
        var response = await server.PostAsync(DemoYears.Dated("""
            { poor: regions(region: "45", level: VILLAGE, povertyStatus: POOR, first: 100) { nodes { exitAssessment(year: {2019}) { met missed criterion { maxPovertyIncidencePercent } } } }
              exited: regions(region: "45", level: VILLAGE, povertyStatus: EXITED, first: 100) { nodes { exitAssessment(year: {2019}) { met missed criterion { maxPovertyIncidencePercent } } } } }
            """));

        var assessed = new[] { "poor", "exited" }
            .SelectMany(list => response.Get("data", list, "nodes").EnumerateArray())
            .Select(n => n.GetProperty("exitAssessment")).Where(a => a.ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.NotEmpty(assessed);
        Assert.Contains(assessed, a => a.GetProperty("met").GetBoolean());
        Assert.Contains(assessed, a => !a.GetProperty("met").GetBoolean());
        // Guangxi is a western province: a village may exit at up to 3% incidence (seed 004).
        Assert.All(assessed, a => Assert.Equal("3.00", a.GetProperty("criterion").GetProperty("maxPovertyIncidencePercent").GetString()));
        Assert.All(assessed, a => Assert.Equal(a.GetProperty("met").GetBoolean(), a.GetProperty("missed").GetArrayLength() == 0));
    }
}
