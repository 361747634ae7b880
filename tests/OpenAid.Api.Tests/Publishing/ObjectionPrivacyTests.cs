using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Marketplace;
using static OpenAid.Api.Tests.Publishing.NoticeRulesTests;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// Complainants protected: the contact reaches the investigator and every read of it is logged for auditors; the time
/// of filing is public by the day only; an abusive description can be hidden without the trail republishing it.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class ObjectionPrivacyTests(PublishingServer server)
{
    private const string ContactQuery = "query($c: String!) { objection(code: $c) { code contact { name phone } } }";
    private const string ReadsQuery = "query($c: String) { contactReads(objection: $c, first: 100) { totalCount nodes { objectionCode at actorSubject actorRole actorOrganizationCode } } }";

    private Samples Samples => server.Samples;

    [Fact]
    public async Task The_reviewer_of_the_region_reads_the_contact_while_investigating_and_every_read_is_logged_for_auditors()
    {
        const string name = "调查联系人丙丁";
        var code = (await server.MutateOkAsync("fileObjection", Samples.MisuseReportInput(contactName: name, contactPhone: "0776-7612345"), null, "objection { code }"))
            .GetProperty("objection").GetProperty("code").GetString()!;
        var reviewer = server.Token(Roles.Reviewer);

        // Received: not yet the investigator's.
        Assert.Equal(["FORBIDDEN"], (await server.GraphQLAsync(ContactQuery, new { c = code }, reviewer)).ErrorCodes);

        await server.MutateOkAsync("startInvestigation", new { objection = code }, reviewer, "objection { code }");
        var investigator = await server.GraphQLAsync(ContactQuery, new { c = code }, reviewer);
        var elsewhere = await server.GraphQLAsync(ContactQuery, new { c = code }, server.Token(Roles.Reviewer, server.OtherCounty));
        var auditor = await server.GraphQLAsync(ContactQuery, new { c = code }, server.Token(Roles.Auditor, server.OtherCounty));

        Assert.True(investigator.Errors.Count == 0, investigator.ToString());
        Assert.Equal(name, investigator.Get("data", "objection", "contact", "name").GetString());
        Assert.Equal(["FORBIDDEN"], elsewhere.ErrorCodes);
        Assert.DoesNotContain(name, elsewhere.Body, StringComparison.Ordinal);
        Assert.Equal(name, auditor.Get("data", "objection", "contact", "name").GetString());

        // Who, in which role, which objection: the two reads that returned the contact, newest first.
        var reads = await server.GraphQLAsync(ReadsQuery, new { c = code }, server.Token(Roles.Auditor));
        Assert.True(reads.Errors.Count == 0, reads.ToString());
        var log = reads.Get("data", "contactReads");
        Assert.Equal(2, log.GetProperty("totalCount").GetInt32());
        var (auditorRead, reviewerRead) = (log.GetProperty("nodes")[0], log.GetProperty("nodes")[1]);
        Assert.Equal((code, "Auditor", $"test-auditor-{server.OtherCounty.ShortCode}"), (auditorRead.Text("objectionCode"), auditorRead.Text("actorRole"), auditorRead.Text("actorSubject")));
        Assert.Equal((code, "Reviewer", $"test-reviewer-{server.County.ShortCode}", server.Office), (reviewerRead.Text("objectionCode"), reviewerRead.Text("actorRole"), reviewerRead.Text("actorSubject"), reviewerRead.Text("actorOrganizationCode")));
        Assert.True(DateTimeOffset.Parse(reviewerRead.Text("at"), CultureInfo.InvariantCulture) <= DateTimeOffset.Parse(auditorRead.Text("at"), CultureInfo.InvariantCulture));

        // Once answered, the investigation is over: the reviewer no longer reads it.
        await server.MutateOkAsync("answerObjection", new { objection = code, answer = "经核查，已责令整改。" }, reviewer, "objection { code }");
        Assert.Equal(["FORBIDDEN"], (await server.GraphQLAsync(ContactQuery, new { c = code }, reviewer)).ErrorCodes);
    }

    [Fact]
    public async Task Only_auditors_list_the_contact_reads()
    {
        Assert.Equal(["UNAUTHENTICATED"], (await server.GraphQLAsync(ReadsQuery, new { c = (string?)null })).ErrorCodes);
        foreach (var role in Roles.All.Where(r => r != Roles.Auditor))
        {
            var refused = await server.GraphQLAsync(ReadsQuery, new { c = (string?)null }, server.Token(role));
            Assert.Equal(["FORBIDDEN"], refused.ErrorCodes);
        }
    }

    [Fact]
    public async Task An_objection_is_public_by_the_day_of_filing_only_in_its_record_its_history_and_the_changes_feed()
    {
        var filed = (await server.MutateOkAsync("fileObjection", Samples.MisuseReportInput(), null, "objection { id code filedAt }")).GetProperty("objection");
        var id = filed.Text("id");

        Assert.Equal(PublishingServer.Day(PublishingServer.Today), filed.Text("filedAt"));
        var history = (await server.GraphQLAsync("query($id: ID!) { history(id: $id) { sequence at after } }", new { id })).Get("data", "history")[0];
        var midnight = TimeProvider.System.StartOfToday();
        Assert.Equal(midnight, DateTimeOffset.Parse(history.Text("at"), CultureInfo.InvariantCulture));
        var recorded = JsonDocument.Parse(history.Text("after")).RootElement.GetProperty("FiledAt").GetString()!;
        Assert.Equal(midnight, DateTimeOffset.Parse(recorded, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_regions_reviewer_hides_an_abusive_description_with_a_public_reason_and_the_trail_keeps_only_its_digest()
    {
        const string abuse = "乡长张某某是个十足的混蛋骗子无耻之徒";
        var code = (await server.MutateOkAsync("fileObjection", new { region = server.Village.ShortCode, category = "OTHER", description = abuse }, null, "objection { code }"))
            .GetProperty("objection").GetProperty("code").GetString()!;
        var elsewhere = await server.SendMutationAsync("hideObjectionDescription", new { objection = code, reason = "含有侮辱性内容。" }, server.Token(Roles.Reviewer, server.OtherCounty), "objection { code }");
        Assert.Equal(["FORBIDDEN"], elsewhere.ErrorCodes);

        var hidden = (await server.MutateOkAsync(
            "hideObjectionDescription", new { objection = code, reason = "含有侮辱性内容，已隐藏。" }, Samples.Reviewer,
            "objection { id description descriptionHiddenReason descriptionHiddenBy descriptionHiddenAt }")).GetProperty("objection");

        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("description").ValueKind);
        Assert.Equal("含有侮辱性内容，已隐藏。", hidden.Text("descriptionHiddenReason"));
        Assert.EndsWith("· 审核员", hidden.Text("descriptionHiddenBy"), StringComparison.Ordinal);
        var publicViews = new[]
        {
            await server.GraphQLAsync("query($c: String!) { objection(code: $c) { description descriptionHiddenReason } }", new { c = code }),
            await server.GraphQLAsync("query($r: String) { objections(region: $r, first: 100) { nodes { description } } }", new { r = server.Village.ShortCode }),
            await server.GraphQLAsync("query($id: ID!) { history(id: $id) { before after } }", new { id = hidden.Text("id") }),
        };
        foreach (var response in publicViews)
        {
            Assert.True(response.Errors.Count == 0, response.ToString());
            Assert.DoesNotContain(abuse, response.Body, StringComparison.Ordinal);
        }

        // The text stays in the restricted record, and the trail still proves what was filed.
        Assert.Equal(abuse, await server.ReadAsync(db => db.Objections.Where(o => o.Code == code).Select(o => o.Description).SingleAsync()));
        var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(abuse)));
        Assert.Contains(digest, publicViews[2].Body, StringComparison.Ordinal);
        AssertError(await server.MutateAsync("hideObjectionDescription", new { objection = code, reason = "再次。" }, Samples.Reviewer, "objection { code }"), "INVALID_TRANSITION", "objection");
    }
}
