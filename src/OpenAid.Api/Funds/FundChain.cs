using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;

namespace OpenAid.Api.Funds;

/// <summary>What moved out of a fund (transfers, allocations, disbursements of those) and when its money last moved.</summary>
public sealed record FundFlow(long TransferredFen, long AllocatedFen, long DisbursedFen, DateOnly? LastMovedOn)
{
    /// <summary>Received (or own) money neither allocated nor transferred on.</summary>
    public long UnallocatedFen(Fund fund) => fund.AmountFen - AllocatedFen - TransferredFen;

    /// <summary>Allocated to projects and not yet paid out (拨付).</summary>
    public long UndisbursedFen => AllocatedFen - DisbursedFen;

    /// <summary>Since when idle money has lain in the fund without anything moving (资金闲置); null when none is idle.</summary>
    public DateOnly? IdleSince(Fund fund) =>
        UnallocatedFen(fund) + UndisbursedFen <= 0 ? null : LastMovedOn is { } moved && moved > fund.DecidedOn ? moved : fund.DecidedOn;

    /// <summary>The flows of the funds <paramref name="ids"/>, in four grouped queries.</summary>
    public static async Task<Dictionary<int, FundFlow>> LoadAsync(OpenAidDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var outs = await db.FundTransfers.Where(t => ids.Contains(t.FromFundId)).GroupBy(t => t.FromFundId)
            .Select(g => new { Id = g.Key, Fen = g.Sum(t => t.AmountFen), Last = g.Max(t => t.Date) }).ToDictionaryAsync(x => x.Id, ct);
        var ins = await db.FundTransfers.Where(t => ids.Contains(t.ToFundId)).GroupBy(t => t.ToFundId)
            .Select(g => new { Id = g.Key, Last = g.Max(t => t.Date) }).ToDictionaryAsync(x => x.Id, x => x.Last, ct);
        var allocations = await db.FundAllocations.Where(a => ids.Contains(a.FundId)).GroupBy(a => a.FundId)
            .Select(g => new { Id = g.Key, Fen = g.Sum(a => a.AmountFen), Last = g.Max(a => a.DecidedOn) }).ToDictionaryAsync(x => x.Id, ct);
        var disbursed = await db.Transactions.Where(t => t.FundId != null && ids.Contains(t.FundId.Value) && t.Kind == TransactionKind.Disbursement).GroupBy(t => t.FundId!.Value)
            .Select(g => new { Id = g.Key, Fen = g.Sum(t => t.AmountFen), Last = g.Max(t => t.Date) }).ToDictionaryAsync(x => x.Id, ct);
        return ids.Distinct().ToDictionary(id => id, id =>
        {
            DateOnly?[] moves = [outs.GetValueOrDefault(id)?.Last, ins.TryGetValue(id, out var i) ? i : null, allocations.GetValueOrDefault(id)?.Last, disbursed.GetValueOrDefault(id)?.Last];
            return new FundFlow(outs.GetValueOrDefault(id)?.Fen ?? 0, allocations.GetValueOrDefault(id)?.Fen ?? 0, disbursed.GetValueOrDefault(id)?.Fen ?? 0, moves.Max());
        });
    }

    /// <summary>The same rule as <see cref="IdleSince"/>, in SQL: funds with idle money and no movement since <paramref name="cutoff"/>.</summary>
    public static IQueryable<Fund> IdleBefore(OpenAidDbContext db, IQueryable<Fund> funds, DateOnly cutoff) =>
        funds.Where(f =>
            f.AmountFen > (db.FundTransfers.Where(t => t.FromFundId == f.Id).Sum(t => (long?)t.AmountFen) ?? 0)
                + (db.Transactions.Where(t => t.FundId == f.Id && t.Kind == TransactionKind.Disbursement).Sum(t => (long?)t.AmountFen) ?? 0)
            && f.DecidedOn < cutoff
            && !db.FundTransfers.Any(t => (t.FromFundId == f.Id || t.ToFundId == f.Id) && t.Date >= cutoff)
            && !db.FundAllocations.Any(a => a.FundId == f.Id && a.DecidedOn >= cutoff)
            && !db.Transactions.Any(t => t.FundId == f.Id && t.Kind == TransactionKind.Disbursement && t.Date >= cutoff));
}

