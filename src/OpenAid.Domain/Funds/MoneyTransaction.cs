using System.ComponentModel;
using System.Globalization;
using OpenAid.Domain.Common;
using OpenAid.Domain.Projects;

namespace OpenAid.Domain.Funds;

/// <summary>
/// What kind of money moved, after the IATI transaction types, so that promises and payments are never
/// added together.
/// </summary>
[Description("Kinds of money, after the IATI transaction types; a pledge is a promise, a disbursement a payment.")]
public enum TransactionKind
{
    [Description("认捐: a promise, not yet binding.")]
    Pledge = 1,
    [Description("签约 / 下达资金计划: a firm obligation.")]
    Commitment = 2,
    [Description("拨付: paid out to the implementing unit.")]
    Disbursement = 3,
    [Description("支出: spent on the project.")]
    Expenditure = 4,
    [Description("Received from a higher level or a paired region.")]
    IncomingFunds = 5,
}

/// <summary>
/// Money that moved (or was promised) from a provider to a receiver, so a fund chain can be followed.
/// </summary>
public class MoneyTransaction
{
    public const int CodeMaxLength = 32;
    public const int DescriptionMaxLength = 1000;

    /// <summary>Money records are numbered in one ledger-wide sequence: "JY-0000042".</summary>
    public const string CodePrefix = "JY-";

    public static string CodeFor(int sequence) => string.Create(CultureInfo.InvariantCulture, $"{CodePrefix}{sequence:D7}");

    /// <summary>
    /// Records money committed, disbursed, spent or received for a project, checked against the project's
    /// <paramref name="ledger"/> (its sums by kind so far, read in the same transaction) and, when the money is a
    /// fund's, against the fund's <paramref name="share"/> of the project. The provider region, when given, must follow
    /// from the fund (its region) or from a pairing that helps the project's place in the year of the money:
    /// <paramref name="pairedHelperRegions"/> are those pairings' helper regions. The project's concurrency token
    /// moves, so a concurrent record runs again on the new sums.
    /// </summary>
    public static MoneyTransaction ForProject(
        Project project, ProjectLedger ledger, string code, TransactionKind kind, long amountFen, DateOnly date,
        FundShare? share, long? providerRegionCode, IReadOnlyCollection<long> pairedHelperRegions, string description)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(pairedHelperRegions);
        var amount = ledger.Record(kind, amountFen);
        share?.Check(project.Code, kind, amount);
        var fund = share?.Fund;
        RequireProviderFollows(providerRegionCode, fund, pairedHelperRegions);
        var transaction = new MoneyTransaction
        {
            Code = code,
            Kind = kind,
            AmountFen = amount,
            Date = date,
            FiscalYear = date.Year,
            FundId = fund?.Id,
            SourceType = fund?.SourceType ?? FundSourceType.CountyFiscal,
            ProjectId = project.Id,
            ProviderRegionCode = providerRegionCode,
            ReceiverOrganizationId = project.ImplementingOrganizationId,
            ReceiverRegionCode = project.RegionCode,
            Description = Fields.PublicText(description, "description", DescriptionMaxLength),
        };
        project.MarkMoneyRecorded();
        return transaction;
    }

    /// <summary>
    /// A provider names where money came from, so it must follow from what the record already says: the fund's own
    /// region, or a pairing's helper region (or a unit on its line: "44" for a Guangdong city paired under 粤桂扶贫协作).
    /// </summary>
    private static void RequireProviderFollows(long? provider, Fund? fund, IReadOnlyCollection<long> pairedHelperRegions)
    {
        if (provider is not { } region || region == fund?.RegionCode || pairedHelperRegions.Any(helper => Regions.RegionCode.OnOneLine(helper, region)))
        {
            return;
        }

        throw new DomainException(
            Errors.ProviderElsewhere,
            fund is null
                ? $"Region {region:D12} is not the helper of a pairing that helps the project's place; name the fund, or leave the provider out."
                : $"Region {region:D12} is neither the region of fund {fund.Code} nor the helper of a pairing that helps the project's place.",
            "providerRegion", ("providerRegion", region.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)), ("fund", fund?.Code ?? ""));
    }

    public long Id { get; set; }

    public required string Code { get; set; }

    public TransactionKind Kind { get; set; }

    public long AmountFen { get; set; }

    public DateOnly Date { get; set; }

    public int FiscalYear { get; set; }

    public int? FundId { get; set; }

    /// <summary>The source of the money: the fund's source, or social donation for money from donors.</summary>
    public FundSourceType SourceType { get; set; }

    public int? ProjectId { get; set; }

    public int? ProviderOrganizationId { get; set; }

    public long? ProviderRegionCode { get; set; }

    public int? ReceiverOrganizationId { get; set; }

    /// <summary>Where the money went; the region filters and aggregates use it.</summary>
    public long ReceiverRegionCode { get; set; }

    public required string Description { get; set; }

    public bool IsDemo { get; set; }
}
