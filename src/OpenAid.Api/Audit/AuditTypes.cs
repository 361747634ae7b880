using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
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

public sealed class AuditFieldType : ObjectGraphType<AuditPublication.PublishedField>
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

public sealed record AuditVerification(bool Valid, long EntriesChecked, long? FirstBrokenSequence, string Message);

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Name = "AuditVerification";
        Description = "The result of recomputing every hash of the audit chain.";
        Field(v => v.Valid).Description("True when every entry's hash matches and each entry points at its predecessor.");
        Field(v => v.EntriesChecked).Description("How many entries were checked.");
        Field(v => v.FirstBrokenSequence, nullable: true).Description("The sequence number of the first entry that does not verify.");
        Field(v => v.Message).Description("What was found.");
    }
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
            .Description("Recomputes every hash of the audit trail and names the first entry that does not verify.")
            .NeverCached()
            .ScansTable()
            .ResolveAsync(async ctx => await VerifyAsync(ctx.Db(), ctx.CancellationToken));
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

    public static async Task<AuditVerification> VerifyAsync(OpenAidDbContext db, CancellationToken ct)
    {
        var previous = AuditEncoding.GenesisHash;
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            if (entry.PreviousHash != previous)
            {
                return new AuditVerification(false, checkedCount, entry.Id, $"Entry {entry.Id} does not point at the hash of the entry before it: an entry was removed or reordered.");
            }

            if (AuditTrail.ComputeHash(entry) != entry.Hash)
            {
                return new AuditVerification(false, checkedCount, entry.Id, $"Entry {entry.Id} was changed after it was written: its hash does not match its content.");
            }

            previous = entry.Hash;
        }

        return new AuditVerification(true, checkedCount, null, $"All {checkedCount} entries verify.");
    }
}
