using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>registerAsset and recordAssetIncome over HTTP: register, record, refuse, and the public fields on projects and places.</summary>
[Collection(SharedPublishingServer.Name)]
public class AssetTests(PublishingServer server)
{
    private const string IncomeSelection = "income { year amount { fen } toCollective { fen } toHouseholds { fen } householdsPaid toJobs { fen } jobsPaid retained { fen } }";
    private const string TotalsQuery = "query($code: String!, $year: Int) { region(code: $code) { assetIncome(year: $year) { year assets amount { fen } toCollective { fen } toHouseholds { fen } householdsPaid toJobs { fen } jobsPaid } } }";

    private Samples Samples => server.Samples;

    private string Publisher => server.Token(Roles.Publisher);

    [Fact]
    public async Task A_publisher_registers_an_asset_and_its_income_which_the_project_and_village_pages_show()
    {
        var project = await Samples.ProjectAsync("ACCEPTED");
        var asset = (await server.MutateOkAsync("registerAsset", Samples.AssetInput(project), Publisher, "asset { code kind shareHouseholds value { fen } owner { code } project { code } }")).GetProperty("asset");
        var code = asset.GetProperty("code").GetString()!;
        Assert.StartsWith($"ZS-{server.County.ShortCode}-", code);
        Assert.Equal(("PHOTOVOLTAIC_STATION", 40, 80_000_000L), (asset.GetProperty("kind").GetString(), asset.GetProperty("shareHouseholds").GetInt32(), asset.GetProperty("value").GetProperty("fen").GetInt64()));
        Assert.Equal(project, asset.GetProperty("project").GetProperty("code").GetString());

        var income = (await server.MutateOkAsync("recordAssetIncome", Samples.IncomeInput(code, amountFen: 1_100_000), Publisher, IncomeSelection)).GetProperty("income");
        Assert.Equal((400_000L, 40, 5, 100_000L), (income.GetProperty("toHouseholds").GetProperty("fen").GetInt64(), income.GetProperty("householdsPaid").GetInt32(), income.GetProperty("jobsPaid").GetInt32(), income.GetProperty("retained").GetProperty("fen").GetInt64()));

        var onProject = await server.GraphQLAsync("query($code: String!) { project(code: $code) { assets { code name incomes { year amount { fen } householdsPaid } } } }", new { code = project });
        var listed = onProject.Get("data", "project", "assets").EnumerateArray().Single();
        Assert.Equal(code, listed.GetProperty("code").GetString());
        Assert.Equal(1_100_000, listed.GetProperty("incomes")[0].GetProperty("amount").GetProperty("fen").GetInt64());

        var onVillage = await server.GraphQLAsync("query($code: String!) { region(code: $code) { assets(first: 100) { nodes { code } } } }", new { code = server.Village.ShortCode });
        Assert.Contains(code, onVillage.Get("data", "region", "assets", "nodes").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var byCode = await server.GraphQLAsync("query($code: String!) { asset(code: $code) { owner { code } incomes { year } } }", new { code });
        Assert.Equal(server.Village.Code.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), byCode.Get("data", "asset", "owner", "code").GetString());
    }

    [Fact]
    public async Task A_countys_asset_income_sums_its_villages()
    {
        var other = await server.ReadAsync(async db =>
        {
            var found = await db.Regions.Where(r => r.ParentCode == server.Township.Code && r.Code != server.Village.Code).OrderBy(r => r.Code).FirstAsync();
            return new Place(found.Code, found.RegionCode.ShortForm, found.Name);
        });
        var before = await TotalAsync(server.County);
        var villageBefore = await TotalAsync(server.Village);
        var townshipBefore = await TotalAsync(server.Township);

        // A township project leaves a workshop to another village; a village project a station to the test village.
        var township = await Samples.ProjectAsync("IMPLEMENTING", server.Township);
        var workshop = Code(await server.MutateOkAsync("registerAsset", Samples.AssetInput(township, other), Publisher, "asset { code }"));
        var station = await Samples.AssetAsync();
        await server.MutateOkAsync("recordAssetIncome", Samples.IncomeInput(workshop, amountFen: 2_000_000, toHouseholdsFen: 1_000_000, householdsPaid: 60), Publisher);
        await server.MutateOkAsync("recordAssetIncome", Samples.IncomeInput(station), Publisher);

        var after = await TotalAsync(server.County);
        Assert.Equal(before.Assets + 2, after.Assets);
        Assert.Equal(before.Amount + 3_000_000, after.Amount);
        Assert.Equal(before.ToCollective + 800_000, after.ToCollective);
        Assert.Equal(before.ToHouseholds + 1_400_000, after.ToHouseholds);
        Assert.Equal(before.Households + 100, after.Households);
        Assert.Equal(before.ToJobs + 400_000, after.ToJobs);
        Assert.Equal(before.Jobs + 10, after.Jobs);
        Assert.Equal(villageBefore.Amount + 1_000_000, (await TotalAsync(server.Village)).Amount);
        Assert.Equal(townshipBefore.Amount + 3_000_000, (await TotalAsync(server.Township)).Amount);
    }

