using System.ComponentModel;
using System.Globalization;
using OpenAid.Domain.Common;

namespace OpenAid.Domain.Audit;

/// <summary>One field of one audit entry that a redaction erased.</summary>
public sealed record RedactedFieldRef(long Sequence, string Name);

/// <summary>
/// The removal of a recorded value from the audit trail (personal data that slipped into public text, removed under
/// the Personal Information Protection Law). An Admin requests it, naming one field of one entry with a public reason
/// and legal basis; an Auditor who is not the requester performs or declines it. Performing it erases the value from
/// every entry of the record that holds it, keeping each field's digest so that every hash still verifies. The record
/// is public; its people appear by role (and, in its own audit entries, by the same opaque actor ID as everywhere in
/// the trail).
/// </summary>
public class AuditRedaction
{
    public const int CodeMaxLength = 16;
    public const int FieldMaxLength = 120;
    public const int ReasonMaxLength = 1000;
    public const int LegalBasisMaxLength = 500;
    public const int SubjectMaxLength = 200;
    public const int RoleMaxLength = 50;
    public const int EntityTypeMaxLength = 50;
    public const int EntityKeyMaxLength = 50;

    /// <summary>The register prefix of redaction codes ("RD-2026-000001").</summary>
    public const string CodeKind = "RD";

    /// <summary>What a live record holds in place of an erased value: "removed under law".</summary>
    public const string Replacement = "［已依法删除］";

    /// <summary>The header fields of an entry (FORMAT.md): they say who wrote what, when, and are never redacted.</summary>
    public static readonly IReadOnlySet<string> HeaderFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "at", "actor.subject", "actor.role", "actor.organization", "entity.type", "entity.key", "operation",
    };

    private static readonly string[] Sections = ["before.", "after."];

    private AuditRedaction()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public AuditRedactionStatus Status { get; private set; }

    /// <summary>The entry the request names.</summary>
    public long Sequence { get; private set; }

    /// <summary>The field the request names, e.g. "after.Body".</summary>
    public string Field { get; private set; } = "";

    /// <summary>The record the entry belongs to, as the trail names it (entity type and key).</summary>
    public string EntityType { get; private set; } = "";

    public string EntityKey { get; private set; } = "";

    public string Reason { get; private set; } = "";

    /// <summary>The legal basis, e.g. "《个人信息保护法》第四十七条".</summary>
    public string LegalBasis { get; private set; } = "";

    /// <summary>The requester's actor ID, as the audit trail records it (a pseudonym for Entra ID sign-ins).</summary>
    public string RequestedBy { get; private set; } = "";

    public string RequestedByRole { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The actor ID of the Auditor who performed or declined it; null while requested.</summary>
    public string? DecidedBy { get; private set; }

    public string? DecidedByRole { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why an Auditor declined it (public); null unless declined.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>Every field the redaction erased, in entry order; empty until it is performed.</summary>
    public List<RedactedFieldRef> Erased { get; private set; } = [];

    /// <summary>"RD-2026-000031" for number 31 of 2026.</summary>
    public static string CodeOf(int year, int number) => string.Create(CultureInfo.InvariantCulture, $"{Prefix(year)}{number:D6}");

    public static string Prefix(int year) => string.Create(CultureInfo.InvariantCulture, $"{CodeKind}-{year}-");

    /// <summary>
    /// The property a redactable field records: "after.Body" → "Body". Header fields and names that are not of the
    /// before.* / after.* form are refused.
    /// </summary>
    public static string PropertyOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (HeaderFields.Contains(field))
        {
            throw new DomainException(Errors.HeaderField, $"'{field}' is a header field of the entry (who wrote what, when); only before.* and after.* fields hold recorded values that can be redacted.", "field", ("field", field));
        }

        var section = Sections.FirstOrDefault(s => field.StartsWith(s, StringComparison.Ordinal) && field.Length > s.Length);
        return section is null
            ? throw new DomainException(Errors.FieldNotRecorded, $"'{field}' is not a field of an audit entry; name one as before.<Property> or after.<Property>.", "field", ("field", field))
            : field[section.Length..];
    }

    /// <summary>An Admin's request to redact <paramref name="field"/> of entry <paramref name="sequence"/>, which records <paramref name="entityType"/> <paramref name="entityKey"/>.</summary>
    public static AuditRedaction Request(
        string code, long sequence, string field, string entityType, string entityKey, string reason, string legalBasis, string requestedBy, string role, DateTimeOffset now) => new()
        {
            Code = code,
            Status = AuditRedactionStatus.Requested,
            Sequence = sequence,
            Field = field,
            EntityType = entityType,
            EntityKey = entityKey,
            Reason = Fields.PublicText(reason, "reason", ReasonMaxLength),
            LegalBasis = Fields.PublicText(legalBasis, "legalBasis", LegalBasisMaxLength),
            RequestedBy = requestedBy,
            RequestedByRole = role,
            RequestedAt = now,
        };

    /// <summary>An Auditor other than the requester performs it; <paramref name="erased"/> are the fields the erasure reached.</summary>
    public void Redact(string auditor, string role, DateTimeOffset now, IEnumerable<RedactedFieldRef> erased)
    {
        Decide(auditor, role, now);
        Status = AuditRedactionStatus.Redacted;
        Erased = [.. erased];
    }

    /// <summary>An Auditor other than the requester declines it, with a public reason; nothing is erased.</summary>
    public void Decline(string auditor, string role, string reason, DateTimeOffset now)
    {
        var text = Fields.PublicText(reason, "reason", ReasonMaxLength);
        Decide(auditor, role, now);
        Status = AuditRedactionStatus.Declined;
        DeclineReason = text;
    }

    /// <summary>Checks, before anything is erased, that <paramref name="auditor"/> may decide this request.</summary>
    public void RequireDecidableBy(string auditor)
    {
        if (Status != AuditRedactionStatus.Requested)
        {
            throw new DomainException(Errors.InvalidTransition, $"Redaction {Code} is {Status.ToString().ToLowerInvariant()}; only a requested redaction is performed or declined.", "redaction", ("record", "AuditRedaction"), ("code", Code), ("status", Status));
        }

        if (string.Equals(auditor, RequestedBy, StringComparison.Ordinal))
        {
            throw new DomainException(Errors.TwoPersonsRequired, $"You requested redaction {Code}; another person, an Auditor, must perform or decline it.", "redaction", ("redaction", Code));
        }
    }

    private void Decide(string auditor, string role, DateTimeOffset now)
    {
        RequireDecidableBy(auditor);
        DecidedBy = auditor;
        DecidedByRole = role;
        DecidedAt = now;
    }
}

[Description("requested → redacted, or declined.")]
public enum AuditRedactionStatus
{
    [Description("Requested by an Admin, awaiting an Auditor.")]
    Requested = 1,
    [Description("Performed: the value is erased, its digests kept.")]
    Redacted = 2,
    [Description("Declined by an Auditor, with a public reason; nothing was erased.")]
    Declined = 3,
}
