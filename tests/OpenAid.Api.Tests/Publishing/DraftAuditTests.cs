using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Exports;
using OpenAid.Api.Tests.Marketplace;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// Drafts stay private: what was written while a notice was a draft (or a need under review) is restricted, held in the
/// public trail by its digest only and read in full by Auditors; the public history starts at publication with one
/// entry holding the published state, whose published fields anyone can recompute to its hash.
/// </summary>
[Collection(SharedPublishingServer.Name)]
public class DraftAuditTests(PublishingServer server)
{
    private const string EntryFields = "sequence operation visibility entityType entityKey before after previousHash hash contentDigest fields { name salt value digest redaction }";

    [Fact]
    public async Task A_notice_edited_twice_as_a_draft_starts_its_public_history_at_publication()
    {
        var head = await HeadAsync();
        var counted = await ChangeCountAsync();
        var samples = server.Samples;
        var project = await samples.ProjectAsync(region: server.Village);
        var afterProject = await HeadAsync();
        var input = Samples.NoticeInput(server.Village, "PROJECT", 10, projects: [project]);
        var draft = (await server.MutateOkAsync("draftNotice", input, samples.Publisher, "notice { id code }")).GetProperty("notice");
        var id = draft.Text("id");
        var firstTitle = JsonSerializer.SerializeToElement(input).Text("title");
        foreach (var edit in (string[])["（第一次修改）", "（第二次修改）"])
        {
            await server.MutateOkAsync("updateDraftNotice", new
            {
                notice = draft.Text("code"), title = "关于项目安排的公示" + edit, body = "经研究，拟安排以下项目，现予公示。" + edit,
                decidedOn = Samples.Today, noticePeriodDays = 10, localSupervisionPhone = "0776-7612317",
            }, samples.Publisher);
        }

        var beforePublishing = await HeadAsync();
        var published = (await server.MutateOkAsync("publishNotice", new { notice = draft.Text("code") }, samples.Publisher, "notice { id code title }")).GetProperty("notice");
        Assert.Equal(id, published.Text("id"));

        // The public history: one publish entry, the published state, nothing from the draft.
        var history = await HistoryAsync(id);
        var entry = Assert.Single(history);
        Assert.Equal("publish", entry.Text("operation"));
        Assert.Equal("public", entry.Text("visibility"));
        Assert.True(entry.GetProperty("sequence").GetInt64() > beforePublishing);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
        var after = JsonDocument.Parse(entry.Text("after")).RootElement;
        Assert.Equal("Published", after.Text("Status"));
        Assert.Equal("关于项目安排的公示（第二次修改）", after.Text("Title"));
        Assert.Equal(published.Text("code"), after.Text("Code"));
        var names = entry.GetProperty("fields").EnumerateArray().Select(f => f.Text("name")).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("before.", StringComparison.Ordinal));
        Assert.Contains("after.Title", names);

        // The draft's three entries are restricted, and the Auditor reads them in full.
        var restricted = await RestrictedAsync(id, server.Token(Roles.Auditor));
        Assert.Equal(["create", "update", "update"], restricted.Select(e => e.Text("operation")));
        Assert.All(restricted, e => Assert.Equal("restricted", e.Text("visibility")));
        Assert.Equal(firstTitle, JsonDocument.Parse(restricted[0].Text("after")).RootElement.Text("Title"));
        Assert.Equal("关于项目安排的公示（第一次修改）", JsonDocument.Parse(restricted[2].Text("before")).RootElement.Text("Title"));
        Assert.All(restricted, e => Assert.True(e.GetProperty("sequence").GetInt64() > afterProject && e.GetProperty("sequence").GetInt64() <= beforePublishing));

        // Not in the changes feed, neither in GraphQL nor in its NDJSON export: the notice shows once, as its publication.
        var changes = await ChangesAsync(head);
        var noticeChanges = changes.Where(c => c.Text("id") == id).ToList();
        Assert.Equal(["publish"], noticeChanges.Select(c => c.Text("operation")));
        var exported = ExportFiles.NdjsonRows(await server.Client.GetStringAsync($"export/changes.ndjson?after={head}"));
        Assert.Equal(["publish"], exported.Where(c => c.Text("id") == id).Select(c => c.Text("operation")));
        Assert.Equal(counted + 2, await ChangeCountAsync()); // the project's create and the notice's publish

