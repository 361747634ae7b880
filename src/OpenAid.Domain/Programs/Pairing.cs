using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Programs;

/// <summary>
/// A helper (an organisation, or a region such as a Guangdong city) paired with a helped region for a
/// period, under a program (结对帮扶). Ending it keeps it as history, with its reason.
/// </summary>
public class Pairing
{
    public const int CodeMaxLength = 32;
    public const int YearlyPlanMaxLength = 2000;
    public const int EndReasonMaxLength = 1000;

    /// <summary>The register prefix of pairing codes ("JD-00012"), numbered with five digits.</summary>
    public const string CodePrefix = "JD-";

    private Pairing()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public int ProgramId { get; private set; }

    public int? HelperOrganizationId { get; private set; }

    public long? HelperRegionCode { get; private set; }

    public long HelpedRegionCode { get; private set; }

    public int StartYear { get; private set; }

    public int? EndYear { get; private set; }

    public string YearlyPlan { get; private set; } = "";

    public long YearlyBudgetFen { get; private set; }

    /// <summary>The day the pairing was ended before its time; null unless it was.</summary>
    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>
    /// A pairing under <paramref name="program"/> (which must still run) of exactly one helper – an organisation or a
    /// region – with <paramref name="helped"/>. A helper region neither is, contains nor lies within the helped one.
    /// </summary>
    public static Pairing Create(
        string code, AidProgram program, Organization? helperOrganization, Region? helperRegion, Region helped,
        int startYear, int? endYear, string yearlyPlan, long yearlyBudgetFen, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(helped);
        program.RequireRunning(today);
        if ((helperOrganization is null) == (helperRegion is null))
        {
            throw new DomainException(Errors.OneHelperRequired, "Name exactly one helper: 'helperOrganization' or 'helperRegion'.", "helperOrganization");
        }

        if (helperRegion is { } region && (region.RegionCode.Contains(helped.Code) || helped.RegionCode.Contains(region.Code)))
        {
            throw new DomainException(Errors.HelperIsHelped, $"{region.Name} and {helped.Name} are one place or one lies within the other; a region does not pair with itself.", "helperRegion");
        }

        var (start, end) = AidProgram.Period(startYear, endYear);
        return new Pairing
        {
            Code = code,
            ProgramId = program.Id,
            HelperOrganizationId = helperOrganization?.Id,
            HelperRegionCode = helperRegion?.Code,
            HelpedRegionCode = helped.Code,
            StartYear = start,
            EndYear = end,
            YearlyPlan = Fields.PublicText(yearlyPlan, "yearlyPlan", YearlyPlanMaxLength),
            YearlyBudgetFen = Fields.NonNegativeAmount(yearlyBudgetFen, "yearlyBudgetFen"),
        };
    }

    /// <summary>A pairing of the demo data, marked as such.</summary>
    public static Pairing Demo(
        string code, AidProgram program, Organization? helperOrganization, long? helperRegion, long helped, int startYear, int endYear, string yearlyPlan, long yearlyBudgetFen)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new Pairing
        {
            Code = code, ProgramId = program.Id, HelperOrganizationId = helperOrganization?.Id, HelperRegionCode = helperRegion, HelpedRegionCode = helped,
            StartYear = startYear, EndYear = endYear, YearlyPlan = yearlyPlan, YearlyBudgetFen = yearlyBudgetFen, IsDemo = true,
        };
    }

    /// <summary>
    /// Ends the pairing with a public reason: its last year becomes this year (or stays earlier, when it was set
    /// earlier). The pairing stays, as history of what was paired when.
    /// </summary>
    public void End(string reason, DateOnly today)
    {
        if (EndedOn is { } ended)
        {
            throw new DomainException(Errors.InvalidTransition, $"Pairing {Code} was ended on {ended:yyyy-MM-dd}.", "pairing");
        }

        EndReason = Fields.PublicText(reason, "reason", EndReasonMaxLength);
        EndedOn = today;
        EndYear = Math.Min(EndYear ?? today.Year, today.Year);
    }
}
