using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Data.Audit.Verification;
using OpenAid.Domain.Audit;

namespace OpenAid.Api.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One write to a record: who (by role and organisation), when, and the record before and after. Hash-chained; " +
            "its published form and how to verify it: src/OpenAid.Data/Audit/FORMAT.md.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The entry's position in the audit chain.").Resolve(ctx => ctx.Source.Id);
        Field(e => e.At).Description("When the write was committed.");
        Field(e => e.ActorSubject).Description("The writer's account as an opaque identifier (never a name), or \"anonymous\"; part of the hash, so anyone can recompute it.");
        Field(e => e.ActorRole).Description("The role the writer acted in, or Anonymous.");
        Field(e => e.ActorOrganizationCode, nullable: true).Description("The code of the organisation the writer acted for.");
        Field(e => e.EntityType).Description("The kind of record written, e.g. \"Notice\".");
        Field(e => e.EntityKey).Description("The record's internal key.");
        Field(e => e.Operation).Description("\"create\", \"update\", \"publish\" (the write that made a draft or a need under review public: its whole state, no before) or \"redact\"; nothing public is ever deleted.");
        Field(e => e.Visibility).Description("\"public\", or \"restricted\" for a write made while its record was not public (a draft's), which the public trail holds by its content digest only and Auditors read in full (restrictedAuditEntries).");
        Field(e => e.Before, nullable: true).Description("The record's recorded fields before the write, as JSON (property → value); null for a create or publish. Redacted properties are absent.");
        Field(e => e.After).Description("The record's recorded fields after the write, as JSON (property → value). Redacted properties are absent.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditFieldType>>>>("fields")
            .Description("Every field the hash covers, ordered by name (ordinal): the header (at, actor.*, entity.*, operation), before.* and after.*. Recompute each digest from its salt and value, then contentDigest and hash (FORMAT.md).")
            .ListSize(AuditQueries.MaxFieldsPerEntry)
            .Resolve(ctx => AuditPublication.Fields(ctx.Source));
        Field<NonNullGraphType<StringGraphType>>("contentDigest").Description("SHA-256 over the fields' digests, as the hash takes it (FORMAT.md).")
            .Resolve(ctx => AuditTrail.ContentDigest(ctx.Source));
        Field(e => e.PreviousHash).Description("The hash of the previous entry (64 zeros for the first).");
        Field(e => e.Hash).Description("SHA-256 over the sequence, the previous hash, the visibility and the content digest (FORMAT.md).");
    }
}

public sealed class AuditFieldType : ObjectGraphType<PublishedField>
{
    public AuditFieldType()
    {
        Name = "AuditField";
        Description = "One field of an audit entry as published: name, salt and value while it holds its value; name, digest and redaction once it was redacted.";
        Field(f => f.Name).Description("e.g. \"at\", \"actor.role\", \"after.Title\".");
        Field(f => f.Salt, nullable: true).Description("The field's salt (32 hex characters); null once redacted.");
        Field(f => f.Value, nullable: true).Description("The value as the trail formats it; null for a null value, and once redacted.");
        Field(f => f.Digest, nullable: true).Description("A redacted field's digest (64 hex characters), which stays in the chain; null while the value is here to compute it from.");
        Field(f => f.Redaction, nullable: true).Description("The code of the public redaction record that erased the value; null unless redacted.");
    }
}

/// <summary>verifyAuditChain's answer: the verifier's result, with the first broken place and a message in one line.</summary>
public sealed record AuditVerification(
    bool Valid, long EntriesChecked, long CheckpointsChecked, long RecordsChecked, PublishedCheckpoint? LastCheckpoint, AuditProblem? Problem, string Message)
{
    /// <summary>When the run that found this read the trail (AuditVerifications shares a run between requests).</summary>
    public DateTimeOffset VerifiedAt { get; init; }

    public long? FirstBrokenSequence => Problem?.Sequence;

    public string? Code => Problem?.Code;

    public static AuditVerification From(AuditVerificationResult result) => new(
        result.Problem is null,
        result.EntriesChecked,
        result.CheckpointsChecked,
        result.RecordsChecked,
        result.LastCheckpoint,
        result.Problem,
        result.Problem is { } problem
            ? $"{problem.Code} at {AuditVerifier.Place(problem)}: {problem.Message}"
            : $"All {result.EntriesChecked} entries, {result.CheckpointsChecked} checkpoints and {result.RecordsChecked} records verify.");
}

