using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Marketplace;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Demo;
using OpenAid.Domain.Audit;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>
/// A database from before format v2 holds entries hashed over newline-joined text, without seeds. Start-up re-encodes
/// them once: the same entries, in the same order, every hash recomputable, a draft's entries restricted; and it
/// refuses to seal a v1 chain someone changed. These tests rewrite the whole trail, so they have a server of their own.
/// </summary>
public class AuditUpgradeTests(PublishingServer server) : IClassFixture<PublishingServer>
{
    [Fact]
    public async Task Start_up_re_encodes_v1_entries_once_and_every_hash_then_verifies()
    {
        var samples = server.Samples;
        // Minting makes the auditor's grant, an audited write: before the trail is read, not between two reads.
        var auditor = server.Token(Roles.Auditor);
        var draft = await NoticeIdAsync(await samples.DraftAsync());
        var published = await NoticeIdAsync(await samples.PublishedAsync());
        var count = await WriteAsV1Async();

        var first = await InitializeAsync();

        Assert.Contains(first, l => l.StartsWith($"Audit trail: re-encoded {count:N0} v1 entries to v2", StringComparison.Ordinal));
        var entries = await EntriesAsync();
        Assert.Equal(count, entries.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), entries.Select(e => e.Id));
        var previous = AuditEncoding.GenesisHash;
        foreach (var entry in entries)
        {
            Assert.NotNull(entry.Seed);
            Assert.Equal(previous, entry.PreviousHash);
            Assert.Equal(entry.Hash, AuditTrail.ComputeHash(entry));
            previous = entry.Hash;
        }

        // The draft (and its link to its project) is not public now: its entries, and only they, are restricted.
        var ofDraft = entries.Where(e => (e.EntityType == "Notice" && e.EntityKey == draft) || (e.EntityType == "NoticeProject" && e.EntityKey.StartsWith(draft + ",", StringComparison.Ordinal))).ToList();
        Assert.Equal(["Notice", "NoticeProject"], ofDraft.Select(e => e.EntityType).Order(StringComparer.Ordinal));
        // The draft and its link are restricted (so are the demo's needs under review); nothing of the published notice is.
        Assert.Subset(entries.Where(e => e.Visibility == AuditTrail.Restricted).Select(e => e.Id).ToHashSet(), ofDraft.Select(e => e.Id).ToHashSet());

        var verification = await server.GraphQLAsync("{ verifyAuditChain { valid entriesChecked code message problem { code sequence message } } }");
        Assert.True(verification.Get("data", "verifyAuditChain", "valid").GetBoolean(), verification.ToString());
        Assert.Equal(count, verification.Get("data", "verifyAuditChain", "entriesChecked").GetInt32());
        var history = await server.GraphQLAsync("query($id: ID!) { history(id: $id) { operation visibility } }", new { id = GlobalId("Notice", published) });
        Assert.Equal(["create", "update"], history.Get("data", "history").EnumerateArray().Select(e => e.Text("operation")));
        var restricted = await server.GraphQLAsync("query($id: ID) { restrictedAuditEntries(id: $id) { nodes { operation } } }", new { id = GlobalId("Notice", draft) }, auditor);
        Assert.Equal(["create"], restricted.Get("data", "restrictedAuditEntries", "nodes").EnumerateArray().Select(e => e.Text("operation")));

