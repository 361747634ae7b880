using System.ComponentModel;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Access;

/// <summary>The roles a person may be granted; the API authorises from these, never from a token's own claims.</summary>
[Description("A role a person may be granted.")]
public enum Role
{
    [Description("A government unit publishing funds, projects, notices and needs in its region.")]
    Publisher,

    [Description("A poverty office reviewing needs and answering objections in its region.")]
    Reviewer,

    [Description("An enterprise, NGO or person pledging for its organisation.")]
    Donor,

    [Description("Reads restricted fields and verifies the audit trail.")]
    Auditor,

    [Description("Manages organisations, programs, pairings and grants.")]
    Admin,
}

/// <summary>
/// One role a person holds: for a region subtree (nationwide when null, for Auditors, Admins and Donors only) and for
/// an organisation (required for Donors). Never deleted: a revoked grant keeps who revoked it, when and why.
/// </summary>
public class Grant
{
    public const int MaxSubjectLength = 64;
    public const int MaxNameLength = 50;
    public const int MaxReasonLength = 500;

    public int Id { get; private set; }

    /// <summary>Who holds it: the Entra pseudonym of tid+oid, or a development user's subject.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The person's name as the granting Admin gave it; not public, the audit trail leaves it out.</summary>
    [Restricted]
    public string? PersonName { get; private set; }

    public Role Role { get; private set; }

    public long? RegionCode { get; private set; }

    public int? OrganizationId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset GrantedAt { get; private set; }

    public string GrantedBy { get; private set; } = "";

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public string? RevokeReason { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>
    /// A new grant. <paramref name="region"/> is required for Publishers and Reviewers, whose work is always somewhere;
    /// <paramref name="organization"/> for Donors, who pledge for it. <paramref name="alreadyHeld"/>: the person holds
    /// an active grant of the same role, region and organisation.
    /// </summary>
    public static Grant Make(
        string subject, string? personName, Role role, Region? region, Organization? organization, string reason, string grantedBy, DateTimeOffset now, bool alreadyHeld)
    {
        var person = subject.Trim();
        if (person.Length == 0)
        {
            throw new DomainException(Errors.Required, "'person' must name the person's subject.", "person");
        }

        if (person.Length > MaxSubjectLength)
        {
            throw new DomainException(Errors.TooLong, $"'person' may have at most {MaxSubjectLength} characters; it has {person.Length}.", "person");
        }

        var name = personName?.Trim();
        if (name is { Length: > MaxNameLength })
        {
            throw new DomainException(Errors.TooLong, $"'personName' may have at most {MaxNameLength} characters; it has {name.Length}.", "personName");
        }

        if (region is null && role is Role.Publisher or Role.Reviewer)
        {
            throw new DomainException(Errors.Required, $"A {role} grant is for a region: name it in 'region'.", "region");
        }

        if (organization is null && role == Role.Donor)
        {
            throw new DomainException(Errors.Required, "A Donor grant is for an organisation: name it in 'organization'.", "organization");
        }

        if (alreadyHeld)
        {
            throw new DomainException(Errors.GrantHeld, $"{person} already holds this {role} grant.", "person");
        }

        return new Grant
        {
            Subject = person,
            PersonName = string.IsNullOrEmpty(name) ? null : name,
            Role = role,
            RegionCode = region?.Code,
            OrganizationId = organization?.Id,
            Reason = Fields.PublicText(reason, "reason", MaxReasonLength),
            GrantedBy = grantedBy,
            GrantedAt = now,
        };
    }

    /// <summary>Ends the grant; the row stays. <paramref name="lastAdmin"/>: no other active Admin grant would remain.</summary>
    public void Revoke(string revokedBy, string reason, DateTimeOffset now, bool lastAdmin)
    {
        if (!IsActive)
        {
            throw new DomainException(Errors.GrantRevoked, $"The grant was revoked on {RevokedAt:yyyy-MM-dd}.", "grant");
        }

        if (Role == Role.Admin && lastAdmin)
        {
            throw new DomainException(Errors.LastAdmin, "This is the last active Admin grant: grant Admin to someone else first.", "grant");
        }

        RevokeReason = Fields.PublicText(reason, "reason", MaxReasonLength);
        RevokedBy = revokedBy;
        RevokedAt = now;
    }
}
