using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Audit;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Tests.Marketplace;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using OpenAid.Domain.Audit;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>A publishing server of the redaction tests' own: they read its whole SQLite file, which no other test may write to meanwhile.</summary>
[CollectionDefinition(Name)]
public sealed class RedactionServer : ICollectionFixture<PublishingServer>
{
    public const string Name = "Redaction API server";
}

/// <summary>
/// Personal data that slipped into public text (a name passes the privacy guard) is redacted by an Admin and a
/// different person, an Auditor: the chain still verifies, and the value is gone from every public path and from the
/// database file.
/// </summary>
[Collection(RedactionServer.Name)]
public sealed class AuditRedactionTests(PublishingServer server)
{
    private const string Name = "王秀英";
    private const string HistoryQuery = "query($id: ID!) { history(id: $id) { sequence operation before after } }";

    private Samples Samples => server.Samples;

    [Fact]
    public async Task Redaction_keeps_verification_green_and_the_value_is_gone_from_every_public_path()
    {
        // A notice whose body names a household head: the guard lets names through, so it is published.
        var body = $"经研究，拟为幸福村困难户户主{Name}安排危房改造补助，现予公示。";
        var project = await Samples.ProjectAsync(region: server.Village);
        var draft = (await server.MutateOkAsync("draftNotice", new
        {
            kind = "PROJECT", region = server.Village.ShortCode, title = $"关于危房改造补助的公示（测试{Samples.Unique()}）", body,
            decidedOn = Samples.Today, noticePeriodDays = 10, localSupervisionPhone = "0776-7612317", funds = Array.Empty<string>(), projects = new[] { project },
        }, Samples.Publisher, "notice { code }")).GetProperty("notice").GetProperty("code").GetString()!;
        var notice = (await server.MutateOkAsync("publishNotice", new { notice = draft }, Samples.Publisher, "notice { id code }")).GetProperty("notice");
        var (id, code) = (notice.GetProperty("id").GetString()!, notice.GetProperty("code").GetString()!);

        // Copies made before: a cached anonymous read, a built dump.
        var history = await server.GetAsync(HistoryQuery, new { id });
        Assert.Contains(Name, history.Body, StringComparison.Ordinal);
        var cache = server.Services.GetRequiredService<ResultCache>();
        Assert.True(cache.MemoryCount > 0);
        Assert.True(ZipHolds(await server.DumpAsync(), Name), "the dump before the redaction should hold the name");
        var sequence = history.Get("data", "history")[0].GetProperty("sequence").GetInt64();

        var requested = await server.MutateOkAsync("requestAuditRedaction", Samples.RedactionRequestInput(sequence, "after.Body"), Samples.Admin, "redaction { code status }");
        var redaction = requested.GetProperty("redaction").GetProperty("code").GetString()!;
        Assert.Matches(@"^RD-\d{4}-\d{6}$", redaction);
        var performed = (await server.MutateOkAsync("redactAuditField", new { redaction }, server.Token(Roles.Auditor), "redaction { status decidedByRole fields { sequence name } }"))
            .GetProperty("redaction");
        Assert.Equal("REDACTED", performed.GetProperty("status").GetString());

        // The database file and its log, as the commit left them (the log is emptied after it).
        var database = Path.Combine(server.DataFolder, "openaid.db");
        Assert.False(FileHolds(database, Name), "the SQLite file still holds the name");
        Assert.False(FileHolds(database + "-wal", Name), "the SQLite write-ahead log still holds the name");
        Assert.Equal(0, cache.MemoryCount);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataFolder, "exports"), "*.zip"));

        var verification = await server.GraphQLAsync("{ verifyAuditChain { valid message } }");
        Assert.True(verification.Get("data", "verifyAuditChain", "valid").GetBoolean(), verification.ToString());

        // The erasure reached every entry of the notice holding the body: the draft's (restricted), the publication's
        // (which has no before) and the replacing write's before, which was born redacted.
        var entries = await server.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Notice" && e.EntityKey == KeyOf(id)).OrderBy(e => e.Id).ToListAsync());
        var fields = performed.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("sequence").GetInt64(), f.GetProperty("name").GetString()!)).ToList();
        Assert.Equal(
            [(entries[0].Id, "after.Body"), (entries[1].Id, "after.Body"), (entries[2].Id, "before.Body")],
            fields.Order().ToList());
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Null(e.Seed));
        Assert.Contains($"\"redaction\":\"{redaction}\"", entries[2].Redactions, StringComparison.Ordinal);
        Assert.Equal(AuditRedaction.Replacement, JsonDocument.Parse(entries[2].After).RootElement.GetProperty("Body").GetString());

        // Public paths: history, the record, the changes feed, the exports of the list, a fresh dump.
        var after = await server.GetAsync(HistoryQuery, new { id });
        Assert.True(after.Errors.Count == 0, after.ToString());
        Assert.DoesNotContain(Name, after.Body, StringComparison.Ordinal);
        var record = await server.GraphQLAsync("query($c: String!) { notice(code: $c) { body } }", new { c = code });
        Assert.Equal(AuditRedaction.Replacement, record.Get("data", "notice", "body").GetString());
        var changes = await server.GraphQLAsync(
            "query($a: String) { changes(first: 100, after: $a) { nodes { sequence record { ... on Notice { body } } } } }", new { a = (sequence - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(changes.Get("data", "changes", "nodes").GetArrayLength() > 0, changes.ToString());
        Assert.DoesNotContain(Name, changes.Body, StringComparison.Ordinal);
        foreach (var format in (string[])["ndjson", "csv"])
        {
            var export = await server.Client.GetStringAsync($"export/notices.{format}");
            Assert.Contains(AuditRedaction.Replacement, export, StringComparison.Ordinal);
            Assert.DoesNotContain(Name, export, StringComparison.Ordinal);
        }

        Assert.False(ZipHolds(await server.DumpAsync(), Name), "a dump built after the redaction holds the name");

        // The public list and its published form.
        var list = await server.GraphQLAsync("{ auditRedactions(first: 5) { nodes { code status reason legalBasis requestedByRole decidedByRole fields { sequence name } } } }");
        var listed = list.Get("data", "auditRedactions", "nodes")[0];
        Assert.Equal((redaction, "REDACTED", "Admin", "Auditor"), (listed.Text("code"), listed.Text("status"), listed.Text("requestedByRole"), listed.Text("decidedByRole")));
        Assert.Equal(3, listed.GetProperty("fields").GetArrayLength());
        using var dump = new ZipArchive(new MemoryStream(await server.DumpAsync()));
        using var file = new StreamReader(dump.GetEntry("audit/redactions.ndjson")!.Open());
        var published = await file.ReadToEndAsync();
        var line = JsonDocument.Parse(published.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal(["code", "fields", "reason", "legalBasis", "requestedAt", "redactedAt"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(redaction, line.Text("code"));
        Assert.Equal(fields.Order(), line.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("sequence").GetInt64(), f.GetProperty("name").GetString()!)).Order());

        // The same field again: typed, nothing written.
        var before = await server.WatermarkAsync();
        var again = await server.MutateAsync("requestAuditRedaction", Samples.RedactionRequestInput(sequence, "after.Body"), Samples.Admin);
        Assert.Equal("ALREADY_REDACTED", again.GetProperty("errors")[0].Text("code"));
        Assert.Equal(before, await server.WatermarkAsync());
        Assert.False(FileHolds(database, Name));
    }

    [Fact]
    public async Task An_objection_description_audited_by_its_digest_is_redacted_by_that_digest_and_replaced_in_the_record()
    {
        // A name of its own, so that what this test finds in the file does not depend on the other test's redaction.
        const string relative = "张桂兰";
        var description = $"村干部李建国把修路款挪给亲戚{relative}的公司，道路至今未修。";
        var filed = (await server.MutateOkAsync("fileObjection", new { region = server.Village.ShortCode, category = "EMBEZZLEMENT", description }, null, "objection { id code }"))
            .GetProperty("objection");
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
        var history = await server.GraphQLAsync(HistoryQuery, new { id = filed.Text("id") });
        Assert.Contains(digest, history.Body, StringComparison.Ordinal);

        var request = await server.MutateOkAsync("requestAuditRedaction", Samples.RedactionRequestInput(history.Get("data", "history")[0].GetProperty("sequence").GetInt64(), "after.Description"), Samples.Admin, "redaction { code }");
        await server.MutateOkAsync("redactAuditField", new { redaction = request.GetProperty("redaction").Text("code") }, server.Token(Roles.Auditor, server.OtherCounty));

        var record = await server.GraphQLAsync("query($c: String!) { objection(code: $c) { description } }", new { c = filed.Text("code") });
        Assert.Equal(AuditRedaction.Replacement, record.Get("data", "objection", "description").GetString());
        Assert.DoesNotContain(digest, (await server.GraphQLAsync(HistoryQuery, new { id = filed.Text("id") })).Body, StringComparison.Ordinal);
        Assert.False(await server.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Before!.Contains(digest) || e.After.Contains(digest))));
        Assert.False(FileHolds(Path.Combine(server.DataFolder, "openaid.db"), relative));
        var verification = await server.GraphQLAsync("{ verifyAuditChain { valid } }");
        Assert.True(verification.Get("data", "verifyAuditChain", "valid").GetBoolean(), verification.ToString());
    }

    private static string KeyOf(string globalId) =>
        Assert.IsType<long>(GlobalId.TryDecode(globalId, out _, out var key) ? key : null).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether any entry of the zip holds the text, decompressed.</summary>
    private static bool ZipHolds(byte[] zip, string text)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Any(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Holds(copy.ToArray(), text);
        });
    }

    private static bool FileHolds(string path, string text)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Holds(copy.ToArray(), text);
    }

    /// <summary>The text as UTF-8, or as the \u escapes JSON columns write it.</summary>
    private static bool Holds(byte[] bytes, string text)
    {
        var escaped = string.Concat(text.Select(c => $"\\u{(int)c:X4}"));
        return bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
            || bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(escaped)) >= 0
            || bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(escaped.ToLowerInvariant())) >= 0;
    }
}

