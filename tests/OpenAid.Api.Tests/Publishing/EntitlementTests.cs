using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>recordEntitlement and POLICY notices over HTTP: record, refuse, and the standards that apply to a place.</summary>
[Collection(SharedPublishingServer.Name)]
public class EntitlementTests(PublishingServer server)
{
    private const string Selection = "entitlement { code year program grade standard { fen } unit documentTitle documentNumber recipients notice { code kind } }";

    private Samples Samples => server.Samples;

    private string Publisher => server.Token(Roles.Publisher);

    [Fact]
    public async Task A_county_standard_with_its_policy_notice_applies_to_its_villages()
    {
        var notice = await Samples.PolicyNoticeAsync();
        var input = JsonSerializer.SerializeToNode(Samples.EntitlementInput(server.County, notice))!.AsObject();
        input["program"] = "HOUSING_RENOVATION";
        input["unit"] = "PER_DWELLING";
        input["grade"] = $"D级危房（测试{Samples.Unique()}）";
        input["standardFen"] = 2_000_000;
        var recorded = (await server.MutateOkAsync("recordEntitlement", input, Publisher, Selection)).GetProperty("entitlement");
        var code = recorded.GetProperty("code").GetString()!;
        Assert.StartsWith($"DY-{server.County.ShortCode}-{Samples.Year - 1}-", code);
        Assert.Equal(("POLICY", notice), (recorded.GetProperty("notice").GetProperty("kind").GetString(), recorded.GetProperty("notice").GetProperty("code").GetString()));
        Assert.Equal(2_000_000, recorded.GetProperty("standard").GetProperty("fen").GetInt64());

        const string Applying = "query($code: String!, $year: Int) { region(code: $code) { entitlements(year: $year) { code region { code } } } }";
        foreach (var place in (Place[])[server.County, server.Township, server.Village])
        {
            var applying = await server.GraphQLAsync(Applying, new { code = place.ShortCode, year = Samples.Year - 1 });
            Assert.Contains(code, applying.Get("data", "region", "entitlements").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        }

        var otherCounty = await server.GraphQLAsync(Applying, new { code = server.OtherCounty.ShortCode, year = (int?)null });
        Assert.DoesNotContain(code, otherCounty.Get("data", "region", "entitlements").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        var thisYear = await server.GraphQLAsync(Applying, new { code = server.Village.ShortCode, year = Samples.Year });
        Assert.DoesNotContain(code, thisYear.Get("data", "region", "entitlements").EnumerateArray().Select(e => e.GetProperty("code").GetString()));

        var listed = await server.GraphQLAsync("query($region: String!) { entitlements(region: $region, program: HOUSING_RENOVATION, first: 100) { nodes { code } } }", new { region = server.County.ShortCode });
        Assert.Contains(code, listed.Get("data", "entitlements", "nodes").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_standard_is_refused_twice_with_personal_data_outside_the_grant_and_with_a_notice_that_is_no_policy()
    {
        var input = JsonSerializer.SerializeToNode(Samples.EntitlementInput(server.Village))!.AsObject();
        await server.MutateOkAsync("recordEntitlement", input, Publisher);
        NoticeRulesTests.AssertError(await server.MutateAsync("recordEntitlement", input, Publisher, Selection), "ENTITLEMENT_RECORDED", "program");

        var personal = JsonSerializer.SerializeToNode(Samples.EntitlementInput(server.Village))!.AsObject();
        personal["documentTitle"] = "联系人农大海 13912345678";
        NoticeRulesTests.AssertError(await server.MutateAsync("recordEntitlement", personal, Publisher, Selection), "PERSONAL_DATA", "documentTitle");

        var foreign = await server.SendMutationAsync("recordEntitlement", Samples.EntitlementInput(server.Village), server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], foreign.ErrorCodes);

        NoticeRulesTests.AssertError(
            await server.MutateAsync("recordEntitlement", Samples.EntitlementInput(server.Village, await Samples.PublishedAsync()), Publisher, Selection), "NOT_A_POLICY_NOTICE", "notice");
        NoticeRulesTests.AssertError(
            await server.MutateAsync("recordEntitlement", Samples.EntitlementInput(server.County, await Samples.PolicyNoticeAsync(server.Village)), Publisher, Selection), "NOT_A_POLICY_NOTICE", "notice");
    }

    [Fact]
    public async Task A_policy_notice_names_no_project()
    {
        var input = Samples.NoticeInput(server.County, "POLICY", period: null, projects: [await Samples.ProjectAsync()]);
        NoticeRulesTests.AssertError(await server.MutateAsync("draftNotice", input, Publisher, "notice { code }"), "SUBJECT_NOT_APPLICABLE", "projects");
    }
}
