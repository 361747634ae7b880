using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Domain.Organizations;
using static OpenAid.Api.Tests.Marketplace.Payloads;

namespace OpenAid.Api.Tests.Marketplace;

/// <summary>
/// Onboarding over HTTP: an administrator registers an organisation, the organisation applies to a program and is
/// approved, and only then pledges in it; a departed member no longer does. Bad input is a typed error with nothing written.
/// </summary>
[Collection(SharedMarketplaceServer.Name)]
public class OnboardingTests(MarketplaceServer server)
{
    private string Admin => server.Token(Roles.Admin, null, server.Office, subject: "test-admin");

    private static string NewCreditCode()
    {
        var first17 = $"91451027{MarketplaceServer.Unique() + 500_000_000:D9}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private object Enterprise(string? creditCode = null, string? region = null) => new
    {
        kind = "PRIVATE_ENTERPRISE",
        name = $"凌云测试茶业有限公司{MarketplaceServer.Unique()}",
        creditCode = creditCode ?? NewCreditCode(),
        description = "茶叶种植、加工和销售，带动贫困户就业。",
        region = region ?? server.County.ShortCode,
    };

    private async Task<string> RegisterAsync(object? input = null) =>
        (await server.MutateOkAsync("registerOrganization", input ?? Enterprise(), Admin, "organization { code }")).Text("organization", "code");

    private async Task<string> ProgramAsync()
    {
        var code = $"OB{MarketplaceServer.Unique()}";
        await server.MutateOkAsync("createProgram", new { code, name = $"测试帮扶行动{code}", kind = "ENTERPRISE_CAMPAIGN", description = "企业结对帮扶贫困村。", startYear = 2016 }, Admin);
        return code;
    }

    private async Task<string> ApplyAsync(string organization, string program) =>
        (await server.MutateOkAsync("applyToProgram", new { organization, program, motivation = "在凌云县开展茶叶产业帮扶。" }, Donor(organization), "application { id status }"))
            .Text("application", "id");

    private string Donor(string organization) => server.Token(Roles.Donor, null, organization, subject: $"test-donor-{organization}");

    private async Task<JsonElement> PledgeAsync(string organization, string program) =>
        await server.MutateAsync("pledge", new { need = await server.NeedAsync(), kind = "MONEY", quantity = 1_000, program }, Donor(organization), "pledge { code program { code } }");

    [Fact]
    public async Task A_registered_enterprise_applies_is_approved_pledges_in_the_program_and_no_longer_once_it_left()
    {
        var enterprise = await RegisterAsync();
        var program = await ProgramAsync();
        var application = await ApplyAsync(enterprise, program);

        AssertError(await PledgeAsync(enterprise, program), "NOT_A_MEMBER", "program");
        var queue = await server.QueryAsync("query($p: String) { programApplications(status: PENDING, program: $p) { nodes { id status organization { code } } } }", new { p = program });
        Assert.Equal(application, queue.Walk("programApplications", "nodes")[0].Text("id"));

        var decided = await server.MutateOkAsync("decideProgramApplication", new { application, decision = "APPROVE" }, Admin, "application { status decidedAt }");
        Assert.Equal("APPROVED", decided.Text("application", "status"));
        var pledge = await PledgeAsync(enterprise, program);
        Assert.True(pledge.GetProperty("errors").GetArrayLength() == 0, pledge.ToString());
        Assert.Equal(program, pledge.Text("pledge", "program", "code"));
        var member = await server.QueryAsync("query($c: String!) { organization(code: $c) { programs { code } } }", new { c = enterprise });
        Assert.Contains(program, member.Walk("organization", "programs").EnumerateArray().Select(p => p.Text("code")));

        var left = await server.MutateOkAsync("leaveProgram", new { organization = enterprise, program, reason = "企业经营调整，退出本行动。" }, Donor(enterprise), "membership { isCurrent leftOn leaveReason }");
        Assert.False(left.Walk("membership", "isCurrent").GetBoolean());
        AssertError(await PledgeAsync(enterprise, program), "NOT_A_MEMBER", "program");
        var history = await server.QueryAsync(
            "query($p: String!) { program(code: $p) { members { totalCount } memberships { nodes { organization { code } leaveReason } } } }", new { p = program });
        Assert.Equal(0, history.Walk("program", "members", "totalCount").GetInt32());
        Assert.Equal("企业经营调整，退出本行动。", history.Walk("program", "memberships", "nodes")[0].Text("leaveReason"));
    }

    [Fact]
    public async Task A_decline_needs_a_reason_which_is_public_and_the_organisation_may_apply_again()
    {
        var enterprise = await RegisterAsync();
        var program = await ProgramAsync();
        var application = await ApplyAsync(enterprise, program);

        await NothingWrittenAsync("decideProgramApplication", new { application, decision = "DECLINE" }, Admin, "REQUIRED", "reason");
        await server.MutateOkAsync("decideProgramApplication", new { application, decision = "DECLINE", reason = "申请材料不全，请补充帮扶计划后重新申请。" }, Admin);
        await NothingWrittenAsync("decideProgramApplication", new { application, decision = "APPROVE" }, Admin, "INVALID_TRANSITION", "application");

        var read = await server.QueryAsync("query($o: String) { programApplications(organization: $o) { nodes { status decisionReason } } }", new { o = enterprise });
        var node = read.Walk("programApplications", "nodes")[0];
        Assert.Equal(("DECLINED", "申请材料不全，请补充帮扶计划后重新申请。"), (node.Text("status"), node.Text("decisionReason")));
        await ApplyAsync(enterprise, program);
        await NothingWrittenAsync("applyToProgram", new { organization = enterprise, program, motivation = "再次申请。" }, Donor(enterprise), "APPLICATION_PENDING", "program");
    }

    [Fact]
    public async Task Only_an_admin_registers_and_a_donor_applies_only_for_its_own_organisation()
    {
        var enterprise = await RegisterAsync();
        var program = await ProgramAsync();

        await ForbiddenAsync("registerOrganization", Enterprise(), server.Officer);
        await ForbiddenAsync("applyToProgram", new { organization = enterprise, program, motivation = "代为申请。" }, server.Donor);
        await ForbiddenAsync("leaveProgram", new { organization = server.Enterprise, program = "YGXZ", reason = "代为退出。" }, Donor(enterprise));
        await ForbiddenAsync("decideProgramApplication", new { application = "x", decision = "APPROVE" }, Donor(enterprise));
    }

    public static TheoryData<string, string, string> BadRegistrations => new()
    {
        { "creditCode", "\"９1451027000000001\"", "INVALID_CREDIT_CODE" }, // a full-width 9
        { "creditCode", "\"91451027ooooooooo1\"", "INVALID_CREDIT_CODE" },
        { "description", "\"联系人：王经理，电话 138-1234-5678。\"", "PERSONAL_DATA" },
        { "description", "\"联系人电话一三八一二三四五六七八\"", "PERSONAL_DATA" },
        { "name", $"\"{new string('企', 5_000)}\"", "TOO_LONG" },
        { "description", $"\"{new string('茶', 5_000)}\"", "TOO_LONG" },
        { "region", "\"110000\"", "INVALID_REGION_CODE" }, // Beijing: not a province OpenAid holds
        { "region", "\"451099\"", "REGION_NOT_FOUND" },
        { "region", "\"45102\"", "INVALID_REGION_CODE" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_or_disguised_registrations_are_typed_errors_and_write_nothing(string field, string json, string code)
    {
        var input = JsonSerializer.SerializeToNode(Enterprise())!.AsObject();
        input[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        await NothingWrittenAsync("registerOrganization", input, Admin, code, field);
    }

    [Fact]
    public async Task A_credit_code_registers_one_organisation_only()
    {
        var creditCode = NewCreditCode();
        await RegisterAsync(Enterprise(creditCode));

        await NothingWrittenAsync("registerOrganization", Enterprise(creditCode), Admin, "DUPLICATE_CREDIT_CODE", "creditCode");
    }

    [Fact]
    public async Task Organisations_outside_the_five_provinces_name_a_province_level_unit_and_a_place()
    {
        var macao = new { kind = "SOCIAL_ORGANIZATION", name = $"澳门某慈善基金会{MarketplaceServer.Unique()}", creditCode = NewCreditCode(), description = "资助贫困学生。", outsideProvince = 82, place = "澳门特别行政区" };
        var code = (await server.MutateOkAsync("registerOrganization", macao, Admin, "organization { code region { code } outsideProvince place }")).Walk("organization");

        Assert.Equal(JsonValueKind.Null, code.GetProperty("region").ValueKind);
        Assert.Equal((82, "澳门特别行政区"), (code.GetProperty("outsideProvince").GetInt32(), code.Text("place")));
        await NothingWrittenAsync("registerOrganization", new { macao.kind, macao.name, creditCode = NewCreditCode(), outsideProvince = 45, place = "南宁市" }, Admin, "PROVINCE_HELD", "outsideProvince");
        await NothingWrittenAsync("registerOrganization", new { macao.kind, macao.name, creditCode = NewCreditCode(), outsideProvince = 82, place = "澳门", region = server.County.ShortCode }, Admin, "ONE_LOCATION_REQUIRED", "region");
    }

    [Fact]
    public async Task An_update_changes_what_is_published_through_the_operation_and_keeps_the_code()
    {
        var enterprise = await RegisterAsync();
        var before = await server.WatermarkAsync();

        var updated = await server.MutateOkAsync("updateOrganization", new
        {
            organization = enterprise, kind = "STATE_OWNED_ENTERPRISE", name = $"凌云测试茶业集团{MarketplaceServer.Unique()}", creditCode = NewCreditCode(),
            outsideProvince = 11, place = "北京市西城区",
        }, Admin, "organization { code kind description outsideProvince }");

        Assert.Equal((enterprise, "STATE_OWNED_ENTERPRISE", 11), (updated.Text("organization", "code"), updated.Text("organization", "kind"), updated.Walk("organization", "outsideProvince").GetInt32()));
        Assert.Equal(JsonValueKind.Null, updated.Walk("organization", "description").ValueKind);
        Assert.Equal(before.AuditEntries + 1, (await server.WatermarkAsync()).AuditEntries);
    }

    [Fact]
    public async Task A_pairing_is_created_ended_with_a_reason_and_kept_as_history()
    {
        var enterprise = await RegisterAsync();
        var program = await ProgramAsync();
        var created = await server.MutateOkAsync("createPairing", new
        {
            program, helperOrganization = enterprise, helpedRegion = server.Village.ShortCode, startYear = MarketplaceServer.Today.Year,
            yearlyPlan = "每年援建一个茶叶加工点，吸纳贫困劳动力就业。", yearlyBudgetFen = 50_000_000,
        }, Admin, "pairing { code helperOrganization { code } yearlyBudget { yuan } }");
        var pairing = created.Text("pairing", "code");
        Assert.Equal("500000.00", created.Text("pairing", "yearlyBudget", "yuan"));

        await server.MutateOkAsync("endPairing", new { pairing, reason = "帮扶关系调整。" }, Admin);
        await NothingWrittenAsync("endPairing", new { pairing, reason = "再次结束。" }, Admin, "INVALID_TRANSITION", "pairing");
        var read = await server.QueryAsync("query($p: String) { pairings(program: $p) { nodes { code endYear endedOn endReason } } }", new { p = program });
        var node = read.Walk("pairings", "nodes")[0];
        Assert.Equal((pairing, "帮扶关系调整。", MarketplaceServer.Today.Year), (node.Text("code"), node.Text("endReason"), node.GetProperty("endYear").GetInt32()));
        await NothingWrittenAsync("createPairing", new
        {
            program, helperOrganization = enterprise, helperRegion = "4401", helpedRegion = server.Village.ShortCode, startYear = 2020, yearlyPlan = "计划。", yearlyBudgetFen = 0,
        }, Admin, "ONE_HELPER_REQUIRED", "helperOrganization");
        await NothingWrittenAsync("createPairing", new
        {
            program, helperRegion = server.County.ShortCode, helpedRegion = server.Village.ShortCode, startYear = 2020, yearlyPlan = "计划。", yearlyBudgetFen = 0,
        }, Admin, "HELPER_IS_HELPED", "helperRegion");
    }

    private async Task NothingWrittenAsync(string mutation, object input, string token, string code, string field)
    {
        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync(mutation, input, token), code, field);
        Assert.Equal(before, await server.WatermarkAsync());
    }

    private async Task ForbiddenAsync(string mutation, object input, string token)
    {
        var before = await server.WatermarkAsync();
        var response = await server.SendMutationAsync(mutation, input, token, "__typename");
        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(before, await server.WatermarkAsync());
    }
}