/// <summary>Money of one source type and level within a fund or a region.</summary>
public sealed record SourcePart(FundSourceType SourceType, FundLevel Level, long AmountFen);

public sealed class SourcePartType : ObjectGraphType<SourcePart>
{
    public SourcePartType()
    {
        Name = "FundSourcePart";
        Description = "Money of one source type and level, e.g. the central share of a county's integrated pool.";
        Field(p => p.SourceType, type: typeof(NonNullGraphType<EnumerationGraphType<FundSourceType>>)).Description("Where the money comes from.");
        Field(p => p.Level, type: typeof(NonNullGraphType<EnumerationGraphType<FundLevel>>)).Description("The level that provides it.");
        this.MoneyField("amount", "The amount.", p => p.AmountFen);
    }
}

public sealed class FundTransferType : ObjectGraphType<FundTransfer>
{
    public const string TypeName = "FundTransfer";

    public FundTransferType()
    {
        Name = TypeName;
        Description = "Part of a fund moved down the chain (切块下达) to a lower fund or a county's integrated pool.";
        this.NodeId(TypeName, t => t.Id);
        Field<NonNullGraphType<FundType>>("from").Description("The fund that gave the money.")
            .Resolve(ctx => ctx.LoadNode(FundType.TypeName, ctx.Source.FromFundId));
        Field<NonNullGraphType<FundType>>("to").Description("The fund that received it.")
            .Resolve(ctx => ctx.LoadNode(FundType.TypeName, ctx.Source.ToFundId));
        this.MoneyField("amount", "The amount transferred.", t => t.AmountFen);
        Field(t => t.Date).Description("The date the money was transferred (下达).");
    }
}

/// <summary>One step of a fund chain: a fund, what reached it at this step, where it went on, and its projects.</summary>
public sealed record FundChainStep(Fund Fund, long AmountFen, DateOnly? Date, IReadOnlyList<FundChainStep> Transfers, IReadOnlyList<FundAllocation> Allocations);

public sealed class FundChainStepType : ObjectGraphType<FundChainStep>
{
    private const int InMemoryListSize = 10;

