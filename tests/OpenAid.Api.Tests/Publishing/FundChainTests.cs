using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The fund chain over HTTP: provincial money is cut into a county block and integrated into the county's pool, only
/// county funds allocate to projects, each yuan is counted once in the aggregates however many levels it passed, and
/// idle money is found by how long it has lain.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class FundChainTests(PublishingServer server)
{
    private Samples Samples => server.Samples;

    private string Publisher => Samples.Publisher;

    /// <summary>A Publisher of the test county's province.</summary>
    private string ProvincePublisher => server.MintToken([Roles.Publisher], server.County.ShortCode[..2], server.Office, subject: "test-publisher-province");

    private const string FundFields = "code amount { fen } ownAmount { fen } received { fen } transferred { fen } unallocated { fen } undisbursed { fen } idleDays isIntegratedPool "
        + "sources { from { code } amount { fen } } transfers { to { code } amount { fen } } composition { sourceType level amount { fen } }";

    [Fact]
    public async Task Provincial_money_goes_to_a_county_block_and_pool_and_the_chain_follows_it_to_the_projects()
    {
        var province = await ProvinceFundAsync(1_000_000);
        var block = await FundAsync(0, "CENTRAL_FISCAL", "CENTRAL");
        var county = await Samples.FundAsync(100_000);
        var pool = await Samples.PoolAsync();
        var (first, second) = (await Samples.ProjectAsync(), await Samples.ProjectAsync());

        await TransferOkAsync(province, block, 600_000, ProvincePublisher);
        await TransferOkAsync(block, pool, 200_000);
        await TransferOkAsync(county, pool, 100_000);
        await AllocateOkAsync(pool, first, 250_000);
        await AllocateOkAsync(block, second, 100_000);

        var blockFund = await FundAsync(block);
        Assert.Equal((600_000L, 0L, 600_000L, 200_000L, 300_000L), (Fen(blockFund, "amount"), Fen(blockFund, "ownAmount"), Fen(blockFund, "received"), Fen(blockFund, "transferred"), Fen(blockFund, "unallocated")));
        Assert.Equal([(province, 600_000L)], blockFund.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("from").GetProperty("code").GetString(), Fen(s, "amount"))));
        Assert.Equal([(pool, 200_000L)], blockFund.GetProperty("transfers").EnumerateArray().Select(s => (s.GetProperty("to").GetProperty("code").GetString(), Fen(s, "amount"))));

        var poolFund = await FundAsync(pool);
        Assert.True(poolFund.GetProperty("isIntegratedPool").GetBoolean());
        Assert.Equal((300_000L, 0L, 50_000L), (Fen(poolFund, "amount"), Fen(poolFund, "ownAmount"), Fen(poolFund, "unallocated")));
        Assert.Equal(
            [("CENTRAL_FISCAL", "CENTRAL", 200_000L), ("COUNTY_FISCAL", "COUNTY", 100_000L)],
            poolFund.GetProperty("composition").EnumerateArray().Select(p => (p.GetProperty("sourceType").GetString(), p.GetProperty("level").GetString(), Fen(p, "amount"))));

        var chain = (await server.GraphQLAsync(
            "query($c: String!) { fundChain(code: $c) { fund { code } amount { fen } transfers { fund { code } amount { fen } allocations { project { code } amount { fen } } "
            + "transfers { fund { code } amount { fen } allocations { project { code } amount { fen } } transfers { fund { code } } } } } }",
            new { c = province })).Get("data", "fundChain");
        Assert.Equal((province, 1_000_000L), (chain.GetProperty("fund").GetProperty("code").GetString(), Fen(chain, "amount")));
        var blockStep = Assert.Single(chain.GetProperty("transfers").EnumerateArray());
        Assert.Equal((block, 600_000L), (blockStep.GetProperty("fund").GetProperty("code").GetString(), Fen(blockStep, "amount")));
        Assert.Equal([(second, 100_000L)], Allocations(blockStep));
        var poolStep = Assert.Single(blockStep.GetProperty("transfers").EnumerateArray());
        Assert.Equal((pool, 200_000L, 0), (poolStep.GetProperty("fund").GetProperty("code").GetString(), Fen(poolStep, "amount"), poolStep.GetProperty("transfers").GetArrayLength()));
        Assert.Equal([(first, 250_000L)], Allocations(poolStep));
        Assert.Equal(JsonValueKind.Null, (await server.GraphQLAsync("{ fundChain(code: \"ZJ-000000-2000-0000\") { amount { fen } } }")).Get("data", "fundChain").ValueKind);
    }

    [Fact]
    public async Task A_transfer_never_exceeds_what_the_fund_still_holds()
    {
        var (fund, pool, project) = (await Samples.FundAsync(100_000), await Samples.PoolAsync(), await Samples.ProjectAsync());
        await AllocateOkAsync(fund, project, 30_000);
        await TransferOkAsync(fund, pool, 50_000);

        Assert.Equal(["AMOUNT_EXCEEDS_FUND:amountFen"], await TransferAsync(fund, pool, 20_001));
        Assert.Equal(["AMOUNT_EXCEEDS_FUND:amountFen"], await AllocateAsync(fund, project, 20_001));
        Assert.Equal(["INVALID_AMOUNT:amountFen"], await TransferAsync(fund, pool, 0));
        Assert.Equal(["AMOUNT_EXCEEDS_FUND:amountFen"], await AllocateAsync(pool, project, 50_001)); // a pool allocates only what it received
        await TransferOkAsync(fund, pool, 20_000);
        Assert.Equal(0, Fen(await FundAsync(fund), "unallocated"));
    }

    [Fact]
    public async Task Money_moves_only_down_within_the_givers_region_and_blocks_keep_their_source()
    {
        var (fund, pool, other) = (await Samples.FundAsync(), await Samples.PoolAsync(), await Samples.FundAsync());
        var province = await ProvinceFundAsync(1_000_000);
        var foreign = await FundAsync(0, "CENTRAL_FISCAL", "CENTRAL", server.OtherCounty, server.Token(Roles.Publisher, server.OtherCounty));

        Assert.Equal(["TRANSFER_NOT_DOWN:toFund"], await TransferAsync(fund, other, 1_000)); // sideways: the same county
        Assert.Equal(["TRANSFER_NOT_DOWN:toFund"], await TransferAsync(fund, fund, 1_000));
        Assert.Equal(["TRANSFER_NOT_DOWN:toFund"], await TransferAsync(province, province, 1_000, ProvincePublisher));
        Assert.Equal(["TRANSFER_NOT_DOWN:toFund"], await TransferAsync(fund, province, 1_000)); // upwards
        await TransferOkAsync(fund, pool, 1_000);
        Assert.Equal(["TRANSFER_NOT_DOWN:toFund"], await TransferAsync(pool, fund, 1_000)); // a pool passes nothing on
        Assert.Equal(["TRANSFER_OUTSIDE_REGION:toFund"], await TransferAsync(fund, foreign, 1_000));
        Assert.Equal(["TRANSFER_SOURCE_MISMATCH:toFund"], await TransferAsync(province, other, 1_000, ProvincePublisher));
        Assert.StartsWith("FORBIDDEN", Assert.Single(await TransferAsync(province, pool, 1_000)), StringComparison.Ordinal); // the county's publisher cannot give the province's money
        Assert.Equal(["ALLOCATION_ABOVE_COUNTY:fund"], await AllocateAsync(province, await Samples.ProjectAsync(), 1_000, ProvincePublisher));
        Assert.Equal(["INVALID_POOL:amountFen"], await CreateRefusedAsync(With(Samples.PoolInput(), "amountFen", 1)));
        Assert.Equal(["INVALID_POOL:level"], await CreateRefusedAsync(With(Samples.PoolInput(), "level", "CENTRAL")));
    }

    [Fact]
    public async Task Each_yuan_is_counted_once_in_the_region_aggregates_however_many_levels_it_passed()
    {
        var provinceCode = server.County.ShortCode[..2];
        var (countyBefore, provinceBefore, allBefore) = (await MoneyAsync(server.County.ShortCode), await MoneyAsync(provinceCode), await MoneyAsync(null));
        var province = await ProvinceFundAsync(1_000_000);
        var block = await FundAsync(0, "CENTRAL_FISCAL", "CENTRAL");
        var pool = await Samples.PoolAsync();
        var project = await Samples.ProjectAsync();
        await TransferOkAsync(province, block, 700_000, ProvincePublisher);
        await TransferOkAsync(block, pool, 400_000);
        await AllocateOkAsync(pool, project, 300_000);
        await AllocateOkAsync(block, project, 100_000);

        var (county, provinceMoney, all) = (await MoneyAsync(server.County.ShortCode), await MoneyAsync(provinceCode), await MoneyAsync(null));
        foreach (var (before, after) in new[] { (countyBefore, county), (provinceBefore, provinceMoney), (allBefore, all) })
        {
            // The leaves (allocations and what every fund still holds) add up to what entered, before and after.
            Assert.Equal(after.Entered.Values.Sum(), after.Allocated + after.Unallocated);
            Assert.Equal(before.Entered.Values.Sum(), before.Allocated + before.Unallocated);
            Assert.Equal(400_000, after.Allocated - before.Allocated);
        }

        // The county counts what reached it from the province once (not again as it passed into the pool); the province
        // and everywhere count the province's own money once, though it passed three funds.
        Assert.Equal(700_000, Central(county) - Central(countyBefore));
        Assert.Equal(1_000_000, Central(provinceMoney) - Central(provinceBefore));
        Assert.Equal(1_000_000, Central(all) - Central(allBefore));
        Assert.Equal(300_000, county.Unallocated - countyBefore.Unallocated);
        Assert.Equal(600_000, all.Unallocated - allBefore.Unallocated);
    }

    [Fact]
    public async Task Idle_funds_are_found_by_how_long_their_money_has_lain()
    {
        var longAgo = PublishingServer.Day(PublishingServer.Today.AddDays(-40));
        async Task<string> FundOfLongAgoAsync() => await CreateOkAsync(With(Samples.FundInput(50_000), "decidedOn", longAgo));
        var (untouched, allocated, paid, usedToday) = (await FundOfLongAgoAsync(), await FundOfLongAgoAsync(), await FundOfLongAgoAsync(), await FundOfLongAgoAsync());
        var project = await Samples.ProjectAsync();
        await AllocateOkAsync(allocated, project, 50_000, longAgo);
        await AllocateOkAsync(paid, project, 50_000, longAgo);
        await AllocateOkAsync(usedToday, project, 50_000);
        foreach (var kind in (string[])["COMMITMENT", "DISBURSEMENT"])
        {
            await server.MutateOkAsync("recordTransaction", new { kind, amountFen = 50_000, date = longAgo, project, fund = paid, description = "拨付工程款。" }, Publisher);
        }

        // Received and not allocated, or allocated and not paid out: idle since the last movement.
        Assert.Equal((40, 50_000L, 0L), Idle(await FundAsync(untouched)));
        Assert.Equal((40, 0L, 50_000L), Idle(await FundAsync(allocated)));
        Assert.Equal((0, 0L, 50_000L), Idle(await FundAsync(usedToday)));
        var paidFund = await FundAsync(paid);
        Assert.Equal((JsonValueKind.Null, 0L, 0L), (paidFund.GetProperty("idleDays").ValueKind, Fen(paidFund, "unallocated"), Fen(paidFund, "undisbursed")));

        var beyond30 = await IdleCodesAsync(30);
        Assert.Contains(untouched, beyond30);
        Assert.Contains(allocated, beyond30);
        Assert.DoesNotContain(paid, beyond30);
        Assert.DoesNotContain(usedToday, beyond30);
        Assert.Contains(untouched, await IdleCodesAsync(39));
        Assert.DoesNotContain(untouched, await IdleCodesAsync(40));
    }

    private static (int, long, long) Idle(JsonElement fund) => (fund.GetProperty("idleDays").GetInt32(), Fen(fund, "unallocated"), Fen(fund, "undisbursed"));

    private sealed record Money(Dictionary<(string, string), long> Entered, long Allocated, long Unallocated);

    private static long Central(Money money) => money.Entered.GetValueOrDefault(("CENTRAL_FISCAL", "CENTRAL"));

    private async Task<Money> MoneyAsync(string? region)
    {
        var money = (await server.GraphQLAsync(
            "query($r: String, $y: Int) { fundMoney(region: $r, year: $y) { entered { sourceType level amount { fen } } enteredTotal { fen } allocated { fen } unallocated { fen } } }",
            new { r = region, y = Samples.Year })).Get("data", "fundMoney");
        var entered = money.GetProperty("entered").EnumerateArray().ToDictionary(p => (p.GetProperty("sourceType").GetString()!, p.GetProperty("level").GetString()!), p => Fen(p, "amount"));
        Assert.Equal(entered.Values.Sum(), Fen(money, "enteredTotal"));
        return new Money(entered, Fen(money, "allocated"), Fen(money, "unallocated"));
    }

    private async Task<List<string>> IdleCodesAsync(int days) =>
        [.. (await server.GraphQLAsync("query($r: String, $d: Int) { funds(region: $r, idleForMoreThanDays: $d, first: 100) { nodes { code } } }", new { r = server.County.ShortCode, d = days }))
            .Get("data", "funds", "nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()!)];

    private static long Fen(JsonElement element, string field) => element.GetProperty(field).GetProperty("fen").GetInt64();

    private static IEnumerable<(string?, long)> Allocations(JsonElement step) =>
        step.GetProperty("allocations").EnumerateArray().Select(a => (a.GetProperty("project").GetProperty("code").GetString(), Fen(a, "amount")));

    private async Task<JsonElement> FundAsync(string code) =>
        (await server.GraphQLAsync($"query($c: String!) {{ fund(code: $c) {{ {FundFields} }} }}", new { c = code })).Get("data", "fund");

    private Task<string> ProvinceFundAsync(long amountFen) =>
        FundAsync(amountFen, "CENTRAL_FISCAL", "CENTRAL", new Place(0, server.County.ShortCode[..2], ""), ProvincePublisher);

    private Task<string> FundAsync(long amountFen, string sourceType, string level, Place? region = null, string? token = null) =>
        CreateOkAsync(With(With(With(With(Samples.FundInput(amountFen), "sourceType", sourceType), "level", level), "region", (region ?? server.County).ShortCode), "amountFen", amountFen), token);

    private async Task<string> CreateOkAsync(Dictionary<string, object?> input, string? token = null) =>
        (await server.MutateOkAsync("createFund", input, token ?? Publisher, "fund { code }")).GetProperty("fund").GetProperty("code").GetString()!;

    private async Task<List<string>> CreateRefusedAsync(Dictionary<string, object?> input) => Codes(await server.MutateAsync("createFund", input, Publisher));

    private Task<JsonElement> TransferOkAsync(string fund, string toFund, long amountFen, string? token = null) =>
        server.MutateOkAsync("transferFund", new { fund, toFund, amountFen, date = Samples.Today }, token ?? Publisher, "transfer { amount { fen } }");

    private async Task<List<string>> TransferAsync(string fund, string toFund, long amountFen, string? token = null)
    {
        var response = await server.SendMutationAsync("transferFund", new { fund, toFund, amountFen, date = Samples.Today }, token ?? Publisher, "__typename");
        return response.Errors.Count > 0 ? [.. response.ErrorCodes.Select(c => c ?? "")] : Codes(response.Get("data", "transferFund"));
    }

    private Task<JsonElement> AllocateOkAsync(string fund, string project, long amountFen, string? decidedOn = null) =>
        server.MutateOkAsync("allocateFund", new { fund, project, amountFen, decidedOn = decidedOn ?? Samples.Today }, Publisher, "allocation { id }");

    private async Task<List<string>> AllocateAsync(string fund, string project, long amountFen, string? token = null)
    {
        var response = await server.SendMutationAsync("allocateFund", new { fund, project, amountFen, decidedOn = Samples.Today }, token ?? Publisher, "__typename");
        return response.Errors.Count > 0 ? [.. response.ErrorCodes.Select(c => c ?? "")] : Codes(response.Get("data", "allocateFund"));
    }

    private static List<string> Codes(JsonElement payload) =>
        [.. payload.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("code").GetString()}:{e.GetProperty("field").GetString()}")];

    private static Dictionary<string, object?> With(object input, string field, object? value)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(input))!;
        fields[field] = value;
        return fields;
    }
}
