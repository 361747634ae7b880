namespace OpenAid.Data.Audit;

/// <summary>
/// Who makes a write: the signed-in subject (or "anonymous"), the role acted in, and the organisation.
/// <paramref name="DatedByDay"/> dates the write's audit entries by the day only (midnight where the service runs),
/// for writes whose time of day could single out an anonymous writer: a complainant filing an objection.
/// </summary>
public sealed record AuditActor(string Subject, string Role, string? OrganizationCode, bool DatedByDay = false)
{
    /// <summary>The role of the service's own writers; no person holds it.</summary>
    public const string SystemRole = "System";

    /// <summary>The subjects of the system actors start with this.</summary>
    public const string SystemPrefix = "system:";

    /// <summary>The demo data generator: every demo record, and the demo's poverty flags on real places.</summary>
    public static AuditActor SystemDemo { get; } = System("demo");

    /// <summary>The import of the real places (one RegionImport entry covers them all).</summary>
    public static AuditActor SystemRegionImport { get; } = System("region-import");

    /// <summary>Reference data shipped with the code besides the places: the provinces' exit rules.</summary>
    public static AuditActor SystemSeed { get; } = System("seed");

    /// <summary>What the calendar does, not a person: a pledge lapsing past its confirmation date, whoever's write stored it.</summary>
    public static AuditActor SystemSchedule { get; } = System("schedule");

    /// <summary>Development sign-in: the local users `token --role` and the test servers make on demand.</summary>
    public static AuditActor SystemLocalUsers { get; } = System("local-users");

    private static AuditActor System(string name) => new(SystemPrefix + name, SystemRole, null);
}