        // In the audit export every entry is there: the draft's by their digest only, the publication in full.
        var lines = await AuditLinesAsync(head);
        foreach (var sequence in restricted.Select(e => e.GetProperty("sequence").GetInt64()))
        {
            var line = lines[sequence];
            Assert.Equal("restricted", line.Text("visibility"));
            Assert.False(line.TryGetProperty("fields", out _));
            Assert.Equal(restricted.Single(e => e.GetProperty("sequence").GetInt64() == sequence).Text("contentDigest"), line.Text("contentDigest"));
            Assert.Equal(line.Text("hash"), AuditEncoding.EntryHash(sequence, line.Text("previousHash"), "restricted", line.Text("contentDigest")));
            Assert.DoesNotContain("公示", line.GetRawText(), StringComparison.Ordinal);
        }

        var publication = lines[entry.GetProperty("sequence").GetInt64()];
        Assert.Equal("public", publication.Text("visibility"));
        Assert.Contains(publication.GetProperty("fields").EnumerateArray(), f => f.Text("name") == "after.Title" && f.Text("value") == "关于项目安排的公示（第二次修改）");

        // The link to the project was drafted with the notice: restricted then (every entry of the draft's writes is), published with it.
        Assert.All(lines.Values.Where(l => l.GetProperty("sequence").GetInt64() > afterProject && l.GetProperty("sequence").GetInt64() <= beforePublishing),
            l => Assert.Equal("restricted", l.Text("visibility")));
        Assert.Equal(restricted.Count + 1, lines.Keys.Count(s => s > afterProject && s <= beforePublishing));
        var link = Assert.Single(lines.Values, l => l.Text("visibility") == "public" && Field(l, "entity.type") == "NoticeProject");
        Assert.Equal("publish", Field(link, "operation"));
        Assert.True(link.GetProperty("sequence").GetInt64() > beforePublishing);
    }

    private static string? Field(JsonElement line, string name) =>
        line.GetProperty("fields").EnumerateArray().Single(f => f.Text("name") == name).GetProperty("value").GetString();

    [Fact]
    public async Task A_need_is_public_from_its_approval_and_its_registration_and_submission_are_restricted()
    {
        var head = await HeadAsync();
        var samples = server.Samples;
        var need = (await server.MutateOkAsync("registerNeed", new
        {
            region = server.Village.ShortCode, category = "EDUCATION", title = $"贫困家庭学生助学金（测试{Samples.Unique()}）",
            description = "资助本村12名贫困家庭在校学生。", amountFen = 1_000_000, deadline = PublishingServer.Day(PublishingServer.Today.AddDays(60)),
            priority = "NORMAL", submit = false,
        }, samples.Publisher, "need { id code }")).GetProperty("need");
        var id = need.Text("id");
        await server.MutateOkAsync("submitNeed", new { need = need.Text("code") }, samples.Publisher);
        Assert.Empty(await HistoryAsync(id));

        var reviewer = server.MintToken([Roles.Reviewer], server.County.ShortCode, server.Office, "李明", "test-reviewer-drafts");
        await server.MutateOkAsync("reviewNeed", new { need = need.Text("code"), decision = "APPROVE" }, reviewer);

        var entry = Assert.Single(await HistoryAsync(id));
        Assert.Equal("publish", entry.Text("operation"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
        Assert.Equal("Open", JsonDocument.Parse(entry.Text("after")).RootElement.Text("Status"));
        var restricted = await RestrictedAsync(id, server.Token(Roles.Auditor));
        Assert.Equal(["create", "update"], restricted.Select(e => e.Text("operation")));
        Assert.Equal("PendingReview", JsonDocument.Parse(restricted[1].Text("after")).RootElement.Text("Status"));
        Assert.Equal(["publish"], (await ChangesAsync(head)).Where(c => c.Text("id") == id).Select(c => c.Text("operation")));
        var lines = await AuditLinesAsync(head);
        Assert.All(restricted, e => Assert.Equal(["sequence", "previousHash", "hash", "visibility", "contentDigest"], lines[e.GetProperty("sequence").GetInt64()].EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData(null, "UNAUTHENTICATED")]
    [InlineData(Roles.Publisher, "FORBIDDEN")]
    [InlineData(Roles.Reviewer, "FORBIDDEN")]
    public async Task Restricted_entries_are_refused_to_everyone_but_Auditors(string? role, string code)
    {
        var response = await server.GraphQLAsync("{ restrictedAuditEntries(first: 5) { totalCount nodes { sequence after } } }", token: role is null ? null : server.Token(role));

        Assert.Equal([code], response.ErrorCodes);
        Assert.DoesNotContain("\"after\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_entry_s_fields_recompute_to_its_hash_digest_by_digest()
    {
        var project = (await server.MutateOkAsync("createProject", server.Samples.ProjectInput(), server.Samples.Publisher, "project { id }")).GetProperty("project");

        // A project is public from the library on: its creation is a public create.
        var entry = Assert.Single(await HistoryAsync(project.Text("id")));
        Assert.Equal("create", entry.Text("operation"));
        var fields = entry.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(fields.Select(f => f.Text("name")).Order(StringComparer.Ordinal), fields.Select(f => f.Text("name")));
        Assert.All(fields, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("digest").ValueKind));
        var digests = fields.Select(f => (f.Text("name"), AuditEncoding.FieldDigest(f.Text("salt"), f.Text("name"), f.GetProperty("value").GetString()))).ToList();
        var content = AuditEncoding.ContentDigest(digests);

        Assert.Equal(entry.Text("contentDigest"), content);
        Assert.Equal(entry.Text("hash"), AuditEncoding.EntryHash(entry.GetProperty("sequence").GetInt64(), entry.Text("previousHash"), "public", content));
        Assert.Contains(fields, f => f.Text("name") == "actor.role" && f.Text("value") == Roles.Publisher);
        Assert.Contains(fields, f => f.Text("name") == "after.BudgetFen" && f.Text("value") == "500000");

        // The export's line carries the same fields.
        var line = (await AuditLinesAsync(entry.GetProperty("sequence").GetInt64() - 1))[entry.GetProperty("sequence").GetInt64()];
        Assert.Equal(
            fields.Select(f => (f.Text("name"), f.Text("salt"), f.GetProperty("value").GetString())),
            line.GetProperty("fields").EnumerateArray().Select(f => (f.Text("name"), f.Text("salt"), f.GetProperty("value").GetString())));
    }

    [Theory]
    [InlineData("after=abc")]
    [InlineData("after=-1")]
    [InlineData("after=1&after=2")]
    [InlineData("from=3")]
    public async Task A_bad_after_is_refused(string query)
    {
        var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "export/audit.ndjson?" + query));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["INVALID_ARGUMENT"], response.ErrorCodes);
    }

    private Task<long> HeadAsync() => server.ReadAsync(async db => await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0);

    private async Task<List<JsonElement>> HistoryAsync(string id)
    {
        var response = await server.GraphQLAsync($"query($id: ID!) {{ history(id: $id) {{ {EntryFields} }} }}", new { id });
        Assert.True(response.Errors.Count == 0, response.ToString());
        return [.. response.Get("data", "history").EnumerateArray()];
    }

    private async Task<List<JsonElement>> RestrictedAsync(string id, string token)
    {
        var response = await server.GraphQLAsync($"query($id: ID) {{ restrictedAuditEntries(id: $id, first: 100) {{ totalCount nodes {{ {EntryFields} }} }} }}", new { id }, token);
        Assert.True(response.Errors.Count == 0, response.ToString());
        return [.. response.Get("data", "restrictedAuditEntries", "nodes").EnumerateArray()];
    }

    private async Task<List<JsonElement>> ChangesAsync(long after)
    {
        var response = await server.GraphQLAsync("query($after: String) { changes(after: $after, first: 100) { nodes { sequence id operation } } }", new { after = after.ToString(CultureInfo.InvariantCulture) });
        Assert.True(response.Errors.Count == 0, response.ToString());
        return [.. response.Get("data", "changes", "nodes").EnumerateArray()];
    }

    private async Task<int> ChangeCountAsync()
    {
        var response = await server.GraphQLAsync("{ changes(first: 1) { totalCount } }");
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "changes", "totalCount").GetInt32();
    }

    /// <summary>The lines of /export/audit.ndjson after a sequence, by sequence.</summary>
    private async Task<Dictionary<long, JsonElement>> AuditLinesAsync(long after)
    {
        using var response = await server.Client.GetAsync($"export/audit.ndjson?after={after}");
        Assert.Equal("application/x-ndjson; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = ExportFiles.NdjsonRows(await response.Content.ReadAsStringAsync());
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => after + i), lines.Select(l => l.GetProperty("sequence").GetInt64()));
        return lines.ToDictionary(l => l.GetProperty("sequence").GetInt64());
    }
}
