namespace OpenAid.Data.Audit;

/// <summary>
/// Who makes a write: the signed-in subject (or "anonymous"), the role acted in, and the organisation.
/// <paramref name="DatedByDay"/> dates the write's audit entries by the day only (midnight where the service runs),
/// for writes whose time of day could single out an anonymous writer: a complainant filing an objection.
/// </summary>
public sealed record AuditActor(string Subject, string Role, string? OrganizationCode, bool DatedByDay = false);
