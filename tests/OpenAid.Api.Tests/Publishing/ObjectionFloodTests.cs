using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Regions;
using static OpenAid.Api.Tests.Publishing.NoticeRulesTests;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>The real places only, with tiny caps: three filings a day per region, two per client.</summary>
public sealed class FloodServer() : ApiServer(seedDemoData: false, new Dictionary<string, string?>
{
    ["Objections:MaxPerRegionPerDay"] = "3",
    ["Objections:MaxPerClientPerDay"] = "2",
});

/// <summary>Anyone may file without signing in, so floods are capped per region and per client a day.</summary>
public class ObjectionFloodTests(FloodServer server) : IClassFixture<FloodServer>
{
    private static object Report(string region) => new { region, category = "EMBEZZLEMENT", description = "村里修路的钱被挪作他用。" };

    [Fact]
    public async Task One_client_files_at_most_its_daily_cap_wherever_it_files()
    {
        var regions = await CountiesAsync(skip: 0);

        await server.MutateOkAsync("fileObjection", Report(regions[0]), null, "objection { code }");
        await server.MutateOkAsync("fileObjection", Report(regions[1]), null, "objection { code }");
        var before = await server.WatermarkAsync();
        var third = await server.MutateAsync("fileObjection", Report(regions[2]), null, "objection { code }");

        AssertError(third, "TOO_MANY_OBJECTIONS", null);
        Assert.Equal(before, await server.WatermarkAsync());

        // Another client (here a signed-in one) is not held back by the first.
        await server.MutateOkAsync("fileObjection", Report(regions[2]), server.MintToken([Roles.Donor], null, null, subject: "flood-other-client"), "objection { code }");
    }

    [Fact]
    public async Task A_region_takes_at_most_its_daily_cap_from_all_clients_together()
    {
        var region = (await CountiesAsync(skip: 3))[0];
        for (var client = 0; client < 3; client++)
        {
            await server.MutateOkAsync("fileObjection", Report(region), Client(client), "objection { code }");
        }

        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync("fileObjection", Report(region), Client(3), "objection { code }"), "TOO_MANY_OBJECTIONS", "region");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    private string Client(int n) => server.MintToken([Roles.Donor], null, null, subject: $"flood-region-client-{n}");

    private async Task<List<string>> CountiesAsync(int skip)
    {
        var codes = await server.ReadAsync(db => db.Regions.Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).Skip(skip).Take(3).Select(r => r.Code).ToListAsync());
        return [.. codes.Select(code => RegionCode.Of(code).ShortForm)];
    }
}
