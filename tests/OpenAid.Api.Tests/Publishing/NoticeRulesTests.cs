using System.Text.Json;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Notices;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>The notice rules of the brief, through the API: notice periods, lateness, corrections, withdrawals, immutability.</summary>
[Collection(SharedPublishingServer.Name)]
public class NoticeRulesTests(PublishingServer server)
{
    private const string NoticeFields = """
        code status publishedOn decidedOn noticePeriodDays noticePeriodEndsOn isLate workingDaysLate correctionReason withdrawalReason
        supersedes { code } supersededBy { code } supersessionChain { code }
        """;

    private Samples Samples => server.Samples;

    [Theory]
    [InlineData("village", 9, "NOTICE_PERIOD_TOO_SHORT")]
    [InlineData("village", null, "REQUIRED")]
    [InlineData("township", 0, "NOTICE_PERIOD_TOO_SHORT")]
    [InlineData("township", 366, "NOTICE_PERIOD_TOO_LONG")]
    [InlineData("county", 10, "NOTICE_PERIOD_NOT_APPLICABLE")]
    public async Task Notice_periods_are_at_least_ten_days_below_the_county_and_absent_above(string level, int? days, string code)
    {
        var project = await Samples.ProjectAsync();
        var before = await server.WatermarkAsync();

        var payload = await server.MutateAsync("draftNotice", Samples.NoticeInput(Place(level), period: days, projects: [project]), Samples.Publisher, "notice { code }");

        AssertError(payload, code, "noticePeriodDays");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Theory]
    [InlineData("village", 10)]
    [InlineData("township", 20)]
    [InlineData("county", null)]
    public async Task A_valid_notice_period_is_kept_and_ends_that_many_days_after_publication(string level, int? days)
    {
        var project = await Samples.ProjectAsync();
        var draft = await server.MutateOkAsync("draftNotice", Samples.NoticeInput(Place(level), period: days, projects: [project]), Samples.Publisher, "notice { code status }");
        Assert.Equal("DRAFT", draft.GetProperty("notice").GetProperty("status").GetString());
        Assert.StartsWith("CG-", draft.GetProperty("notice").GetProperty("code").GetString(), StringComparison.Ordinal);

        var notice = (await server.MutateOkAsync("publishNotice", new { notice = Code(draft) }, Samples.Publisher, $"notice {{ {NoticeFields} }}")).GetProperty("notice");

        Assert.StartsWith($"GS-{server.County.ShortCode}-{Samples.Year}-", notice.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal(Samples.Today, notice.GetProperty("publishedOn").GetString());
        Assert.Equal(days, notice.GetProperty("noticePeriodDays").ValueKind == JsonValueKind.Null ? null : notice.GetProperty("noticePeriodDays").GetInt32());
        Assert.Equal(days is { } d ? PublishingServer.Day(PublishingServer.Today.AddDays(d)) : null, notice.GetProperty("noticePeriodEndsOn").GetString());
    }

    [Fact]
    public async Task A_provisional_code_is_never_given_again_once_its_draft_is_published()
    {
        var first = await Samples.DraftAsync();
        await server.MutateOkAsync("publishNotice", new { notice = first }, Samples.Publisher, "notice { code }");

        var second = await Samples.DraftAsync();

        // Before sequences, the next draft took the highest provisional code still held, i.e. the published one's.
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_notice_published_more_than_15_working_days_after_the_decision_is_flagged_late_counting_weekends_and_holidays_out()
    {
        var decided = PublishingServer.Today.AddDays(-40);
        var draft = await Samples.DraftAsync(decidedOn: PublishingServer.Day(decided));

        var notice = (await server.MutateOkAsync("publishNotice", new { notice = draft }, Samples.Publisher, $"notice {{ {NoticeFields} }}")).GetProperty("notice");

        // Counted by hand: weekdays after the decision up to today, less the holidays the server was configured with.
        var weekdays = Days(decided).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var holidays = Days(decided).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && (PublishingServer.ConfiguredHolidays.Contains(d) || PublicHolidays.Days.Contains(d)));
        Assert.True(holidays >= 1, "the configured holidays fall within the 40 days");
        Assert.True(notice.GetProperty("isLate").GetBoolean());
        Assert.Equal(weekdays - holidays - 15, notice.GetProperty("workingDaysLate").GetInt32());

        var listed = await server.GraphQLAsync("query($r: String) { notices(region: $r, late: true, first: 100) { nodes { code workingDaysLate } } }", new { r = server.Village.ShortCode });
        Assert.Contains(listed.Get("data", "notices", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == notice.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_notice_published_within_15_working_days_is_on_time()
    {
        var draft = await Samples.DraftAsync(decidedOn: PublishingServer.Day(PublishingServer.Today.AddDays(-7)));

        var notice = (await server.MutateOkAsync("publishNotice", new { notice = draft }, Samples.Publisher, $"notice {{ {NoticeFields} }}")).GetProperty("notice");

        Assert.False(notice.GetProperty("isLate").GetBoolean());
        Assert.Equal(0, notice.GetProperty("workingDaysLate").GetInt32());
    }

    [Fact]
    public async Task A_correction_supersedes_the_notice_and_the_chain_reads_both_ways()
    {
        var first = await Samples.PublishedAsync();

        var second = (await server.MutateOkAsync("supersedeNotice", Samples.SupersedeInput(first), Samples.Publisher, $"notice {{ {NoticeFields} }}")).GetProperty("notice");
        var third = (await server.MutateOkAsync("supersedeNotice", Samples.SupersedeInput(second.GetProperty("code").GetString()!), Samples.Publisher, $"notice {{ {NoticeFields} }}")).GetProperty("notice");

        Assert.Equal("PUBLISHED", second.GetProperty("status").GetString());
        Assert.Equal(first, second.GetProperty("supersedes").GetProperty("code").GetString());
        Assert.Equal("原公示项目投资额有误，予以更正。", second.GetProperty("correctionReason").GetString());
        var old = await NoticeAsync(first);
        Assert.Equal("SUPERSEDED", old.GetProperty("status").GetString());
        Assert.Equal(second.GetProperty("code").GetString(), old.GetProperty("supersededBy").GetProperty("code").GetString());
        string[] chain = [first, second.GetProperty("code").GetString()!, third.GetProperty("code").GetString()!];
        foreach (var code in chain)
        {
            Assert.Equal(chain, (await NoticeAsync(code)).GetProperty("supersessionChain").EnumerateArray().Select(n => n.GetProperty("code").GetString()));
        }

        // The correction carries the corrected notice's subjects when none are given.
        var projects = await server.GraphQLAsync("query($c: String!) { notice(code: $c) { projects { code } } }", new { c = third.GetProperty("code").GetString() });
        Assert.Single(projects.Get("data", "notice", "projects").EnumerateArray());

        // Only the notice in force can be corrected again.
        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync("supersedeNotice", Samples.SupersedeInput(first), Samples.Publisher, "notice { code }"), "NOTICE_NOT_PUBLISHED", "notice");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task A_withdrawn_notice_stays_public_with_its_reason()
    {
        var code = await Samples.PublishedAsync();

        await server.MutateOkAsync("withdrawNotice", new { notice = code, reason = "项目已取消，公示撤回。" }, Samples.Publisher, "notice { code }");

        var notice = await NoticeAsync(code);
        Assert.Equal("WITHDRAWN", notice.GetProperty("status").GetString());
        Assert.Equal("项目已取消，公示撤回。", notice.GetProperty("withdrawalReason").GetString());
        var listed = await server.GraphQLAsync("query($r: String) { notices(region: $r, status: WITHDRAWN, first: 100) { nodes { code } } }", new { r = server.Village.ShortCode });
        Assert.Contains(listed.Get("data", "notices", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == code);

        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync("withdrawNotice", new { notice = code, reason = "再次撤回。" }, Samples.Publisher, "notice { code }"), "NOTICE_NOT_PUBLISHED", "notice");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task A_published_notice_cannot_be_edited_nor_deleted_and_a_draft_only_until_it_is_published()
    {
        var mutations = (await server.GraphQLAsync("{ __schema { mutationType { fields { name } } } }"))
            .Get("data", "__schema", "mutationType", "fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.Contains("updateDraftNotice", mutations);
        Assert.DoesNotContain(mutations, m => m.Contains("Notice", StringComparison.Ordinal)
            && (m.StartsWith("update", StringComparison.Ordinal) || m.StartsWith("edit", StringComparison.Ordinal) || m.StartsWith("delete", StringComparison.Ordinal) || m.StartsWith("remove", StringComparison.Ordinal))
            && m != "updateDraftNotice");

        var draft = await Samples.DraftAsync();
        var edit = new { notice = draft, title = "修改后的标题", body = "修改后的正文。", decidedOn = Samples.Today, noticePeriodDays = 12, localSupervisionPhone = "0776-7612318" };
        var edited = await server.MutateOkAsync("updateDraftNotice", edit, Samples.Publisher, "notice { title noticePeriodDays status }");
        Assert.Equal("修改后的标题", edited.GetProperty("notice").GetProperty("title").GetString());

        var published = (await server.MutateOkAsync("publishNotice", new { notice = draft }, Samples.Publisher, "notice { code title }")).GetProperty("notice");
        Assert.Equal("修改后的标题", published.GetProperty("title").GetString());

        var before = await server.WatermarkAsync();
        var refused = await server.MutateAsync("updateDraftNotice", edit with { notice = published.GetProperty("code").GetString()! }, Samples.Publisher, "notice { code }");
        AssertError(refused, "NOTICE_NOT_DRAFT", "notice");
        Assert.Equal(before, await server.WatermarkAsync());
        AssertError(await server.MutateAsync("publishNotice", new { notice = published.GetProperty("code").GetString() }, Samples.Publisher, "notice { code }"), "NOTICE_NOT_DRAFT", "notice");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    [Fact]
    public async Task Drafts_are_not_public()
    {
        var draft = await Samples.DraftAsync();

        var response = await server.GraphQLAsync("query($c: String!) { notice(code: $c) { code } }", new { c = draft });

        Assert.Equal(JsonValueKind.Null, response.Get("data", "notice").ValueKind);
    }

    [Fact]
    public async Task Fund_and_project_notices_name_their_subjects_within_or_above_their_region()
    {
        var before = await server.WatermarkAsync();
        AssertError(await server.MutateAsync("draftNotice", Samples.NoticeInput(server.County, "FUND", period: null), Samples.Publisher, "notice { code }"), "SUBJECT_REQUIRED", "funds");
        AssertError(await server.MutateAsync("draftNotice", Samples.NoticeInput(server.County, "FUND", period: null, funds: ["ZJ-000000-1999-0001"]), Samples.Publisher, "notice { code }"), "NOT_FOUND", "funds");
        Assert.Equal(before, await server.WatermarkAsync());

        // A village notice may report the county fund that pays for the village's project.
        var fund = await Samples.FundAsync();
        var notice = await server.MutateOkAsync("draftNotice", Samples.NoticeInput(server.Village, "FUND", funds: [fund]), Samples.Publisher, "notice { funds { code } }");
        Assert.Equal(fund, notice.GetProperty("notice").GetProperty("funds")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("13812345678", "PERSONAL_DATA")]
    [InlineData("not a number", "INVALID_PHONE")]
    [InlineData("", "REQUIRED")]
    public async Task The_local_supervision_number_is_an_office_line(string phone, string code)
    {
        var project = await Samples.ProjectAsync();
        var input = Samples.NoticeInput(server.Village, projects: [project]);
        var before = await server.WatermarkAsync();

        var payload = await server.MutateAsync("draftNotice", With(input, "localSupervisionPhone", phone), Samples.Publisher, "notice { code }");

        AssertError(payload, code, "localSupervisionPhone");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    private Place Place(string level) => level switch
    {
        "village" => server.Village,
        "township" => server.Township,
        _ => server.County,
    };

    private async Task<JsonElement> NoticeAsync(string code)
    {
        var response = await server.GraphQLAsync($"query($c: String!) {{ notice(code: $c) {{ {NoticeFields} }} }}", new { c = code });
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "notice");
    }

    private static IEnumerable<DateOnly> Days(DateOnly after)
    {
        for (var day = after.AddDays(1); day <= PublishingServer.Today; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static string Code(JsonElement payload) => payload.GetProperty("notice").GetProperty("code").GetString()!;

    internal static void AssertError(JsonElement payload, string code, string? field)
    {
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count == 1, $"expected one {code} error, got {payload}");
        Assert.Equal(code, errors[0].GetProperty("code").GetString());
        Assert.Equal(field, errors[0].GetProperty("field").GetString());
        Assert.All(payload.EnumerateObject().Where(p => p.Name is not ("errors" or "__typename")), result => Assert.Equal(JsonValueKind.Null, result.Value.ValueKind));
    }

    /// <summary>The input with one property replaced, for inputs built as anonymous objects.</summary>
    internal static Dictionary<string, object?> With(object input, string property, object? value)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(input))!;
        copy[property] = value;
        return copy;
    }
}
