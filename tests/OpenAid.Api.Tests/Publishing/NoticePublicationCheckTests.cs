using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// The Publisher's drafts and the checks before publishing (noticeDrafts, noticePublicationCheck): what the web app's
/// preview shows is what publishNotice then records, reading writes nothing, and only the draft's region reads it.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class NoticePublicationCheckTests(PublishingServer server)
{
    private const string Check = """
        query($c: String!) {
          noticePublicationCheck(notice: $c) { publishedOn onTimeUntil isLate workingDaysLate noticePeriodDays noticePeriodEndsOn notice { code status title } }
          noticeDrafts(first: 100) { nodes { code } }
        }
        """;

    private Samples Samples => server.Samples;

    [Theory]
    [InlineData(40)]
    [InlineData(3)]
    public async Task The_check_of_a_draft_is_what_publishing_it_today_records_and_reading_it_writes_nothing(int daysAgo)
    {
        var draft = await Samples.DraftAsync(decidedOn: PublishingServer.Day(PublishingServer.Today.AddDays(-daysAgo)));
        var before = await server.WatermarkAsync();

        var response = await server.GraphQLAsync(Check, new { c = draft }, Samples.Publisher);

        Assert.Empty(response.Errors);
        var check = response.Get("data", "noticePublicationCheck");
        Assert.Equal(draft, check.GetProperty("notice").GetProperty("code").GetString());
        Assert.Equal("DRAFT", check.GetProperty("notice").GetProperty("status").GetString());
        Assert.Equal(Samples.Today, check.GetProperty("publishedOn").GetString());
        Assert.Equal(10, check.GetProperty("noticePeriodDays").GetInt32());
        Assert.Equal(PublishingServer.Day(PublishingServer.Today.AddDays(10)), check.GetProperty("noticePeriodEndsOn").GetString());
        Assert.Contains(response.Get("data", "noticeDrafts", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == draft);
        Assert.Equal(before, await server.WatermarkAsync());

        var published = (await server.MutateOkAsync("publishNotice", new { notice = draft }, Samples.Publisher, "notice { isLate workingDaysLate }")).GetProperty("notice");
        Assert.Equal(daysAgo > 30, check.GetProperty("isLate").GetBoolean());
        Assert.Equal(published.GetProperty("isLate").GetBoolean(), check.GetProperty("isLate").GetBoolean());
        Assert.Equal(published.GetProperty("workingDaysLate").GetInt32(), check.GetProperty("workingDaysLate").GetInt32());
        Assert.Equal(
            check.GetProperty("isLate").GetBoolean(),
            string.CompareOrdinal(check.GetProperty("onTimeUntil").GetString(), Samples.Today) < 0);

        // Once published it is no draft any more.
        var after = await server.GraphQLAsync(Check, new { c = draft }, Samples.Publisher);
        Assert.Equal(JsonValueKind.Null, after.Get("data", "noticePublicationCheck").ValueKind);
        Assert.DoesNotContain(after.Get("data", "noticeDrafts", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == draft);
    }

    [Fact]
    public async Task A_county_draft_has_no_notice_period()
    {
        var draft = await Samples.DraftAsync(server.County);

        var check = (await server.GraphQLAsync(Check, new { c = draft }, Samples.Publisher)).Get("data", "noticePublicationCheck");

        Assert.Equal(JsonValueKind.Null, check.GetProperty("noticePeriodDays").ValueKind);
        Assert.Equal(JsonValueKind.Null, check.GetProperty("noticePeriodEndsOn").ValueKind);
    }

    [Fact]
    public async Task Drafts_are_read_only_by_a_Publisher_of_their_region()
    {
        var draft = await Samples.DraftAsync();

        var elsewhere = await server.GraphQLAsync(Check, new { c = draft }, server.Token(Roles.Publisher, server.OtherCounty));
        Assert.Empty(elsewhere.Errors);
        Assert.Equal(JsonValueKind.Null, elsewhere.Get("data", "noticePublicationCheck").ValueKind);
        Assert.DoesNotContain(elsewhere.Get("data", "noticeDrafts", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == draft);

        var anonymous = await server.GraphQLAsync(Check, new { c = draft });
        Assert.Contains("UNAUTHENTICATED", anonymous.ErrorCodes);
        Assert.DoesNotContain(draft, anonymous.Body, StringComparison.Ordinal);

        var reviewer = await server.GraphQLAsync(Check, new { c = draft }, Samples.Reviewer);
        Assert.Contains("FORBIDDEN", reviewer.ErrorCodes);
        Assert.DoesNotContain(draft, reviewer.Body, StringComparison.Ordinal);
    }
}
