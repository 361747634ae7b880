using System.ComponentModel;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;

namespace OpenAid.Domain.Programs;

/// <summary>
/// An organisation's application to join a program, decided by an administrator with a reason (required when it is
/// declined). Approval makes the membership that pledges in the program need. Applications and their reasons are
/// public, as the memberships they lead to are.
/// </summary>
public class ProgramApplication
{
    public const int MotivationMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    private ProgramApplication()
    {
    }

    public int Id { get; private set; }

    public int ProgramId { get; private set; }

    public int OrganizationId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>What the organisation means to do in the program (public).</summary>
    public string Motivation { get; private set; } = "";

    public DateTimeOffset AppliedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was approved or declined (public); always given for a decline.</summary>
    public string? DecisionReason { get; private set; }

    /// <summary>
    /// <paramref name="organization"/> applies to <paramref name="program"/>, which must still run. It may not be a
    /// current member (<paramref name="membership"/>, if any) nor have an application pending (<paramref name="pending"/>).
    /// </summary>
    public static ProgramApplication Apply(
        AidProgram program, Organization organization, ProgramMembership? membership, bool pending, string motivation, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(organization);
        program.RequireRunning(today);
        if (membership is { IsCurrent: true })
        {
            throw new DomainException(Errors.AlreadyAMember, $"{organization.Name} is a member of {program.Name} already.", "program");
        }

        if (pending)
        {
            throw new DomainException(Errors.ApplicationPending, $"{organization.Name} has an application to {program.Name} waiting for its decision.", "program");
        }

        return new ProgramApplication
        {
            ProgramId = program.Id,
            OrganizationId = organization.Id,
            Status = ApplicationStatus.Pending,
            Motivation = Fields.PublicText(motivation, "motivation", MotivationMaxLength),
            AppliedAt = now,
        };
    }

    /// <summary>
    /// Approves the pending application: returns the new membership to store, or null when <paramref name="former"/>
    /// (a membership the organisation left) is made current again. The reason is optional.
    /// </summary>
    public ProgramMembership? Approve(AidProgram program, ProgramMembership? former, string? reason, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        RequirePending();
        program.RequireRunning(today);
        Decide(ApplicationStatus.Approved, Fields.OptionalPublicText(reason, "reason", ReasonMaxLength), now);
        if (former is null)
        {
            return ProgramMembership.Of(ProgramId, OrganizationId, today.Year);
        }

        if (former.IsCurrent)
        {
            throw new DomainException(Errors.AlreadyAMember, "The organisation is a member of the program already.", "application");
        }

        former.Rejoin(today.Year);
        return null;
    }

    /// <summary>Declines the pending application with a public reason.</summary>
    public void Decline(string? reason, DateTimeOffset now)
    {
        RequirePending();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(Errors.Required, "An application is declined with a reason the applicant can read; 'reason' must not be empty.", "reason");
        }

        Decide(ApplicationStatus.Declined, Fields.PublicText(reason, "reason", ReasonMaxLength), now);
    }

    private void RequirePending()
    {
        if (Status != ApplicationStatus.Pending)
        {
            throw new DomainException(Errors.InvalidTransition, $"The application is {Status.ToString().ToLowerInvariant()} already; only a pending one is decided.", "application");
        }
    }

    private void Decide(ApplicationStatus status, string? reason, DateTimeOffset now) =>
        (Status, DecisionReason, DecidedAt) = (status, reason, now);
}

[Description("Where an application to join a program stands.")]
public enum ApplicationStatus
{
    [Description("Waiting for an administrator's decision.")]
    Pending = 1,
    [Description("Approved: the organisation is a member of the program.")]
    Approved = 2,
    [Description("Declined, with a reason.")]
    Declined = 3,
}
