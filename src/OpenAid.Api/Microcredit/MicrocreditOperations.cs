using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Microcredit;

namespace OpenAid.Api.Microcredit;

[Description("A county's poverty-alleviation microcredit (扶贫小额信贷) figures of a year: aggregates only, no borrower. A year with figures already gets a correction: a new version with its reason, the old one kept, superseded.")]
public sealed record RecordMicrocreditInput
{
    [Description("The county's code (6 or 12 digits); must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("The year reported; not in the future.")]
    public required int Year { get; init; }

    [Description("Loans issued in the year (放贷笔数); 0 or more.")]
    public required int LoansIssuedCount { get; init; }

    [Description("The amount of the loans issued in the year, in fen; 0 or more.")]
    public required long LoansIssuedFen { get; init; }

    [Description("The balance outstanding at the end of the year (贷款余额), in fen; 0 or more.")]
    public required long OutstandingBalanceFen { get; init; }

    [Description("The overdue part of the balance (逾期金额), in fen; at most the balance.")]
    public required long OverdueFen { get; init; }

    [Description("Interest subsidy paid in the year (贴息), in fen; 0 or more.")]
    public required long InterestSubsidyFen { get; init; }

    [Description("The size of the county's risk-compensation fund (风险补偿金), in fen; 0 or more.")]
    public required long RiskCompensationFundFen { get; init; }

    [Description("Why these figures correct the year's figures in force (public; no personal data). Required for a correction, refused for a first record.")]
    public string? CorrectionReason { get; init; }
}

/// <summary>
/// Microcredit is recorded by the county's publishers, like its county-wide statistics. Unlike those it is money
/// reported to the public, so a correction does not replace the figures: it is a new version (see
/// <see cref="MicrocreditRecord"/>).
/// </summary>
public sealed class MicrocreditOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations) =>
        operations.Mutation<RecordMicrocreditInput, MicrocreditRecordType>(
            "recordMicrocredit", Roles.Publisher, "Records a county's microcredit (扶贫小额信贷) figures of a year (Publisher of the county): loans issued, outstanding balance, overdue, interest subsidy, risk-compensation fund. Aggregates only; no borrower is ever named. A second record of a year is a correction with its reason: the figures in force are superseded, and stay public.",
            "The figures.", "microcredit", "The figures recorded, in force.")
            .Handle(RecordAsync);

    private static async Task<MicrocreditRecord> RecordAsync(WriteContext write, RecordMicrocreditInput input)
    {
        var county = await write.RegionInScopeAsync(input.Region, "region");
        var current = await write.Db.MicrocreditRecords.SingleOrDefaultAsync(m => m.RegionCode == county.Code && m.Year == input.Year && m.SupersededAt == null, write.Cancellation);
        var figures = new MicrocreditFigures(input.LoansIssuedCount, input.LoansIssuedFen, input.OutstandingBalanceFen, input.OverdueFen, input.InterestSubsidyFen, input.RiskCompensationFundFen);
        var record = MicrocreditRecord.Record(county, input.Year, figures, current, input.CorrectionReason, write.Now);
        write.Db.MicrocreditRecords.Add(record);
        return record;
    }
}
