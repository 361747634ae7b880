using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The service has one clock, the host's TimeProvider: publication dates, notice periods, audit times and dataAsOf all
/// follow it, so a test can move time instead of waiting for it.
/// </summary>
public sealed class ClockTests : IAsyncLifetime
{
    // Starts at the real time: the local signer's tokens are dated by the real clock.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PublishingServer _server;

    public ClockTests() => _server = new PublishingServer(_clock);

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Dates_periods_audit_times_and_data_as_of_follow_the_injected_clock_as_it_moves()
    {
        _clock.Advance(TimeSpan.FromDays(3));
        var today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var samples = _server.Samples;
        var project = (await _server.MutateOkAsync(
                "createProject",
                samples.ProjectInput(plannedStart: ApiServer.Day(today), plannedEnd: ApiServer.Day(today.AddMonths(6))),
                samples.Publisher,
                "project { code }"))
            .GetProperty("project").GetProperty("code").GetString()!;
        var draft = await _server.MutateOkAsync(
            "draftNotice", Samples.NoticeInput(_server.Village, period: 10, decidedOn: ApiServer.Day(today.AddDays(-2)), projects: [project]), samples.Publisher, "notice { code }");

        var notice = (await _server.MutateOkAsync(
                "publishNotice", new { notice = draft.GetProperty("notice").GetProperty("code").GetString() }, samples.Publisher, "notice { id code publishedOn noticePeriodEndsOn }"))
            .GetProperty("notice");

        Assert.Equal(ApiServer.Day(today), notice.GetProperty("publishedOn").GetString());
        Assert.Equal(ApiServer.Day(today.AddDays(10)), notice.GetProperty("noticePeriodEndsOn").GetString());
        var read = await _server.GraphQLAsync("query($id: ID!) { dataAsOf history(id: $id) { at } }", new { id = notice.GetProperty("id").GetString() });
        Assert.Equal(_clock.GetUtcNow(), DateTimeOffset.Parse(read.Get("data", "dataAsOf").GetString()!, CultureInfo.InvariantCulture));
        Assert.All(read.Get("data", "history").EnumerateArray(), e => Assert.Equal(_clock.GetUtcNow(), DateTimeOffset.Parse(e.GetProperty("at").GetString()!, CultureInfo.InvariantCulture)));

        var code = notice.GetProperty("code").GetString();
        var objection = new { notice = code, category = "FALSE_CLAIMS", description = "公示名单与实际不符。" };
        await _server.MutateOkAsync("fileObjection", objection, null, "objection { code }");
        _clock.Advance(TimeSpan.FromDays(11));
        var late = await _server.MutateAsync("fileObjection", objection, null, "objection { code }");

        Assert.Equal("NOTICE_PERIOD_ENDED", late.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
