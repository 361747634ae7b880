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
