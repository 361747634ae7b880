namespace OpenAid.Domain.Programs;

/// <summary>A campaign organisations join, such as 万企帮万村 or 粤桂扶贫协作.</summary>
public class AidProgram
{
    public int Id { get; set; }

    /// <summary>Stable public code, e.g. "WQBWC".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public int StartYear { get; set; }

    /// <summary>Where the program applies; null for a national program.</summary>
    public long? RegionCode { get; set; }

    public List<ProgramMembership> Members { get; set; } = [];
}

public class ProgramMembership
{
    public int ProgramId { get; set; }

    public int OrganizationId { get; set; }

    public int JoinedYear { get; set; }
}
