namespace OpenAid.Data.Audit;

/// <summary>Who makes a write: the signed-in subject (or "anonymous"), the role acted in, and the organisation.</summary>
public sealed record AuditActor(string Subject, string Role, string? OrganizationCode);