public sealed class AuditProblemType : ObjectGraphType<AuditProblem>
{
    public AuditProblemType()
    {
        Name = "AuditProblem";
        Description = "The first place where the audit trail does not verify (FORMAT.md, Verification).";
        Field(p => p.Code).Description("SEQUENCE_GAP, BROKEN_LINK, HASH_MISMATCH, BAD_SIGNATURE, UNTRUSTED_KEY, TRUNCATED, CHECKPOINT_MISMATCH, REWRITTEN, REDACTION_UNKNOWN, RECORD_MISMATCH, RECORD_UNAUDITED or REGION_IMPORT_MISMATCH.");
        Field(p => p.Sequence, nullable: true).Description("The entry (or checkpoint) sequence of the broken place, when it is one.");
        Field(p => p.EntityType, nullable: true).Description("For a live record: its kind, e.g. \"Notice\".");
        Field(p => p.EntityKey, nullable: true).Description("For a live record: its key, as the trail records it.");
        Field(p => p.Field, nullable: true).Description("For a live record: the property that differs.");
        Field(p => p.Message).Description("What was found, in English.");
    }
}

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Name = "AuditVerification";
        Description = "The result of recomputing every hash of the audit chain and checking its signed checkpoints.";
        Field(v => v.Valid).Description("True when every entry's hash matches, each entry points at its predecessor, and every checkpoint is validly signed by a trusted key and covers the entry it names.");
        Field(v => v.EntriesChecked).Description("How many entries were checked.");
        Field(v => v.FirstBrokenSequence, nullable: true).Description("The sequence number of the first entry (or checkpoint) that does not verify.");
        Field(v => v.Code, nullable: true).Description("What broke, when something did (the problem's code).");
        Field(v => v.CheckpointsChecked).Description("How many signed checkpoints were checked.");
        Field(v => v.RecordsChecked).Description("How many live public records were compared with their latest entries.");
        Field<AuditProblemType>("problem").Description("The first broken place; null when everything verifies.").Resolve(ctx => ctx.Source.Problem);
        Field<AuditCheckpointType>("lastCheckpoint").Description("The newest signed checkpoint.").Resolve(ctx => ctx.Source.LastCheckpoint);
        Field(v => v.Message).Description("What was found.");
        Field(v => v.VerifiedAt).Description("When this verification read the trail: requests during a run, and for a minute after it, share its result.");
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

    /// <summary>The most fields <c>fields</c> is priced at: the header and a before and after of each property of the widest record.</summary>
    public const int MaxFieldsPerEntry = 100;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("history")
            .Description("Every public write to a public record, oldest first; empty for an ID that names no public record. " +
                "A notice's or need's public history starts with its publish entry; what was written while it was a draft is restricted.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The record's global ID.")
            .ListSize(MaxHistoryEntries)
            .ResolveAsync(async ctx =>
            {
                var record = Record(ctx);

                // Only what node(id:) returns is public: a draft notice's history is not.
                var registry = ctx.RequestServices!.GetRequiredService<NodeRegistry>();
                if (await registry.Load(ctx, record.TypeName, record.Key).GetResultAsync(ctx.CancellationToken) is null)
                {
                    return new List<AuditEntry>();
                }

                return await ctx.Db().AuditEntries.Where(e => e.EntityType == record.Entity && e.EntityKey == record.EntityKey && e.Visibility == AuditTrail.Public)
                    .OrderBy(e => e.Id).Take(MaxHistoryEntries).ToListAsync(ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ConnectionType<AuditEntryType, AuditEntry>>>("restrictedAuditEntries")
            .Description("RESTRICTED (Auditor only): the entries the public trail holds by their digest only, in full, oldest first: " +
                "writes to drafts and to needs not yet approved. Optionally only those of one record.")
            .Argument<IdGraphType>("id", "Only the entries of the record with this global ID (a draft has one too: its mutations return it).")
            .PagingArguments()
            .NeverCached()
            .CountScansTable()
            .ResolveAsync(async ctx =>
            {
                ctx.Actor().Require(Roles.Auditor);
                var entries = ctx.Db().AuditEntries.Where(e => e.Visibility == AuditTrail.Restricted);
                if (ctx.GetArgument<string?>("id") is not null)
                {
                    var record = Record(ctx);
                    entries = entries.Where(e => e.EntityType == record.Entity && e.EntityKey == record.EntityKey);
                }

                return await ctx.PageAsync(entries, e => e.Id, descending: false);
            });
        query.Field<NonNullGraphType<AuditVerificationType>>("verifyAuditChain")
            .Description("Recomputes every hash of the audit trail, checks every signed checkpoint against the published keys and, given earlier checkpoints, that the chain still extends them; names the first place that does not verify. One run at a time for the whole server: without earlier checkpoints, requests share the run in progress or one finished in the last minute (verifiedAt). A request that runs out of time gets TIMEOUT while the run goes on: ask again for its result.")
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

                return await ctx.RequestServices!.GetRequiredService<AuditVerifications>().VerifyAsync([.. against.Select(c => c.ToPublished())], ctx.CancellationToken);
            });
    }

    /// <summary>The record the 'id' argument names: its GraphQL type and key, and the entity type and key the trail records.</summary>
    private sealed record NamedRecord(string TypeName, long Key, string Entity, string EntityKey);

    private static NamedRecord Record(IResolveFieldContext ctx)
    {
        var id = ctx.GetArgument<string>("id");
        var registry = ctx.RequestServices!.GetRequiredService<NodeRegistry>();
        if (!GlobalId.TryDecode(id, out var typeName, out var key) || !registry.Knows(typeName))
        {
            throw ApiErrors.InvalidId(id, "id");
        }

        return new(typeName, key, registry.EntityName(typeName), key.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }


    /// <summary>The most earlier checkpoints verifyAuditChain(against:) takes: each costs a signature check.</summary>
    public const int MaxAgainst = 1000;

    /// <summary>FORMAT.md's verification of this server's own trail, in one read state, with the earlier checkpoints a client kept.</summary>
    public static async Task<AuditVerification> VerifyAsync(OpenAidDbContext db, AuditKeySet keys, IReadOnlyList<PublishedCheckpoint> against, CancellationToken ct) =>
        await ConsistentReads.InOneStateAsync(db, async () =>
        {
            var options = new AuditVerificationOptions(Against: against.Count == 0 ? null : new KeptCheckpoints(against, keys));
            return AuditVerification.From(await AuditVerifier.VerifyAsync(new StoredAudit(db, keys), options, ct));
        }, ct);
}
