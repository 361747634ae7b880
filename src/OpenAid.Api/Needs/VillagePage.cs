using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Funds;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Pledges;
using OpenAid.Api.Regions;
using OpenAid.Api.Reports;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Needs;

/// <summary>One village (or township): everything promised to it and everything that arrived, side by side.</summary>
public sealed record VillagePage(Region Region);

public sealed record VillageSummary(
    int Needs, int OpenNeeds, long MoneyAskedFen, long MoneyPledgedFen, long MoneyReceivedFen, long GovernmentAllocatedFen, long GovernmentDisbursedFen);

public sealed class VillageSummaryType : ObjectGraphType<VillageSummary>
{
    public VillageSummaryType()
    {
        Name = "VillageSummary";
        Description = "A village's totals: what its approved needs ask, what donors pledged and the village received, and the government funds allocated and paid out to its projects.";
        Field(s => s.Needs).Description("Approved needs, in every state since.");
        Field(s => s.OpenNeeds).Description("Of them, needs taking pledges today.");
        this.MoneyField("moneyAsked", "What its approved money needs ask.", s => s.MoneyAskedFen);
        this.MoneyField("moneyPledged", "Money that live pledges hold (not cancelled or lapsed).", s => s.MoneyPledgedFen);
        this.MoneyField("moneyReceived", "Pledged money the village confirmed it received.", s => s.MoneyReceivedFen);
        this.MoneyField("governmentAllocated", "Government funds allocated to projects in the village.", s => s.GovernmentAllocatedFen);
        this.MoneyField("governmentDisbursed", "Government funds paid out to projects in the village.", s => s.GovernmentDisbursedFen);
    }
}

public sealed class VillagePageType : ObjectGraphType<VillagePage>
{
    public VillagePageType(TimeProvider clock)
    {
        Name = "VillagePage";
        Description = "One village (or township) with everything promised to it and everything that arrived: needs, pledges, deliveries and government funds side by side.";
        Field<NonNullGraphType<RegionType>>("region").Description("The village or township.").Resolve(ctx => ctx.Source.Region);
        Field<NonNullGraphType<VillageSummaryType>>("summary").Description("The totals.")
            .ResolveAsync(async ctx => await SummaryAsync(ctx, ctx.Source.Region.RegionCode, clock.Today()));
        MarketplaceRegionFields.NeedsField(this, ctx => ctx.Source.Region.RegionCode);
        MarketplaceRegionFields.PledgesField(this, ctx => ctx.Source.Region.RegionCode);
        Field<NonNullGraphType<ConnectionType<PledgeDeliveryType, PledgeDelivery>>>("deliveries")
            .Description("Deliveries of pledges to the place, newest first, received or awaiting the village's confirmation.")
            .Argument<BooleanGraphType>(PledgeQueries.ReceivedArgument, PledgeQueries.ReceivedDescription)
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var (db, region) = (ctx.Db(), ctx.Source.Region.RegionCode);
                var deliveries = db.PledgeDeliveries.Where(d => db.Pledges.Any(p => p.Id == d.PledgeId && p.RegionCode >= region.SubtreeStart && p.RegionCode < region.SubtreeEnd));
                return await ctx.PageAsync(PledgeQueries.Received(ctx, deliveries), d => d.Id);
            });
        Field<NonNullGraphType<ConnectionType<FundAllocationType, FundAllocation>>>("governmentFunds")
            .Description("Government fund allocations to projects in the place, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var (db, region) = (ctx.Db(), ctx.Source.Region.RegionCode);
                return await ctx.PageAsync(db.FundAllocations.Where(a => db.Projects.Any(p => p.Id == a.ProjectId && p.RegionCode >= region.SubtreeStart && p.RegionCode < region.SubtreeEnd)), a => a.Id);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoneyGroupType>>>>("money")
            .Description("All money that reached the place by kind, source and year: government funds and donors' money (SOCIAL_DONATION) side by side. Add up groups of the same kind only.")
            .ResolveAsync(async ctx =>
            {
                var region = ctx.Source.Region.RegionCode;
                return (await ctx.Db().Transactions.InSubtree(region, t => t.ReceiverRegionCode)
                        .GroupBy(t => new { t.Kind, t.SourceType, t.FiscalYear })
                        .Select(g => new MoneyGroup(g.Key.Kind, g.Key.SourceType, g.Key.FiscalYear, g.Sum(t => t.AmountFen), g.Count()))
                        .ToListAsync(ctx.CancellationToken))
                    .OrderBy(g => g.Kind).ThenBy(g => g.SourceType).ThenBy(g => g.Year);
            });
    }

    private static async Task<VillageSummary> SummaryAsync(IResolveFieldContext ctx, RegionCode region, DateOnly today)
    {
        var db = ctx.Db();
        var ct = ctx.CancellationToken;
        var needs = db.Needs.InSubtree(region, n => n.RegionCode).Where(n => NeedLifecycle.PublicStatuses.Contains(n.Status));
        var openNeeds = await NeedQueries.Live(db, needs, today).CountAsync(x => x.Pledged < x.Need.Requested && x.Need.Deadline >= today, ct);
        var pledges = db.Pledges.InSubtree(region, p => p.RegionCode).Where(p => p.Kind == PledgeKind.Money || p.Kind == PledgeKind.Purchases);
        var projects = db.Projects.InSubtree(region, p => p.RegionCode).Select(p => p.Id);
        return new VillageSummary(
            await needs.CountAsync(ct),
            openNeeds,
            await needs.Where(n => n.Unit == NeedLifecycle.MoneyUnit).SumAsync(n => n.Requested, ct),
            await pledges.Where(p => p.Status != PledgeStatus.Cancelled && p.Status != PledgeStatus.Lapsed && !(p.Status == PledgeStatus.Pledged && p.ConfirmBy < today)).SumAsync(p => p.Quantity, ct)
                + await db.PledgeDeliveries.Where(d => pledges.Any(p => p.Id == d.PledgeId && p.Status == PledgeStatus.Cancelled)).SumAsync(d => d.Quantity, ct),
            await db.PledgeDeliveries.Where(d => d.ReceivedAt != null && pledges.Any(p => p.Id == d.PledgeId)).SumAsync(d => d.Quantity, ct),
            await db.FundAllocations.Where(a => projects.Contains(a.ProjectId)).SumAsync(a => a.AmountFen, ct),
            await db.Transactions.Where(t => t.Kind == TransactionKind.Disbursement && t.FundId != null && t.ProjectId != null && projects.Contains(t.ProjectId.Value)).SumAsync(t => t.AmountFen, ct));
    }
}

