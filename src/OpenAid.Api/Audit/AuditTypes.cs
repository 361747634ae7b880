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
/// <param name="EntityType">For a record problem: the record's type, key and the property at fault.</param>
public sealed record AuditVerification(
    bool Valid, long EntriesChecked, long? FirstBrokenSequence, string Message, long RecordsChecked = 0, string? Code = null, string? EntityType = null, string? EntityKey = null, string? Field = null);

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Name = "AuditVerification";
        Description = "The result of recomputing every hash of the audit chain and comparing every live public record with its latest entry.";
        Field(v => v.Valid).Description("True when every entry's hash matches, each entry points at its predecessor, and every live public record is what its latest entry records.");
        Field(v => v.EntriesChecked).Description("How many entries were checked.");
        Field(v => v.RecordsChecked).Description("How many live public records were compared with their latest entries (0 when an entry failed first).");
        Field(v => v.FirstBrokenSequence, nullable: true).Description("The sequence number of the first entry that does not verify, or of the entry a mismatching record was compared with.");
        Field(v => v.Code, nullable: true).Description("What failed, e.g. HASH_MISMATCH, RECORD_MISMATCH, RECORD_UNAUDITED, REGION_IMPORT_MISMATCH; null when valid.");
        Field(v => v.EntityType, nullable: true).Description("For a record that does not match the trail: its entity type, e.g. \"Notice\".");
        Field(v => v.EntityKey, nullable: true).Description("For a record that does not match the trail: its key.");
        Field(v => v.Field, nullable: true).Description("For a record that does not match the trail: the property that differs.");
        Field(v => v.Message).Description("What was found.");
    }
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
            .Description("Recomputes every hash of the audit trail and names the first entry that does not verify.")
            .NeverCached()
            .ScansTable()
            .ResolveAsync(async ctx => await VerifyAsync(ctx.Db(), ctx.CancellationToken));
    }

    private const int VerifyBatch = 1_024;

    /// <summary>
    /// The chain's hashes and links, then every live public record against its latest public entry (an edit behind the
    /// API shows), all read in one state of the database.
    /// </summary>
    public static Task<AuditVerification> VerifyAsync(OpenAidDbContext db, CancellationToken ct) =>
        ConsistentReads.InOneStateAsync(db, async () =>
        {
            var previous = AuditEncoding.GenesisHash;
            var latest = new LatestEntries();
            long checkedCount = 0;

            // Hashes are recomputed a batch at a time in parallel (the salted field digests are the cost), links in order.
            AuditVerification? CheckBatch(List<AuditEntry> batch)
            {
                var hashes = new string[batch.Count];
                Parallel.For(0, batch.Count, i => hashes[i] = AuditTrail.ComputeHash(batch[i]));
                for (var i = 0; i < batch.Count; i++)
                {
                    var entry = batch[i];
                    checkedCount++;
                    if (entry.PreviousHash != previous)
                    {
                        return new AuditVerification(false, checkedCount, entry.Id, $"Entry {entry.Id} does not point at the hash of the entry before it: an entry was removed or reordered.", Code: "BROKEN_LINK");
                    }

                    if (hashes[i] != entry.Hash)
                    {
                        return new AuditVerification(false, checkedCount, entry.Id, $"Entry {entry.Id} was changed after it was written: its hash does not match its content.", Code: "HASH_MISMATCH");
                    }

                    if (entry.Visibility == AuditTrail.Public)
                    {
                        latest.Add(entry.Id, AuditTrail.Fields(entry), AuditTrail.RedactedFields(entry).Keys);
                    }

                    previous = entry.Hash;
                }

                batch.Clear();
                return null;
            }

            var batch = new List<AuditEntry>(VerifyBatch);
            await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                batch.Add(entry);
                if (batch.Count == VerifyBatch && CheckBatch(batch) is { } failed)
                {
                    return failed;
                }
            }

            if (CheckBatch(batch) is { } last)
            {
                return last;
            }

            var (problem, records) = await AuditRecords.CheckAsync(db, latest, ct);
            return problem is null
                ? new AuditVerification(true, checkedCount, null, $"All {checkedCount} entries verify, and all {records} live public records are what their latest entries record.", records)
                : new AuditVerification(false, checkedCount, problem.Sequence, problem.Message, records, problem.Code, problem.EntityType, problem.EntityKey, problem.Field);
        }, ct);
}
