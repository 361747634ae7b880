using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The people on the ground for the matrices: a Publisher whose grant covers the village's county assigns and ends work
/// teams; a Publisher of the village's region counts households' helpers. Each call gets a village without an active team.
/// </summary>
public partial class AuthorizationMatrixTests
{
    /// <summary>A village of <paramref name="county"/> without an active work team.</summary>
    private Task<Place> FreeVillageAsync(Place county) => server.ReadAsync(async db =>
    {
        var range = RegionCode.Of(county.Code);
        var village = await db.Regions
            .Where(r => r.Code > range.SubtreeStart && r.Code < range.SubtreeEnd && r.Level == RegionLevel.Village && !db.WorkTeams.Any(t => t.ActiveVillageCode == r.Code))
            .OrderBy(r => r.Code).FirstAsync();
        return new Place(village.Code, village.RegionCode.ShortForm, village.Name);
    });

    private async Task<object> WorkTeamInputAsync(Place county) => new
    {
        region = (await FreeVillageAsync(county)).ShortCode, organization = county == server.County ? server.Office : server.OtherOffice, startedOn = Samples.Today,
        size = 3, memberTitles = new[] { "队长", "队员（产业）" },
    };

    private async Task<string> WorkTeamAsync(Place county, string publisher) =>
        (await server.MutateOkAsync("assignWorkTeam", await WorkTeamInputAsync(county), publisher, "workTeam { code }")).GetProperty("workTeam").GetProperty("code").GetString()!;

    private object HelpersInput() => new { region = server.Village.ShortCode, year = Samples.Year, counts = new[] { new { organization = server.Office, households = 1 } } };

    private Dictionary<string, (string Role, Func<Task<object>> Input)> WorkTeamCases() => new()
    {
        ["assignWorkTeam"] = (Roles.Publisher, () => WorkTeamInputAsync(server.County)),
        ["endWorkTeam"] = (Roles.Publisher, async () => new { workTeam = await WorkTeamAsync(server.County, Samples.Publisher), reason = "任期届满，工作队轮换。" }),
        ["recordHouseholdHelpers"] = (Roles.Publisher, () => Task.FromResult(HelpersInput())),
    };

    private Dictionary<(string Mutation, string Field), Func<Task<ReferenceCase>>> WorkTeamReferenceCases(World w)
    {
        var publisher = Samples.Publisher;
        ReferenceCase Case(object input, object? foreign) =>
            new(publisher, JsonSerializer.SerializeToNode(input)!.AsObject(), JsonSerializer.SerializeToNode(foreign), Forbidden);
        return new()
        {
            [("assignWorkTeam", "region")] = async () => Case(await WorkTeamInputAsync(server.County), (await FreeVillageAsync(server.OtherCounty)).ShortCode),
            [("endWorkTeam", "workTeam")] = async () => Case(
                new { workTeam = await WorkTeamAsync(server.County, publisher), reason = "任期届满。" }, await WorkTeamAsync(server.OtherCounty, w.OtherPublisher)),
            [("recordHouseholdHelpers", "region")] = () => Task.FromResult(Case(HelpersInput(), w.OtherVillage.ShortCode)),
        };
    }
}
