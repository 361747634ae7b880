using System.Text.Json;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>What an objection's answer changed, over HTTP: its rules, the correcting notice's place, and the public aggregate per region and year.</summary>
[Collection(SharedPublishingServer.Name)]
public class ObjectionOutcomeTests(PublishingServer server)
{
    private const string Selection = "objection { status finding moneyRecovered { fen } measures correctingNotice { code } }";

    private const string OutcomesQuery = "query($region: String, $year: Int) { objectionOutcomes(region: $region, year: $year) { answered upheld partlyUpheld notUpheld noFinding moneyRecovered { fen } withCorrectingNotice measures { measure count } } }";

    private Samples Samples => server.Samples;

    private static object Answer(string objection, string? finding, long moneyRecoveredFen = 0, string[]? measures = null, string? correctingNotice = null) => new
    {
        objection, answer = "经核查，反映情况属实，已整改并追回资金。", finding, moneyRecoveredFen, measures, correctingNotice,
    };

    private async Task<JsonElement> OutcomesAsync() =>
        (await server.GraphQLAsync(OutcomesQuery, new { region = server.Village.ShortCode, year = PublishingServer.Today.Year })).Get("data", "objectionOutcomes");

    private static Dictionary<string, long> Counts(JsonElement outcomes) =>
        new[] { "answered", "upheld", "partlyUpheld", "notUpheld", "noFinding", "withCorrectingNotice" }.ToDictionary(f => f, f => (long)outcomes.GetProperty(f).GetInt32())
            .Concat(outcomes.GetProperty("measures").EnumerateArray().Select(m => KeyValuePair.Create(m.GetProperty("measure").GetString()!, (long)m.GetProperty("count").GetInt32())))
            .Append(KeyValuePair.Create("moneyRecovered", outcomes.GetProperty("moneyRecovered").GetProperty("fen").GetInt64()))
            .ToDictionary();

