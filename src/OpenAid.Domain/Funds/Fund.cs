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

    /// <summary>What the fund holds: its own money plus what it received from higher funds (<see cref="Transfer"/>).</summary>
    public long AmountFen { get; private set; }

    /// <summary>
    /// The money that entered the fund chain here (0 for a county block or pool fed only by transfers): sums of money
    /// over funds add these, so a yuan that passed several levels is counted once.
    /// </summary>
    public long OwnAmountFen { get; private set; }

    /// <summary>A county's integrated pool (统筹整合涉农资金): it holds only what it receives, and funds projects.</summary>
    public bool IsIntegratedPool { get; private set; }

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
    /// the document number, which must be unique within the year. <paramref name="amountFen"/> is the fund's own
    /// money: a fund held by a province must bring some; one below it may start empty and be fed by transfers, and an
    /// integrated pool always does.
    /// </summary>
    public static Fund Create(
        string code, string name, string documentNumber, FundSourceType sourceType, FundLevel level, int fiscalYear,
        long amountFen, long regionCode, int issuerOrganizationId, string purpose, DateOnly decidedOn, bool documentNumberTaken, bool integratedPool = false)
    {
        var region = OpenAid.Domain.Regions.RegionCode.Of(regionCode);
        var own = region.Level == Regions.RegionLevel.Province ? Fields.PositiveAmount(amountFen, "amountFen") : Fields.NonNegativeAmount(amountFen, "amountFen");
        if (integratedPool)
        {
            RequirePool(region.Level == Regions.RegionLevel.County, "region", $"An integrated pool is held by a county; region {regionCode:D12} is a {region.Level}.");
            RequirePool(sourceType == FundSourceType.IntegratedAgriculture, "sourceType", "An integrated pool holds integrated agriculture funds (INTEGRATED_AGRICULTURE).");
            RequirePool(level == FundLevel.County, "level", "An integrated pool is the county's (level COUNTY).");
            RequirePool(own == 0, "amountFen", "An integrated pool holds only what it receives by transfers; its own amount is 0.");
        }

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
            AmountFen = own,
            OwnAmountFen = own,
            IsIntegratedPool = integratedPool,
            RegionCode = regionCode,
            IssuerOrganizationId = issuerOrganizationId,
            Purpose = Fields.PublicText(purpose, "purpose", PurposeMaxLength),
            DecidedOn = decidedOn,
        };
    }

    /// <summary>
    /// Allocates part of the fund to a project within its region, never beyond what is left:
    /// <paramref name="heldOutSoFar"/> is the sum of the fund's allocations and transfers out, read in the same
    /// transaction. The fund's concurrency token moves, so a concurrent allocation fails and runs again on the new total.
    /// Funds go to the county (四到县): only a county's fund or pool (or one held below it) allocates to projects.
    /// </summary>
    public FundAllocation Allocate(Project project, long amountFen, long heldOutSoFar, DateOnly decidedOn)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (OpenAid.Domain.Regions.RegionCode.Of(RegionCode).Level < Regions.RegionLevel.County)
        {
            throw new DomainException(
                Errors.AllocationAboveCounty,
                $"Fund {Code} is held above county level; transfer its money to a county's fund or pool (四到县), which allocates it to projects.",
                "fund", ("fund", Code));
        }

        if (!OpenAid.Domain.Regions.RegionCode.Of(RegionCode).Contains(project.RegionCode))
        {
            throw new DomainException(Errors.ProjectOutsideFundRegion, $"Project {project.Code} lies outside the region of fund {Code}.", "project", ("project", project.Code), ("fund", Code));
        }

        if (!project.TakesFunds)
        {
            throw new DomainException(Errors.ProjectNotActive, $"Project {project.Code} is {project.Status}; funds go to active projects only.", "project", ("project", project.Code), ("status", project.Status));
        }

        var amount = TakeOut(amountFen, heldOutSoFar, "allocate");
        return new FundAllocation { FundId = Id, ProjectId = project.Id, AmountFen = amount, DecidedOn = decidedOn };
    }

    /// <summary>
    /// Moves part of the fund down the chain (切块下达): to a fund held within the fund's region at a lower level (a
    /// block of the same source and level), or into an integrated pool of a county within it. Never beyond what the
    /// fund still holds: <paramref name="heldOutSoFar"/> is the sum of its allocations and transfers out, read in the
    /// same transaction. Money only moves to lower regions or into a pool, and pools pass nothing on, so the chain has
    /// no cycles. Both funds' concurrency tokens move.
    /// </summary>
    public FundTransfer Transfer(Fund to, long amountFen, long heldOutSoFar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(to);
        var region = OpenAid.Domain.Regions.RegionCode.Of(RegionCode);
        if (IsIntegratedPool || to.Code == Code || (!to.IsIntegratedPool && (to.RegionCode == RegionCode || OpenAid.Domain.Regions.RegionCode.Of(to.RegionCode).Contains(RegionCode))))
        {
            throw new DomainException(
                Errors.TransferNotDown,
                IsIntegratedPool
                    ? $"Fund {Code} is an integrated pool: it allocates to projects and passes nothing on."
                    : $"Fund {to.Code} is not below fund {Code}: money moves to a fund of a lower region, or into a county's integrated pool.",
                "toFund", ("fund", Code), ("toFund", to.Code));
        }

        if (!region.Contains(to.RegionCode))
        {
            throw new DomainException(Errors.TransferOutsideRegion, $"Fund {to.Code} lies outside the region of fund {Code}.", "toFund", ("fund", Code), ("toFund", to.Code));
        }

        if (!to.IsIntegratedPool && (to.SourceType != SourceType || to.Level != Level))
        {
            throw new DomainException(
                Errors.TransferSourceMismatch,
                $"Fund {to.Code} is of another source or level than fund {Code}; a block carries the money it was cut from ({SourceType}, {Level}), a pool takes any.",
                "toFund", ("fund", Code), ("toFund", to.Code), ("sourceType", SourceType), ("level", Level));
        }

        if (date < DecidedOn)
        {
            throw new DomainException(Errors.InvalidDate, $"'date' ({date:yyyy-MM-dd}) is before the decision on fund {Code} ({DecidedOn:yyyy-MM-dd}).", "date", ("date", date), ("from", DecidedOn));
        }

        var amount = TakeOut(amountFen, heldOutSoFar, "transfer");
        to.AmountFen += amount;
        to.Version++;
        return new FundTransfer { FromFundId = Id, ToFundId = to.Id, AmountFen = amount, Date = date };
    }

    /// <summary>Checks that the fund still holds <paramref name="amountFen"/> and moves its concurrency token.</summary>
    private long TakeOut(long amountFen, long heldOutSoFar, string verb)
    {
        var amount = Fields.PositiveAmount(amountFen, "amountFen");
        if (heldOutSoFar + amount > AmountFen)
        {
            throw new DomainException(
                Errors.AmountExceedsFund,
                $"Only {new Money(AmountFen - heldOutSoFar)} yuan of fund {Code} is left to {verb}; {new Money(amount)} yuan were asked.",
                "amountFen", ("fund", Code), ("remainingFen", AmountFen - heldOutSoFar), ("askedFen", amount));
        }

        Version++;
        return amount;
    }

    private static void RequirePool(bool holds, string field, string message)
    {
        if (!holds)
        {
            throw new DomainException(Errors.InvalidPool, message, field);
        }
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}

/// <summary>
/// Part of a fund moved down the chain to a lower fund or a pool (a fact, set once): the receiver records where each
/// part of its money came from. New ones come from <see cref="Fund.Transfer"/>.
/// </summary>
public class FundTransfer
{
    public int Id { get; init; }

    public int FromFundId { get; init; }

    public int ToFundId { get; init; }

    public long AmountFen { get; init; }

    public DateOnly Date { get; init; }
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
