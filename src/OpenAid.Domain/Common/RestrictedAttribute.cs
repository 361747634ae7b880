namespace OpenAid.Domain.Common;

/// <summary>
/// A value that is never public, e.g. a complainant's contact: the audit trail (which is public) leaves it out, and
/// only a graph type field that checks the reader's role may expose it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RestrictedAttribute : Attribute;