        // Once only: a second start finds no v1 entry and changes nothing.
        var second = await InitializeAsync();
        Assert.DoesNotContain(second, l => l.StartsWith("Audit trail:", StringComparison.Ordinal));
        Assert.Equal(entries.Select(e => e.Hash), (await EntriesAsync()).Select(e => e.Hash));
    }

    [Fact]
    public async Task A_v1_chain_someone_changed_is_not_sealed_by_the_upgrade()
    {
        await server.Samples.ProjectAsync();
        var count = await WriteAsV1Async(tamper: true);

        var lines = await InitializeAsync();

        Assert.Contains(lines, l => l.StartsWith("Audit trail: v1 entries NOT re-encoded to v2: entry 1 does not verify", StringComparison.Ordinal));
        var entries = await EntriesAsync();
        Assert.Equal(count, entries.Count);
        Assert.All(entries, e => Assert.Null(e.Seed));
        var verification = await server.GraphQLAsync("{ verifyAuditChain { valid firstBrokenSequence } }");
        Assert.False(verification.Get("data", "verifyAuditChain", "valid").GetBoolean());
        // Nor by a checkpoint: the server signs no chain that still holds v1 entries.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            await Assert.ThrowsAsync<AuditCheckpointRefusedException>(() => scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().EnsureAtHeadAsync(db));
            Assert.False(await db.AuditCheckpoints.AnyAsync());
        }

        // The same trail without the change is re-encoded.
        await WriteAsV1Async();
        Assert.Contains(await InitializeAsync(), l => l.StartsWith($"Audit trail: re-encoded {count:N0} v1 entries", StringComparison.Ordinal));
        Assert.True((await server.GraphQLAsync("{ verifyAuditChain { valid } }")).Get("data", "verifyAuditChain", "valid").GetBoolean());
    }

    /// <summary>
    /// Rewrites the trail as v1 wrote it: the same writes (v1 had no publish: the write that published was an update,
    /// and it wrote no entries for a draft's links at publication), numbered from 1, no seed, public, no checkpoint, each hash SHA-256
    /// over the previous hash and the fields joined by newlines. <paramref name="tamper"/> changes the first entry's actor after its hash.
    /// </summary>
    private async Task<int> WriteAsV1Async(bool tamper = false)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var written = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var v1 = new List<AuditEntry>();
        var previous = AuditEncoding.GenesisHash;
        foreach (var entry in written.Where(e => !(e.Operation == "publish" && e.EntityType is "NoticeFund" or "NoticeProject")))
        {
            var old = new AuditEntry
            {
                Id = v1.Count + 1,
                At = entry.At,
                ActorSubject = entry.ActorSubject,
                ActorRole = entry.ActorRole,
                ActorOrganizationCode = entry.ActorOrganizationCode,
                EntityType = entry.EntityType,
                EntityKey = entry.EntityKey,
                Operation = entry.Operation == "publish" ? "update" : entry.Operation,
                Before = entry.Operation == "publish" ? v1.Last(e => e.EntityType == entry.EntityType && e.EntityKey == entry.EntityKey).After : entry.Before,
                After = entry.After,
                Visibility = AuditTrail.Public,
                PreviousHash = previous,
                Hash = "",
            };
            old.Hash = V1Hash(old);
            previous = old.Hash;
            v1.Add(old);
        }

        if (tamper)
        {
            v1[0].ActorSubject += "-forged";
        }

        // v1 signed no checkpoints: the ones this server signed are over the v2 hashes being replaced.
        await db.AuditCheckpoints.ExecuteDeleteAsync();
        await db.AuditEntries.ExecuteDeleteAsync();
        db.AuditEntries.AddRange(v1);
        await db.SaveChangesAsync(AuditActor.SystemSchedule, CancellationToken.None);
        return v1.Count;
    }

    /// <summary>v1's hash, written out here as v1 had it, independently of the server's copy.</summary>
    private static string V1Hash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
        "\n",
        e.PreviousHash,
        e.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        e.ActorSubject,
        e.ActorRole,
        e.ActorOrganizationCode ?? "",
        e.EntityType,
        e.EntityKey,
        e.Operation,
        e.Before ?? "",
        e.After))));

    /// <summary>Runs start-up's database step again (as a restart would) and returns what it reported.</summary>
    private async Task<List<string>> InitializeAsync()
    {
        var lines = new List<string>();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        await DatabaseInitializer.InitializeAsync(db, DemoDataSeeder.Default, new Lines(lines));
        return lines;
    }

    private Task<List<AuditEntry>> EntriesAsync() => server.ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    private Task<string> NoticeIdAsync(string code) =>
        server.ReadAsync(async db => (await db.Notices.Where(n => n.Code == code).Select(n => n.Id).SingleAsync()).ToString(CultureInfo.InvariantCulture));

    private static string GlobalId(string type, string key) => OpenAid.Api.GraphQL.GlobalId.Encode(type, long.Parse(key, CultureInfo.InvariantCulture));

    private sealed class Lines(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
