namespace OpenAid.Domain.Funds;

public class Fund
{
    public int Id { get; set; }

    /// <summary>Stable public code, e.g. "ZJ-450000-2019-0012".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The issuing document number (文号), e.g. 桂财农〔2018〕12号; unique within a fiscal year.</summary>
    public required string DocumentNumber { get; set; }

    public FundSourceType SourceType { get; set; }

    public FundLevel Level { get; set; }

    public int FiscalYear { get; set; }

    public long AmountFen { get; set; }

    /// <summary>The region that holds and allocates the fund.</summary>
    public long RegionCode { get; set; }

    public int IssuerOrganizationId { get; set; }

    public required string Purpose { get; set; }

    /// <summary>The date of the allocation decision; a notice about the fund is due within 15 working days.</summary>
    public DateOnly DecidedOn { get; set; }

    /// <summary>Optimistic concurrency token: concurrent allocations cannot both take the last of the fund.</summary>
    public int Version { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>Part of a fund allocated to a project. The allocations of a fund never add up to more than it.</summary>
public class FundAllocation
{
    public int Id { get; set; }

    public int FundId { get; set; }

    public int ProjectId { get; set; }

    public long AmountFen { get; set; }

    public DateOnly DecidedOn { get; set; }
}
