using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Api.Tests.Marketplace;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>Grants are kept by the application: Admins give and end them over GraphQL, and they decide every request.</summary>
[Collection(SharedPublishingServer.Name)]
public class GrantTests(PublishingServer server)
{
    private const string Selection = "grant { id person role revokedAt region { shortCode } organization { code } }";

    private string Admin => server.Token(Roles.Admin);

    private object Statistics(int year) => new
    {
        region = server.Village.ShortCode, year, population = 900, poorPeople = 40, poorHouseholds = 12, collectiveIncomeFen = 0, perCapitaDisposableIncomeFen = 900_000,
    };

    [Fact]
    public async Task A_grant_takes_effect_on_the_next_request_and_revoking_it_removes_access_for_good()
    {
        var person = $"test-person-{Guid.NewGuid():N}";
        var token = server.Services.GetService(typeof(LocalTokens)) is LocalTokens tokens ? tokens.Mint(person, "农海军", TimeSpan.FromHours(1)) : throw new InvalidOperationException();
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("recordVillageStatistics", Statistics(2018), token, "__typename")).ErrorCodes);

        var granted = (await server.MutateOkAsync("grantRole", new { person, personName = "农海军", role = "PUBLISHER", region = server.Village.ShortCode, organization = server.Office, reason = "村级信息员。" }, Admin, Selection)).GetProperty("grant");
        await server.MutateOkAsync("recordVillageStatistics", Statistics(2018), token);
        var me = await server.GraphQLAsync("{ me { subject name grants { role region { code name } organization { code name } } } }", token: token);
        Assert.Equal(person, me.Get("data", "me").Text("subject"));
        Assert.Equal("农海军", me.Get("data", "me").Text("name"));
        Assert.Equal("PUBLISHER", me.Get("data", "me", "grants")[0].Text("role"));

        var revoked = (await server.MutateOkAsync("revokeRole", new { grant = granted.Text("id"), reason = "调离岗位。" }, Admin, Selection)).GetProperty("grant");
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("recordVillageStatistics", Statistics(2017), token, "__typename")).ErrorCodes);
        // Kept, not deleted: the Admin still finds it among the revoked grants.
        var kept = await server.GraphQLAsync("query($person: String) { grants(person: $person, active: false) { nodes { id revokeReason } } }", new { person }, Admin);
        Assert.Equal("调离岗位。", kept.Get("data", "grants", "nodes")[0].Text("revokeReason"));

        var again = await server.MutateAsync("revokeRole", new { grant = granted.Text("id"), reason = "再次撤销。" }, Admin, Selection);
        Payloads.AssertError(again, "GRANT_REVOKED", "grant");
    }

    [Theory]
    [InlineData("DONOR", null, null, "REQUIRED", "organization")]
    [InlineData("PUBLISHER", null, null, "REQUIRED", "region")]
    [InlineData("REVIEWER", "4510219", null, "INVALID_REGION_CODE", "region")]
    [InlineData("DONOR", null, "ORG-999999", "NOT_FOUND", "organization")]
    [InlineData("AUDITOR", null, null, "REQUIRED", "reason")]
    public async Task A_grant_that_breaks_a_rule_is_refused_with_its_code_and_nothing_is_written(string role, string? region, string? organization, string code, string field)
    {
        var admin = server.MintToken([Roles.Admin], null, null, subject: "test-admin-nationwide");
        var before = await server.WatermarkAsync();

        var payload = await server.MutateAsync("grantRole", new { person = "test-someone", role, region, organization, reason = field == "reason" ? " " : "试用。" }, admin, Selection);

        Payloads.AssertError(payload, code, field);
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task The_same_grant_twice_is_refused()
    {
        var input = new { person = $"test-twice-{Guid.NewGuid():N}", role = "REVIEWER", region = server.County.ShortCode, organization = server.Office, reason = "县扶贫办审核员。" };
        await server.MutateOkAsync("grantRole", input, Admin, Selection);

        Payloads.AssertError(await server.MutateAsync("grantRole", input, Admin, Selection), "GRANT_HELD", "person");
    }

    [Fact]
    public async Task The_last_active_Admin_grant_cannot_be_revoked()
    {
        var admins = await server.GraphQLAsync("{ grants(role: ADMIN, active: true, first: 100) { nodes { id person } } }", token: server.MintToken([Roles.Admin], null, null, subject: "test-admin-nationwide"));
        var ids = admins.Get("data", "grants", "nodes").EnumerateArray().Select(n => n.Text("id")).ToList();
        var last = server.MintToken([Roles.Admin], null, null, subject: "test-admin-nationwide");
        var lastId = admins.Get("data", "grants", "nodes").EnumerateArray().Single(n => n.Text("person") == "test-admin-nationwide").Text("id");
        foreach (var id in ids.Where(id => id != lastId))
        {
            await server.MutateOkAsync("revokeRole", new { grant = id, reason = "测试：只留一名管理员。" }, last, Selection);
        }

        var refused = await server.MutateAsync("revokeRole", new { grant = lastId, reason = "最后一名管理员。" }, last, Selection);

        Payloads.AssertError(refused, "LAST_ADMIN", "grant");
    }

    [Fact]
    public async Task A_token_whose_claims_say_Admin_is_refused_when_its_person_holds_no_grant()
    {
        var tokens = (LocalTokens)server.Services.GetService(typeof(LocalTokens))!;
        var now = DateTime.UtcNow;
        var forged = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = LocalTokens.Issuer,
            Audience = LocalTokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "test-claims-only", ["roles"] = new[] { Roles.Admin }, ["region"] = "45" },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(tokens.Key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });

        var response = await server.SendMutationAsync("grantRole", new { person = "test-claims-only", role = "ADMIN", reason = "自封管理员。" }, forged, Selection);

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], (await server.GraphQLAsync("{ grants { nodes { id } } }", token: forged)).ErrorCodes);
    }

    [Fact]
    public async Task Development_users_are_listed_and_signed_in_as()
    {
        server.MintToken([Roles.Reviewer], server.County.ShortCode, server.Office, "李明", "test-dev-listed");
        var client = server.Client;

        var users = await client.GetFromJsonAsync<JsonElement>("dev/users");
        var listed = users.EnumerateArray().Single(u => u.Text("subject") == "test-dev-listed");
        Assert.Equal("李明", listed.Text("name"));
        Assert.Equal(server.Office, listed.GetProperty("grants")[0].Text("organization"));
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("grants")[0].Text("organizationName")));

        var signIn = await client.PostAsJsonAsync("dev/sign-in", new { subject = "test-dev-listed" });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).Text("token");
        var me = await server.GraphQLAsync("{ me { subject roles } }", token: token);
        Assert.Equal("test-dev-listed", me.Get("data", "me").Text("subject"));
        Assert.Equal(["REVIEWER"], me.Get("data", "me", "roles").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("dev/sign-in", new { subject = "nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("dev/sign-in", new StringContent("subject=x"))).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await server.GraphQLAsync("{ me { subject } }")).Get("data", "me").ValueKind);
    }
}
