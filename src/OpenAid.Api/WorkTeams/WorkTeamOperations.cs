using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;
using OpenAid.Domain.WorkTeams;

namespace OpenAid.Api.WorkTeams;

[Description("A resident work team sent to a village: the assisting unit, the period, the size, the first secretary and the members by role title (never names or phones).")]
public sealed record AssignWorkTeamInput
{
    [Description("The village's 12-digit code; its county must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The code of the assisting unit (帮扶单位) that sends the team, from anywhere.")]
    public required string Organization { get; init; }

    [Description("The day the team was sent; not after today.")]
    public required DateOnly StartedOn { get; init; }

    [Description("The day the posting is planned to end, after startedOn; leave out when open.")]
    public DateOnly? PlannedEndOn { get; init; }

    [Description("How many cadres the team has, first secretary included (1–50).")]
    public required int Size { get; init; }

    [Description("The first secretary's role title (public; no name or phone), e.g. \"第一书记（省民政厅派驻）\"; leave out when the team has none.")]
    public string? FirstSecretaryTitle { get; init; }

    [Description("The code of the unit that sent the first secretary, when not the team's unit; it must be above county level.")]
    public string? FirstSecretaryOrganization { get; init; }

    [Description("The members' role titles (public; at most 10, one per member), e.g. [\"队长\", \"队员（农技）\"].")]
    public IReadOnlyList<string>? MemberTitles { get; init; }
}

[Description("A work team ended with a public reason; it stays as the village's history.")]
public sealed record EndWorkTeamInput
{
    [Description("The team's code, e.g. \"ZC-00012\".")]
    public required string WorkTeam { get; init; }

    [Description("Why (public), e.g. rotation or the village's exit.")]
    public required string Reason { get; init; }
}

[Description("One assisting unit's households with a named helper.")]
public sealed record HouseholdHelperCountInput
{
    [Description("The assisting unit's code.")]
    public required string Organization { get; init; }

    [Description("Households with a named helper from the unit (a count).")]
    public required int Households { get; init; }
}

[Description("A village's households with a named helper (帮扶责任人) in a year, by assisting unit: counts only. Replaces the year's counts; a unit left out counts 0.")]
public sealed record RecordHouseholdHelpersInput
{
    [Description("The village's 12-digit code; must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year counted; not in the future.")]
    public required int Year { get; init; }

    [Description("One count per assisting unit; together at most the village's poor households of the year, where its statistics have them.")]
    [InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringInputObjectGraphType<HouseholdHelperCountInput>>>>))]
    public required IReadOnlyList<HouseholdHelperCountInput> Counts { get; init; }
}

/// <summary>
/// Work teams, first secretaries and households' helpers. The county's organisation department assigns work teams and
/// first secretaries (the documents put 驻村帮扶 under county management), so a Publisher whose grant covers the village's
/// county assigns and ends them; a village Publisher does not assign its own. Households' helpers are counted by a
/// Publisher of the village's region, as its statistics are.
/// </summary>
public sealed class WorkTeamOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<AssignWorkTeamInput, WorkTeamType>(
            "assignWorkTeam", Roles.Publisher, "Assigns a resident work team (驻村工作队) and its first secretary to a village (Publisher of its county); one active team per village.",
            "The team.", "workTeam", "The team assigned, with its new code.")
            .Handle(AssignAsync);
        operations.Mutation<EndWorkTeamInput, WorkTeamType>(
            "endWorkTeam", Roles.Publisher, "Ends a village's work team with a public reason (Publisher of its county); it stays as history.",
            "The team and the reason.", "workTeam", "The team, ended.")
            .Handle(EndAsync);
        operations.Mutation<RecordHouseholdHelpersInput, HouseholdHelpersType>(
            "recordHouseholdHelpers", Roles.Publisher, "Records or corrects how many households of a village had a named helper in a year, by assisting unit (Publisher of its region). Counts only.",
            "The counts.", "householdHelpers", "The village's counts of the year.")
            .Handle(RecordHelpersAsync);
    }

    /// <summary>The county above a village (or the region itself above county level), whose Publisher manages its work teams.</summary>
    private static long ManagingRegion(RegionCode region) =>
        region.Level >= RegionLevel.County ? region.Lineage().ElementAt(RegionLevel.County - RegionLevel.Province) : region.Value;

    private static async Task<WorkTeam> AssignAsync(WriteContext write, AssignWorkTeamInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var village = await Lookups.RegionAsync(db, input.Region, "region", ct);
        write.RequireInScope(ManagingRegion(village.RegionCode));
        var unit = await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), input.Organization, "organization", ct);
        var secretaryUnit = input.FirstSecretaryOrganization is null
            ? null
            : await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), input.FirstSecretaryOrganization, "firstSecretaryOrganization", ct);
        var active = await db.WorkTeams.Where(t => t.ActiveVillageCode == village.Code).Select(t => t.Code).FirstOrDefaultAsync(ct);
        var code = await write.NextSerialAsync(WorkTeam.CodePrefix, 5, db.WorkTeams.Select(t => t.Code));
        var team = WorkTeam.Assign(
            code, unit, village, active, input.StartedOn, input.PlannedEndOn, input.Size, input.FirstSecretaryTitle, secretaryUnit, input.MemberTitles, write.Today);
        db.WorkTeams.Add(team);
        return team;
    }

    private static async Task<WorkTeam> EndAsync(WriteContext write, EndWorkTeamInput input)
    {
        var team = await Lookups.ByCodeAsync(write.Db.WorkTeams, input.WorkTeam, "workTeam", write.Cancellation);
        write.RequireInScope(ManagingRegion(RegionCode.Of(team.VillageCode)));
        team.End(input.Reason, write.Today);
        return team;
    }

    private static async Task<HouseholdHelpers> RecordHelpersAsync(WriteContext write, RecordHouseholdHelpersInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var village = await write.RegionInScopeAsync(input.Region, "region");
        var codes = input.Counts.Select(c => c.Organization.Trim()).Distinct().ToList();
        var units = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        if (codes.FirstOrDefault(c => !units.ContainsKey(c)) is { } missing)
        {
            throw new DomainException(Errors.NotFound, $"No organization has the code '{missing}'.", "counts.organization", ("record", "Organization"), ("code", missing));
        }

        var statistics = await db.VillageStatistics.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == village.Code && s.Year == input.Year, ct);
        var counts = HouseholdHelperCount.Record(village, input.Year, [.. input.Counts.Select(c => (units[c.Organization.Trim()], c.Households))], statistics, write.Today);
        var existing = await db.HouseholdHelperCounts.Where(c => c.VillageCode == village.Code && c.Year == input.Year).ToDictionaryAsync(c => c.OrganizationId, ct);
        foreach (var count in counts)
        {
            if (existing.Remove(count.OrganizationId, out var recorded))
            {
                recorded.Correct(count);
            }
            else
            {
                db.HouseholdHelperCounts.Add(count);
            }
        }

        // Nothing recorded is deleted: a unit left out of the correction counts no household any more.
        foreach (var left in existing.Values)
        {
            left.Withdraw();
        }

        return new HouseholdHelpers(input.Year, [.. counts.Where(c => c.Households > 0).Select(c => new HouseholdHelperUnit(c.OrganizationId, c.Households)).OrderByDescending(u => u.Households)]);
    }
}
