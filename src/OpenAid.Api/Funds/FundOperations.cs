using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Funds;

namespace OpenAid.Api.Funds;

[Description("A new fund, issued by the caller's organisation.")]
public sealed record CreateFundInput
{
    [Description("The fund's name.")]
    public required string Name { get; init; }

    [Description("The issuing document number (文号), unique within the fiscal year.")]
    public required string DocumentNumber { get; init; }

    [Description("Where the money comes from.")]
    public required FundSourceType SourceType { get; init; }

    [Description("The level that provides it.")]
    public required FundLevel Level { get; init; }

    [Description("The fiscal year.")]
    public required int FiscalYear { get; init; }

    [Description("The fund's own money in fen, entering the fund chain here; 0 for a fund below the province fed only by transfers (a county block), and always 0 for an integrated pool.")]
    public required long AmountFen { get; init; }

    [Description("True for a county's integrated pool (统筹整合涉农资金): source INTEGRATED_AGRICULTURE, level COUNTY, held by a county, fed by transfers.")]
    public bool? IntegratedPool { get; init; }

    [Description("The region that holds the fund; must be within the caller's region.")]
    public required string Region { get; init; }

    [Description("What the fund is for.")]
    public required string Purpose { get; init; }

    [Description("The date of the allocation decision.")]
    public required DateOnly DecidedOn { get; init; }
}

[Description("Part of a fund allocated to a project. The allocations of a fund never exceed it.")]
public sealed record AllocateFundInput
{
    [Description("The fund's code.")]
    public required string Fund { get; init; }

    [Description("The project's code.")]
    public required string Project { get; init; }

    [Description("The amount in fen.")]
    public required long AmountFen { get; init; }

    [Description("The date of the allocation decision.")]
    public required DateOnly DecidedOn { get; init; }
}

[Description("Part of a fund moved down the chain (切块下达): to a fund of a lower region (a block of the same source and level), or into a county's integrated pool.")]
public sealed record TransferFundInput
{
    [Description("The code of the fund giving the money.")]
    public required string Fund { get; init; }

    [Description("The code of the fund receiving it: held within the giver's region at a lower level, or an integrated pool.")]
    public required string ToFund { get; init; }

    [Description("The amount in fen; never more than the giver still holds (its amount less its allocations and transfers out).")]
    public required long AmountFen { get; init; }

    [Description("The date the money was transferred (下达).")]
    public required DateOnly Date { get; init; }
}

[Description("Money committed, disbursed, spent or received for a project.")]
public sealed record RecordTransactionInput
{
    [Description("Commitment, disbursement, expenditure or incoming funds; pledges come from the needs marketplace.")]
    public required TransactionKind Kind { get; init; }

    [Description("The amount in fen.")]
    public required long AmountFen { get; init; }

    [Description("The date the money moved.")]
    public required DateOnly Date { get; init; }

    [Description("The project's code.")]
    public required string Project { get; init; }

    [Description("The fund's code, if the money belongs to one; the fund must be allocated to the project, and money of each kind stays within the allocation.")]
    public string? Fund { get; init; }

    [Description("The region the money came from: the fund's region, or the helper (or a unit on its line) of a pairing that helps the project's place that year, e.g. \"44\" for Guangdong in east–west cooperation.")]
    public string? ProviderRegion { get; init; }

    [Description("What the money was for.")]
    public required string Description { get; init; }
}

