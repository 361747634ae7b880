using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
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

    [Description("The amount in fen.")]
    public required long AmountFen { get; init; }

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

    [Description("The fund's code, if the money belongs to one.")]
    public string? Fund { get; init; }

    [Description("The region the money came from, e.g. \"44\" for Guangdong in east–west cooperation.")]
    public string? ProviderRegion { get; init; }

    [Description("What the money was for.")]
    public required string Description { get; init; }
}

/// <summary>Funds are created, allocated to projects, and the money moving for a project is recorded.</summary>
public sealed class FundOperations : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<CreateFundInput, FundType>(
            "createFund", Roles.Publisher, "Creates a fund in the caller's region (Publisher).",
            "The fund.", "fund", "The fund created.")
            .Handle(CreateAsync);
        operations.Mutation<AllocateFundInput, FundAllocationType>(
            "allocateFund", Roles.Publisher, "Allocates part of a fund to a project (Publisher of the fund's region); never beyond what is left of the fund.",
            "The allocation.", "allocation", "The allocation made.")
            .Handle(AllocateAsync);
        operations.Mutation<RecordTransactionInput, TransactionType>(
            "recordTransaction", Roles.Publisher, "Records money committed, disbursed, spent or received for a project (Publisher of its region). Disbursements never exceed commitments, expenditures never exceed disbursements.",
            "The transaction.", "transaction", "The transaction recorded.")
            .Handle(RecordAsync);
    }

    private static async Task<Fund> CreateAsync(WriteContext write, CreateFundInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var region = await write.RegionInScopeAsync(input.Region, "region");
        var issuer = await Lookups.OwnOrganizationAsync(db, write.Actor.OrganizationCode, ct);
        var documentNumber = input.DocumentNumber.Trim();
        var fund = Fund.Create(
            await write.NextCodeAsync(Fund.CodeKind, region.Code, input.FiscalYear, db.Funds.Select(f => f.Code)),
            input.Name, input.DocumentNumber, input.SourceType, input.Level, input.FiscalYear, input.AmountFen, region.Code, issuer.Id, input.Purpose, input.DecidedOn,
            documentNumberTaken: await db.Funds.AnyAsync(f => f.FiscalYear == input.FiscalYear && f.DocumentNumber == documentNumber, ct));
        db.Funds.Add(fund);
        return fund;
    }

    private static async Task<FundAllocation> AllocateAsync(WriteContext write, AllocateFundInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var fund = await Lookups.ByCodeAsync(db.Funds, input.Fund, "fund", ct);
        write.RequireInScope(fund.RegionCode);
        var project = await Lookups.ByCodeAsync(db.Projects, input.Project, "project", ct);
        var allocated = await db.FundAllocations.Where(a => a.FundId == fund.Id).SumAsync(a => a.AmountFen, ct);
        var allocation = fund.Allocate(project, input.AmountFen, allocated, input.DecidedOn);
        db.FundAllocations.Add(allocation);
        return allocation;
    }

    private static async Task<MoneyTransaction> RecordAsync(WriteContext write, RecordTransactionInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var project = await Lookups.ByCodeAsync(db.Projects, input.Project, "project", ct);
        write.RequireInScope(project.RegionCode);
        var fund = input.Fund is null ? null : await Lookups.ByCodeAsync(db.Funds, input.Fund, "fund", ct);
        var provider = input.ProviderRegion is null ? null : await Lookups.RegionAsync(db, input.ProviderRegion, "providerRegion", ct);
        var totals = await db.Transactions.Where(t => t.ProjectId == project.Id)
            .GroupBy(t => t.Kind).Select(g => new { Kind = g.Key, Fen = g.Sum(t => t.AmountFen) })
            .ToDictionaryAsync(x => x.Kind, x => x.Fen, ct);
        var transaction = MoneyTransaction.ForProject(
            project, new ProjectLedger(project.Code, totals), await TransactionCodes.NextAsync(db, ct), input.Kind, input.AmountFen, input.Date, fund, provider?.Code, input.Description);
        db.Transactions.Add(transaction);
        return transaction;
    }
}
