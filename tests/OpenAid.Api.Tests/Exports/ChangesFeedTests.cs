using System.Globalization;
using System.Text.Json;

namespace OpenAid.Api.Tests.Exports;

/// <summary>
/// The changes feed after real writes. These tests write, so they have a demo-data server of their own rather than the
/// shared one, whose read-only tests count records.
/// </summary>
public class ChangesFeedTests(IsolatedDemoServer server) : IClassFixture<IsolatedDemoServer>
{
    private const string Feed = "query($after: String) { changes(after: $after, first: 100) { totalCount pageInfo { hasNextPage endCursor } " +
        "nodes { sequence at entityType key id operation record { id ... on Fund { code } ... on Notice { code status } } } } }";

    [Fact]
    public async Task A_write_shows_in_the_feed_after_the_cursor_and_in_the_NDJSON_feed()
    {
        var cursor = EndCursor();
        var publisher = await TestPublisher.ForDemoCountyAsync(server);

        var fund = await publisher.CreateFundAsync();
        var changes = await ChangesAsync(cursor);

        var change = Assert.Single(changes.GetProperty("nodes").EnumerateArray());
        Assert.Equal("Fund", change.GetProperty("entityType").GetString());
        Assert.Equal("create", change.GetProperty("operation").GetString());
        Assert.Equal(fund.GetProperty("id").GetString(), change.GetProperty("id").GetString());
        Assert.Equal(fund.GetProperty("code").GetString(), change.GetProperty("record").GetProperty("code").GetString());
        Assert.False(changes.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var sequence = change.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(sequence, changes.GetProperty("pageInfo").GetProperty("endCursor").GetString());

        var lines = ExportFiles.NdjsonRows(await server.Client.GetStringAsync("export/changes.ndjson?after=" + cursor));
        var line = Assert.Single(lines);
        Assert.Equal(change.GetProperty("id").GetString(), line.GetProperty("id").GetString());
        Assert.Equal(change.GetProperty("sequence").GetInt64(), line.GetProperty("sequence").GetInt64());
        Assert.Equal("Fund", line.GetProperty("entity_type").GetString());

        // Nothing new after the last change.
        Assert.Empty((await ChangesAsync(sequence)).GetProperty("nodes").EnumerateArray());
        var history = await server.PostAsync("query($id: ID!) { history(id: $id) { sequence operation } }", new { id = fund.GetProperty("id").GetString() });
        Assert.Contains(history.Get("data", "history").EnumerateArray(), h => h.GetProperty("sequence").GetInt64() == change.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task A_draft_stays_out_of_the_feed_until_it_is_published()
    {
        var publisher = await TestPublisher.ForDemoCountyAsync(server);
        var fund = await publisher.CreateFundAsync();
        var cursor = EndCursor();

        var draft = await publisher.DraftFundNoticeAsync(fund.GetProperty("code").GetString()!);
        var afterDraft = await ChangesAsync(cursor);
        var notice = await publisher.PublishAsync(draft);
        var afterPublishing = await ChangesAsync(cursor);

        Assert.DoesNotContain(afterDraft.GetProperty("nodes").EnumerateArray(), c => c.GetProperty("entityType").GetString() == "Notice");
        var noticeChanges = afterPublishing.GetProperty("nodes").EnumerateArray().Where(c => c.GetProperty("entityType").GetString() == "Notice").ToList();
        Assert.NotEmpty(noticeChanges);
        Assert.All(noticeChanges, c => Assert.Equal(notice.GetProperty("id").GetString(), c.GetProperty("id").GetString()));
        Assert.Equal(notice.GetProperty("code").GetString(), noticeChanges[^1].GetProperty("record").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("not-a-number", "INVALID_CURSOR")]
    [InlineData("-1", "INVALID_CURSOR")]
    public async Task A_bad_cursor_is_refused(string after, string code)
    {
        var response = await server.PostAsync("query($after: String) { changes(after: $after) { totalCount } }", new { after });

        Assert.Equal([code], response.ErrorCodes);
    }

    /// <summary>
    /// The cursor after everything written so far: the newest entry's sequence, which the feed takes as a cursor (paging
    /// through the demo data's tens of thousands of changes would take minutes and test nothing more).
    /// </summary>
    private string EndCursor() =>
        PublicApi.Sql.Scalar(server.ConnectionString, "SELECT MAX(Id) FROM AuditEntries").ToString(CultureInfo.InvariantCulture);

    private async Task<JsonElement> ChangesAsync(string? after)
    {
        var response = await server.PostAsync(Feed, new { after });
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "changes");
    }
}
