using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.WorkTeams;

/// <summary>
/// A resident work team (驻村工作队) an assisting unit sends to a village for a period, with its first secretary
/// (第一书记). People appear by role title and unit only: no names, no phones. A village has one active team at a time;
/// an ended team stays as history with its public reason.
/// </summary>
public class WorkTeam
{
    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 60;
    public const int MaxMemberTitles = 10;
    public const int MaxSize = 50;
    public const int EndReasonMaxLength = 1000;

    /// <summary>The register prefix of work team codes ("ZC-00012", 驻村), numbered with five digits.</summary>
    public const string CodePrefix = "ZC-";

    private WorkTeam()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>The assisting unit (帮扶单位) that sent the team.</summary>
    public int OrganizationId { get; private set; }

    public long VillageCode { get; private set; }

    /// <summary>The village code while the team is active, null once ended: its unique index keeps one active team per village.</summary>
    public long? ActiveVillageCode { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? PlannedEndOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>How many cadres the team has, first secretary included.</summary>
    public int Size { get; private set; }

    /// <summary>The first secretary's role title, e.g. "第一书记（省民政厅派驻）"; null when the team has none.</summary>
    public string? FirstSecretaryTitle { get; private set; }

    /// <summary>The unit that sent the first secretary, when it has one; it may differ from the team's unit.</summary>
    public int? FirstSecretaryOrganizationId { get; private set; }

    /// <summary>The members' role titles ("队长", "队员（农技）"), never names; stored one a line.</summary>
    public string MemberTitleLines { get; private set; } = "";

    public IReadOnlyList<string> MemberTitles => MemberTitleLines.Length == 0 ? [] : MemberTitleLines.Split('\n');

    public bool IsDemo { get; private set; }

    public bool IsActive => EndedOn is null;

    /// <summary>
    /// A team of <paramref name="unit"/> in <paramref name="village"/> (a village, with no active team:
    /// <paramref name="activeTeam"/> is the code of the one it has, if any), from <paramref name="startedOn"/> (not after
    /// today) to <paramref name="plannedEndOn"/>. A first secretary is sent by a unit above county level
    /// (<paramref name="secretaryUnit"/>, the team's unit when null): one registered at province or city level, or
    /// outside the provinces OpenAid holds (a central unit).
    /// </summary>
    public static WorkTeam Assign(
        string code, Organization unit, Region village, string? activeTeam, DateOnly startedOn, DateOnly? plannedEndOn, int size,
        string? firstSecretaryTitle, Organization? secretaryUnit, IReadOnlyList<string>? memberTitles, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(village);
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(Errors.NotAVillage, $"{village.Name} is a {village.Level.ToString().ToLowerInvariant()}; a work team is sent to a village.", "region", ("regionName", village.Name), ("level", village.Level));
        }

        if (activeTeam is not null)
        {
            throw new DomainException(Errors.WorkTeamActive, $"{village.Name} has an active work team, {activeTeam}; end it before assigning another.", "region", ("regionName", village.Name), ("workTeam", activeTeam));
        }

        if (startedOn > today)
        {
            throw new DomainException(Errors.InvalidDate, $"'startedOn' ({startedOn:yyyy-MM-dd}) is after today; assign a team once it is sent.", "startedOn", ("date", startedOn), ("today", today));
        }

        if (plannedEndOn is { } end && end <= startedOn)
        {
            throw new DomainException(Errors.DatesOutOfOrder, $"'plannedEndOn' ({end:yyyy-MM-dd}) is not after 'startedOn' ({startedOn:yyyy-MM-dd}).", "plannedEndOn", ("end", end), ("start", startedOn));
        }

        if (size is < 1 or > MaxSize)
        {
            throw new DomainException(Errors.InvalidCount, $"'size' must be from 1 to {MaxSize}; it was {size}.", "size", ("max", MaxSize), ("value", size));
        }

        // A title is one line: inner line breaks and runs of spaces become one space.
        var titles = (memberTitles ?? []).Select((t, i) => string.Join(' ', Fields.PublicText(t, $"memberTitles[{i}]", TitleMaxLength).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        if (titles.Count > MaxMemberTitles || titles.Count > size)
        {
            var max = Math.Min(MaxMemberTitles, size);
            throw new DomainException(Errors.TooMany, $"'memberTitles' may hold at most {max} titles (one per member, at most {MaxMemberTitles}); it holds {titles.Count}.", "memberTitles", ("max", max), ("count", titles.Count));
        }

        var secretary = Fields.OptionalPublicText(firstSecretaryTitle, "firstSecretaryTitle", TitleMaxLength);
        var sender = secretary is null ? null : secretaryUnit ?? unit;
        if (sender is not null && !AboveCountyLevel(sender))
        {
            throw new DomainException(
                Errors.FirstSecretaryUnitLevel,
                $"{sender.Name} is a unit at county level or below; a first secretary is sent by a unit above county level.",
                secretaryUnit is null ? "organization" : "firstSecretaryOrganization", ("organization", sender.Code));
        }

        return new WorkTeam
        {
            Code = code,
            OrganizationId = unit.Id,
            VillageCode = village.Code,
            ActiveVillageCode = village.Code,
            StartedOn = startedOn,
            PlannedEndOn = plannedEndOn,
            Size = size,
            FirstSecretaryTitle = secretary,
            FirstSecretaryOrganizationId = sender?.Id,
            MemberTitleLines = string.Join('\n', titles),
        };
    }

    /// <summary>Whether a unit is above county level: registered at province or city level, or outside the provinces held.</summary>
    public static bool AboveCountyLevel(Organization unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.RegionCode is not { } home || RegionCode.LevelOf(home) is RegionLevel.Province or RegionLevel.City;
    }

    /// <summary>A team of the demo data, marked as such; ended when <paramref name="endedOn"/> is given.</summary>
    public static WorkTeam Demo(
        string code, Organization unit, long village, DateOnly startedOn, DateOnly plannedEndOn, int size, string? firstSecretaryTitle, Organization? secretaryUnit,
        IReadOnlyList<string> memberTitles, DateOnly? endedOn, string? endReason)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new WorkTeam
        {
            Code = code, OrganizationId = unit.Id, VillageCode = village, ActiveVillageCode = endedOn is null ? village : null, StartedOn = startedOn,
            PlannedEndOn = plannedEndOn, Size = size, FirstSecretaryTitle = firstSecretaryTitle, FirstSecretaryOrganizationId = secretaryUnit?.Id,
            MemberTitleLines = string.Join('\n', memberTitles), EndedOn = endedOn, EndReason = endReason, IsDemo = true,
        };
    }

    /// <summary>Ends the team today with a public reason (rotation, the village's exit); it stays as history.</summary>
    public void End(string reason, DateOnly today)
    {
        if (EndedOn is { } ended)
        {
            throw new DomainException(Errors.InvalidTransition, $"Work team {Code} was ended on {ended:yyyy-MM-dd}.", "workTeam", ("record", nameof(WorkTeam)), ("code", Code));
        }

        if (today < StartedOn)
        {
            throw new DomainException(Errors.InvalidDate, $"Work team {Code} starts on {StartedOn:yyyy-MM-dd}; it cannot end before.", "workTeam", ("date", today), ("from", StartedOn));
        }

        EndReason = Fields.PublicText(reason, "reason", EndReasonMaxLength);
        EndedOn = today;
        ActiveVillageCode = null;
    }
}
