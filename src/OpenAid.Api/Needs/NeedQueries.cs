using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;
using OpenAid.Data.Search;

namespace OpenAid.Api.Needs;

/// <summary>A need with what its live pledges hold today (lapsed pledges not counted), for filters and ordering in SQL.</summary>
public sealed class LiveNeed
{
    public required Need Need { get; init; }

    public long Pledged { get; init; }
}

/// <summary>A need with its place in the openNeeds order.</summary>
public sealed class RankedNeed
{
    public required Need Need { get; init; }

    public long Rank { get; init; }
}

public sealed class NeedQueries(TimeProvider clock, IConfiguration configuration) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NeedType>("need")
            .Description("A need by its code; null when none has it or it is not public (drafts, the review queue and rejections are seen by officials of their region only).")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The need's code.")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code");
                return await Visible(ctx).FirstOrDefaultAsync(n => n.Code == code, ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ConnectionType<NeedType, Need>>>("needs")
            .Description("Needs in every state, newest first. The public sees approved needs; Publishers and Reviewers signed in also see the drafts, review queue and rejections of their region.")
            .RegionArgument()
            .Argument<EnumerationGraphType<NeedCategory>>("category", "Only needs of this category.")
            .Argument<EnumerationGraphType<NeedStatus>>("status", "Only needs in this state today, e.g. PENDING_REVIEW for a reviewer's queue or EXPIRED.")
            .YearArgument(YearDescription)
            .Argument<StringGraphType>("program", "Only needs in places paired under the program with this code, e.g. \"YGXZ\".")
            .SearchArgument("Part of the title, or the need's code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var needs = await FilterAsync(ctx, Visible(ctx));
                if (ctx.GetArgument<NeedStatus?>("status") is { } status)
                {
                    needs = WithStatus(ctx.Db(), needs, status, clock.Today());
                }

                return await ctx.PageAsync(needs, n => n.Id);
            });
        query.Field<NonNullGraphType<ConnectionType<NeedType, Need>>>("openNeeds")
            .Description("Needs that take pledges today (open or partly pledged, deadline not passed), most urgent first, then the largest unmet share, then newest. The order follows the pledges, so a cursor is only good while they stay as they are.")
            .RegionArgument()
            .Argument<EnumerationGraphType<NeedCategory>>("category", "Only needs of this category.")
            .Argument<StringGraphType>("program", "Only needs in places paired under the program with this code, e.g. \"YGXZ\".")
            .YearArgument(YearDescription)
            .Argument<EnumerationGraphType<NeedPriority>>("urgency", "Only needs at least this urgent, e.g. HIGH for high and urgent needs.")
            .Argument<LongGraphType>("minRemainingFen", "Only money needs with at least this much (fen) left to pledge.")
            .Argument<LongGraphType>("maxRemainingFen", "Only money needs with at most this much (fen) left to pledge, e.g. what a donor can fund in full.")
            .SearchArgument("Part of the title, or the need's code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var today = clock.Today();
                var live = Live(ctx.Db(), await FilterAsync(ctx, Visible(ctx)), today).Where(x => x.Pledged < x.Need.Requested && x.Need.Deadline >= today);
                if (ctx.GetArgument<NeedPriority?>("urgency") is { } urgency)
                {
                    live = live.Where(x => x.Need.Priority >= urgency);
                }

                var min = ctx.GetArgument<long?>("minRemainingFen");
                var max = ctx.GetArgument<long?>("maxRemainingFen");
                if (min is not null || max is not null)
                {
                    var (low, high) = (min ?? 0, max ?? long.MaxValue);
                    live = live.Where(x => x.Need.Unit == NeedLifecycle.MoneyUnit && x.Need.Requested - x.Pledged >= low && x.Need.Requested - x.Pledged <= high);
                }

                var page = await ctx.PageAsync(Ranked(live), r => r.Rank);
                return new Page<Need>([.. page.Edges.Select(e => new Edge<Need>(e.Cursor, e.Node.Need))], page.HasNextPage, page.CountAsync);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedCapType>>>>("needCaps")
            .Description("The reasonableness cap of every need category, as reviewers apply them.")
            .Resolve(_ => NeedCapsConfiguration.From(configuration).All.Select(c => new CategoryCap(c.Category, c.Cap)).ToList());
    }

    /// <summary>Priority × 10¹⁴ + unmet share in basis points × 10⁹ + id: one descending key, so keyset paging stays exact.</summary>
    public static IQueryable<RankedNeed> Ranked(IQueryable<LiveNeed> live) =>
        live.Select(x => new RankedNeed
        {
            Need = x.Need,
            Rank = ((long)x.Need.Priority * 100_000_000_000_000) + ((x.Need.Requested - x.Pledged) * 10_000 / x.Need.Requested * 1_000_000_000) + x.Need.Id,
        });

    /// <summary>The unmet share in basis points, as the rank holds it.</summary>
    public static long UnmetBasisPoints(RankedNeed ranked) => ranked.Rank % 100_000_000_000_000 / 1_000_000_000;

    /// <summary>The needs the caller may see: approved ones, and for officials of a region everything in it.</summary>
    public static IQueryable<Need> Visible(IResolveFieldContext ctx)
    {
        var needs = ctx.Db().Needs.AsQueryable();
        var actor = ctx.Actor();
        var publicStatuses = NeedLifecycle.PublicStatuses;
        return needs.Where(RegionScopes.Within<Need>(n => n.RegionCode, actor.GrantsOf(Roles.Publisher).Concat(actor.GrantsOf(Roles.Reviewer)), n => publicStatuses.Contains(n.Status)));
    }

    /// <summary>Needs whose stored status follows the pledges and the date, with what their live pledges hold today.</summary>
    public static IQueryable<LiveNeed> Live(OpenAidDbContext db, IQueryable<Need> needs, DateOnly today)
    {
        var live = NeedLifecycle.LiveStatuses;
        return needs.Where(n => live.Contains(n.Status)).Select(n => new LiveNeed
        {
            Need = n,
            Pledged = n.Pledged - db.Pledges.Where(p => p.NeedId == n.Id && p.Status == PledgeStatus.Pledged && p.ConfirmBy < today).Sum(p => p.Quantity),
        });
    }

    /// <summary>The needs in <paramref name="status"/> today, as <see cref="NeedLifecycle.EffectiveStatus"/> computes it.</summary>
    public static IQueryable<Need> WithStatus(OpenAidDbContext db, IQueryable<Need> needs, NeedStatus status, DateOnly today)
    {
        var live = Live(db, needs, today);
        return status switch
        {
            NeedStatus.Open => live.Where(x => x.Pledged <= 0 && x.Need.Deadline >= today).Select(x => x.Need),
            NeedStatus.PartlyPledged => live.Where(x => x.Pledged > 0 && x.Pledged < x.Need.Requested && x.Need.Deadline >= today).Select(x => x.Need),
            NeedStatus.FullyPledged => live.Where(x => x.Pledged >= x.Need.Requested).Select(x => x.Need),
            NeedStatus.Expired => live.Where(x => x.Pledged < x.Need.Requested && x.Need.Deadline < today).Select(x => x.Need),
            _ => needs.Where(n => n.Status == status),
        };
    }

    private const string YearDescription = "Only needs registered in this year (the year in their code).";

    /// <summary>The region, category, year, program and search filters shared by the need lists.</summary>
    public static async Task<IQueryable<Need>> FilterAsync(IResolveFieldContext ctx, IQueryable<Need> needs)
    {
        if (await ctx.RegionArgumentAsync() is { } region)
        {
            needs = needs.InSubtree(region, n => n.RegionCode);
        }

        if (ctx.GetArgument<NeedCategory?>("category") is { } category)
        {
            needs = needs.Where(n => n.Category == category);
        }

        if (ctx.GetArgument<string?>("program") is { } program)
        {
            var db = ctx.Db();
            var pairings = await db.Pairings.Where(p => db.Programs.Any(g => g.Id == p.ProgramId && g.Code == program))
                .Select(p => new { p.Id, p.HelpedRegionCode })
                .ToListAsync(ctx.CancellationToken);
            var ids = pairings.Select(p => p.Id).ToList();
            var inPairedPlaces = InRegions<Need>(n => n.RegionCode, pairings.Select(p => p.HelpedRegionCode));
            var parameter = inPairedPlaces.Parameters[0];
            Expression<Func<Need, bool>> linked = n => n.PairingId != null && ids.Contains(n.PairingId.Value);
            needs = needs.Where(Expression.Lambda<Func<Need, bool>>(
                Expression.OrElse(Expression.Invoke(linked, parameter), inPairedPlaces.Body), parameter));
        }

        if (ctx.GetArgument<int?>("year") is { } year)
        {
            // A need is numbered in the (Beijing) year it was registered: XQ-451021-2024-0007.
            var numbered = $"-{year:D4}-";
            needs = needs.Where(n => n.Code.Contains(numbered));
        }

        if (ctx.SearchText() is { } search)
        {
            var code = search.ToUpperInvariant();
            needs = needs.Where(ctx.Db().TextContains<Need, int>(search, n => n.Id, n => n.Title.Contains(search)).Or(n => n.Code == code));
        }

        return needs;
    }

    /// <summary>
    /// "The code lies in one of these regions' subtrees" as one predicate: the subtrees merged into ranges, so that a
    /// program's hundreds of paired villages stay a short OR of range checks. False for no regions.
    /// </summary>
    public static Expression<Func<T, bool>> InRegions<T>(Expression<Func<T, long>> code, IEnumerable<long> regions)
    {
        var ranges = new List<(long Start, long End)>();
        foreach (var (start, end) in regions.Select(RegionCode.Of).Select(r => (r.SubtreeStart, r.SubtreeEnd)).Order())
        {
            if (ranges.Count > 0 && start <= ranges[^1].End)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, end));
            }
            else
            {
                ranges.Add((start, end));
            }
        }

        Expression body = Expression.Constant(false);
        foreach (var (start, end) in ranges)
        {
            var within = Expression.AndAlso(
                Expression.GreaterThanOrEqual(code.Body, Expression.Constant(start)),
                Expression.LessThan(code.Body, Expression.Constant(end)));
            body = body is ConstantExpression ? within : Expression.OrElse(body, within);
        }

        return Expression.Lambda<Func<T, bool>>(body, code.Parameters);
    }
}
