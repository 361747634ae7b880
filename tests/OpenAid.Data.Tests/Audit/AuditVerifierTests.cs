using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpenAid.Data.Audit;
using OpenAid.Data.Audit.Verification;

namespace OpenAid.Data.Tests.Audit;

/// <summary>
/// The verifier over a dump's published audit files: the untouched trail verifies, and each way an outsider (editing
/// the files) or an insider (editing the database, holding the signing key) could change it is caught with its code
/// and the first broken place.
/// </summary>
public sealed class AuditVerifierTests : IDisposable
{
    private readonly PublishedTrail _trail = PublishedTrail.Sample();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task The_untouched_dump_verifies_and_says_it_trusted_its_key_on_first_use()
    {
        var result = await VerifyAsync(_trail);

        Assert.Null(result.Problem);
        Assert.True(result.Valid);
        Assert.Equal((12, 3, 6), (result.EntriesChecked, result.CheckpointsChecked, result.RecordsChecked));
        Assert.Equal(12, result.LastCheckpoint!.Sequence);
        Assert.Equal(KeyTrustBasis.FirstUse, result.Trust);
        Assert.Equal([PublishedTrail.KeyId(_trail.Key)], result.TrustedKeys);
    }

    [Fact]
    public async Task A_dump_that_extends_an_earlier_one_verifies_against_it_and_trusts_the_earlier_keys()
    {
        var result = await VerifyAsync(_trail, against: _trail.EarlierDump(8));

        Assert.True(result.Valid, result.Problem?.Message);
        Assert.Equal(KeyTrustBasis.EarlierDump, result.Trust);
    }

    [Fact]
    public async Task A_changed_value_is_a_hash_mismatch_at_its_entry()
    {
        _trail.Field(6, "after.Name")["value"] = "假冒的机构";

        AssertProblem(await VerifyAsync(_trail), "HASH_MISMATCH", 6);
    }

    [Fact]
    public async Task A_changed_stored_hash_or_restricted_digest_is_a_hash_mismatch_at_its_entry()
    {
        _trail.Entry(7)["hash"] = Flip((string)_trail.Entry(7)["hash"]!);
        AssertProblem(await VerifyAsync(_trail), "HASH_MISMATCH", 7);

        _trail.Entry(3)["contentDigest"] = Flip((string)_trail.Entry(3)["contentDigest"]!);
        AssertProblem(await VerifyAsync(_trail), "HASH_MISMATCH", 3);
    }

    [Fact]
    public async Task An_entry_rewritten_and_rechained_is_caught_by_the_first_checkpoint_after_it()
    {
        _trail.Rewrite(6, "Name", "假冒的机构");

        AssertProblem(await VerifyAsync(_trail), "CHECKPOINT_MISMATCH", 8);
    }

    [Fact]
    public async Task An_insider_with_the_signing_key_who_rewrites_and_resigns_is_caught_against_an_earlier_dump()
    {
        var earlier = _trail.EarlierDump(8);
        _trail.Rewrite(6, "Name", "假冒的机构");
        _trail.ResignAll(_trail.Key);

        // Alone, a trail re-signed with the real key is consistent: only a copy taken before tells.
        Assert.True((await VerifyAsync(_trail)).Valid);
        AssertProblem(await VerifyAsync(_trail, against: earlier), "REWRITTEN", 6);
    }

