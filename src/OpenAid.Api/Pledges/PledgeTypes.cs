using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Needs;
using OpenAid.Api.Notices;
using OpenAid.Api.Organizations;
using OpenAid.Api.Programs;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Pledges;

public sealed class PledgeType : ObjectGraphType<Pledge>
{
    public const string TypeName = "Pledge";

    public PledgeType(TimeProvider clock)
    {
        Name = TypeName;
        Description = "Support an organisation promised against a need, a project or a village: money, goods, services, jobs or purchases. The village's confirmation of each delivery is what turns the promise into a delivery.";
        Field(p => p.Code).Description("Stable public code, e.g. \"RJ-451027-2020-0012\".").Exported();
        Field(p => p.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<PledgeKind>>)).Description("Money, goods, services, jobs or purchases.").Exported();
        Field<NonNullGraphType<EnumerationGraphType<PledgeStatus>>>("status").Description("Where the pledge stands today; a pledge not confirmed by its date is lapsed.").Exported()
            .Resolve(ctx => PledgeLifecycle.EffectiveStatus(ctx.Source, clock.Today()));
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation (or anonymous donor) that pledged.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field<NeedType>("need").Description("The need pledged against, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(NeedType.TypeName, ctx.Source.NeedId));
        Field<ProjectType>("project").Description("The project the pledge supports, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(ProjectType.TypeName, ctx.Source.ProjectId));
        Field<ProgramType>("program").Description("The program the pledge counts for (万企帮万村, 粤桂扶贫协作 …), if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(ProgramType.TypeName, ctx.Source.ProgramId));
        Field<NonNullGraphType<RegionType>>("region").Description("The village (or other region) that benefits.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<AmountType>>("quantity").Description("What was promised.")
            .ExportedAmount("promised")
            .Resolve(ctx => new Amount(ctx.Source.Quantity, ctx.Source.Unit));
        Field<NonNullGraphType<AmountType>>("delivered").Description("What the donor delivered so far.")
            .ExportedAmount()
            .Resolve(ctx => new ThenResult<PledgeDelivery[], Amount>(Deliveries(ctx), d => new Amount(d.Sum(x => x.Quantity), ctx.Source.Unit)));
        Field<NonNullGraphType<AmountType>>("received").Description("What the village confirmed it received.")
            .ExportedAmount()
            .Resolve(ctx => new ThenResult<PledgeDelivery[], Amount>(Deliveries(ctx), d => new Amount(d.Where(x => x.ReceivedAt is not null).Sum(x => x.Quantity), ctx.Source.Unit)));
        Field(p => p.PledgedAt).Description("When the pledge was made.").Exported();
        Field(p => p.ConfirmBy).Description("The pledge lapses unless it is confirmed (an agreement) by this day.").Exported();
        Field(p => p.ConfirmedAt, nullable: true).Description("When the agreement was confirmed.").Exported();
        Field(p => p.CancellationReason, nullable: true).Description("Why the donor cancelled, if it did.").Exported();
        Field(p => p.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, p => p.Id).Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PledgeDeliveryType>>>>("deliveries")
            .Description("The deliveries, oldest first, each with its evidence and the village's confirmation.")
            .Resolve(ctx => Deliveries(ctx));
    }

    public static IDataLoaderResult<PledgeDelivery[]?> Deliveries(IResolveFieldContext<Pledge> ctx) =>
        ctx.Loader().LoadMany<int, PledgeDelivery>(
            "pledge:deliveries",
            ctx.Source.Id,
            async (ids, ct) => (await ctx.Db().PledgeDeliveries.Where(d => ids.Contains(d.PledgeId)).OrderBy(d => d.DeliveredOn).ThenBy(d => d.Id).ToListAsync(ct))
                .ToLookup(d => d.PledgeId));
}

public sealed class PledgeDeliveryType : ObjectGraphType<PledgeDelivery>
{
    public const string TypeName = "PledgeDelivery";

    public PledgeDeliveryType()
    {
        Name = TypeName;
        Description = "Part of a pledge delivered, with its evidence; received once the village confirms it.";
        Field<NonNullGraphType<PledgeType>>("pledge").Description("The pledge delivered.")
            .ExportedAs(
                new ExportColumn("code", "pledge_code"),
                new ExportColumn("kind", "pledge_kind"),
                new ExportColumn("need.code", "need_code"),
                new ExportColumn("organization.code", "organization_code"),
                new ExportColumn("organization.name", "organization_name"),
                new ExportColumn("region.code", "region_code"),
                new ExportColumn("region.name", "region_name"))
            .Resolve(ctx => ctx.LoadNode(PledgeType.TypeName, ctx.Source.PledgeId));
        Field<NonNullGraphType<AmountType>>("quantity").Description("What was delivered, in the pledge's unit.")
            .ExportedAmount("delivered")
            .Resolve(ctx => new ThenResult<object, Amount>(ctx.RequestServices!.GetRequiredService<NodeRegistry>().Load(ctx, PledgeType.TypeName, ctx.Source.PledgeId), p => new Amount(ctx.Source.Quantity, ((Pledge)p).Unit)));
        Field(d => d.DeliveredOn).Description("The day it was delivered.").Exported();
        Field(d => d.Evidence).Description("The evidence of the delivery, e.g. a bank slip or a signed receipt kept by the township (described; no photos of people).").Exported();
        Field<NonNullGraphType<BooleanGraphType>>("isReceived").Description("Whether the village confirmed it received this delivery.").Exported()
            .Resolve(ctx => ctx.Source.ReceivedAt is not null);
        Field(d => d.ReceivedAt, nullable: true).Description("When the village confirmed it.").Exported();
        Field(d => d.ReceivedBy, nullable: true).Description("The unit that confirmed it for the village.").Exported();
        this.NodeId(TypeName, d => d.Id).Exported();
    }
}

public sealed class PledgeQueries(TimeProvider clock) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<PledgeType>("pledge")
            .Description("A pledge by its code; null when none has it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The pledge's code.")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code");
                return await ctx.Db().Pledges.FirstOrDefaultAsync(p => p.Code == code, ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ConnectionType<PledgeType, Pledge>>>("pledges")
            .Description("Pledges, newest first.")
            .RegionArgument()
            .Argument<StringGraphType>("organization", "Only pledges of the organisation with this code.")
            .Argument<StringGraphType>("need", "Only pledges against the need with this code.")
            .Argument<StringGraphType>("program", "Only pledges counted for the program with this code.")
            .Argument<EnumerationGraphType<PledgeKind>>("kind", "Only pledges of this kind.")
            .Argument<EnumerationGraphType<PledgeStatus>>("status", "Only pledges in this state today.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(await FilterAsync(ctx, ctx.Db(), clock.Today()), p => p.Id));
        query.Field<NonNullGraphType<ConnectionType<PledgeDeliveryType, PledgeDelivery>>>("pledgeDeliveries")
            .Description("Deliveries of pledges, newest first, each with its evidence and the village's confirmation. A region includes everything below it.")
            .RegionArgument()
            .YearArgument("Only deliveries made in this year (by the day of delivery).")
            .Argument<StringGraphType>("organization", "Only deliveries of pledges of the organisation with this code.")
            .Argument<BooleanGraphType>(ReceivedArgument, ReceivedDescription)
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var pledges = db.Pledges.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    pledges = pledges.InSubtree(region, p => p.RegionCode);
                }

                if (ctx.GetArgument<string?>("organization") is { } organization)
                {
                    pledges = pledges.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Code == organization));
                }

                var deliveries = db.PledgeDeliveries.Where(d => pledges.Any(p => p.Id == d.PledgeId));
                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    deliveries = deliveries.Where(d => d.DeliveredOn.Year == year);
                }

