using System.Globalization;
using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Exports;

/// <summary>
/// Writes through the API as a Publisher of a demo county's poverty office, signed with the local signer: a fund, a
/// notice about it. For tests that need fresh public records (the changes feed, the objection form).
/// </summary>
public sealed class TestPublisher
{
    private readonly ApiServer _server;
    private readonly string _token;

    private TestPublisher(ApiServer server, string county, string token)
    {
        _server = server;
        County = county;
        _token = token;
    }

    /// <summary>The county's short code.</summary>
    public string County { get; }

    /// <summary>The Publisher's bearer token.</summary>
    public string Token => _token;

    /// <param name="county">The county's short code; by default the first county with a poverty office.</param>
    /// <param name="role">The role of the token: a Publisher by default, or e.g. the office's Reviewer.</param>
    public static async Task<TestPublisher> ForDemoCountyAsync(ApiServer server, string? county = null, string role = Roles.Publisher)
    {
        var offices = await server.PostAsync(
            "query($r: String) { organizations(kind: GOVERNMENT, search: \"扶贫开发办公室\", region: $r, first: 100) { nodes { code region { shortCode level } } } }",
            new { r = county });
        var office = offices.Get("data", "organizations", "nodes").EnumerateArray()
            .First(o => o.GetProperty("region").GetProperty("level").GetString() == "COUNTY");
        county = office.GetProperty("region").GetProperty("shortCode").GetString()!;
        var token = server.MintToken([role], county, office.GetProperty("code").GetString());
        return new TestPublisher(server, county, token);
    }

    /// <summary>A new county fund; returns its id and code.</summary>
    public async Task<JsonElement> CreateFundAsync() =>
        (await MutateAsync("createFund", new
        {
            name = "县级财政专项扶贫资金（测试）",
            documentNumber = $"测财农〔2020〕{Guid.NewGuid().ToString("N")[..8]}号",
            sourceType = "COUNTY_FISCAL",
            level = "COUNTY",
            fiscalYear = 2020,
            amountFen = 1_000_000,
            region = County,
            purpose = "用于贫困村道路硬化。",
            decidedOn = "2020-06-01",
        }, "fund { id code }")).GetProperty("fund");

    /// <summary>A draft fund notice for <paramref name="region"/> (the county by default; a village one has a notice period); returns its code.</summary>
    public async Task<string> DraftFundNoticeAsync(string fundCode, string? region = null) =>
        (await MutateAsync("draftNotice", new
        {
            kind = "FUND",
            region = region ?? County,
            title = "关于县级财政专项扶贫资金分配的公告（测试）",
            body = "经研究，资金分配如下，现予公告。",
            decidedOn = ApiServer.Day(TimeProvider.System.Today()),
            noticePeriodDays = region is { Length: > 6 } ? 10 : (int?)null,
            localSupervisionPhone = "0776-7612317",
            funds = new[] { fundCode },
        }, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;

    /// <summary>Publishes a draft; returns the published notice's id and code.</summary>
    public async Task<JsonElement> PublishAsync(string draftCode) =>
        (await MutateAsync("publishNotice", new { notice = draftCode }, "notice { id code }")).GetProperty("notice");

    /// <summary>A fund notice for a village of the county, published today, so it takes objections for ten days.</summary>
    public async Task<string> PublishNoticeOpenForObjectionsAsync()
    {
        var villages = await _server.PostAsync("query($r: String!) { regions(region: $r, level: VILLAGE, first: 1) { nodes { shortCode } } }", new { r = County });
        var village = villages.Get("data", "regions", "nodes")[0].GetProperty("shortCode").GetString()!;
        var fund = await CreateFundAsync();
        var draft = await DraftFundNoticeAsync(fund.GetProperty("code").GetString()!, village);
        return (await PublishAsync(draft)).GetProperty("code").GetString()!;
    }

    /// <summary>Runs one mutation as the Publisher and returns its payload; fails on any error or user error.</summary>
    public Task<JsonElement> MutateAsync(string mutation, object input, string selection) =>
        _server.MutateOkAsync(mutation, input, _token, selection);
}
