namespace OpenAid.Domain.Common;

/// <summary>
/// A value that is never public, e.g. a complainant's contact: the audit trail (which is public) leaves it out, and
/// only a graph type field that checks the reader's role may expose it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RestrictedAttribute : Attribute;

/// <summary>
/// A public value that may later be withdrawn from view (an abusive objection description): the audit trail, which
/// is public for good, records its SHA-256 instead of the text, so it still proves what was written without
/// republishing what was hidden.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditedByDigestAttribute : Attribute;
