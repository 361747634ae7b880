using OpenAid.Domain.Common;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Assets;

/// <summary>
/// An asset's income for one year and how it was distributed: to the village collective, to households (a count and a
/// total, never a list), to public-welfare jobs (公益岗位, a count and a total). What the parts leave is kept in the
/// asset (upkeep, reserves). One record per asset and year: published income is never edited in place, so a second
/// record of a year is refused (<see cref="Errors.AssetIncomeRecorded"/>).
/// </summary>
public class AssetIncome : IPlaced
{
    private AssetIncome()
    {
    }

    public int AssetId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The owner village, copied from the asset so that a county's sums need no join.</summary>
    public long RegionCode { get; private set; }

    public long AmountFen { get; private set; }

    public long ToCollectiveFen { get; private set; }

    public long ToHouseholdsFen { get; private set; }

    public int HouseholdsPaid { get; private set; }

    public long ToJobsFen { get; private set; }

    public int JobsPaid { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>What the parts leave of the amount: kept for upkeep or reserves.</summary>
    public long RetainedFen => AmountFen - ToCollectiveFen - ToHouseholdsFen - ToJobsFen;

    /// <summary>
    /// The income of <paramref name="asset"/> in <paramref name="year"/> (begun by <paramref name="today"/>, not before the
    /// asset went into use; refused when <paramref name="recorded"/>, the year's record, exists). Amounts may be zero (a
    /// year without income is published too); the parts together are at most the amount; money paid to households or
    /// jobs has recipients counted, and recipients counted were paid.
    /// </summary>
    public static AssetIncome Record(
        Asset asset, int year, long amountFen, long toCollectiveFen, long toHouseholdsFen, int householdsPaid, long toJobsFen, int jobsPaid,
        AssetIncome? recorded, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var reported = RegionYears.Reported(year, today);
        if (reported < asset.InUseSince.Year)
        {
            throw new DomainException(Errors.InvalidYear, $"'year' ({reported}) is before asset {asset.Code} went into use ({asset.InUseSince:yyyy-MM-dd}).", "year", ("min", asset.InUseSince.Year), ("value", reported));
        }

        if (recorded is not null)
        {
            throw new DomainException(Errors.AssetIncomeRecorded, $"The income of asset {asset.Code} in {reported} is recorded already; published income is not edited.", "year", ("asset", asset.Code), ("year", reported));
        }

        var amount = Fields.NonNegativeAmount(amountFen, "amountFen");
        var collective = Fields.NonNegativeAmount(toCollectiveFen, "toCollectiveFen");
        var households = Fields.NonNegativeAmount(toHouseholdsFen, "toHouseholdsFen");
        var jobs = Fields.NonNegativeAmount(toJobsFen, "toJobsFen");
        var parts = collective + households + jobs;
        if (parts > amount)
        {
            throw new DomainException(Errors.PartsExceedAmount, $"The parts distributed ({parts} fen) are more than the income ({amount} fen).", "amountFen", ("amountFen", amount), ("partsFen", parts));
        }

        return new AssetIncome
        {
            AssetId = asset.Id,
            Year = reported,
            RegionCode = asset.RegionCode,
            AmountFen = amount,
            ToCollectiveFen = collective,
            ToHouseholdsFen = households,
            HouseholdsPaid = Recipients(householdsPaid, households, "householdsPaid", Asset.MaxHouseholds),
            ToJobsFen = jobs,
            JobsPaid = Recipients(jobsPaid, jobs, "jobsPaid", Asset.MaxHouseholds),
            RecordedOn = today,
            IsDemo = asset.IsDemo,
        };
    }

    /// <summary>A count of recipients of <paramref name="paidFen"/>: none exactly when nothing was paid.</summary>
    private static int Recipients(int count, long paidFen, string field, int max)
    {
        var recipients = Fields.Count(count, field, max);
        return (recipients == 0) == (paidFen == 0)
            ? recipients
            : throw new DomainException(Errors.RecipientsInconsistent, paidFen == 0
                ? $"'{field}' counts {recipients} recipients of nothing; count recipients only of money paid."
                : $"{paidFen} fen were paid to no one: give '{field}'.", field, ("count", recipients), ("paidFen", paidFen));
    }
}
