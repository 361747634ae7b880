namespace OpenAid.Domain.Objections;

/// <summary>
/// One read of a complainant's contact: who read it, in which role and for which organisation, when, and the
/// objection. Restricted like the contact itself (auditors list it); it is not public data, so it is neither in the
/// public audit trail nor does it advance the data version.
/// </summary>
public sealed class ContactRead
{
    public const int ActorSubjectMaxLength = 200;
    public const int ActorRoleMaxLength = 50;
    public const int OrganizationCodeMaxLength = 32;

    private ContactRead()
    {
    }

    public long Id { get; private set; }

    public int ObjectionId { get; private set; }

    public string ObjectionCode { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>The reader's public actor ID (a pseudonym for Entra ID sign-ins), as in the audit trail.</summary>
    public string ActorSubject { get; private set; } = "";

    public string ActorRole { get; private set; } = "";

    public string? ActorOrganizationCode { get; private set; }

    public static ContactRead Of(Objection objection, string actorSubject, string actorRole, string? actorOrganizationCode, DateTimeOffset at) => new()
    {
        ObjectionId = objection.Id,
        ObjectionCode = objection.Code,
        At = at,
        ActorSubject = actorSubject,
        ActorRole = actorRole,
        ActorOrganizationCode = actorOrganizationCode,
    };
}