    [Fact]
    public async Task The_newest_entries_removed_are_truncated_against_the_last_checkpoint()
    {
        _trail.RemoveNewest(3);

        var problem = AssertProblem(await VerifyAsync(_trail), "TRUNCATED", 10);
        Assert.Contains("Checkpoint #12", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newest_entries_removed_with_their_checkpoint_and_resigned_are_truncated_against_an_earlier_dump()
    {
        var earlier = _trail.EarlierDump(12);
        _trail.RemoveNewest(3);
        _trail.ResignAll(_trail.Key);
        _trail.AddCheckpoint(9, _trail.Key);

        AssertProblem(await VerifyAsync(_trail, against: earlier), "TRUNCATED", 10);
        // Without the earlier dump the chain and checkpoints agree; the live records still show the removed writes.
        var problem = AssertProblem(await VerifyAsync(_trail), "RECORD_MISMATCH", 8);
        Assert.Equal(("Notice", "1", "Amount"), (problem.EntityType, problem.EntityKey, problem.Field));
    }

    [Fact]
    public async Task An_entry_removed_in_the_middle_is_a_sequence_gap_and_renumbered_a_broken_link()
    {
        _trail.EntryLines.Remove(_trail.Entry(5));
        AssertProblem(await VerifyAsync(_trail), "SEQUENCE_GAP", 5);

        foreach (var line in _trail.EntryLines.Where(e => (long)e["sequence"]! > 5))
        {
            line["sequence"] = (long)line["sequence"]! - 1;
        }

        AssertProblem(await VerifyAsync(_trail), "BROKEN_LINK", 5);
    }

    [Fact]
    public async Task Two_entries_swapped_are_a_sequence_gap_and_renumbered_a_broken_link()
    {
        (_trail.EntryLines[5], _trail.EntryLines[6]) = (_trail.EntryLines[6], _trail.EntryLines[5]);
        AssertProblem(await VerifyAsync(_trail), "SEQUENCE_GAP", 6);

        (_trail.EntryLines[5]["sequence"], _trail.EntryLines[6]["sequence"]) = (6, 7);
        AssertProblem(await VerifyAsync(_trail), "BROKEN_LINK", 6);
    }

    [Fact]
    public async Task A_replaced_signing_key_is_untrusted_against_an_earlier_dump_or_a_pinned_key_and_otherwise_trusted_on_first_use()
    {
        var earlier = _trail.EarlierDump(8);
        var original = _trail.Key.ExportSubjectPublicKeyInfo();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _trail.ResignAll(forger);

        var firstUse = await VerifyAsync(_trail);
        Assert.True(firstUse.Valid);
        Assert.Equal(KeyTrustBasis.FirstUse, firstUse.Trust);
        Assert.Equal([PublishedTrail.KeyId(forger)], firstUse.TrustedKeys);

        AssertProblem(await VerifyAsync(_trail, against: earlier), "UNTRUSTED_KEY", 4);
        AssertProblem(await VerifyAsync(_trail, pinned: original), "UNTRUSTED_KEY", 4);
    }

    [Fact]
    public async Task A_rotation_signed_by_the_trusted_key_carries_trust_to_the_next_key_and_retires_the_old_one()
    {
        var original = _trail.Key;
        var pinned = original.ExportSubjectPublicKeyInfo();
        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _trail.RotateAt(8, next);

        var result = await VerifyAsync(_trail, pinned: pinned);
        Assert.True(result.Valid, result.Problem?.Message);
        Assert.Equal(KeyTrustBasis.PinnedKey, result.Trust);
        Assert.True((await VerifyAsync(_trail)).Valid);

        // The key rotated out signs nothing after the rotation, even though its signature verifies.
        _trail.CheckpointLines[2] = _trail.SignCheckpoint(12, original);
        var problem = AssertProblem(await VerifyAsync(_trail, pinned: pinned), "UNTRUSTED_KEY", 12);
        Assert.Contains("rotated out", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_checkpoint_is_a_bad_signature_and_one_by_an_unpublished_key_untrusted()
    {
        _trail.CheckpointLines[1]["at"] = PublishedTrail.Start.AddYears(1).ToString("O");
        AssertProblem(await VerifyAsync(_trail), "BAD_SIGNATURE", 8);

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _trail.CheckpointLines[1] = _trail.SignCheckpoint(8, stranger);
        AssertProblem(await VerifyAsync(_trail), "UNTRUSTED_KEY", 8);
    }

    [Fact]
    public async Task A_record_edited_behind_the_api_is_a_record_mismatch_naming_type_key_and_property()
    {
        _trail.Record("Notice", "1")["fields"]!["Title"] = "改过的标题";

        var problem = AssertProblem(await VerifyAsync(_trail), "RECORD_MISMATCH", 12);
        Assert.Equal(("Notice", "1", "Title"), (problem.EntityType, problem.EntityKey, problem.Field));
        Assert.Contains("改过的标题", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_with_a_property_its_entry_lacks_or_lacking_one_it_records_is_a_record_mismatch()
    {
        var fields = _trail.Record("Organization", "ORG-000001")["fields"]!.AsObject();
        fields["Phone"] = "0776-1234567";
        Assert.Equal("Phone", AssertProblem(await VerifyAsync(_trail), "RECORD_MISMATCH", 9).Field);

        fields.Remove("Phone");
        fields.Remove("Name");
        Assert.Equal("Name", AssertProblem(await VerifyAsync(_trail), "RECORD_MISMATCH", 9).Field);
    }

    [Fact]
    public async Task A_public_record_with_no_public_entry_is_unaudited()
    {
        _trail.AddRecord("Notice", "2", new Dictionary<string, string?> { ["Title"] = "草稿", ["Status"] = "Published" });

        var problem = AssertProblem(await VerifyAsync(_trail), "RECORD_UNAUDITED", null);
        Assert.Equal(("Notice", "2"), (problem.EntityType, problem.EntityKey));
    }

    [Fact]
    public async Task A_region_changed_behind_the_api_is_a_mismatch_with_its_entry_or_with_the_import_defaults()
    {
        _trail.Record("Region", PublishedTrail.CountyCode)["fields"]!["PovertyStatus"] = "Poor";
        var problem = AssertProblem(await VerifyAsync(_trail), "RECORD_MISMATCH", 2);
        Assert.Equal(("Region", PublishedTrail.CountyCode, "PovertyStatus"), (problem.EntityType, problem.EntityKey, problem.Field));

        _trail.Record("Region", PublishedTrail.CountyCode)["fields"]!["PovertyStatus"] = "Exited";
        _trail.Record("Region", "450000000000")["fields"]!["IsDeepPoverty"] = "True";
        problem = AssertProblem(await VerifyAsync(_trail), "RECORD_MISMATCH", null);
        Assert.Equal(("Region", "450000000000", "IsDeepPoverty"), (problem.EntityType, problem.EntityKey, problem.Field));
    }

    [Fact]
    public async Task A_region_renamed_or_removed_does_not_match_the_region_import()
    {
        var city = _trail.Record("Region", "451000000000");
        city["fields"]!["Name"] = "百色地区";
        AssertProblem(await VerifyAsync(_trail), "REGION_IMPORT_MISMATCH", 1);

        city["fields"]!["Name"] = "百色市";
        Assert.True((await VerifyAsync(_trail)).Valid);

        _trail.RecordLines.Remove(city);
        AssertProblem(await VerifyAsync(_trail), "REGION_IMPORT_MISMATCH", 1);
    }

    [Fact]
    public async Task A_redacted_field_keeps_the_chain_valid_and_is_not_compared_with_the_record()
    {
        _trail.Redact("RD-2026-000001", (5, "after.Description"), (8, "before.Description"), (8, "after.Description"), (12, "before.Description"), (12, "after.Description"));
        _trail.Record("Notice", "1")["fields"]!["Description"] = "（已依法删除）";

        var field = _trail.Field(12, "after.Description");
        Assert.Equal(["name", "digest", "redaction"], field.Select(p => p.Key));
        var result = await VerifyAsync(_trail);
        Assert.True(result.Valid, result.Problem?.Message);
    }

    [Fact]
    public async Task A_redaction_marker_naming_no_redaction_or_one_that_does_not_list_it_is_unknown()
    {
        _trail.MarkRedacted(9, "after.Name", "RD-2026-999999");
        var problem = AssertProblem(await VerifyAsync(_trail), "REDACTION_UNKNOWN", 9);
        Assert.Equal("after.Name", problem.Field);

        _trail.Redact("RD-2026-999999", (9, "before.Name"));
        problem = AssertProblem(await VerifyAsync(_trail), "REDACTION_UNKNOWN", 9);
        Assert.Contains("does not list it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_given_as_objects_streams_its_entries_once_and_again_only_to_explain_a_record()
    {
        _trail.Record("Notice", "3")["fields"]!["Amount"] = "1.00";
        using var files = new ZipArchive(new MemoryStream(_trail.ToZip()));
        var inMemory = new InMemoryAudit(NdjsonPublishedAudit.FromDump(files));

        var result = await AuditVerifier.VerifyAsync(inMemory, null, CancellationToken.None);

        Assert.Equal(("Notice", "3", "Amount", 11L), (result.Problem!.EntityType, result.Problem.EntityKey, result.Problem.Field, result.Problem.Sequence));
        Assert.Equal((12, 3, 2), (result.EntriesChecked, result.CheckpointsChecked, result.RecordsChecked));
        // Once for the chain, once more only to name the property the record differs in.
        Assert.Equal(2, inMemory.EntryReads);
    }

    [Fact]
    public async Task A_line_that_is_not_of_the_format_and_a_dump_without_its_audit_files_are_unreadable()
    {
        var text = Encoding.UTF8.GetBytes(_trail.EntryLines[0].ToJsonString() + "\n{\"sequence\":2,\"hash\":\"x\"}\n");
        var audit = new NdjsonPublishedAudit(name => name == NdjsonPublishedAudit.Entries ? new MemoryStream(text) : null);
        var unreadable = await Assert.ThrowsAsync<PublishedFormatException>(() => AuditVerifier.VerifyAsync(audit, null, CancellationToken.None));
        Assert.StartsWith("entries.ndjson line 2", unreadable.Message, StringComparison.Ordinal);

        using var archive = new ZipArchive(new MemoryStream(_trail.ToZip("audit/records.ndjson")));
        var missing = Assert.Throws<PublishedFormatException>(() => NdjsonPublishedAudit.FromDump(archive));
        Assert.Contains("audit/records.ndjson is missing", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "b23a46b22bb622b1ee5114723fc0fb633583cd9058d440437e894d864a1b1066")]
    [InlineData("fedcba9876543210", "ee42581d7772c4f6fc221ece88e60680a0bdfc88bed64322f4fb36d07a59bba8")]
    public void The_checkpoint_message_matches_a_vector_computed_from_the_format(string? nextKeyId, string sha256)
    {
        // Computed with Python's hashlib over LP/V as FORMAT.md defines them.
        var message = CheckpointChecks.SignedMessage(1000, string.Concat(Enumerable.Repeat("ab", 32)), "2026-12-02T01:00:00.0000000+00:00", "0123456789abcdef", nextKeyId);

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(message)));
    }

    private static async Task<AuditVerificationResult> VerifyAsync(PublishedTrail trail, byte[]? against = null, byte[]? pinned = null)
    {
        using var archive = new ZipArchive(new MemoryStream(trail.ToZip()));
        using var earlier = against is null ? null : new ZipArchive(new MemoryStream(against));
        var options = new AuditVerificationOptions(earlier is null ? null : NdjsonPublishedAudit.FromDump(earlier), pinned);
        return await AuditVerifier.VerifyAsync(NdjsonPublishedAudit.FromDump(archive), options, CancellationToken.None);
    }

    private static AuditProblem AssertProblem(AuditVerificationResult result, string code, long? sequence)
    {
        Assert.False(result.Valid);
        var problem = result.Problem!;
        Assert.Equal((code, sequence), (problem.Code, problem.Sequence));
        return problem;
    }

    private static string Flip(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];

    /// <summary>The server's side of the seam: the forms as objects, not files; counts how often the entries are read.</summary>
    private sealed class InMemoryAudit(IPublishedAudit files) : IPublishedAudit
    {
        public int EntryReads { get; private set; }

        public bool HasRecords => true;

        public async IAsyncEnumerable<PublishedEntry> EntriesAsync([EnumeratorCancellation] CancellationToken ct)
        {
            EntryReads++;
            await foreach (var entry in files.EntriesAsync(ct))
            {
                yield return entry;
            }
        }

        public Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(CancellationToken ct) => files.CheckpointsAsync(ct);

        public Task<AuditKeySet?> KeysAsync(CancellationToken ct) => files.KeysAsync(ct);

        public Task<IReadOnlyList<PublishedRedaction>> RedactionsAsync(CancellationToken ct) => files.RedactionsAsync(ct);

        public IAsyncEnumerable<PublishedRecord> RecordsAsync(CancellationToken ct) => files.RecordsAsync(ct);
    }
}