    public FundChainStepType()
    {
        Name = "FundChainStep";
        Description = "One step of a fund chain (资金链): the fund, the money that reached it at this step, the lower funds it went on to, and the projects it funds.";
        Field<NonNullGraphType<FundType>>("fund").Description("The fund at this step.").Resolve(ctx => ctx.Source.Fund);
        this.MoneyField("amount", "At the first step the fund's amount; below it the amount transferred from the step above.", s => s.AmountFen);
        Field(s => s.Date, nullable: true).Description("The date of the transfer into this step; null at the first step.");
        // fundChain loads the whole chain up front (two queries a level); a step's lists are read from memory, so they
        // are priced as a few entries rather than a page from the database.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundChainStepType>>>>("transfers").Description("Where the fund's money went on: one step per transfer out.")
            .ListSize(InMemoryListSize)
            .Resolve(ctx => ctx.Source.Transfers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundAllocationType>>>>("allocations").Description("The fund's allocations to projects (all of them: a pool mixes the money of its sources).")
            .ListSize(InMemoryListSize)
            .Resolve(ctx => ctx.Source.Allocations);
    }
}

/// <summary>
/// Fund money within a region (and year): what entered it, counted once however many levels it passed, and where it
/// stands. <see cref="Entered"/> adds up to <see cref="AllocatedFen"/> + <see cref="UnallocatedFen"/>.
/// </summary>
public sealed record FundMoney(long? RegionCode, IReadOnlyList<SourcePart> Entered, long AllocatedFen, long UnallocatedFen, long UndisbursedFen);

public sealed class FundMoneyType : ObjectGraphType<FundMoney>
{
    public FundMoneyType()
    {
        Name = "FundMoney";
        Description = "Fund money within a region, each yuan counted once however many levels it passed: what entered (own money of the region's funds, and transfers from funds outside it), by source and level, adds up to what is allocated plus what is unallocated.";
        Field<RegionType>("region").Description("The region whose subtree is counted; null for everywhere.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourcePartType>>>>("entered").Description("The money that entered the region's funds, by source and level.")
            .Resolve(ctx => ctx.Source.Entered);
        this.MoneyField("enteredTotal", "The sum of what entered.", m => m.Entered.Sum(p => p.AmountFen));
        this.MoneyField("allocated", "Allocated to projects by the region's funds.", m => m.AllocatedFen);
        this.MoneyField("unallocated", "Idle: held by the region's funds, neither allocated nor transferred on (资金闲置).", m => m.UnallocatedFen);
        this.MoneyField("undisbursed", "Idle: allocated to projects and not yet disbursed (拨付).", m => m.UndisbursedFen);
    }
}

/// <summary>The fund chain queries: <c>fundChain</c> and <c>fundMoney</c>.</summary>
public sealed class FundChainQueries : IQueryFields
{
    /// <summary>Central → province → city → county → pool: a chain has at most five funds.</summary>
    public const int MaxDepth = 5;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<FundChainStepType>("fundChain")
            .Description("The fund chain from a fund down to the projects (central or provincial money → county blocks → pools → projects), with amounts at every step; null when no fund has the code.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The fund code, e.g. \"ZJ-450000-2019-0012\".")
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var code = ctx.GetArgument<string>("code").Trim().ToUpperInvariant();
                return await db.Funds.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ctx.CancellationToken) is { } root
                    ? await ChainAsync(db, root, ctx.CancellationToken)
                    : null;
            });
        query.Field<NonNullGraphType<FundMoneyType>>("fundMoney")
            .Description("Fund money within a region (and fiscal year), each yuan counted once: what entered by source and level, what is allocated, and what lies idle.")
            .RegionArgument()
            .YearArgument("Only funds of this fiscal year.")
            .ResolveAsync(async ctx =>
            {
                var region = await ctx.RegionArgumentAsync();
                var funds = ctx.Db().Funds.AsQueryable();
                if (region is { } within)
                {
                    funds = funds.InSubtree(within, f => f.RegionCode);
                }

                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    funds = funds.Where(f => f.FiscalYear == year);
                }

                return await MoneyAsync(ctx.Db(), funds, region?.Value, ctx.CancellationToken);
            });
    }

    /// <summary>The chain below <paramref name="root"/>, loaded a level at a time (two queries per level, one for allocations).</summary>
    private static async Task<FundChainStep> ChainAsync(OpenAidDbContext db, Fund root, CancellationToken ct)
    {
        var funds = new Dictionary<int, Fund> { [root.Id] = root };
        var transfers = new List<FundTransfer>();
        List<int> frontier = [root.Id];
        for (var depth = 1; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var level = await db.FundTransfers.AsNoTracking().Where(t => frontier.Contains(t.FromFundId)).OrderBy(t => t.Id).ToListAsync(ct);
            var ids = level.Select(t => t.ToFundId).Distinct().ToList();
            foreach (var fund in await db.Funds.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct))
            {
                funds[fund.Id] = fund;
            }

            transfers.AddRange(level);
            frontier = ids;
        }

        var allIds = funds.Keys.ToList();
        var allocations = (await db.FundAllocations.AsNoTracking().Where(a => allIds.Contains(a.FundId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.FundId);
        var outOf = transfers.ToLookup(t => t.FromFundId);
        FundChainStep Step(Fund fund, long amountFen, DateOnly? date, int depth) =>
            new(fund, amountFen, date,
                depth >= MaxDepth ? [] : [.. outOf[fund.Id].Select(t => Step(funds[t.ToFundId], t.AmountFen, t.Date, depth + 1))],
                [.. allocations[fund.Id]]);
        return Step(root, root.AmountFen, null, 1);
    }

    private static async Task<FundMoney> MoneyAsync(OpenAidDbContext db, IQueryable<Fund> funds, long? region, CancellationToken ct)
    {
        var own = await funds.Where(f => f.OwnAmountFen > 0).GroupBy(f => new { f.SourceType, f.Level })
            .Select(g => new { g.Key.SourceType, g.Key.Level, Fen = g.Sum(f => f.OwnAmountFen) }).ToListAsync(ct);
        var fromOutside = await db.FundTransfers
            .Where(t => funds.Any(f => f.Id == t.ToFundId) && !funds.Any(f => f.Id == t.FromFundId))
            .Join(db.Funds, t => t.FromFundId, f => f.Id, (t, f) => new { f.SourceType, f.Level, t.AmountFen })
            .GroupBy(x => new { x.SourceType, x.Level })
            .Select(g => new { g.Key.SourceType, g.Key.Level, Fen = g.Sum(x => x.AmountFen) }).ToListAsync(ct);
        var entered = own.Concat(fromOutside).GroupBy(x => (x.SourceType, x.Level)).OrderBy(g => g.Key)
            .Select(g => new SourcePart(g.Key.SourceType, g.Key.Level, g.Sum(x => x.Fen))).ToList();
        var held = await funds.SumAsync(f => f.AmountFen, ct);
        var allocated = await db.FundAllocations.Where(a => funds.Any(f => f.Id == a.FundId)).SumAsync(a => a.AmountFen, ct);
        var transferred = await db.FundTransfers.Where(t => funds.Any(f => f.Id == t.FromFundId)).SumAsync(t => t.AmountFen, ct);
        var disbursed = await db.Transactions.Where(t => t.Kind == TransactionKind.Disbursement && funds.Any(f => f.Id == t.FundId)).SumAsync(t => t.AmountFen, ct);
        return new FundMoney(region, entered, allocated, held - allocated - transferred, allocated - disbursed);
    }
}

