using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Funds;

public sealed record CreateFundInput(
    string Name, string DocumentNumber, FundSourceType SourceType, FundLevel Level, int FiscalYear,
    long AmountFen, string Region, string Purpose, DateOnly DecidedOn);

public sealed record AllocateFundInput(string Fund, string Project, long AmountFen, DateOnly DecidedOn);

public sealed record RecordTransactionInput(
    TransactionKind Kind, long AmountFen, DateOnly Date, string Project, string? Fund, string? ProviderRegion, string Description);

public sealed class CreateFundInputType : InputObjectGraphType<CreateFundInput>
{
    public CreateFundInputType()
    {
        Name = "CreateFundInput";
        Description = "A new fund, issued by the caller's organisation.";
        Field(x => x.Name).Description("The fund's name.");
        Field(x => x.DocumentNumber).Description("The issuing document number (文号), unique within the fiscal year.");
        Field(x => x.SourceType, type: typeof(NonNullGraphType<FundSourceTypeType>)).Description("Where the money comes from.");
        Field(x => x.Level, type: typeof(NonNullGraphType<FundLevelType>)).Description("The level that provides it.");
        Field(x => x.FiscalYear).Description("The fiscal year.");
        Field(x => x.AmountFen, type: typeof(NonNullGraphType<LongGraphType>)).Description("The amount in fen.");
        Field(x => x.Region).Description("The region that holds the fund; must be within the caller's region.");
        Field(x => x.Purpose).Description("What the fund is for.");
        Field(x => x.DecidedOn).Description("The date of the allocation decision.");
    }
}

public sealed class AllocateFundInputType : InputObjectGraphType<AllocateFundInput>
{
    public AllocateFundInputType()
    {
        Name = "AllocateFundInput";
        Description = "Part of a fund allocated to a project. The allocations of a fund never exceed it.";
        Field(x => x.Fund).Description("The fund's code.");
        Field(x => x.Project).Description("The project's code.");
        Field(x => x.AmountFen, type: typeof(NonNullGraphType<LongGraphType>)).Description("The amount in fen.");
        Field(x => x.DecidedOn).Description("The date of the allocation decision.");
    }
}

public sealed class RecordTransactionInputType : InputObjectGraphType<RecordTransactionInput>
{
    public RecordTransactionInputType()
    {
        Name = "RecordTransactionInput";
        Description = "Money committed, disbursed, spent or received for a project.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<TransactionKindType>)).Description("Commitment, disbursement, expenditure or incoming funds; pledges come from the needs marketplace.");
        Field(x => x.AmountFen, type: typeof(NonNullGraphType<LongGraphType>)).Description("The amount in fen.");
        Field(x => x.Date).Description("The date the money moved.");
        Field(x => x.Project).Description("The project's code.");
        Field(x => x.Fund, nullable: true).Description("The fund's code, if the money belongs to one.");
        Field(x => x.ProviderRegion, nullable: true).Description("The region the money came from, e.g. \"44\" for Guangdong in east–west cooperation.");
        Field(x => x.Description).Description("What the money was for.");
    }
}

public sealed class CreateFundPayloadType() : PayloadType<FundType>("CreateFundPayload", "fund", "The fund created.");

public sealed class AllocateFundPayloadType() : PayloadType<FundAllocationType>("AllocateFundPayload", "allocation", "The allocation made.");

public sealed class RecordTransactionPayloadType() : PayloadType<TransactionType>("RecordTransactionPayload", "transaction", "The transaction recorded.");

