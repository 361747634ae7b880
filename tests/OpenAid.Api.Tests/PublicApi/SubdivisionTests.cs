using System.Text.Json;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>The reporter's comparisons: money, late notices and objection response times for each unit below a region.</summary>
[Collection(SharedDemoApiServer.Name)]
public class SubdivisionTests(DemoApiServer server)
{
    [Fact]
    public async Task Without_a_region_money_is_split_into_the_provinces_and_adds_up_to_the_whole()
    {
        var response = await server.PostAsync("""
            { moneyByRegion(kind: DISBURSEMENT) { region { shortCode level } amount { fen } }
              moneySummary(kind: DISBURSEMENT) { amount { fen } } }
            """);

        var byProvince = response.Get("data", "moneyByRegion").EnumerateArray().ToList();
        Assert.True(byProvince.Count > 1, response.Body);
        Assert.All(byProvince, r => Assert.Equal("PROVINCE", r.GetProperty("region").GetProperty("level").GetString()));
        Assert.Equal(Fen(response.Get("data", "moneySummary")), Fen(response.Get("data", "moneyByRegion")));
    }

    [Fact]
    public async Task A_townships_money_is_split_into_its_villages()
    {
        var township = Sql.Scalar(server.ConnectionString,
            "SELECT ReceiverRegionCode / 1000 FROM Transactions WHERE ReceiverRegionCode % 1000 <> 0 GROUP BY ReceiverRegionCode / 1000 ORDER BY COUNT(*) DESC LIMIT 1");

        var response = await server.PostAsync($$"""
            { moneyByRegion(region: "{{township}}") { region { code level } amount { fen } }
              moneySummary(region: "{{township}}") { amount { fen } } }
            """);

        var byVillage = response.Get("data", "moneyByRegion").EnumerateArray().ToList();
        Assert.NotEmpty(byVillage);
        Assert.All(byVillage, r => Assert.Equal("VILLAGE", r.GetProperty("region").GetProperty("level").GetString()));
        Assert.All(byVillage, r => Assert.StartsWith(township.ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetProperty("region").GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Equal(Fen(response.Get("data", "moneySummary")), Fen(response.Get("data", "moneyByRegion")));
    }

    [Fact]
    public async Task The_late_notice_shares_of_a_citys_counties_are_each_countys_own_and_add_up_to_the_city()
    {
        var city = BusiestCity("Notices");
        var response = await server.PostAsync($$"""
            { noticeComplianceByRegion(region: "{{city}}") { region { shortCode level } published late lateSharePercent averageWorkingDaysLate }
              noticeCompliance(region: "{{city}}") { published late } }
            """);

        var counties = response.Get("data", "noticeComplianceByRegion").EnumerateArray().ToList();
        Assert.True(counties.Count > 1, response.Body);
        Assert.All(counties, c => Assert.True(IsCountyOrTheCitysOwn(c, city), c.ToString()));
        Assert.Contains(counties, c => c.GetProperty("late").GetInt32() > 0);
        var whole = response.Get("data", "noticeCompliance");
        Assert.Equal(whole.GetProperty("published").GetInt32(), counties.Sum(c => c.GetProperty("published").GetInt32()));
        Assert.Equal(whole.GetProperty("late").GetInt32(), counties.Sum(c => c.GetProperty("late").GetInt32()));

        // The city's own entry holds only what is at its level, so only the counties are compared with their subtree.
        foreach (var county in counties.Where(c => c.GetProperty("region").GetProperty("level").GetString() == "COUNTY"))
        {
            var code = county.GetProperty("region").GetProperty("shortCode").GetString();
            var own = (await server.PostAsync($$"""{ noticeCompliance(region: "{{code}}") { published late lateSharePercent averageWorkingDaysLate } }""")).Get("data", "noticeCompliance");
            Assert.Equal(Without(own, "region"), Without(county, "region"));
        }
    }

    [Fact]
    public async Task The_objection_response_times_of_a_citys_counties_are_each_countys_own()
    {
        var city = BusiestCity("Objections");
        const string Fields = "total received investigating answered rejected averageDaysToRespond maxDaysToRespond respondedWithinDeadline overdue oldestOpenDays";
        var response = await server.PostAsync($$"""
            { objectionStatsByRegion(region: "{{city}}") { region { shortCode level } {{Fields}} }
              objectionStats(region: "{{city}}") { total overdue } }
            """);

        var counties = response.Get("data", "objectionStatsByRegion").EnumerateArray().ToList();
        Assert.NotEmpty(counties);
        Assert.All(counties, c => Assert.True(IsCountyOrTheCitysOwn(c, city), c.ToString()));
        var whole = response.Get("data", "objectionStats");
        Assert.Equal(whole.GetProperty("total").GetInt32(), counties.Sum(c => c.GetProperty("total").GetInt32()));
        Assert.Equal(whole.GetProperty("overdue").GetInt32(), counties.Sum(c => c.GetProperty("overdue").GetInt32()));

        // The city's own entry holds only what is at its level, so only the counties are compared with their subtree.
        foreach (var county in counties.Where(c => c.GetProperty("region").GetProperty("level").GetString() == "COUNTY"))
        {
            var code = county.GetProperty("region").GetProperty("shortCode").GetString();
            var own = (await server.PostAsync($$"""{ objectionStats(region: "{{code}}") { {{Fields}} } }""")).Get("data", "objectionStats");
            Assert.Equal(Without(own, "region"), Without(county, "region"));
        }
    }

    [Theory]
    [InlineData("moneyByRegion(region: \"451021100201\") { count }", "INVALID_ARGUMENT")]
    [InlineData("noticeComplianceByRegion(region: \"451021100201\") { late }", "INVALID_ARGUMENT")]
    [InlineData("objectionStatsByRegion(region: \"4510x\") { total }", "INVALID_REGION_CODE")]
    [InlineData("noticeComplianceByRegion(region: \"11\") { late }", "REGION_NOT_FOUND")]
    public async Task A_village_or_a_bad_region_is_a_typed_error(string field, string code)
    {
        var village = Sql.Scalar(server.ConnectionString, "SELECT Code FROM Regions WHERE Level = 5 ORDER BY Code LIMIT 1");
        var response = await server.PostAsync("{ " + field.Replace("451021100201", village.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + " }");

        Assert.Equal([code], response.ErrorCodes);
    }

    /// <summary>The city with the most records of the table, as its 4-digit code.</summary>
    private long BusiestCity(string table) => Sql.Scalar(server.ConnectionString,
        $"SELECT RegionCode / 100000000 FROM {table} GROUP BY RegionCode / 100000000 ORDER BY COUNT(DISTINCT RegionCode / 1000000) DESC, COUNT(*) DESC LIMIT 1");

    /// <summary>A county of the city, or the city itself for the records at its own level (本级).</summary>
    private static bool IsCountyOrTheCitysOwn(JsonElement entry, long city)
    {
        var region = entry.GetProperty("region");
        var shortCode = region.GetProperty("shortCode").GetString()!;
        return region.GetProperty("level").GetString() switch
        {
            "COUNTY" => shortCode.StartsWith(city.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "CITY" => shortCode == city.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
    }

    private static long Fen(JsonElement groups) => groups.EnumerateArray().Sum(g => g.GetProperty("amount").GetProperty("fen").GetInt64());

    private static string Without(JsonElement entry, string property) =>
        JsonSerializer.Serialize(entry.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}