                return await ctx.PageAsync(Received(ctx, deliveries), d => d.Id);
            });
    }

    /// <summary>The filter on the village's confirmation that every list of deliveries takes.</summary>
    public const string ReceivedArgument = "received";

    public const string ReceivedDescription = "true: only deliveries the village confirmed; false: only those awaiting it.";

    /// <summary>The deliveries that the 'received' argument selects.</summary>
    public static IQueryable<PledgeDelivery> Received(IResolveFieldContext ctx, IQueryable<PledgeDelivery> deliveries) =>
        ctx.GetArgument<bool?>(ReceivedArgument) switch
        {
            true => deliveries.Where(d => d.ReceivedAt != null),
            false => deliveries.Where(d => d.ReceivedAt == null),
            null => deliveries,
        };

    public static async Task<IQueryable<Pledge>> FilterAsync(IResolveFieldContext ctx, OpenAidDbContext db, DateOnly today)
    {
        var pledges = db.Pledges.AsQueryable();
        if (await ctx.RegionArgumentAsync() is { } region)
        {
            pledges = pledges.InSubtree(region, p => p.RegionCode);
        }

        if (ctx.GetArgument<string?>("organization") is { } organization)
        {
            pledges = pledges.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Code == organization));
        }

        if (ctx.GetArgument<string?>("need") is { } need)
        {
            pledges = pledges.Where(p => db.Needs.Any(n => n.Id == p.NeedId && n.Code == need));
        }

        if (ctx.GetArgument<string?>("program") is { } program)
        {
            pledges = pledges.Where(p => db.Programs.Any(g => g.Id == p.ProgramId && g.Code == program));
        }

        if (ctx.GetArgument<PledgeKind?>("kind") is { } kind)
        {
            pledges = pledges.Where(p => p.Kind == kind);
        }

        return ctx.GetArgument<PledgeStatus?>("status") switch
        {
            null => pledges,
            PledgeStatus.Pledged => pledges.Where(p => p.Status == PledgeStatus.Pledged && p.ConfirmBy >= today),
            PledgeStatus.Lapsed => pledges.Where(p => p.Status == PledgeStatus.Lapsed || (p.Status == PledgeStatus.Pledged && p.ConfirmBy < today)),
            var status => pledges.Where(p => p.Status == status),
        };
    }
}

public sealed class PledgeNodes() : IdNodeSource<Pledge>(PledgeType.TypeName, db => db.Pledges, p => p.Id);

public sealed class PledgeDeliveryNodes() : IdNodeSource<PledgeDelivery>(PledgeDeliveryType.TypeName, db => db.PledgeDeliveries, d => d.Id);