public sealed class FundMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateFundPayloadType>>("createFund")
            .Description("Creates a fund in the caller's region (Publisher).")
            .Argument<NonNullGraphType<CreateFundInputType>>("input", "The fund.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => CreateAsync(db, actor, ctx.GetArgument<CreateFundInput>("input"), ct)));
        mutation.Field<NonNullGraphType<AllocateFundPayloadType>>("allocateFund")
            .Description("Allocates part of a fund to a project (Publisher of the fund's region); never beyond what is left of the fund.")
            .Argument<NonNullGraphType<AllocateFundInputType>>("input", "The allocation.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => AllocateAsync(db, actor, ctx.GetArgument<AllocateFundInput>("input"), ct)));
        mutation.Field<NonNullGraphType<RecordTransactionPayloadType>>("recordTransaction")
            .Description("Records money committed, disbursed, spent or received for a project (Publisher of its region). Disbursements never exceed commitments, expenditures never exceed disbursements.")
            .Argument<NonNullGraphType<RecordTransactionInputType>>("input", "The transaction.")
            .ResolveAsync(async ctx => await ctx.MutateAsync(Roles.Publisher, (db, actor, ct) => RecordAsync(db, actor, ctx.GetArgument<RecordTransactionInput>("input"), ct)));
    }

    private static async Task<Fund> CreateAsync(OpenAidDbContext db, Actor actor, CreateFundInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var region = await WriteChecks.RegionAsync(db, input.Region, "region", ct);
        actor.RequireInRegion(Roles.Publisher, region.Code);
        var issuer = await WriteChecks.OwnOrganizationAsync(db, actor.OrganizationCode, ct);
        var year = WriteChecks.Year(input.FiscalYear, "fiscalYear");
        var documentNumber = WriteChecks.PublicText(input.DocumentNumber, "documentNumber", 100);
        if (await db.Funds.AnyAsync(f => f.FiscalYear == year && f.DocumentNumber == documentNumber, ct))
        {
            throw new DomainException("DUPLICATE_DOCUMENT_NUMBER", $"A fund of {year} already has the document number {documentNumber}.", "documentNumber");
        }

        if (input.DecidedOn.Year < year - 1 || input.DecidedOn.Year > year + 1)
        {
            throw new DomainException("INVALID_DATE", $"'decidedOn' ({input.DecidedOn:yyyy-MM-dd}) must fall within a year of fiscal year {year}.", "decidedOn");
        }

        var prefix = RegisterNumbers.Prefix("ZJ", region.Code, year);
        var fund = new Fund
        {
            Code = RegisterNumbers.Next(prefix, await db.Funds.Where(f => f.Code.StartsWith(prefix)).Select(f => f.Code).ToListAsync(ct)),
            Name = WriteChecks.PublicText(input.Name, "name", 200),
            DocumentNumber = documentNumber,
            SourceType = input.SourceType,
            Level = input.Level,
            FiscalYear = year,
            AmountFen = WriteChecks.PositiveAmount(input.AmountFen, "amountFen"),
            RegionCode = region.Code,
            IssuerOrganizationId = issuer.Id,
            Purpose = WriteChecks.PublicText(input.Purpose, "purpose", 2000),
            DecidedOn = input.DecidedOn,
        };
        db.Funds.Add(fund);
        return fund;
    }

    private static async Task<FundAllocation> AllocateAsync(OpenAidDbContext db, Actor actor, AllocateFundInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var fund = await WriteChecks.ByCodeAsync(db.Funds, input.Fund, "fund", ct);
        actor.RequireInRegion(Roles.Publisher, fund.RegionCode);
        var project = await WriteChecks.ByCodeAsync(db.Projects, input.Project, "project", ct);
        if (!RegionCode.Of(fund.RegionCode).Contains(project.RegionCode))
        {
            throw new DomainException("PROJECT_OUTSIDE_FUND_REGION", $"Project {project.Code} lies outside the region of fund {fund.Code}.", "project");
        }

        if (project.Status is ProjectStatus.Cancelled or ProjectStatus.Closed)
        {
            throw new DomainException("PROJECT_NOT_ACTIVE", $"Project {project.Code} is {project.Status}; funds go to active projects only.", "project");
        }

        var amount = WriteChecks.PositiveAmount(input.AmountFen, "amountFen");
        var allocated = await db.FundAllocations.Where(a => a.FundId == fund.Id).SumAsync(a => a.AmountFen, ct);
        if (allocated + amount > fund.AmountFen)
        {
            throw new DomainException(
                "AMOUNT_EXCEEDS_FUND",
                $"Only {new Money(fund.AmountFen - allocated)} yuan of fund {fund.Code} is left to allocate; {new Money(amount)} yuan were asked.",
                "amountFen");
        }

        // Touching the fund's concurrency token makes a concurrent allocation fail and re-check the total.
        fund.Version++;
        var allocation = new FundAllocation { FundId = fund.Id, ProjectId = project.Id, AmountFen = amount, DecidedOn = input.DecidedOn };
        db.FundAllocations.Add(allocation);
        return allocation;
    }

    private static async Task<MoneyTransaction> RecordAsync(OpenAidDbContext db, Actor actor, RecordTransactionInput input, CancellationToken ct)
    {
        actor.Require(Roles.Publisher);
        var project = await WriteChecks.ByCodeAsync(db.Projects, input.Project, "project", ct);
        actor.RequireInRegion(Roles.Publisher, project.RegionCode);
        var fund = input.Fund is null ? null : await WriteChecks.ByCodeAsync(db.Funds, input.Fund, "fund", ct);
        var provider = input.ProviderRegion is null ? null : await WriteChecks.RegionAsync(db, input.ProviderRegion, "providerRegion", ct);
        var amount = WriteChecks.PositiveAmount(input.AmountFen, "amountFen");
        var totals = await db.Transactions.Where(t => t.ProjectId == project.Id)
            .GroupBy(t => t.Kind).Select(g => new { Kind = g.Key, Fen = g.Sum(t => t.AmountFen) })
            .ToDictionaryAsync(x => x.Kind, x => x.Fen, ct);
        long Total(TransactionKind kind) => totals.GetValueOrDefault(kind);
        switch (input.Kind)
        {
            case TransactionKind.Pledge:
                throw new DomainException("PLEDGE_NOT_HERE", "Pledges are made against needs with 'pledge', not recorded here.", "kind");
            case TransactionKind.Disbursement when Total(TransactionKind.Disbursement) + amount > Total(TransactionKind.Commitment):
                throw new DomainException(
                    "DISBURSEMENT_EXCEEDS_COMMITMENT",
                    $"Project {project.Code} has {new Money(Total(TransactionKind.Commitment) - Total(TransactionKind.Disbursement))} yuan committed and not yet disbursed; {new Money(amount)} yuan were asked.",
                    "amountFen");
            case TransactionKind.Expenditure when Total(TransactionKind.Expenditure) + amount > Total(TransactionKind.Disbursement):
                throw new DomainException(
                    "EXPENDITURE_EXCEEDS_DISBURSEMENT",
                    $"Project {project.Code} has {new Money(Total(TransactionKind.Disbursement) - Total(TransactionKind.Expenditure))} yuan disbursed and not yet spent; {new Money(amount)} yuan were asked.",
                    "amountFen");
        }

        project.Version++;
        var transaction = new MoneyTransaction
        {
            Code = await TransactionCodes.NextAsync(db, input.Date.Year, ct),
            Kind = input.Kind,
            AmountFen = amount,
            Date = input.Date,
            FiscalYear = input.Date.Year,
            FundId = fund?.Id,
            SourceType = fund?.SourceType ?? FundSourceType.CountyFiscal,
            ProjectId = project.Id,
            ProviderRegionCode = provider?.Code,
            ReceiverOrganizationId = project.ImplementingOrganizationId,
            ReceiverRegionCode = project.RegionCode,
            Description = WriteChecks.PublicText(input.Description, "description", 1000),
        };
        db.Transactions.Add(transaction);
        return transaction;
    }
}
