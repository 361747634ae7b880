using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Caching;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Audit;

namespace OpenAid.Api.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One write to public data: who (by role and organisation), when, and the record before and after. Hash-chained.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The entry's position in the audit chain.").Resolve(ctx => ctx.Source.Id);
        Field(e => e.At).Description("When the write was committed.");
        Field(e => e.ActorSubject).Description("The writer's account as an opaque identifier (never a name), or \"anonymous\"; part of the hash, so anyone can recompute it.");
        Field(e => e.ActorRole).Description("The role the writer acted in, or Anonymous.");
        Field(e => e.ActorOrganizationCode, nullable: true).Description("The code of the organisation the writer acted for.");
        Field(e => e.EntityType).Description("The kind of record written, e.g. \"Notice\".");
        Field(e => e.EntityKey).Description("The record's internal key.");
        Field(e => e.Operation).Description("\"create\" or \"update\"; nothing public is ever deleted.");
        Field(e => e.Before, nullable: true).Description("The record's public fields before the write, as JSON; null for a create.");
        Field(e => e.After).Description("The record's public fields after the write, as JSON.");
        Field(e => e.PreviousHash).Description("The hash of the previous entry (64 zeros for the first).");
        Field(e => e.Hash).Description("SHA-256 over the previous hash and this entry's fields (see README, Audit trail).");
    }
}

/// <param name="Code">The problem's code (FORMAT.md, Verification), null when valid.</param>
public sealed record AuditVerification(
    bool Valid, long EntriesChecked, long? FirstBrokenSequence, string Message, string? Code = null, int CheckpointsChecked = 0, PublishedCheckpoint? LastCheckpoint = null);

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Name = "AuditVerification";
        Description = "The result of recomputing every hash of the audit chain and checking its signed checkpoints.";
        Field(v => v.Valid).Description("True when every entry's hash matches, each entry points at its predecessor, and every checkpoint is validly signed by a trusted key and covers the entry it names.");
        Field(v => v.EntriesChecked).Description("How many entries were checked.");
        Field(v => v.FirstBrokenSequence, nullable: true).Description("The sequence number of the first entry (or checkpoint) that does not verify.");
        Field(v => v.Code, nullable: true).Description("What broke, when something did: e.g. HASH_MISMATCH, BAD_SIGNATURE, UNTRUSTED_KEY, TRUNCATED, CHECKPOINT_MISMATCH, REWRITTEN (see the audit trail's FORMAT.md).");
        Field(v => v.CheckpointsChecked).Description("How many signed checkpoints were checked.");
        Field<AuditCheckpointType>("lastCheckpoint").Description("The newest signed checkpoint.").Resolve(ctx => ctx.Source.LastCheckpoint);
        Field(v => v.Message).Description("What was found.");
    }
}

public sealed class AuditCheckpointType : ObjectGraphType<PublishedCheckpoint>
{
    public AuditCheckpointType()
    {
        Name = "AuditCheckpoint";
        Description = "A signed statement that entry `sequence` of the audit chain had hash `head` at `at` (published at /export/checkpoints.ndjson).";
        Field(c => c.Sequence).Description("The entry the checkpoint covers.");
        Field(c => c.Head).Description("That entry's hash.");
        Field(c => c.At).Description("When it was signed, exactly as signed (ISO 8601, UTC).");
        Field(c => c.KeyId).Description("The signing key (see /export/audit-key).");
        Field(c => c.NextKeyId, nullable: true).Description("On a key rotation, the key that signs the checkpoints after this one.");
        Field(c => c.Signature).Description("ECDSA P-256 / SHA-256, IEEE P1363 r‖s, base64.");
    }
}

[Description("A checkpoint a client kept, e.g. from an earlier dump's audit/checkpoints.ndjson: the chain must still extend it.")]
public sealed record AuditCheckpointInput
{
    [Description("The entry the checkpoint covers.")]
    public required long Sequence { get; init; }

    [Description("That entry's hash.")]
    public required string Head { get; init; }

    [Description("When it was signed, exactly as published.")]
    public required string At { get; init; }

    [Description("The signing key.")]
    public required string KeyId { get; init; }

    [Description("On a rotation, the next key.")]
    public string? NextKeyId { get; init; }

    [Description("The signature, base64.")]
    public required string Signature { get; init; }

    public PublishedCheckpoint ToPublished() => new(Sequence, Head, At, KeyId, NextKeyId, Signature);
}