/// <summary>Funds are created, transferred down the chain, allocated to projects, and the money moving for a project is recorded.</summary>
public sealed class FundOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<CreateFundInput, FundType>(
            "createFund", Roles.Publisher, "Creates a fund in the caller's region (Publisher).",
            "The fund.", "fund", "The fund created.")
            .Handle(CreateAsync);
        operations.Mutation<AllocateFundInput, FundAllocationType>(
            "allocateFund", Roles.Publisher, "Allocates part of a fund to a project (Publisher of the fund's and the project's region); never beyond what is left of the fund. Warns (OVER_BUDGET) when the project's allocations pass its budget.",
            "The allocation.", "allocation", "The allocation made.")
            .Handle(AllocateAsync);
        operations.Mutation<TransferFundInput, FundTransferType>(
            "transferFund", Roles.Publisher, "Moves part of a fund down the chain (Publisher of the giving fund's region): to a fund of a lower region within it, of the same source and level (a county block), or into a county's integrated pool; never beyond what the fund still holds.",
            "The transfer.", "transfer", "The transfer made.")
            .Handle(TransferAsync);
        operations.Mutation<RecordTransactionInput, TransactionType>(
            "recordTransaction", Roles.Publisher, "Records money committed, disbursed, spent or received for a project (Publisher of its region). Disbursements never exceed commitments, expenditures never exceed disbursements; a fund's money only for a project it was allocated to, and of each kind never beyond the allocation.",
            "The transaction.", "transaction", "The transaction recorded.")
            .Handle(RecordAsync);
    }

    private static async Task<Fund> CreateAsync(WriteContext write, CreateFundInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var issuer = await Lookups.OwnOrganizationAsync(db, write.OrganizationFor(region.Code), ct);
        var documentNumber = input.DocumentNumber.Trim();
        var fund = Fund.Create(
            await write.NextCodeAsync(Fund.CodeKind, region.Code, input.FiscalYear, db.Funds.Select(f => f.Code)),
            input.Name, input.DocumentNumber, input.SourceType, input.Level, input.FiscalYear, input.AmountFen, region.Code, issuer.Id, input.Purpose, input.DecidedOn,
            documentNumberTaken: await db.Funds.AnyAsync(f => f.FiscalYear == input.FiscalYear && f.DocumentNumber == documentNumber, ct),
            integratedPool: input.IntegratedPool ?? false);
        await Totals.RequireRoomAsync(db.Funds, f => f.OwnAmountFen, fund.OwnAmountFen, "amountFen", ct);
        db.Funds.Add(fund);
        return fund;
    }

    private static async Task<FundAllocation> AllocateAsync(WriteContext write, AllocateFundInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var fund = await write.InScopeAsync(db.Funds, input.Fund, "fund");
        var project = await write.InScopeAsync(db.Projects.AsNoTracking(), input.Project, "project");
        var allocation = fund.Allocate(project, input.AmountFen, await HeldOutAsync(db, fund.Id, ct), input.DecidedOn);
        write.Warn(project.OverBudget(await db.FundAllocations.Where(a => a.ProjectId == project.Id).SumAsync(a => a.AmountFen, ct) + allocation.AmountFen));
        db.FundAllocations.Add(allocation);
        return allocation;
    }

    private static async Task<FundTransfer> TransferAsync(WriteContext write, TransferFundInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var from = await write.InScopeAsync(db.Funds, input.Fund, "fund");
        var to = await Lookups.ByCodeAsync(db.Funds, input.ToFund, "toFund", ct);
        var transfer = from.Transfer(to, input.AmountFen, await HeldOutAsync(db, from.Id, ct), input.Date);
        db.FundTransfers.Add(transfer);
        return transfer;
    }

    /// <summary>What left the fund so far: its allocations and its transfers out.</summary>
    private static async Task<long> HeldOutAsync(OpenAidDbContext db, int fundId, CancellationToken ct) =>
        await db.FundAllocations.Where(a => a.FundId == fundId).SumAsync(a => a.AmountFen, ct)
        + await db.FundTransfers.Where(t => t.FromFundId == fundId).SumAsync(t => t.AmountFen, ct);

    private static async Task<MoneyTransaction> RecordAsync(WriteContext write, RecordTransactionInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var project = await write.InScopeAsync(db.Projects, input.Project, "project");
        var share = input.Fund is null ? null : await ShareAsync(db, await Lookups.ByCodeAsync(db.Funds.AsNoTracking(), input.Fund, "fund", ct), project.Id, ct);
        var provider = input.ProviderRegion is null ? null : await Lookups.RegionAsync(db, input.ProviderRegion, "providerRegion", ct);
        var helpers = provider is null ? [] : await Lookups.PairedHelperRegionsAsync(db, project.RegionCode, input.Date.Year, ct);
        var transaction = MoneyTransaction.ForProject(
            project, new ProjectLedger(project.Code, await TotalsByKindAsync(db.Transactions.Where(t => t.ProjectId == project.Id), ct)), await TransactionCodes.NextAsync(db, ct),
            input.Kind, input.AmountFen, input.Date, share, provider?.Code, helpers, input.Description);
        await Totals.RequireRoomAsync(db.Transactions, t => t.AmountFen, transaction.AmountFen, "amountFen", ct);
        db.Transactions.Add(transaction);
        return transaction;
    }

    /// <summary>What <paramref name="fund"/> allocated to the project, and what was recorded from it for the project so far.</summary>
    private static async Task<FundShare> ShareAsync(OpenAidDbContext db, Fund fund, int projectId, CancellationToken ct) =>
        new(
            fund,
            await db.FundAllocations.Where(a => a.FundId == fund.Id && a.ProjectId == projectId).SumAsync(a => a.AmountFen, ct),
            await TotalsByKindAsync(db.Transactions.Where(t => t.FundId == fund.Id && t.ProjectId == projectId), ct));

    private static Task<Dictionary<TransactionKind, long>> TotalsByKindAsync(IQueryable<MoneyTransaction> transactions, CancellationToken ct) =>
        transactions.GroupBy(t => t.Kind).Select(g => new { Kind = g.Key, Fen = g.Sum(t => t.AmountFen) }).ToDictionaryAsync(x => x.Kind, x => x.Fen, ct);
}