/// <summary>The fund fields of the chain and of idle money, declared with <see cref="FundType"/>.</summary>
internal static class FundChainFields
{
    public static IDataLoaderResult<FundFlow?> Flow(IResolveFieldContext ctx, int fundId) =>
        ctx.Loader().Load<int, FundFlow>("fund:flow", fundId, async (ids, ct) => await FundFlow.LoadAsync(ctx.Db(), ids, ct));

    public static IDataLoaderResult<FundTransfer[]?> TransfersIn(IResolveFieldContext ctx, int fundId) =>
        ctx.Loader().LoadMany<int, FundTransfer>(
            "fund:sources", fundId,
            async (ids, ct) => (await ctx.Db().FundTransfers.Where(t => ids.Contains(t.ToFundId)).OrderBy(t => t.Id).ToListAsync(ct)).ToLookup(t => t.ToFundId));

    public static IDataLoaderResult<FundTransfer[]?> TransfersOut(IResolveFieldContext ctx, int fundId) =>
        ctx.Loader().LoadMany<int, FundTransfer>(
            "fund:transfers", fundId,
            async (ids, ct) => (await ctx.Db().FundTransfers.Where(t => ids.Contains(t.FromFundId)).OrderBy(t => t.Id).ToListAsync(ct)).ToLookup(t => t.FromFundId));

    /// <summary>The fund's own money under its own source and level, and what it received under its givers'.</summary>
    public static IDataLoaderResult<SourcePart[]> Composition(IResolveFieldContext ctx, Fund fund) =>
        new ThenResult<SourcePart[], SourcePart[]>(
            ctx.Loader().LoadMany<int, SourcePart>(
                "fund:composition", fund.Id,
                async (ids, ct) => (await ctx.Db().FundTransfers.Where(t => ids.Contains(t.ToFundId))
                        .Join(ctx.Db().Funds, t => t.FromFundId, f => f.Id, (t, f) => new { t.ToFundId, f.SourceType, f.Level, t.AmountFen })
                        .GroupBy(x => new { x.ToFundId, x.SourceType, x.Level })
                        .Select(g => new { g.Key.ToFundId, g.Key.SourceType, g.Key.Level, Fen = g.Sum(x => x.AmountFen) })
                        .ToListAsync(ct))
                    .ToLookup(x => x.ToFundId, x => new SourcePart(x.SourceType, x.Level, x.Fen))),
            received => [.. (fund.OwnAmountFen > 0 ? [new SourcePart(fund.SourceType, fund.Level, fund.OwnAmountFen)] : Array.Empty<SourcePart>())
                .Concat(received)
                .GroupBy(p => (p.SourceType, p.Level)).OrderBy(g => g.Key).Select(g => new SourcePart(g.Key.SourceType, g.Key.Level, g.Sum(p => p.AmountFen)))]);
}
