using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using static OpenAid.Api.Tests.Publishing.NoticeRulesTests;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>Objections and misuse reports: who may file when, what stays private, and the reviewer's lifecycle.</summary>
[Collection(SharedPublishingServer.Name)]
public class ObjectionTests(PublishingServer server)
{
    private const string ObjectionFields = """
        id code status category description filedAt investigationStartedAt answer answeredAt answeredBy daysToRespond isOverdue
        notice { code } region { shortCode }
        """;

    private Samples Samples => server.Samples;

    [Fact]
    public async Task Anyone_may_object_anonymously_to_a_notice_during_its_notice_period()
    {
        var notice = await Samples.PublishedAsync();

        var objection = (await server.MutateOkAsync(
            "fileObjection",
            new { notice, category = "WRONG_BENEFICIARIES", description = "公示的受益户中有不符合条件的家庭。" },
            token: null,
            $"objection {{ {ObjectionFields} }}")).GetProperty("objection");

        Assert.Equal("RECEIVED", objection.GetProperty("status").GetString());
        Assert.Equal(notice, objection.GetProperty("notice").GetProperty("code").GetString());
        Assert.Equal(server.Village.ShortCode, objection.GetProperty("region").GetProperty("shortCode").GetString());
        Assert.StartsWith($"YY-{server.County.ShortCode}-", objection.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objections_to_a_notice_are_refused_after_its_notice_period_and_once_it_is_withdrawn()
    {
        // The oldest demo notice with a notice period: its period is long over.
        var ended = await server.ReadAsync(db => db.Notices
            .Where(n => n.Status == NoticeStatus.Published && n.NoticePeriodDays != null)
            .OrderBy(n => n.PublishedOn).Select(n => n.Code).FirstAsync());
        var withdrawn = await Samples.PublishedAsync();
        await server.MutateOkAsync("withdrawNotice", new { notice = withdrawn, reason = "公示撤回。" }, Samples.Publisher, Samples.Selection);
        var before = await server.WatermarkAsync();

        var late = await server.MutateAsync("fileObjection", new { notice = ended, category = "FALSE_CLAIMS", description = "有虚报冒领。" }, null, "objection { code }");
        var gone = await server.MutateAsync("fileObjection", new { notice = withdrawn, category = "FALSE_CLAIMS", description = "有虚报冒领。" }, null, "objection { code }");
        var nothing = await server.MutateAsync("fileObjection", new { category = "FALSE_CLAIMS", description = "有虚报冒领。" }, null, "objection { code }");
        var both = await server.MutateAsync("fileObjection", new { notice = ended, region = server.Village.ShortCode, category = "FALSE_CLAIMS", description = "有虚报冒领。" }, null, "objection { code }");

        AssertError(late, "NOTICE_PERIOD_ENDED", "notice");
        AssertError(gone, "NOTICE_NOT_IN_FORCE", "notice");
        AssertError(nothing, "REQUIRED", "notice");
        AssertError(both, "REGION_NOT_APPLICABLE", "region");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task A_misuse_report_may_be_filed_any_time_without_a_notice()
    {
        var objection = (await server.MutateOkAsync("fileObjection", Samples.MisuseReportInput(server.County), null, $"objection {{ {ObjectionFields} }}")).GetProperty("objection");

        Assert.Equal(JsonValueKind.Null, objection.GetProperty("notice").ValueKind);
        Assert.Equal(server.County.ShortCode, objection.GetProperty("region").GetProperty("shortCode").GetString());
    }

    [Fact]
    public async Task The_complainants_contact_never_appears_publicly_and_only_auditors_read_it()
    {
        const string name = "举报人测试甲乙";
        const string phone = "139 1234 5678";
        var filed = (await server.MutateOkAsync("fileObjection", Samples.MisuseReportInput(contactName: name, contactPhone: phone), server.Token(Roles.Donor), $"objection {{ {ObjectionFields} }}"))
            .GetProperty("objection");
        var (code, id) = (filed.GetProperty("code").GetString()!, filed.GetProperty("id").GetString()!);

        // Every public way to the objection: by code, in lists, as a node, and its audit history.
        var publicQueries = new[]
        {
            await server.GraphQLAsync($"query($c: String!) {{ objection(code: $c) {{ {ObjectionFields} }} }}", new { c = code }),
            await server.GraphQLAsync($"query($r: String) {{ objections(region: $r, first: 100) {{ nodes {{ {ObjectionFields} }} }} }}", new { r = server.County.ShortCode }),
            await server.GraphQLAsync($"query($id: ID!) {{ node(id: $id) {{ ... on Objection {{ {ObjectionFields} }} }} }}", new { id }),
            await server.GraphQLAsync("query($id: ID!) { history(id: $id) { actorRole actorOrganizationCode before after } }", new { id }),
        };
        foreach (var response in publicQueries)
        {
            Assert.True(response.Errors.Count == 0, response.ToString());
            Assert.DoesNotContain(name, response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(phone, response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(phone.Replace(" ", "", StringComparison.Ordinal), response.Body, StringComparison.Ordinal);
        }

        // The filer is not recorded either: a signed-in donor files as anonymously as anyone.
        var history = publicQueries[3].Get("data", "history")[0];
        Assert.Equal("Anonymous", history.GetProperty("actorRole").GetString());
        Assert.Equal(JsonValueKind.Null, history.GetProperty("actorOrganizationCode").ValueKind);

        const string contactQuery = "query($c: String!) { objection(code: $c) { code contact { name phone } } }";
        var anonymous = await server.GraphQLAsync(contactQuery, new { c = code });
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.DoesNotContain(name, anonymous.Body, StringComparison.Ordinal);
        foreach (var role in Roles.All.Where(r => r != Roles.Auditor))
        {
            var other = await server.GraphQLAsync(contactQuery, new { c = code }, server.Token(role));
            Assert.Equal(["FORBIDDEN"], other.ErrorCodes);
            Assert.DoesNotContain(name, other.Body, StringComparison.Ordinal);
        }

        // Auditors read it anywhere, whatever region their grant names.
        var auditor = await server.GraphQLAsync(contactQuery, new { c = code }, server.Token(Roles.Auditor, server.OtherCounty));
        Assert.True(auditor.Errors.Count == 0, auditor.ToString());
        Assert.Equal(name, auditor.Get("data", "objection", "contact", "name").GetString());
        Assert.Equal(phone, auditor.Get("data", "objection", "contact", "phone").GetString());
    }

    [Fact]
    public async Task A_reviewer_investigates_and_answers_publicly_and_the_response_time_is_public()
    {
        var code = await Samples.ObjectionAsync();
        var reviewer = Samples.Reviewer;

        var investigating = (await server.MutateOkAsync("startInvestigation", new { objection = code }, reviewer, $"objection {{ {ObjectionFields} }}")).GetProperty("objection");
        var answered = (await server.MutateOkAsync("answerObjection", new { objection = code, answer = "经核查，资金已追回并责令整改。" }, reviewer, $"objection {{ {ObjectionFields} }}")).GetProperty("objection");

        Assert.Equal("INVESTIGATING", investigating.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, investigating.GetProperty("investigationStartedAt").ValueKind);
        Assert.Equal("ANSWERED", answered.GetProperty("status").GetString());
        Assert.Equal("经核查，资金已追回并责令整改。", answered.GetProperty("answer").GetString());
        Assert.EndsWith("扶贫开发办公室 · 审核员", answered.GetProperty("answeredBy").GetString(), StringComparison.Ordinal);
        // Counted from the start of the filing day, the only time of filing kept.
        Assert.InRange(answered.GetProperty("daysToRespond").GetDouble(), 0, 1);
        Assert.False(answered.GetProperty("isOverdue").GetBoolean());

        var stats = await server.GraphQLAsync(
            "query($r: String) { objectionStats(region: $r) { region { shortCode } total received investigating answered rejected averageDaysToRespond respondedWithinDeadline overdue deadlineDays } }",
            new { r = server.County.ShortCode });
        var counts = stats.Get("data", "objectionStats");
        var expected = await server.ReadAsync(db => db.Objections.Where(o => o.RegionCode >= server.County.Code && o.RegionCode < server.County.Code + 1_000_000)
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString().ToUpperInvariant(), g => g.Count));
        Assert.Equal(expected.Values.Sum(), counts.GetProperty("total").GetInt32());
        foreach (var status in (string[])["RECEIVED", "INVESTIGATING", "ANSWERED", "REJECTED"])
        {
            Assert.Equal(expected.GetValueOrDefault(status), counts.GetProperty(status.ToLowerInvariant()).GetInt32());
        }

        Assert.True(counts.GetProperty("answered").GetInt32() >= 1);
        // The county's demo objections count too: the average is over every answer in it, ours included.
        var times = await server.ReadAsync(db => db.Objections.Where(o => o.RegionCode >= server.County.Code && o.RegionCode < server.County.Code + 1_000_000 && o.AnsweredAt != null)
            .Select(o => new { o.FiledAt, o.AnsweredAt }).ToListAsync());
        Assert.Equal(Math.Round(times.Average(t => ObjectionRules.DaysToRespond(t.FiledAt, t.AnsweredAt)!.Value), 1), counts.GetProperty("averageDaysToRespond").GetDouble());
        Assert.Equal(60, counts.GetProperty("deadlineDays").GetInt32());
        // Another county counts only its own.
        var elsewhere = await server.GraphQLAsync("query($r: String) { objectionStats(region: $r) { total } }", new { r = server.OtherCounty.ShortCode });
        var theirs = await server.ReadAsync(db => db.Objections.CountAsync(o => o.RegionCode >= server.OtherCounty.Code && o.RegionCode < server.OtherCounty.Code + 1_000_000));
        Assert.Equal(theirs, elsewhere.Get("data", "objectionStats", "total").GetInt32());
    }

    [Theory]
    [InlineData("RECEIVED", "answerObjection")]
    [InlineData("INVESTIGATING", "startInvestigation")]
    [InlineData("ANSWERED", "rejectObjection")]
    [InlineData("ANSWERED", "answerObjection")]
    public async Task Wrong_transitions_are_refused_and_write_nothing(string status, string mutation)
    {
        var code = await Samples.ObjectionAsync(status);
        object input = mutation switch
        {
            "answerObjection" => new { objection = code, answer = "答复。" },
            "rejectObjection" => new { objection = code, reason = "不予受理。" },
            _ => new { objection = code },
        };
        var before = await server.WatermarkAsync();

        AssertError(await server.MutateAsync(mutation, input, Samples.Reviewer, "objection { code }"), "INVALID_TRANSITION", "objection");

        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task A_reviewer_may_reject_with_a_public_reason()
    {
        var code = await Samples.ObjectionAsync();

        var rejected = (await server.MutateOkAsync("rejectObjection", new { objection = code, reason = "反映的问题不属于扶贫资金使用范围。" }, Samples.Reviewer, "objection { status answer answeredAt }"))
            .GetProperty("objection");

        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal("反映的问题不属于扶贫资金使用范围。", rejected.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_contact_phone_must_look_like_a_phone_number()
    {
        var before = await server.WatermarkAsync();

        AssertError(await server.MutateAsync("fileObjection", Samples.MisuseReportInput(contactPhone: "call me"), null, "objection { code }"), "INVALID_PHONE", "contactPhone");

        Assert.Equal(before, await server.WatermarkAsync());
    }
}
