using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Audit;

namespace OpenAid.Api.Audit;

public sealed class AuditRedactionType : ObjectGraphType<AuditRedaction>
{
    public AuditRedactionType()
    {
        Name = "AuditRedaction";
        Description = "The removal of a recorded value from the audit trail (personal data removed under the Personal Information Protection Law): requested by an Admin, performed or declined by a different person, an Auditor. The erased fields keep their digests, so the chain still verifies. People appear by role.";
        Field(r => r.Code).Description("Stable public code, e.g. \"RD-2026-000001\"; a redacted field of an entry names it.");
        Field(r => r.Status, type: typeof(NonNullGraphType<EnumerationGraphType<AuditRedactionStatus>>)).Description("Requested, redacted or declined.");
        Field(r => r.Sequence).Description("The audit entry the request names.");
        Field(r => r.Field).Description("The field the request names, e.g. \"after.Body\".");
        Field(r => r.EntityType).Description("The kind of record the entry is of, as the audit trail names it, e.g. \"Notice\".");
        Field(r => r.EntityKey).Description("The record's key, as the audit trail gives it.");
        Field(r => r.Reason).Description("Why the value had to go.");
        Field(r => r.LegalBasis).Description("The legal basis.");
        Field(r => r.RequestedAt).Description("When it was requested.");
        Field(r => r.RequestedByRole).Description("The requester's role (Admin).");
        Field(r => r.DecidedAt, nullable: true).Description("When an Auditor performed or declined it; null while requested.");
        Field(r => r.DecidedByRole, nullable: true).Description("The role that decided it (Auditor); null while requested.");
        Field(r => r.DeclineReason, nullable: true).Description("Why it was declined; null unless declined.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RedactedFieldType>>>>("fields")
            .Description("Every field it erased, entry by entry: the one named, and the same value in the record's other entries. Empty unless redacted.")
            .Resolve(ctx => ctx.Source.Erased);
    }
}

public sealed class RedactedFieldType : ObjectGraphType<RedactedFieldRef>
{
    public RedactedFieldType()
    {
        Name = "RedactedField";
        Description = "One field of one audit entry that a redaction erased: its value and salt are gone, its digest stays.";
        Field(f => f.Sequence).Description("The entry's sequence.");
        Field(f => f.Name).Description("The field's name, e.g. \"before.Body\".");
    }
}

public sealed class RedactionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<AuditRedactionType, AuditRedaction>>>("auditRedactions")
            .Description("Every redaction of the audit trail, requested, performed or declined, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().AuditRedactions.AsNoTracking(), r => r.Id));
}

/// <summary>The published form of redactions: audit/redactions.ndjson in the dump (FORMAT.md, Redactions).</summary>
public static class RedactionsFile
{
    public const string FileName = "audit/redactions.ndjson";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    // As the other NDJSON files: Chinese text as it is, not as \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes one line per performed redaction, oldest first, read through <paramref name="db"/> (in the caller's
    /// transaction, so that it matches the entries read in it); returns how many.
    /// </summary>
    public static async Task<long> WriteAsync(OpenAidDbContext db, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        long rows = 0;
        var redactions = db.AuditRedactions.AsNoTracking().Where(r => r.Status == AuditRedactionStatus.Redacted).OrderBy(r => r.Id).AsAsyncEnumerable();
        await foreach (var redaction in redactions.WithCancellation(ct))
        {
            await using (var writer = new Utf8JsonWriter(output, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("code", redaction.Code);
                writer.WriteStartArray("fields");
                foreach (var field in redaction.Erased)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("sequence", field.Sequence);
                    writer.WriteString("name", field.Name);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("reason", redaction.Reason);
                writer.WriteString("legalBasis", redaction.LegalBasis);
                writer.WriteString("requestedAt", AuditTrail.Format(redaction.RequestedAt));
                writer.WriteString("redactedAt", AuditTrail.Format(redaction.DecidedAt));
                writer.WriteEndObject();
            }

            await output.WriteAsync(NewLine, ct);
            rows++;
        }

        return rows;
    }
}
