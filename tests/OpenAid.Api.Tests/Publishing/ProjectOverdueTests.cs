using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// A project past its planned end and not accepted is overdue (isOverdue, the overdue filter, the export's column),
/// as of the host's clock: moving the clock past the planned end makes it so, acceptance or cancellation ends it.
/// </summary>
public sealed class ProjectOverdueTests() : ClockedServerTests<PublishingServer>(clock => new PublishingServer(clock))
{
    [Fact]
    public async Task A_project_past_its_planned_end_is_overdue_until_it_is_accepted_and_a_cancelled_one_never_is()
    {
        var samples = Server.Samples;
        var today = Clock.Today();
        var ends = ApiServer.Day(today.AddDays(30));
        async Task<string> Create() => (await Server.MutateOkAsync(
                "createProject", samples.ProjectInput(plannedStart: ApiServer.Day(today), plannedEnd: ends), samples.Publisher, "project { code }"))
            .GetProperty("project").GetProperty("code").GetString()!;
        async Task Move(string project, params string[] steps)
        {
            foreach (var to in steps)
            {
                await Server.MutateOkAsync("moveProject", new { project, to, reason = to == "CANCELLED" ? "资金另行安排，项目取消。" : null }, samples.Publisher, "project { code }");
            }
        }

        var implementing = await Create();
        await Move(implementing, "APPROVED", "IMPLEMENTING");
        var inLibrary = await Create();
        var accepted = await Create();
        var cancelled = await Create();
        await Move(cancelled, "CANCELLED");
        Assert.Empty(await OverdueAsync(true));

        // The planned end is the last day of work: overdue from the day after it.
        Clock.Advance(TimeSpan.FromDays(30));
        Assert.Empty(await OverdueAsync(true));
        Clock.Advance(TimeSpan.FromDays(1));
        await Move(accepted, "APPROVED", "IMPLEMENTING", "ACCEPTED");

        Assert.Equal([implementing, inLibrary], (await OverdueAsync(true)).Order(StringComparer.Ordinal));
        var others = await OverdueAsync(false);
        Assert.Contains(accepted, others);
        Assert.Contains(cancelled, others);
        Assert.DoesNotContain(implementing, others);
        var csv = await Server.Client.GetStringAsync($"/export/projects.csv?region={Server.Village.ShortCode}&overdue=true");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "is_overdue");
        Assert.True(column >= 0, lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Equal("true", l.Split(',')[column]));
    }

    private async Task<List<string>> OverdueAsync(bool overdue)
    {
        var response = await Server.PostAsync(
            "query($region: String!, $overdue: Boolean!) { projects(region: $region, overdue: $overdue, first: 100) { nodes { code isOverdue } } }",
            new { region = Server.Village.ShortCode, overdue });
        var nodes = response.Get("data", "projects", "nodes").EnumerateArray().ToList();
        Assert.All(nodes, n => Assert.Equal(overdue, n.GetProperty("isOverdue").GetBoolean()));
        return [.. nodes.Select(n => n.GetProperty("code").GetString()!)];
    }
}