/// <summary>Who may redact, and every refusal typed and writing nothing.</summary>
[Collection(SharedPublishingServer.Name)]
public sealed class AuditRedactionRulesTests(PublishingServer server)
{
    private Samples Samples => server.Samples;

    [Fact]
    public async Task One_person_holding_both_roles_cannot_request_and_decide_and_a_publisher_can_do_neither()
    {
        var both = server.MintToken([Roles.Admin, Roles.Auditor], server.County.ShortCode, server.Office, subject: "test-admin-and-auditor");
        var (sequence, field) = await Samples.RedactableFieldAsync();
        var code = (await server.MutateOkAsync("requestAuditRedaction", Samples.RedactionRequestInput(sequence, field), both, "redaction { code }"))
            .GetProperty("redaction").Text("code");

        await RefusedAsync("redactAuditField", new { redaction = code }, both, "TWO_PERSONS_REQUIRED");
        await RefusedAsync("declineAuditRedaction", new { redaction = code, reason = "不属于个人信息。" }, both, "TWO_PERSONS_REQUIRED");
        foreach (var (mutation, input) in new (string, object)[]
        {
            ("requestAuditRedaction", Samples.RedactionRequestInput(sequence, field)),
            ("redactAuditField", new { redaction = code }),
            ("declineAuditRedaction", new { redaction = code, reason = "不属于个人信息。" }),
        })
        {
            var before = await server.WatermarkAsync();
            var response = await server.SendMutationAsync(mutation, input, Samples.Publisher, "__typename");
            Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
            Assert.Equal(before, await server.WatermarkAsync());
        }

        // An Admin alone does not perform it either: that takes the Auditor role.
        Assert.Equal(["FORBIDDEN"], (await server.SendMutationAsync("redactAuditField", new { redaction = code }, Samples.Admin, "__typename")).ErrorCodes);
    }

