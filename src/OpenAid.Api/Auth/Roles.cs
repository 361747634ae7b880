namespace OpenAid.Api.Auth;

/// <summary>The roles of grants (Domain.Access.Role by name); "Admin" is also the Entra ID app role of the first administrators.</summary>
public static class Roles
{
    /// <summary>A government unit: funds, projects, notices, transactions and village statistics in its own region subtree.</summary>
    public const string Publisher = "Publisher";

    /// <summary>A poverty office: reviews needs and answers objections in its own region subtree.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>An enterprise, NGO or person: pledges for its own organisation only.</summary>
    public const string Donor = "Donor";

    /// <summary>Reads restricted fields (e.g. objection contacts) anywhere.</summary>
    public const string Auditor = "Auditor";

    /// <summary>Manages organisations, programs, pairings and role grants.</summary>
    public const string Admin = "Admin";

    /// <summary>Not a role: an operation open to everyone, signed in or not (filing an objection).</summary>
    public const string Anyone = "Anonymous";

    public static readonly IReadOnlyList<string> All = [Publisher, Reviewer, Donor, Auditor, Admin];
}

/// <summary>The claim types OpenAid reads, the same for Entra ID tokens and local development tokens.</summary>
public static class OpenAidClaims
{
    /// <summary>Entra ID app roles; only "Admin" counts (ActorResolution).</summary>
    public const string Roles = "roles";
    public const string Name = "name";
    public const string Subject = "sub";

    /// <summary>The pseudonym of an Entra ID caller; added by the server after validation, never taken from a token.</summary>
    public const string Actor = "openaid_actor";
}
