using System.Globalization;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The service has one clock, the host's TimeProvider: publication dates, notice periods, audit times and dataAsOf all
/// follow it, so a test can move time instead of waiting for it.
/// </summary>
public sealed class ClockTests() : ClockedServerTests<PublishingServer>(clock => new PublishingServer(clock))
{
    [Fact]
    public async Task Dates_periods_audit_times_and_data_as_of_follow_the_injectedClock_as_it_moves()
    {
        Clock.Advance(TimeSpan.FromDays(3));
        var today = Clock.Today();
        var samples = Server.Samples;
        var project = (await Server.MutateOkAsync(
                "createProject",
                samples.ProjectInput(plannedStart: ApiServer.Day(today), plannedEnd: ApiServer.Day(today.AddMonths(6))),
                samples.Publisher,
                "project { code }"))
            .GetProperty("project").GetProperty("code").GetString()!;
        var draft = await Server.MutateOkAsync(
            "draftNotice", Samples.NoticeInput(Server.Village, period: 10, decidedOn: ApiServer.Day(today.AddDays(-2)), projects: [project]), samples.Publisher, "notice { code }");

        var notice = (await Server.MutateOkAsync(
                "publishNotice", new { notice = draft.GetProperty("notice").GetProperty("code").GetString() }, samples.Publisher, "notice { id code publishedOn noticePeriodEndsOn }"))
            .GetProperty("notice");

        Assert.Equal(ApiServer.Day(today), notice.GetProperty("publishedOn").GetString());
        Assert.Equal(ApiServer.Day(today.AddDays(10)), notice.GetProperty("noticePeriodEndsOn").GetString());
        var read = await Server.GraphQLAsync("query($id: ID!) { dataAsOf history(id: $id) { at } }", new { id = notice.GetProperty("id").GetString() });
        Assert.Equal(Clock.GetUtcNow(), DateTimeOffset.Parse(read.Get("data", "dataAsOf").GetString()!, CultureInfo.InvariantCulture));
        Assert.All(read.Get("data", "history").EnumerateArray(), e => Assert.Equal(Clock.GetUtcNow(), DateTimeOffset.Parse(e.GetProperty("at").GetString()!, CultureInfo.InvariantCulture)));

        var code = notice.GetProperty("code").GetString();
        var objection = new { notice = code, category = "FALSE_CLAIMS", description = "公示名单与实际不符。" };
        await Server.MutateOkAsync("fileObjection", objection, null, "objection { code }");
        Clock.Advance(TimeSpan.FromDays(11));
        var late = await Server.MutateAsync("fileObjection", objection, null, "objection { code }");

        Assert.Equal("NOTICE_PERIOD_ENDED", late.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_objection_filed_on_New_Years_Day_in_Beijing_counts_in_the_new_year_while_it_is_still_the_old_one_in_UTC()
    {
        var now = Clock.GetUtcNow();
        var newYear = new DateTimeOffset(now.Year + 1, 1, 1, 1, 0, 0, OpenAid.Domain.Common.Clock.RecordsOffset);
        Clock.Advance(newYear - now);

        var code = await Server.Samples.ObjectionAsync();
        var stats = await Server.GraphQLAsync(
            "query($r: String, $year: Int) { objectionStats(region: $r, year: $year) { total } }",
            new { r = Server.County.ShortCode, year = newYear.Year });

        Assert.Equal(now.Year, Clock.GetUtcNow().UtcDateTime.Year);
        Assert.Contains($"-{newYear.Year}-", code, StringComparison.Ordinal);
        Assert.Equal(1, stats.Get("data", "objectionStats", "total").GetInt32());
    }
}