    [Fact]
    public async Task An_upheld_answer_records_what_it_changed_publicly_and_the_region_counts_it()
    {
        var before = Counts(await OutcomesAsync());
        var correction = await Samples.PublishedAsync();
        var upheld = await Samples.ObjectionAsync("INVESTIGATING");
        await server.MutateOkAsync("answerObjection", Answer(upheld, "UPHELD", 250_000, ["REFERRAL", "RECOVERY"], correction), Samples.Reviewer, Selection);
        var partly = await Samples.ObjectionAsync("INVESTIGATING");
        await server.MutateOkAsync("answerObjection", Answer(partly, "PARTLY_UPHELD", measures: ["CORRECTION"]), Samples.Reviewer, Selection);
        var notUpheld = await Samples.ObjectionAsync("INVESTIGATING");
        await server.MutateOkAsync("answerObjection", Answer(notUpheld, "NOT_UPHELD"), Samples.Reviewer, Selection);

        // Anyone reads the outcome on the objection.
        var read = (await server.GraphQLAsync("query($code: String!) { objection(code: $code) { finding moneyRecovered { fen yuan } measures correctingNotice { code } } }", new { code = upheld }))
            .Get("data", "objection");
        Assert.Equal("UPHELD", read.GetProperty("finding").GetString());
        Assert.Equal("2500.00", read.GetProperty("moneyRecovered").GetProperty("yuan").GetString());
        Assert.Equal(["RECOVERY", "REFERRAL"], read.GetProperty("measures").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(correction, read.GetProperty("correctingNotice").GetProperty("code").GetString());

        var after = Counts(await OutcomesAsync());
        var delta = after.ToDictionary(p => p.Key, p => p.Value - before[p.Key]);
        Assert.Equal(3, delta["answered"]);
        Assert.Equal((1, 1, 1, 0), (delta["upheld"], delta["partlyUpheld"], delta["notUpheld"], delta["noFinding"]));
        Assert.Equal((250_000, 1), (delta["moneyRecovered"], delta["withCorrectingNotice"]));
        Assert.Equal((1, 1, 0, 1), (delta["CORRECTION"], delta["RECOVERY"], delta["DISCIPLINARY_ACTION"], delta["REFERRAL"]));

        // Another year's answers are not counted in this one.
        var lastYear = (await server.GraphQLAsync(OutcomesQuery, new { region = server.Village.ShortCode, year = 2001 })).Get("data", "objectionOutcomes");
        Assert.Equal(0, lastYear.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task An_outcome_follows_only_from_an_upheld_finding_and_recovery_goes_with_money()
    {
        var objection = await Samples.ObjectionAsync("INVESTIGATING");
        NoticeRulesTests.AssertError(await server.MutateAsync("answerObjection", Answer(objection, "NOT_UPHELD", measures: ["CORRECTION"]), Samples.Reviewer, Selection), "OUTCOME_NOT_APPLICABLE", "finding");
        NoticeRulesTests.AssertError(await server.MutateAsync("answerObjection", Answer(objection, null, 100, ["RECOVERY"]), Samples.Reviewer, Selection), "OUTCOME_NOT_APPLICABLE", "finding");
        NoticeRulesTests.AssertError(await server.MutateAsync("answerObjection", Answer(objection, "UPHELD", 100, ["CORRECTION"]), Samples.Reviewer, Selection), "RECOVERY_MISMATCH", "moneyRecoveredFen");
        NoticeRulesTests.AssertError(await server.MutateAsync("answerObjection", Answer(objection, "UPHELD", measures: ["RECOVERY"]), Samples.Reviewer, Selection), "RECOVERY_MISMATCH", "moneyRecoveredFen");
        NoticeRulesTests.AssertError(await server.MutateAsync("answerObjection", Answer(objection, "UPHELD", correctingNotice: await Samples.DraftAsync()), Samples.Reviewer, Selection), "NOT_FOUND", "correctingNotice");

        var withdrawn = await Samples.PublishedAsync();
        await server.MutateOkAsync("withdrawNotice", new { notice = withdrawn, reason = "项目已取消。" }, Samples.Publisher);
        NoticeRulesTests.AssertError(await server.MutateAsync("answerObjection", Answer(objection, "UPHELD", correctingNotice: withdrawn), Samples.Reviewer, Selection), "CORRECTING_NOTICE_NOT_PUBLISHED", "correctingNotice");

        // Nothing was answered by the refusals.
        var status = (await server.GraphQLAsync("query($code: String!) { objection(code: $code) { status measures } }", new { code = objection })).Get("data", "objection");
        Assert.Equal("INVESTIGATING", status.GetProperty("status").GetString());
        Assert.Empty(status.GetProperty("measures").EnumerateArray());
    }

    [Fact]
    public async Task A_correcting_notice_of_a_foreign_region_is_refused()
    {
        var other = server.Token(Roles.Publisher, server.OtherCounty);
        var input = JsonSerializer.SerializeToNode(Samples.ProjectInput(server.OtherCounty))!.AsObject();
        input["implementingOrganization"] = server.OtherOffice;
        var project = (await server.MutateOkAsync("createProject", input, other, "project { code }")).GetProperty("project").GetProperty("code").GetString()!;
        var draft = (await server.MutateOkAsync("draftNotice", Samples.NoticeInput(server.OtherCounty, period: null, projects: [project]), other, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;
        var foreign = (await server.MutateOkAsync("publishNotice", new { notice = draft }, other, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;

        var objection = await Samples.ObjectionAsync("INVESTIGATING");
        NoticeRulesTests.AssertError(
            await server.MutateAsync("answerObjection", Answer(objection, "UPHELD", measures: ["CORRECTION"], correctingNotice: foreign), Samples.Reviewer, Selection),
            "CORRECTING_NOTICE_ELSEWHERE", "correctingNotice");
    }
}
