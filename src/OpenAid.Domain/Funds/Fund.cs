using OpenAid.Domain.Common;
using OpenAid.Domain.Projects;

namespace OpenAid.Domain.Funds;

public class Fund : Regions.IPlaced
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int DocumentNumberMaxLength = 100;
    public const int PurposeMaxLength = 2000;

    /// <summary>The register prefix of fund codes ("ZJ-450000-2019-0012").</summary>
    public const string CodeKind = "ZJ";

    private Fund()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable public code, e.g. "ZJ-450000-2019-0012".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The issuing document number (文号), e.g. 桂财农〔2018〕12号; unique within a fiscal year.</summary>
    public string DocumentNumber { get; private set; } = "";

    public FundSourceType SourceType { get; private set; }

    public FundLevel Level { get; private set; }

    public int FiscalYear { get; private set; }

    public long AmountFen { get; private set; }

    /// <summary>The region that holds and allocates the fund.</summary>
    public long RegionCode { get; private set; }

    public int IssuerOrganizationId { get; private set; }

    public string Purpose { get; private set; } = "";

    /// <summary>The date of the allocation decision; a notice about the fund is due within 15 working days.</summary>
    public DateOnly DecidedOn { get; private set; }

    /// <summary>Optimistic concurrency token: concurrent allocations cannot both take the last of the fund.</summary>
    public int Version { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>
    /// A new fund. <paramref name="documentNumberTaken"/> says whether a fund of the same fiscal year already has
    /// the document number, which must be unique within the year.
    /// </summary>
    public static Fund Create(
        string code, string name, string documentNumber, FundSourceType sourceType, FundLevel level, int fiscalYear,
        long amountFen, long regionCode, int issuerOrganizationId, string purpose, DateOnly decidedOn, bool documentNumberTaken)
    {
        var year = Fields.Year(fiscalYear, "fiscalYear");
        var number = Fields.PublicText(documentNumber, "documentNumber", DocumentNumberMaxLength);
        if (documentNumberTaken)
        {
            throw new DomainException(Errors.DuplicateDocumentNumber, $"A fund of {year} already has the document number {number}.", "documentNumber", ("fiscalYear", year), ("documentNumber", number));
        }

        if (decidedOn.Year < year - 1 || decidedOn.Year > year + 1)
        {
            throw new DomainException(Errors.InvalidDate, $"'decidedOn' ({decidedOn:yyyy-MM-dd}) must fall within a year of fiscal year {year}.", "decidedOn", ("date", decidedOn), ("fiscalYear", year));
        }

        return new Fund
        {
            Code = code,
            Name = Fields.PublicText(name, "name", NameMaxLength),
            DocumentNumber = number,
            SourceType = sourceType,
            Level = level,
            FiscalYear = year,
            AmountFen = Fields.PositiveAmount(amountFen, "amountFen"),
            RegionCode = regionCode,
            IssuerOrganizationId = issuerOrganizationId,
            Purpose = Fields.PublicText(purpose, "purpose", PurposeMaxLength),
            DecidedOn = decidedOn,
        };
    }

    /// <summary>
    /// Allocates part of the fund to a project within its region, never beyond what is left:
    /// <paramref name="allocatedSoFar"/> is the sum of the fund's allocations, read in the same transaction. The fund's
    /// concurrency token moves, so a concurrent allocation fails and runs again on the new total.
    /// </summary>
    public FundAllocation Allocate(Project project, long amountFen, long allocatedSoFar, DateOnly decidedOn)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!OpenAid.Domain.Regions.RegionCode.Of(RegionCode).Contains(project.RegionCode))
        {
            throw new DomainException(Errors.ProjectOutsideFundRegion, $"Project {project.Code} lies outside the region of fund {Code}.", "project", ("project", project.Code), ("fund", Code));
        }

        if (!project.TakesFunds)
        {
            throw new DomainException(Errors.ProjectNotActive, $"Project {project.Code} is {project.Status}; funds go to active projects only.", "project", ("project", project.Code), ("status", project.Status));
        }

        var amount = Fields.PositiveAmount(amountFen, "amountFen");
        if (allocatedSoFar + amount > AmountFen)
        {
            throw new DomainException(
                Errors.AmountExceedsFund,
                $"Only {new Money(AmountFen - allocatedSoFar)} yuan of fund {Code} is left to allocate; {new Money(amount)} yuan were asked.",
                "amountFen", ("fund", Code), ("remainingFen", AmountFen - allocatedSoFar), ("askedFen", amount));
        }

        Version++;
        return new FundAllocation { FundId = Id, ProjectId = project.Id, AmountFen = amount, DecidedOn = decidedOn };
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}

/// <summary>
/// Part of a fund allocated to a project (a fact, set once). The allocations of a fund never add up to more than it:
/// new ones come from <see cref="Fund.Allocate"/>.
/// </summary>
public class FundAllocation
{
    public int Id { get; init; }

    public int FundId { get; init; }

    public int ProjectId { get; init; }

    public long AmountFen { get; init; }

    public DateOnly DecidedOn { get; init; }
}