    [Fact]
    public async Task Income_is_refused_when_its_parts_exceed_it_when_recipients_are_uncounted_and_twice_in_a_year()
    {
        var asset = await Samples.AssetAsync();
        NoticeRulesTests.AssertError(await server.MutateAsync("recordAssetIncome", Samples.IncomeInput(asset, amountFen: 999_999), Publisher, IncomeSelection), "PARTS_EXCEED_AMOUNT", "amountFen");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordAssetIncome", Samples.IncomeInput(asset, householdsPaid: 0), Publisher, IncomeSelection), "RECIPIENTS_INCONSISTENT", "householdsPaid");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordAssetIncome", Samples.IncomeInput(asset, year: Samples.Year + 1), Publisher, IncomeSelection), "INVALID_YEAR", "year");
        NoticeRulesTests.AssertError(await server.MutateAsync("recordAssetIncome", Samples.IncomeInput(asset, year: Samples.Year - 1), Publisher, IncomeSelection), "INVALID_YEAR", "year");

        await server.MutateOkAsync("recordAssetIncome", Samples.IncomeInput(asset), Publisher);
        NoticeRulesTests.AssertError(await server.MutateAsync("recordAssetIncome", Samples.IncomeInput(asset, amountFen: 2_000_000), Publisher, IncomeSelection), "ASSET_INCOME_RECORDED", "year");
        var incomes = await server.GraphQLAsync("query($code: String!) { asset(code: $code) { incomes { amount { fen } } } }", new { code = asset });
        Assert.Equal(1_000_000, incomes.Get("data", "asset", "incomes").EnumerateArray().Single().GetProperty("amount").GetProperty("fen").GetInt64());
    }

    [Fact]
    public async Task An_asset_is_refused_outside_the_grant_with_personal_data_and_for_a_project_that_built_nothing()
    {
        var project = await Samples.ProjectAsync("IMPLEMENTING");
        var foreign = await server.SendMutationAsync("registerAsset", Samples.AssetInput(project), server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], foreign.ErrorCodes);

        var named = JsonSerializer.SerializeToNode(Samples.AssetInput(project))!.AsObject();
        named["name"] = "光伏电站，管护员农大海 13912345678";
        NoticeRulesTests.AssertError(await server.MutateAsync("registerAsset", named, Publisher, "asset { code }"), "PERSONAL_DATA", "name");
        NoticeRulesTests.AssertError(await server.MutateAsync("registerAsset", Samples.AssetInput(await Samples.ProjectAsync()), Publisher, "asset { code }"), "INVALID_STATE", "project");
        NoticeRulesTests.AssertError(await server.MutateAsync("registerAsset", Samples.AssetInput(project, server.Township), Publisher, "asset { code }"), "OWNER_ELSEWHERE", "owner");

        var asset = await Samples.AssetAsync();
        var foreignIncome = await server.SendMutationAsync("recordAssetIncome", Samples.IncomeInput(asset), server.Token(Roles.Publisher, server.OtherCounty), "__typename");
        Assert.Equal(["FORBIDDEN"], foreignIncome.ErrorCodes);
    }

    private static string Code(JsonElement payload) => payload.GetProperty("asset").GetProperty("code").GetString()!;

    private async Task<Total> TotalAsync(Place place)
    {
        var totals = (await server.GraphQLAsync(TotalsQuery, new { code = place.ShortCode, year = Samples.Year })).Get("data", "region", "assetIncome").EnumerateArray().ToList();
        if (totals.Count == 0)
        {
            return new Total(0, 0, 0, 0, 0, 0, 0);
        }

        var t = Assert.Single(totals);
        long Fen(string name) => t.GetProperty(name).GetProperty("fen").GetInt64();
        return new Total(t.GetProperty("assets").GetInt32(), Fen("amount"), Fen("toCollective"), Fen("toHouseholds"), t.GetProperty("householdsPaid").GetInt32(), Fen("toJobs"), t.GetProperty("jobsPaid").GetInt32());
    }

    private sealed record Total(int Assets, long Amount, long ToCollective, long ToHouseholds, int Households, long ToJobs, int Jobs);
}
