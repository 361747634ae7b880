using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// Signed checkpoints (FORMAT.md, Checkpoints and Keys): made as the chain grows and for every dump, published with
/// their keys, checked by verifyAuditChain, and what they catch — entries removed, entries rewritten and re-chained,
/// a key replaced without rotation — while a rotation through the command keeps everything valid.
/// Each test has a server of its own: they tamper with its database.
/// </summary>
public sealed class CheckpointTests : IAsyncLifetime
{
    // Starts at the real time: the local signer's tokens are dated by the real clock.
    private readonly AuditSigningServer _server = new(new FakeTimeProvider(DateTimeOffset.UtcNow));

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_checkpoint_is_made_after_N_entries_or_M_minutes_on_the_host_clock_and_changes_no_data()
    {
        // The start-up's own entries (the places, the exit rules) are signed by the first pass.
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(1));
        var signedAtStart = (await _server.CheckpointsAsync()).Count;
        await _server.WriteEntriesAsync(1);
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(signedAtStart, (await _server.CheckpointsAsync()).Count);

        // N entries: the next pass signs the head.
        var head = await _server.WriteEntriesAsync(AuditSigningServer.EveryEntries);
        var watermark = await _server.WatermarkAsync();
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(1));
        var first = (await _server.CheckpointsAsync()).Skip(signedAtStart).Single();
        Assert.Equal(head, first.Sequence);
        Assert.Equal(await _server.ReadAsync(db => db.AuditEntries.Where(e => e.Id == head).Select(e => e.Hash).SingleAsync()), first.Head);
        Assert.Equal(AuditTrail.Format(_server.Clock.GetUtcNow()), first.At);
        // Bookkeeping: no audit entry, no new data version (so the cache and the dump stay as they are).
        Assert.Equal(watermark, await _server.WatermarkAsync());

        // Fewer than N entries: nothing until M minutes have passed since the last checkpoint.
        var later = await _server.WriteEntriesAsync(1);
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(AuditSigningServer.EveryMinutes - 2));
        Assert.Equal(signedAtStart + 1, (await _server.CheckpointsAsync()).Count);
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(2));
        Assert.Equal([head, later], (await _server.CheckpointsAsync()).Skip(signedAtStart).Select(c => c.Sequence));

        // A head that did not move is not signed again, however long it waits.
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(AuditSigningServer.EveryMinutes * 3));
        Assert.Equal(signedAtStart + 2, (await _server.CheckpointsAsync()).Count);
    }

    [Fact]
    public async Task The_published_key_and_checkpoints_verify_with_an_independent_check()
    {
        await _server.WriteEntriesAsync(2);
        await _server.CheckpointAtHeadAsync();
        await _server.WriteEntriesAsync(2);
        await _server.CheckpointAtHeadAsync();

        var keys = await GetJsonAsync("export/audit-key");
        Assert.Equal("ECDSA-P256-SHA256", keys.GetProperty("algorithm").GetString());
        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal(keys.GetProperty("current").GetString(), key.GetProperty("keyId").GetString());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.GetProperty("publicKeyPem").GetString(), StringComparison.Ordinal);

        var lines = await GetLinesAsync("export/checkpoints.ndjson");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, c => Assert.True(IndependentCheck.Verifies(c, keys)));
        Assert.All(lines, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("nextKeyId").ValueKind));

        var verification = await _server.VerifyAsync();
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        Assert.Equal(2, verification.GetProperty("checkpointsChecked").GetInt32());
        Assert.Equal(lines[^1].GetProperty("signature").GetString(), verification.GetProperty("lastCheckpoint").GetProperty("signature").GetString());

        // The key file is the service's secret.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_server.KeyFile));
        }
    }

    [Fact]
    public async Task Removing_the_newest_entries_behind_the_API_is_TRUNCATED_at_the_checkpoint()
    {
        await _server.WriteEntriesAsync(3);
        var checkpoint = await _server.CheckpointAtHeadAsync();

        await _server.ExecuteSqlAsync("DELETE FROM AuditEntries WHERE Id > $keep", ("$keep", checkpoint.Sequence - 2));

        var verification = await _server.VerifyAsync();
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal("TRUNCATED", verification.GetProperty("code").GetString());
        // The first entry missing (FORMAT.md: TRUNCATED names it).
        Assert.Equal(checkpoint.Sequence - 1, verification.GetProperty("firstBrokenSequence").GetInt64());

        // The server does not sign over the shortened chain either.
        await Assert.ThrowsAsync<AuditCheckpointRefusedException>(_server.CheckpointAtHeadAsync);
    }

    [Fact]
    public async Task A_rewritten_and_rechained_trail_is_CHECKPOINT_MISMATCH_and_against_an_earlier_checkpoint_REWRITTEN()
    {
        await _server.WriteEntriesAsync(4);
        var earlier = await _server.CheckpointAtHeadAsync();
        var rewritten = earlier.Sequence - 2;

        // An insider changes an entry and recomputes every hash after it, so that the chain itself verifies.
        await RewriteAsync(rewritten);
        var verification = await _server.VerifyAsync();
        Assert.Equal("CHECKPOINT_MISMATCH", verification.GetProperty("code").GetString());
        Assert.Equal(earlier.Sequence, verification.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(earlier.Sequence, verification.GetProperty("entriesChecked").GetInt64());

        // Even one who also removes the stored checkpoints and gets the trail signed anew is caught by a client who
        // kept a checkpoint from before (e.g. from an earlier dump).
        await _server.ExecuteSqlAsync("DELETE FROM AuditCheckpoints");
        await _server.CheckpointAtHeadAsync();
        Assert.True((await _server.VerifyAsync()).GetProperty("valid").GetBoolean());
        var against = await _server.VerifyAsync([earlier]);
        Assert.False(against.GetProperty("valid").GetBoolean());
        Assert.Equal("REWRITTEN", against.GetProperty("code").GetString());
        Assert.Equal(earlier.Sequence, against.GetProperty("firstBrokenSequence").GetInt64());

        // A checkpoint it kept whose signature was tampered with is no evidence at all.
        var forged = earlier with { Head = new string('a', 64) };
        Assert.Equal("BAD_SIGNATURE", (await _server.VerifyAsync([forged])).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Against_the_checkpoints_of_an_untouched_trail_and_shorter_ones_the_chain_is_checked_to_its_end()
    {
        await _server.WriteEntriesAsync(2);
        var first = await _server.CheckpointAtHeadAsync();
        await _server.WriteEntriesAsync(2);
        var second = await _server.CheckpointAtHeadAsync();
        var untouched = await _server.VerifyAsync([first, second]);
        Assert.True(untouched.GetProperty("valid").GetBoolean(), untouched.ToString());

        // A client that holds a checkpoint beyond this chain's end: entries were removed, checkpoints with them.
        await _server.ExecuteSqlAsync("DELETE FROM AuditCheckpoints WHERE Sequence = $s", ("$s", second.Sequence));
        await _server.ExecuteSqlAsync("DELETE FROM AuditEntries WHERE Id > $s", ("$s", first.Sequence));
        // Alone, the chain is whole up to its new end; the live records it no longer covers give the deletion away.
        Assert.Equal("RECORD_MISMATCH", (await _server.VerifyAsync()).GetProperty("code").GetString());
        var against = await _server.VerifyAsync([first, second]);
        Assert.Equal("TRUNCATED", against.GetProperty("code").GetString());
        Assert.Equal(first.Sequence + 1, against.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task A_key_file_replaced_without_rotation_fails_as_UNTRUSTED_KEY()
    {
        await _server.WriteEntriesAsync(2);
        var signedByOld = await _server.CheckpointAtHeadAsync();

        // Only the private key replaced: the old key stays published, and the first checkpoint of the new one fails.
        File.Delete(_server.KeyFile);
        await _server.RestartAsync();
        var head = await _server.WriteEntriesAsync(1);
        var signedByNew = await _server.CheckpointAtHeadAsync();
        Assert.NotEqual(signedByOld.KeyId, signedByNew.KeyId);
        var verification = await _server.VerifyAsync();
        Assert.Equal("UNTRUSTED_KEY", verification.GetProperty("code").GetString());
        Assert.Equal(head, verification.GetProperty("firstBrokenSequence").GetInt64());

        // The whole keyring replaced: the stored checkpoints name a key that is not published at all.
        File.Delete(_server.KeyFile);
        File.Delete(_server.PublicKeysFile);
        await _server.RestartAsync();
        verification = await _server.VerifyAsync();
        Assert.Equal("UNTRUSTED_KEY", verification.GetProperty("code").GetString());
        Assert.Equal(signedByOld.Sequence, verification.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("no published or given key", verification.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotation_through_the_command_keeps_every_checkpoint_valid_and_the_old_key_published()
    {
        await _server.WriteEntriesAsync(2);
        var before = await _server.CheckpointAtHeadAsync();
        var oldKey = await File.ReadAllTextAsync(_server.KeyFile);

        // The command runs as its own host on the same database and key file, as ./run.sh rotate-audit-key does.
        Assert.Equal(0, await OpenAidCommands.RotateAuditKeyAsync([.. _server.Arguments]));

        var keys = await GetJsonAsync("export/audit-key");
        var published = keys.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("keyId").GetString()).ToList();
        Assert.Equal(2, published.Count);
        Assert.Equal(before.KeyId, published[0]);
        var next = keys.GetProperty("current").GetString();
        Assert.Equal(published[1], next);
        var rotation = (await _server.CheckpointsAsync())[^1];
        Assert.Equal((before.Sequence, before.KeyId, next), (rotation.Sequence, rotation.KeyId, rotation.NextKeyId));

        // The running server follows the key file: what it signs next is signed by the new key.
        await _server.WriteEntriesAsync(AuditSigningServer.EveryEntries);
        await _server.AdvanceAndWaitForPassAsync(TimeSpan.FromMinutes(1));
        var after = (await _server.CheckpointsAsync())[^1];
        Assert.Equal(next, after.KeyId);

        var lines = await GetLinesAsync("export/checkpoints.ndjson");
        Assert.Equal(3, lines.Count);
        Assert.All(lines, c => Assert.True(IndependentCheck.Verifies(c, keys)));
        var verification = await _server.VerifyAsync([before]);
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        Assert.Equal(3, verification.GetProperty("checkpointsChecked").GetInt32());

        // The retired key never signs again, as on an instance still holding a stale copy of the file.
        await File.WriteAllTextAsync(_server.KeyFile, oldKey);
        await _server.WriteEntriesAsync(1);
        await Assert.ThrowsAsync<AuditCheckpointRefusedException>(_server.CheckpointAtHeadAsync);
    }

    [Fact]
    public async Task The_dump_holds_the_checkpoint_at_its_head_and_the_keys()
    {
        var head = await _server.WriteEntriesAsync(2);
        Assert.Empty(await _server.CheckpointsAsync());

        using var client = new HttpClient { BaseAddress = _server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        using var response = await client.GetAsync("export/dump.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var checkpoints = Lines(ReadEntry(zip, "audit/checkpoints.ndjson"));
        var keys = JsonDocument.Parse(ReadEntry(zip, "audit/keys.json")).RootElement;
        var last = Assert.Single(checkpoints);
        var hash = await _server.ReadAsync(db => db.AuditEntries.Where(e => e.Id == head).Select(e => e.Hash).SingleAsync());
        Assert.Equal((head, hash), (last.GetProperty("sequence").GetInt64(), last.GetProperty("head").GetString()));
        Assert.True(IndependentCheck.Verifies(last, keys));
        Assert.True(JsonElement.DeepEquals(await GetJsonAsync("export/audit-key"), keys));

        var audit = JsonDocument.Parse(ReadEntry(zip, "metadata.json")).RootElement.GetProperty("audit");
        Assert.Equal(head, audit.GetProperty("entries").GetInt64());
        Assert.Equal(hash, audit.GetProperty("head").GetString());
        Assert.True(JsonElement.DeepEquals(last, audit.GetProperty("lastCheckpoint")));
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("lastCheckpoint").GetProperty("nextKeyId").ValueKind);
    }

    private async Task RewriteAsync(long sequence)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAid.Data.OpenAidDbContext>();
        var entries = await db.AuditEntries.AsTracking().Where(e => e.Id >= sequence).OrderBy(e => e.Id).ToListAsync();
        entries[0].ActorSubject = "someone-else";
        var previous = entries[0].PreviousHash;
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditTrail.ComputeHash(entry);
            previous = entry.Hash;
        }

        // Written as SQL, behind the API and its audit: the file is all an insider needs.
        foreach (var entry in entries)
        {
            await _server.ExecuteSqlAsync(
                "UPDATE AuditEntries SET ActorSubject = $subject, PreviousHash = $previous, Hash = $hash WHERE Id = $id",
                ("$subject", entry.ActorSubject), ("$previous", entry.PreviousHash), ("$hash", entry.Hash), ("$id", entry.Id));
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<List<JsonElement>> GetLinesAsync(string path)
    {
        using var response = await _server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        return Lines(await response.Content.ReadAsStringAsync());
    }

    private static List<JsonElement> Lines(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"The dump has no {name}."));
        return reader.ReadToEnd();
    }
}
