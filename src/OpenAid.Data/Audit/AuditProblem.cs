namespace OpenAid.Data.Audit;

/// <summary>
/// The first broken place a verification found (FORMAT.md, Verification): a stable code, the entry's sequence when
/// the place is an entry or checkpoint, the record (type, key, property) when it is a live record, and a message.
/// </summary>
public sealed record AuditProblem(string Code, long? Sequence, string Message, string? EntityType = null, string? EntityKey = null, string? Field = null);
