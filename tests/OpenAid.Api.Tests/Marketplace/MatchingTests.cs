using System.Text.Json;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>Finding needs: openNeeds in urgency and unmet-share order with keyset paging, filters, and suggestions per organisation.</summary>
[Collection(SharedMarketplaceServer.Name)]
public class MatchingTests(MarketplaceServer server)
{
    private const string OpenNeeds = """
        query($region: String, $category: NeedCategory, $program: String, $urgency: NeedPriority, $min: Long, $max: Long, $first: Int, $after: String) {
          openNeeds(region: $region, category: $category, program: $program, urgency: $urgency, minRemainingFen: $min, maxRemainingFen: $max, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { code priority status unmetSharePercent remaining { quantity unit } }
          }
        }
        """;

    [Fact]
    public async Task Open_needs_come_most_urgent_first_then_by_unmet_share_and_page_without_gaps()
    {
        var urgent = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000, priority: "URGENT", village: server.OtherVillage));
        var urgentHalf = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000, priority: "URGENT", village: server.OtherVillage));
        await server.PledgeAsync(urgentHalf, 50_000);
        var low = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000, priority: "LOW", village: server.OtherVillage));
        var full = await server.NeedAsync(input: server.NeedInput(amountFen: 100_000, priority: "URGENT", village: server.OtherVillage));
        await server.PledgeAsync(full, 100_000);

        var all = await PagesAsync(new { region = server.OtherVillage.ShortCode, first = 2 });
        var codes = all.Select(n => n.GetProperty("code").GetString()).ToList();

        Assert.DoesNotContain(full, codes);
        Assert.True(codes.IndexOf(urgent) < codes.IndexOf(urgentHalf), "a larger unmet share comes first");
        Assert.True(codes.IndexOf(urgentHalf) < codes.IndexOf(low), "urgency comes before the unmet share");
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var order = all.Select(n => (Priority: PriorityRank(n.GetProperty("priority").GetString()!), Unmet: decimal.Parse(n.GetProperty("unmetSharePercent").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        for (var i = 1; i < order.Count; i++)
        {
            // The order uses whole basis points; the percent shown is rounded, hence the tolerance.
            Assert.True(order[i - 1].Priority > order[i].Priority || (order[i - 1].Priority == order[i].Priority && order[i - 1].Unmet >= order[i].Unmet - 0.01m), $"out of order at {i}: {order[i - 1]} then {order[i]}");
        }
        Assert.All(all, n => Assert.Contains(n.GetProperty("status").GetString(), (string[])["OPEN", "PARTLY_PLEDGED"]));
        var total = (await server.QueryAsync(OpenNeeds, new { region = server.OtherVillage.ShortCode })).Number("openNeeds", "totalCount");
        Assert.Equal(total, codes.Count);
    }

    [Fact]
    public async Task Open_needs_filter_by_urgency_category_remaining_amount_and_program()
    {
        var small = await server.NeedAsync(input: server.NeedInput(amountFen: 30_000, priority: "HIGH"));
        var big = await server.NeedAsync(input: server.NeedInput(amountFen: 900_000, priority: "HIGH"));
        var goods = await server.NeedAsync(input: server.NeedInput(amountFen: null, quantity: 50, unit: "床", category: "DAILY_NECESSITIES", priority: "HIGH"));

        var affordable = await CodesAsync(new { region = server.Village.ShortCode, max = 50_000L, first = 100 });
        Assert.Contains(small, affordable);
        Assert.DoesNotContain(big, affordable);
        Assert.DoesNotContain(goods, affordable);

        var large = await CodesAsync(new { region = server.Village.ShortCode, min = 500_000L, first = 100 });
        Assert.Contains(big, large);
        Assert.DoesNotContain(small, large);

        Assert.Equal(new[] { goods }, (await CodesAsync(new { region = server.Village.ShortCode, category = "DAILY_NECESSITIES", urgency = "HIGH", first = 100 })).Intersect([goods, small, big]));
        Assert.Empty((await CodesAsync(new { region = server.Village.ShortCode, urgency = "URGENT", first = 100 })).Intersect([small, big, goods]));

        // The test county lies in a Guangxi city that 粤桂扶贫协作 pairs with a Guangdong city; a Liaoning program has none of it.
        Assert.Contains(small, await CodesAsync(new { program = "YGXZ", first = 100, region = server.Village.ShortCode }));
        Assert.Empty(await CodesAsync(new { program = "BQDBC", first = 100, region = server.Village.ShortCode }));
    }

    [Fact]
    public async Task An_enterprise_in_Guangdong_Guangxi_cooperation_sees_the_villages_paired_with_its_city_first()
    {
        var paired = await server.NeedAsync(input: server.NeedInput(amountFen: 80_000, priority: "NORMAL"));
        var elsewhere = await server.NeedAsync(
            input: server.NeedInput(amountFen: 80_000, priority: "URGENT", village: server.OtherCountyVillage),
            officer: server.OtherOfficer,
            reviewer: server.OtherReviewer);

        var data = await server.QueryAsync(
            "query($o: String!) { suggestedNeeds(organization: $o, first: 50) { rank reasonCode reason need { code region { code } } } }",
            new { o = server.Enterprise });
        var suggestions = data.GetProperty("suggestedNeeds").EnumerateArray().ToList();
        var mine = suggestions.Single(s => s.Text("need", "code") == paired);

        Assert.Contains(mine.Text("reasonCode"), (string[])["PAIRED_WITH_ORGANIZATION", "PAIRED_BY_PROGRAM"]);
        if (mine.Text("reasonCode") == "PAIRED_BY_PROGRAM")
        {
            Assert.Contains(server.HelperCityName, mine.Text("reason"), StringComparison.Ordinal);
            Assert.Contains(server.HelpedCityName, mine.Text("reason"), StringComparison.Ordinal);
        }

        var other = suggestions.SingleOrDefault(s => s.Text("need", "code") == elsewhere);
        Assert.True(other.ValueKind == JsonValueKind.Undefined || other.Number("rank") > mine.Number("rank"), "the urgent need elsewhere ranks after the paired one");
        Assert.Equal(Enumerable.Range(1, suggestions.Count), suggestions.Select(s => (int)s.Number("rank")));
        Assert.All(suggestions, s => Assert.False(string.IsNullOrWhiteSpace(s.Text("reason"))));
        var tiers = suggestions.Select(s => Enum.Parse<Api.Needs.SuggestionReason>(s.Text("reasonCode").Replace("_", "", StringComparison.Ordinal), ignoreCase: true)).ToList();
        Assert.Equal(tiers.Order(), tiers);
    }

    [Fact]
    public async Task Suggestions_for_a_donor_without_ties_follow_urgency_and_unknown_organisations_are_refused()
    {
        var response = await server.GraphQLAsync("{ suggestedNeeds(organization: \"ORG-999999\") { rank } }");
        Assert.Equal(["INVALID_ARGUMENT"], response.ErrorCodes);
        var tooMany = await server.GraphQLAsync($"{{ suggestedNeeds(organization: \"{server.Enterprise}\", first: 51) {{ rank }} }}");
        Assert.Equal(["PAGE_SIZE_EXCEEDED"], tooMany.ErrorCodes);
    }

    private async Task<List<JsonElement>> PagesAsync(object variables)
    {
        var all = new List<JsonElement>();
        var arguments = JsonSerializer.SerializeToNode(variables)!.AsObject();
        for (var page = 0; page < 50; page++)
        {
            var data = await server.QueryAsync(OpenNeeds, arguments);
            all.AddRange(data.Walk("openNeeds", "nodes").EnumerateArray());
            if (!data.Walk("openNeeds", "pageInfo", "hasNextPage").GetBoolean())
            {
                return all;
            }

            arguments["after"] = data.Text("openNeeds", "pageInfo", "endCursor");
        }

        throw new InvalidOperationException("too many pages");
    }

    private async Task<List<string>> CodesAsync(object variables) =>
        [.. (await server.QueryAsync(OpenNeeds, variables)).Walk("openNeeds", "nodes").EnumerateArray().Select(n => n.Text("code"))];

    private static int PriorityRank(string priority) => priority switch { "URGENT" => 4, "HIGH" => 3, "NORMAL" => 2, _ => 1 };
}
