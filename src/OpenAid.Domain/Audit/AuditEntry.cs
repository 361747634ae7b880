namespace OpenAid.Domain.Audit;

/// <summary>
/// One write to public data: who, when, what before and what after. Entries are chained: each hash covers
/// the previous entry's hash and this entry's canonical form, so anyone can verify the history.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in subject, or "anonymous".</summary>
    public required string ActorSubject { get; set; }

    public required string ActorRole { get; set; }

    public string? ActorOrganizationCode { get; set; }

    /// <summary>The entity type, e.g. "Notice".</summary>
    public required string EntityType { get; set; }

    /// <summary>The entity's key, as text.</summary>
    public required string EntityKey { get; set; }

    /// <summary>"create" or "update": nothing public is ever deleted.</summary>
    public required string Operation { get; set; }

    /// <summary>The entity's public fields before the write, as canonical JSON; null on create.</summary>
    public string? Before { get; set; }

    public required string After { get; set; }

    /// <summary>"public", or "restricted" for an entry made while its record was not public (a draft's): published as its digest only.</summary>
    public string Visibility { get; set; } = "public";

    /// <summary>The secret (hex) each field's salt derives from; never published, dropped once a field of the entry is redacted.</summary>
    public string? Seed { get; set; }

    /// <summary>After a redaction: the remaining fields' salts as a JSON object (field name → salt hex), since the seed is gone.</summary>
    public string? Salts { get; set; }

    /// <summary>Redacted fields as a JSON object: field name → { "digest", "redaction" }. Their values are gone from Before and After.</summary>
    public string? Redactions { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