/// <summary>
/// The marketplace fields of a place, shared by <see cref="VillagePageType"/> and, when the Region type adds them
/// (<c>MarketplaceRegionFields.AddTo(this)</c> in its constructor), by Region itself.
/// </summary>
public static class MarketplaceRegionFields
{
    public static void AddTo(ObjectGraphType<Region> region)
    {
        NeedsField(region, ctx => ctx.Source.RegionCode);
        PledgesField(region, ctx => ctx.Source.RegionCode);
    }

    private static DateOnly Today(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<TimeProvider>().Today();

    public static FieldBuilder<T, object> NeedsField<T>(ObjectGraphType<T> type, Func<IResolveFieldContext<T>, RegionCode> place) =>
        type.Field<NonNullGraphType<ConnectionType<NeedType, Need>>>("needs")
            .Description("The needs of the place and the places below it, newest first: approved ones, and for its officials signed in also drafts, the review queue and rejections.")
            .Argument<EnumerationGraphType<NeedStatus>>("status", "Only needs in this state today.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var region = place(ctx);
                var needs = NeedQueries.Visible(ctx).InSubtree(region, n => n.RegionCode);
                if (ctx.GetArgument<NeedStatus?>("status") is { } status)
                {
                    needs = NeedQueries.WithStatus(ctx.Db(), needs, status, Today(ctx));
                }

                return await ctx.PageAsync(needs, n => n.Id);
            });

    public static FieldBuilder<T, object> PledgesField<T>(ObjectGraphType<T> type, Func<IResolveFieldContext<T>, RegionCode> place) =>
        type.Field<NonNullGraphType<ConnectionType<PledgeType, Pledge>>>("pledges")
            .Description("The pledges to the place and the places below it, newest first, in every state.")
            .Argument<EnumerationGraphType<PledgeStatus>>("status", "Only pledges in this state today.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var region = place(ctx);
                var pledges = (await PledgeQueries.FilterAsync(ctx, ctx.Db(), Today(ctx)))
                    .InSubtree(region, p => p.RegionCode);
                return await ctx.PageAsync(pledges, p => p.Id);
            });
}

public sealed class VillagePageQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<VillagePageType>("village")
            .Description("The page of one village (or township): its needs, the pledges to it, their deliveries and the government funds, side by side. Null when OpenAid holds no such place.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The village's 12-digit (or the township's 9-digit) statistical code.")
            .ResolveAsync(async ctx =>
            {
                var text = ctx.GetArgument<string>("code");
                if (!RegionCode.TryParse(text, out var code))
                {
                    throw ApiErrors.InvalidRegionCode(text, "code");
                }

                if (code.Level is not (RegionLevel.Village or RegionLevel.Township))
                {
                    throw ApiErrors.InvalidArgument("code", $"'{text}' is not a village or township; use openNeeds(region:) or pledges(region:) for larger places.");
                }

                var region = await ctx.Db().Regions.SingleOrDefaultAsync(r => r.Code == code.Value, ctx.CancellationToken);
                return region is null ? null : new VillagePage(region);
            });
}
