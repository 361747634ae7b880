namespace OpenAid.Domain.Programs;

/// <summary>
/// A helper (an organisation, or a region such as a Guangdong city) paired with a helped region for a
/// period, under a program (结对帮扶).
/// </summary>
public class Pairing
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int ProgramId { get; set; }

    public int? HelperOrganizationId { get; set; }

    public long? HelperRegionCode { get; set; }

    public long HelpedRegionCode { get; set; }

    public int StartYear { get; set; }

    public int? EndYear { get; set; }

    public required string YearlyPlan { get; set; }

    public long YearlyBudgetFen { get; set; }

    public bool IsDemo { get; set; }
}
