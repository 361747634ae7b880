using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Microcredit;

/// <summary>A county's poverty-alleviation microcredit (扶贫小额信贷) figures of a year, as the input of a record.</summary>
public sealed record MicrocreditFigures(
    int LoansIssuedCount,
    long LoansIssuedFen,
    long OutstandingBalanceFen,
    long OverdueFen,
    long InterestSubsidyFen,
    long RiskCompensationFundFen);

/// <summary>
/// A county's microcredit figures of a year (扶贫小额信贷): aggregates only, so no borrower is ever named or counted
/// apart. Published figures are never edited in place: a correction is a new version that states why and supersedes
/// the year's version in force, which stays visible with the time it was superseded.
/// </summary>
public class MicrocreditRecord
{
    public const int CorrectionReasonMaxLength = 1000;

    private MicrocreditRecord()
    {
    }

    public int Id { get; private set; }

    public long RegionCode { get; private set; }

    public int Year { get; private set; }

    /// <summary>1 for the year's first figures, one more for each correction.</summary>
    public int Version { get; private set; }

    /// <summary>Loans issued in the year (放贷笔数).</summary>
    public int LoansIssuedCount { get; private set; }

    public long LoansIssuedFen { get; private set; }

    /// <summary>Balance outstanding at the end of the year (贷款余额).</summary>
    public long OutstandingBalanceFen { get; private set; }

    /// <summary>Overdue part of the balance (逾期金额): at most the balance.</summary>
    public long OverdueFen { get; private set; }

    /// <summary>Interest subsidy paid in the year (贴息).</summary>
    public long InterestSubsidyFen { get; private set; }

    /// <summary>Size of the county's risk-compensation fund (风险补偿金).</summary>
    public long RiskCompensationFundFen { get; private set; }

    /// <summary>Why this version corrects the one before (public); null for the year's first figures.</summary>
    public string? CorrectionReason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When a correction replaced this version; null while it is the year's figures in force.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    public bool IsDemo { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    /// <summary>
    /// Records a county's figures of <paramref name="year"/>, which has begun by <paramref name="now"/>. Given the
    /// year's version in force (<paramref name="current"/>), the new one corrects it: it needs a public reason, and the
    /// old version stays, superseded.
    /// </summary>
    public static MicrocreditRecord Record(Region county, int year, MicrocreditFigures figures, MicrocreditRecord? current, string? correctionReason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(county);
        ArgumentNullException.ThrowIfNull(figures);
        if (county.Level != RegionLevel.County)
        {
            throw new DomainException(Errors.NotACounty, $"{county.Name} is a {county.Level.ToString().ToLowerInvariant()}; microcredit is published per county, as county aggregates.", "region", ("regionName", county.Name), ("level", county.Level));
        }

        var reported = RegionYears.Reported(year, Clock.DayOf(now));
        if (current is not null && (current.RegionCode != county.Code || current.Year != reported || !current.IsCurrent))
        {
            throw new ArgumentException("The version corrected must be the county's version in force of the same year.", nameof(current));
        }

        string? reason = null;
        if (current is not null)
        {
            reason = Fields.PublicText(correctionReason, "correctionReason", CorrectionReasonMaxLength);
        }
        else if (!string.IsNullOrWhiteSpace(correctionReason))
        {
            throw new DomainException(Errors.ReasonNotApplicable, $"{county.Name} has no microcredit figures for {reported} yet; a first record corrects nothing, so leave 'correctionReason' out.", "correctionReason");
        }

        var balance = Fields.NonNegativeAmount(figures.OutstandingBalanceFen, "outstandingBalanceFen");
        var overdue = Fields.NonNegativeAmount(figures.OverdueFen, "overdueFen");
        if (overdue > balance)
        {
            throw new DomainException(Errors.OverdueExceedsBalance, $"'overdueFen' ({overdue}) is part of the outstanding balance ({balance}) and cannot exceed it.", "overdueFen", ("overdueFen", overdue), ("balanceFen", balance));
        }

        var record = new MicrocreditRecord
        {
            RegionCode = county.Code,
            Year = reported,
            Version = (current?.Version ?? 0) + 1,
            LoansIssuedCount = Fields.Count(figures.LoansIssuedCount, "loansIssuedCount", CountyStatistics.MaxCountyPopulation),
            LoansIssuedFen = Fields.NonNegativeAmount(figures.LoansIssuedFen, "loansIssuedFen"),
            OutstandingBalanceFen = balance,
            OverdueFen = overdue,
            InterestSubsidyFen = Fields.NonNegativeAmount(figures.InterestSubsidyFen, "interestSubsidyFen"),
            RiskCompensationFundFen = Fields.NonNegativeAmount(figures.RiskCompensationFundFen, "riskCompensationFundFen"),
            CorrectionReason = reason,
            RecordedAt = now,
        };
        current?.SupersededAt = now;
        return record;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}