    [Fact]
    public async Task A_declined_request_changes_nothing_in_the_trail_and_cannot_be_performed_afterwards()
    {
        var (sequence, field) = await Samples.RedactableFieldAsync();
        var code = (await server.MutateOkAsync("requestAuditRedaction", Samples.RedactionRequestInput(sequence, field), Samples.Admin, "redaction { code }"))
            .GetProperty("redaction").Text("code");
        var entry = await EntryAsync(sequence);

        var declined = (await server.MutateOkAsync("declineAuditRedaction", new { redaction = code, reason = "所涉文字为单位名称，不属于个人信息。" }, server.Token(Roles.Auditor), "redaction { status declineReason fields { name } }"))
            .GetProperty("redaction");
        Assert.Equal(("DECLINED", "所涉文字为单位名称，不属于个人信息。", 0), (declined.Text("status"), declined.Text("declineReason"), declined.GetProperty("fields").GetArrayLength()));
        Assert.Equal(entry, await EntryAsync(sequence));

        await RefusedAsync("redactAuditField", new { redaction = code }, server.Token(Roles.Auditor), "INVALID_TRANSITION");
        Assert.Equal(entry, await EntryAsync(sequence));
    }

    [Fact]
    public async Task Each_refused_request_is_typed_and_writes_nothing()
    {
        var (sequence, field) = await Samples.RedactableFieldAsync();
        var notice = await server.ReadAsync(db => db.AuditEntries.Where(e => e.EntityType == "Notice").OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        var cases = new (object Input, string Code)[]
        {
            (Samples.RedactionRequestInput(long.MaxValue, field), "AUDIT_ENTRY_NOT_FOUND"),
            (Samples.RedactionRequestInput(sequence, "actor.subject"), "HEADER_FIELD"),
            (Samples.RedactionRequestInput(sequence, "at"), "HEADER_FIELD"),
            (Samples.RedactionRequestInput(sequence, "Description"), "FIELD_NOT_RECORDED"),
            (Samples.RedactionRequestInput(sequence, "after.Nothing"), "FIELD_NOT_RECORDED"),
            (Samples.RedactionRequestInput(sequence, "before.Description"), "FIELD_NOT_RECORDED"),
            (Samples.RedactionRequestInput(notice, "after.Status"), "NOT_TEXT"),
            (Samples.RedactionRequestInput(notice, "after.Code"), "NOT_TEXT"),
            (Samples.RedactionRequestInput(sequence, "after.Status"), "NOT_TEXT"),
            (new { sequence, field, reason = "请联系13812345678核实。", legalBasis = "《个人信息保护法》" }, "PERSONAL_DATA"),
            (new { sequence, field, reason = "误含姓名。", legalBasis = " " }, "REQUIRED"),
            (new { sequence, field, reason = new string('长', AuditRedaction.ReasonMaxLength + 1), legalBasis = "《个人信息保护法》" }, "TOO_LONG"),
        };
        foreach (var (input, code) in cases)
        {
            await RefusedAsync("requestAuditRedaction", input, Samples.Admin, code);
        }

        await RefusedAsync("redactAuditField", new { redaction = "RD-2000-000001" }, server.Token(Roles.Auditor), "NOT_FOUND");
        await RefusedAsync("declineAuditRedaction", new { redaction = "RD-2000-000001", reason = "不属于个人信息。" }, server.Token(Roles.Auditor), "NOT_FOUND");
        var requested = (await server.MutateOkAsync("requestAuditRedaction", Samples.RedactionRequestInput(sequence, field), Samples.Admin, "redaction { code }")).GetProperty("redaction").Text("code");
        await RefusedAsync("declineAuditRedaction", new { redaction = requested, reason = "请拨打13812345678。" }, server.Token(Roles.Auditor), "PERSONAL_DATA");
    }

    private async Task RefusedAsync(string mutation, object input, string token, string code)
    {
        var before = await server.WatermarkAsync();
        var payload = await server.MutateAsync(mutation, input, token);
        var errors = payload.GetProperty("errors");
        Assert.True(errors.GetArrayLength() == 1 && errors[0].Text("code") == code, $"{mutation} {JsonSerializer.Serialize(input)}: expected {code}, got {payload}");
        Assert.Equal(before, await server.WatermarkAsync());
    }

    private Task<(string? Before, string After, string? Seed, string? Redactions, string Hash)> EntryAsync(long sequence) =>
        server.ReadAsync(async db => await db.AuditEntries.Where(e => e.Id == sequence).Select(e => ValueTuple.Create(e.Before, e.After, e.Seed, e.Redactions, e.Hash)).SingleAsync());
}
