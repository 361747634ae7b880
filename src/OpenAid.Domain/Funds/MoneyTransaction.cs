using System.ComponentModel;

namespace OpenAid.Domain.Funds;

/// <summary>
/// What kind of money moved, after the IATI transaction types, so that promises and payments are never
/// added together.
/// </summary>
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

/// <summary>Money that moved (or was promised) from a provider to a receiver, so a fund chain can be followed.</summary>
public class MoneyTransaction
{
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
