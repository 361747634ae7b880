using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Organizations;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Data.Search;

namespace OpenAid.Api.Funds;

public sealed class FundType : ObjectGraphType<Fund>
{
    public const string TypeName = "Fund";

    public FundType(TimeProvider clock)
    {
        Name = TypeName;
        Description = "Poverty-alleviation money (扶贫资金) of one source, level and fiscal year, issued by a document.";
        Field(f => f.Code).Description("Stable public code, e.g. \"ZJ-450000-2019-0012\".").Exported();
        Field(f => f.Name).Description("The fund's name.").Exported();
        Field(f => f.DocumentNumber).Description("The issuing document number (文号), e.g. 桂财农〔2018〕12号.").Exported();
        Field(f => f.SourceType, type: typeof(NonNullGraphType<EnumerationGraphType<FundSourceType>>)).Description("Where the money comes from.").Exported();
        Field(f => f.Level, type: typeof(NonNullGraphType<EnumerationGraphType<FundLevel>>)).Description("The level of government (or society) that provides it.").Exported();
        Field(f => f.FiscalYear).Description("The fiscal year.").Exported();
        this.MoneyField("amount", "The amount of the fund: its own money and what it received from higher funds.", f => f.AmountFen).Exported("yuan", "fen");
        Field<NonNullGraphType<MoneyType>>("allocated").Description("The sum of the fund's allocations; never more than the fund.").Exported("yuan", "fen")
            .Resolve(ctx => new ThenResult<FundAllocation[], Money>(Allocations(ctx, ctx.Source.Id), a => new Money(a.Sum(x => x.AmountFen))));
        Field<NonNullGraphType<MoneyType>>("unallocated").Description("What is left of the fund to allocate or transfer: idle money received and not used (资金闲置).").Exported("yuan", "fen")
            .Resolve(ctx => new ThenResult<FundFlow, Money>(FundChainFields.Flow(ctx, ctx.Source.Id), flow => new Money(flow.UnallocatedFen(ctx.Source))));
        Field<NonNullGraphType<RegionType>>("region").Description("The region that holds and allocates the fund.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<OrganizationType>>("issuer").Description("The unit that issued the fund.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.IssuerOrganizationId));
        Field(f => f.Purpose).Description("What the fund is for.").Exported();
        Field(f => f.DecidedOn).Description("The date of the allocation decision; notices about it are due within 15 working days.").Exported();
        Field(f => f.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, f => f.Id).Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundAllocationType>>>>("allocations")
            .Description("The fund's allocations to projects (the allocation result).")
            .Resolve(ctx => Allocations(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ConnectionType<TransactionType, MoneyTransaction>>>("transactions")
            .Description("Money of the fund that moved, newest first: the fund chain.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(ctx.Db().Transactions.Where(t => t.FundId == ctx.Source.Id), t => t.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeType>>>>("notices")
            .Description("The public notices about the fund.")
            .Resolve(ctx => ctx.Loader().LoadMany<int, Notice>(
                "fund:notices",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().NoticeFunds.Where(x => ids.Contains(x.FundId))
                        .Join(NoticeQueries.Public(ctx.Db()), x => x.NoticeId, n => n.Id, (x, n) => new { x.FundId, Notice = n })
                        .ToListAsync(ct))
                    .ToLookup(x => x.FundId, x => x.Notice)));

        // The fund chain, declared after the first columns so that the exports keep their order.
        this.MoneyField("ownAmount", "The money that entered the fund chain here (0 for a county block or pool fed by transfers); sums over funds add these, so each yuan is counted once.", f => f.OwnAmountFen).Exported("yuan", "fen");
        this.MoneyField("received", "What the fund received from higher funds (its sources).", f => f.AmountFen - f.OwnAmountFen).Exported("yuan", "fen");
        Field<NonNullGraphType<MoneyType>>("transferred").Description("What the fund transferred on to lower funds or pools.").Exported("yuan", "fen")
            .Resolve(ctx => new ThenResult<FundFlow, Money>(FundChainFields.Flow(ctx, ctx.Source.Id), flow => new Money(flow.TransferredFen)));
        Field<NonNullGraphType<MoneyType>>("undisbursed").Description("Idle: allocated to projects and not yet disbursed (拨付).").Exported("yuan", "fen")
            .Resolve(ctx => new ThenResult<FundFlow, Money>(FundChainFields.Flow(ctx, ctx.Source.Id), flow => new Money(flow.UndisbursedFen)));
        Field<DateOnlyGraphType>("idleSince").Description("Since when the fund holds idle money (unallocated or undisbursed) with nothing moving: its last transfer, allocation or disbursement, or its decision; null when nothing is idle.").Exported()
            .Resolve(ctx => new ThenResult<FundFlow, DateOnly?>(FundChainFields.Flow(ctx, ctx.Source.Id), flow => flow.IdleSince(ctx.Source)));
        Field<IntGraphType>("idleDays").Description("For how many days the money has lain idle (today − idleSince); null when nothing is idle.").Exported()
            .Resolve(ctx => new ThenResult<FundFlow, int?>(FundChainFields.Flow(ctx, ctx.Source.Id), flow => flow.IdleSince(ctx.Source) is { } since ? clock.Today().DayNumber - since.DayNumber : null));
        Field(f => f.IsIntegratedPool).Description("True for a county's integrated pool (统筹整合涉农资金), which holds what it receives and funds projects.").Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundTransferType>>>>("sources")
            .Description("Where the fund's received money came from: the transfers into it, with their givers.")
            .Resolve(ctx => FundChainFields.TransfersIn(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundTransferType>>>>("transfers")
            .Description("Where the fund's money went on: the transfers out of it to lower funds and pools.")
            .Resolve(ctx => FundChainFields.TransfersOut(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourcePartType>>>>("composition")
            .Description("The fund's money by source and level: its own money, and what it received by its givers' source and level (a pool's composition).")
            .Resolve(ctx => FundChainFields.Composition(ctx, ctx.Source));
    }

    private static IDataLoaderResult<FundAllocation[]?> Allocations(IResolveFieldContext ctx, int fundId) =>
        ctx.Loader().LoadMany<int, FundAllocation>(
            "fund:allocations",
            fundId,
            async (ids, ct) => (await ctx.Db().FundAllocations.Where(a => ids.Contains(a.FundId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.FundId));
}

public sealed class FundAllocationType : ObjectGraphType<FundAllocation>
{
    public const string TypeName = "FundAllocation";

    public FundAllocationType()
    {
        Name = TypeName;
        Description = "Part of a fund allocated to a project.";
        this.NodeId(TypeName, a => a.Id);
        Field<NonNullGraphType<FundType>>("fund").Description("The fund the money comes from.")
            .Resolve(ctx => ctx.LoadNode(FundType.TypeName, ctx.Source.FundId));
        Field<NonNullGraphType<ProjectType>>("project").Description("The project the money goes to.")
            .Resolve(ctx => ctx.LoadNode(ProjectType.TypeName, ctx.Source.ProjectId));
        this.MoneyField("amount", "The amount allocated.", a => a.AmountFen);
        Field(a => a.DecidedOn).Description("The date of the allocation decision.");
    }
}

public sealed class FundQueries(TimeProvider clock) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<FundType, Fund>("fund", "A fund by its public code; null when none has it.", "The fund code, e.g. \"ZJ-450000-2019-0012\".", db => db.Funds);
        query.Field<NonNullGraphType<ConnectionType<FundType, Fund>>>("funds")
            .Description("Funds, newest first.")
            .RegionArgument()
            .YearArgument("Only funds of this fiscal year.")
            .Argument<EnumerationGraphType<FundSourceType>>("sourceType", "Only funds of this source.")
            .Argument<EnumerationGraphType<FundLevel>>("level", "Only funds of this level.")
            .SearchArgument("Part of the fund name or document number, or its code.")
            .Argument<IntGraphType>("idleForMoreThanDays", "Only funds whose idle money (unallocated or undisbursed) has lain for more than this many days.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var funds = ctx.Db().Funds.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    funds = funds.InSubtree(region, f => f.RegionCode);
                }

                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    funds = funds.Where(f => f.FiscalYear == year);
                }

                if (ctx.GetArgument<FundSourceType?>("sourceType") is { } source)
                {
                    funds = funds.Where(f => f.SourceType == source);
                }

                if (ctx.GetArgument<FundLevel?>("level") is { } level)
                {
                    funds = funds.Where(f => f.Level == level);
                }

                if (ctx.SearchText() is { } search)
                {
                    var code = search.ToUpperInvariant();
                    funds = funds.Where(ctx.Db().TextContains<Fund, int>(search, f => f.Id, f => f.Name.Contains(search) || f.DocumentNumber.Contains(search)).Or(f => f.Code == code));
                }

                if (ctx.GetArgument<int?>("idleForMoreThanDays") is { } days)
                {
                    funds = FundFlow.IdleBefore(ctx.Db(), funds, clock.Today().AddDays(-Math.Max(0, days)));
                }

                return await ctx.PageAsync(funds, f => f.Id);
            });
    }
}

public sealed class FundNodes() : IdNodeSource<Fund>(FundType.TypeName, db => db.Funds, f => f.Id);

public sealed class FundTransferNodes() : IdNodeSource<FundTransfer>(FundTransferType.TypeName, db => db.FundTransfers, t => t.Id);

public sealed class FundAllocationNodes() : IdNodeSource<FundAllocation>(FundAllocationType.TypeName, db => db.FundAllocations, a => a.Id);
