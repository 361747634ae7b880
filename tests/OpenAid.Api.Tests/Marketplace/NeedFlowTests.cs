using OpenAid.Api.Auth;
using static OpenAid.Api.Tests.Marketplace.Payloads;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>Needs over HTTP: registered as drafts, public only once a named reviewer approved them, capped per category, closed.</summary>
[Collection(SharedMarketplaceServer.Name)]
public class NeedFlowTests(MarketplaceServer server)
{
    private const string NeedFields = "code status reviewerName reviewedAt rejectionReason capOverrideReason isOverCap requested { quantity unit money { yuan } } remaining { quantity } region { code }";

    [Fact]
    public async Task A_draft_is_seen_by_its_officials_only_and_becomes_public_when_a_named_reviewer_approves_it()
    {
        var registered = await server.MutateOkAsync("registerNeed", With(server.NeedInput(), "submit", false), server.Officer, $"need {{ {NeedFields} }}");
        var code = registered.Text("need", "code");
        Assert.Matches($"^XQ-{server.County.ShortCode}-{MarketplaceServer.Today.Year}-\\d{{4}}$", code);
        Assert.Equal("DRAFT", registered.Text("need", "status"));

        const string Query = "query($code: String!) { need(code: $code) { code status } }";
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.QueryAsync(Query, new { code })).GetProperty("need").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.QueryAsync(Query, new { code }, server.OtherReviewer)).GetProperty("need").ValueKind);
        Assert.Equal("DRAFT", (await server.QueryAsync(Query, new { code }, server.Officer)).Text("need", "status"));

        await server.MutateOkAsync("submitNeed", new { need = code }, server.Officer);
        var queue = await server.QueryAsync(
            "query($region: String!) { needs(region: $region, status: PENDING_REVIEW, first: 100) { nodes { code } } }", new { region = server.County.ShortCode }, server.Reviewer);
        Assert.Contains(code, queue.Walk("needs", "nodes").EnumerateArray().Select(n => n.Text("code")));

        var approved = await server.MutateOkAsync("reviewNeed", new { need = code, decision = "APPROVE" }, server.Reviewer, $"need {{ {NeedFields} }}");

        Assert.Equal("OPEN", approved.Text("need", "status"));
        Assert.Equal($"{MarketplaceServer.ReviewerName}（{await OfficeNameAsync()}）", approved.Text("need", "reviewerName"));
        Assert.False(string.IsNullOrEmpty(approved.Text("need", "reviewedAt")));
        Assert.Equal("10000.00", approved.Text("need", "requested", "money", "yuan"));
        var anonymous = await server.QueryAsync("query($code: String!) { need(code: $code) { status reviewerName reviewedAt } }", new { code });
        Assert.Equal("OPEN", anonymous.Text("need", "status"));
        Assert.Equal(approved.Text("need", "reviewerName"), anonymous.Text("need", "reviewerName"));
    }

    [Fact]
    public async Task A_need_over_its_category_cap_is_approved_only_with_a_public_override_reason()
    {
        var caps = await server.QueryAsync("{ needCaps { category maxAmount { fen } maxQuantity } }");
        var daily = caps.GetProperty("needCaps").EnumerateArray().Single(c => c.Text("category") == "DAILY_NECESSITIES");
        var cap = daily.Number("maxAmount", "fen");
        var code = await server.NeedAsync("PENDING_REVIEW", server.NeedInput(amountFen: cap + 1, category: "DAILY_NECESSITIES"));

        var refused = await server.MutateAsync("reviewNeed", new { need = code, decision = "APPROVE" }, server.Reviewer);
        AssertError(refused, "CAP_OVERRIDE_REQUIRED", "capOverrideReason");

        const string Reason = "全村冬季棉被统一采购，户数多，经县扶贫开发领导小组研究同意超出限额。";
        var approved = await server.MutateOkAsync("reviewNeed", new { need = code, decision = "APPROVE", capOverrideReason = Reason }, server.Reviewer, $"need {{ {NeedFields} }}");
        Assert.Equal(Reason, approved.Text("need", "capOverrideReason"));
        Assert.True(approved.Walk("need", "isOverCap").GetBoolean());

        var within = await server.NeedAsync("PENDING_REVIEW");
        AssertError(await server.MutateAsync("reviewNeed", new { need = within, decision = "APPROVE", capOverrideReason = Reason }, server.Reviewer), "OVERRIDE_NOT_NEEDED", "capOverrideReason");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_keeps_the_need_out_of_public_view()
    {
        var code = await server.NeedAsync("PENDING_REVIEW");
        AssertError(await server.MutateAsync("reviewNeed", new { need = code, decision = "REJECT" }, server.Reviewer), "REQUIRED", "reason");

        var rejected = await server.MutateOkAsync("reviewNeed", new { need = code, decision = "REJECT", reason = "申请购置跑步机，不属于贫困群众基本需要。" }, server.Reviewer, $"need {{ {NeedFields} }}");

        Assert.Equal("REJECTED", rejected.Text("need", "status"));
        Assert.Equal("申请购置跑步机，不属于贫困群众基本需要。", rejected.Text("need", "rejectionReason"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.QueryAsync("query($code: String!) { need(code: $code) { code } }", new { code })).GetProperty("need").ValueKind);
        AssertError(await server.MutateAsync("reviewNeed", new { need = code, decision = "APPROVE" }, server.Reviewer), "INVALID_TRANSITION", "need");
    }

    [Fact]
    public async Task The_reviewer_is_named_and_is_not_the_one_who_registered_the_need()
    {
        var both = server.Token([Roles.Publisher, Roles.Reviewer], server.County, server.Office, "张伟", subject: "test-officer-and-reviewer");
        var own = (await server.MutateOkAsync("registerNeed", server.NeedInput(), both, "need { code }")).Text("need", "code");
        AssertError(await server.MutateAsync("reviewNeed", new { need = own, decision = "APPROVE" }, both), "REVIEWER_IS_REGISTRANT", "need");

        var unnamed = server.Token(Roles.Reviewer, server.County, server.Office);
        AssertError(await server.MutateAsync("reviewNeed", new { need = own, decision = "APPROVE" }, unnamed), "REVIEWER_NOT_NAMED", null);

        await server.MutateOkAsync("reviewNeed", new { need = own, decision = "APPROVE" }, server.Reviewer);
    }

    [Fact]
    public async Task A_need_is_registered_for_a_village_in_the_officers_region_with_one_amount_and_a_future_deadline()
    {
        await RefusedAsync("registerNeed", With(server.NeedInput(), "region", server.County.ShortCode), "NOT_A_VILLAGE", "region");
        await RefusedAsync("registerNeed", With(server.NeedInput(), "deadline", MarketplaceServer.Day(MarketplaceServer.Today)), "INVALID_DATE", "deadline");
        await RefusedAsync("registerNeed", server.NeedInput(amountFen: 0), "INVALID_AMOUNT", "amountFen");
        await RefusedAsync("registerNeed", server.NeedInput(amountFen: -100), "INVALID_AMOUNT", "amountFen");
        await RefusedAsync("registerNeed", server.NeedInput(amountFen: null, quantity: 0, unit: "套"), "INVALID_QUANTITY", "quantity");
        await RefusedAsync("registerNeed", server.NeedInput(amountFen: 100, quantity: 5, unit: "套"), "AMBIGUOUS_AMOUNT", "quantity");
        await RefusedAsync("registerNeed", server.NeedInput(amountFen: null), "REQUIRED", "amountFen");
        await RefusedAsync("registerNeed", With(server.NeedInput(), "description", "贫困户张三，身份证号110101199003074514，需要资助。"), "PERSONAL_DATA", "description");
        await RefusedAsync("registerNeed", With(server.NeedInput(), "project", "XM-000000-1999-0001"), "NOT_FOUND", "project");

        var forbidden = await server.SendMutationAsync("registerNeed", server.NeedInput(village: server.OtherCountyVillage), server.Officer, "__typename");
        Assert.Equal(["FORBIDDEN"], forbidden.ErrorCodes);
    }

    [Fact]
    public async Task A_need_closes_once_no_pledge_is_under_way()
    {
        var code = await server.NeedAsync(input: server.NeedInput(amountFen: 50_000));
        var pledge = await server.PledgeAsync(code, 20_000);
        AssertError(await server.MutateAsync("closeNeed", new { need = code }, server.Officer), "NEED_HAS_OPEN_PLEDGES", "need");

        await server.MutateOkAsync("cancelPledge", new { pledge, reason = "企业年度预算调整。" }, server.Donor);
        var closed = await server.MutateOkAsync("closeNeed", new { need = code }, server.Officer, "need { status }");

        Assert.Equal("CLOSED", closed.Text("need", "status"));
        AssertError(await server.MutateAsync("closeNeed", new { need = code }, server.Officer), "INVALID_TRANSITION", "need");
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("closeNeed", new { need = code }, server.OtherOfficer, "__typename")).ErrorCodes);
    }

    private async Task<string> OfficeNameAsync() =>
        (await server.QueryAsync("query($code: String!) { organization(code: $code) { name } }", new { code = server.Office })).Text("organization", "name");

    private async Task RefusedAsync(string mutation, object input, string code, string? field)
    {
        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync(mutation, input, server.Officer), code, field);
        Assert.Equal(before, await server.WatermarkAsync());
    }

    public static Dictionary<string, object?> With(object input, string key, object? value)
    {
        var dictionary = input.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(input));
        dictionary[key] = value;
        return dictionary;
    }
}