public sealed class AuditQueries : IQueryFields
{
    /// <summary>The most entries history(id:) returns for one record.</summary>
    public const int MaxHistoryEntries = Paging.MaxPageSize * 10;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("history")
            .Description("Every recorded write to a public record, oldest first; empty for an ID that names no public record.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The record's global ID.")
            .ListSize(MaxHistoryEntries)
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("id");
                var registry = ctx.RequestServices!.GetRequiredService<NodeRegistry>();
                if (!GlobalId.TryDecode(id, out var typeName, out var key) || !registry.Knows(typeName))
                {
                    throw ApiErrors.InvalidId(id, "id");
                }

                // Only what node(id:) returns is public: a draft notice's history is not.
                if (await registry.Load(ctx, typeName, key).GetResultAsync(ctx.CancellationToken) is null)
                {
                    return new List<AuditEntry>();
                }

                var entity = registry.EntityName(typeName);
                var entityKey = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return await ctx.Db().AuditEntries.Where(e => e.EntityType == entity && e.EntityKey == entityKey)
                    .OrderBy(e => e.Id).Take(MaxHistoryEntries).ToListAsync(ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<AuditVerificationType>>("verifyAuditChain")
            .Description("Recomputes every hash of the audit trail, checks every signed checkpoint against the published keys and, given earlier checkpoints, that the chain still extends them; names the first place that does not verify.")
            .Argument<ListGraphType<NonNullGraphType<AutoRegisteringInputObjectGraphType<AuditCheckpointInput>>>>(
                "against", $"Checkpoints kept from earlier (e.g. an earlier dump's), at most {MaxAgainst}: the chain must have each one's head at its sequence.")
            .NeverCached()
            .ScansTable()
            .ResolveAsync(async ctx =>
            {
                var against = ctx.GetArgument<List<AuditCheckpointInput>?>("against") ?? [];
                if (against.Count > MaxAgainst)
                {
                    throw ApiErrors.InvalidArgument("against", $"at most {MaxAgainst} checkpoints; give the earlier dump's last ones.");
                }

                var keys = ctx.RequestServices!.GetRequiredService<AuditKeyring>().Current().Published;
                return await VerifyAsync(ctx.Db(), keys, [.. against.Select(c => c.ToPublished())], ctx.CancellationToken);
            });
    }

    /// <summary>The most earlier checkpoints verifyAuditChain(against:) takes: each costs a signature check.</summary>
    public const int MaxAgainst = 1000;

    /// <summary>Steps 1–3 of FORMAT.md's verification over the stored trail: entries, then checkpoints, then the earlier ones.</summary>
    public static async Task<AuditVerification> VerifyAsync(OpenAidDbContext db, AuditKeySet keys, IReadOnlyList<PublishedCheckpoint> against, CancellationToken ct)
    {
        var checkpoints = (await AuditExports.Ordered(db.AuditCheckpoints).AsNoTracking().ToListAsync(ct)).Select(PublishedCheckpoint.From).ToList();
        var wanted = checkpoints.Concat(against).Select(c => c.Sequence).ToHashSet();
        var hashes = new Dictionary<long, string>();
        var previous = AuditEncoding.GenesisHash;
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            if (entry.Id != checkedCount)
            {
                return new AuditVerification(false, checkedCount, checkedCount, $"Entry {checkedCount} is missing: the chain goes on at {entry.Id}.", "SEQUENCE_GAP");
            }

            if (entry.PreviousHash != previous)
            {
                return new AuditVerification(false, checkedCount, entry.Id, $"Entry {entry.Id} does not point at the hash of the entry before it: an entry was removed or reordered.", "BROKEN_LINK");
            }

            if (AuditTrail.ComputeHash(entry) != entry.Hash)
            {
                return new AuditVerification(false, checkedCount, entry.Id, $"Entry {entry.Id} was changed after it was written: its hash does not match its content.", "HASH_MISMATCH");
            }

            if (wanted.Contains(entry.Id))
            {
                hashes[entry.Id] = entry.Hash;
            }

            previous = entry.Hash;
        }

        var signed = CheckpointVerifier.Verify(checkpoints, keys, s => hashes.GetValueOrDefault(s), checkedCount, new CheckpointTrust(Earlier: against));
        if (signed.Problem is { } problem)
        {
            return new AuditVerification(false, checkedCount, problem.Sequence, problem.Message, problem.Code, signed.CheckpointsChecked, signed.LastCheckpoint);
        }

        var last = signed.LastCheckpoint is { } l ? $"; the last checkpoint is #{l.Sequence}, signed by key {l.KeyId}" : "";
        return new AuditVerification(true, checkedCount, null, $"All {checkedCount} entries and {signed.CheckpointsChecked} checkpoints verify{last}.", null, signed.CheckpointsChecked, signed.LastCheckpoint);
    }
}
