using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Organizations;
using OpenAid.Api.Pledges;
using OpenAid.Api.Programs;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;

namespace OpenAid.Api.Needs;

public sealed class NeedType : ObjectGraphType<Need>
{
    public const string TypeName = "Need";

    public NeedType(TimeProvider clock, IConfiguration configuration)
    {
        var caps = NeedCapsConfiguration.From(configuration);
        Name = TypeName;
        Description = "A village's need (需求对接), public once a named reviewer approved it. Never pledged beyond what it asks.";
        this.NodeId(TypeName, n => n.Id);
        Field(n => n.Code).Description("Stable public code, e.g. \"XQ-451027-2020-0003\".");
        Field<NonNullGraphType<RegionType>>("region").Description("The village (or township) the need is for.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(n => n.Category, type: typeof(NonNullGraphType<EnumerationGraphType<NeedCategory>>)).Description("What kind of need it is.");
        Field(n => n.Title).Description("A short title.");
        Field(n => n.Description).Description("What is needed and for how many (counts only; never a household's name or photo).");
        Field<NonNullGraphType<AmountType>>("requested").Description("What the need asks.")
            .Resolve(ctx => new Amount(ctx.Source.Requested, ctx.Source.Unit));
        Field<NonNullGraphType<AmountType>>("pledged").Description("What live pledges hold: pledged, confirmed or delivered, not cancelled or lapsed.")
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, _) => new Amount(need.Pledged - lapsed, need.Unit)));
        Field<NonNullGraphType<AmountType>>("remaining").Description("What is left to pledge.")
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, _) => new Amount(Math.Max(0, need.Requested - need.Pledged + lapsed), need.Unit)));
        Field<NonNullGraphType<AmountType>>("received").Description("What the village confirmed it received.")
            .Resolve(ctx => new Amount(ctx.Source.Received, ctx.Source.Unit));
        Field<NonNullGraphType<StringGraphType>>("unmetSharePercent").Description("The share of the need not pledged yet, in percent with two decimals.")
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, _) => Percent(Math.Max(0, need.Requested - need.Pledged + lapsed), need.Requested)));
        Field(n => n.Deadline).Description("The day the need must be pledged by; after it, a need not fully pledged is expired.");
        Field(n => n.Priority, type: typeof(NonNullGraphType<EnumerationGraphType<NeedPriority>>)).Description("How urgent the need is.");
        Field<NonNullGraphType<EnumerationGraphType<NeedStatus>>>("status").Description("Where the need stands today: expiry and lapsed pledges are computed from the date.")
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, today) => NeedLifecycle.EffectiveStatus(need, lapsed, today)));
        Field<ProjectType>("project").Description("The project the need belongs to, if any.")
            .Resolve(ctx => ctx.LoadNode(ProjectType.TypeName, ctx.Source.ProjectId));
        Field<PairingType>("pairing").Description("The pairing (结对帮扶) the need belongs to, if any.")
            .Resolve(ctx => ctx.LoadNode(PairingType.TypeName, ctx.Source.PairingId));
        Field<NonNullGraphType<OrganizationType>>("registeredBy").Description("The village, township or county unit that registered the need.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.RegisteredByOrganizationId));
        Field(n => n.CreatedAt).Description("When the need was registered.");
        Field(n => n.ReviewedAt, nullable: true).Description("When a reviewer approved or rejected it.");
        Field(n => n.ReviewerName, nullable: true).Description("The named reviewer who approved or rejected it, with the reviewer's unit.");
        Field(n => n.RejectionReason, nullable: true).Description("Why it was rejected (rejected needs are seen by officials of the region only).");
        Field<NonNullGraphType<NeedCapType>>("cap").Description("The reasonableness cap of the need's category, as configured now.")
            .Resolve(ctx => new CategoryCap(ctx.Source.Category, caps.For(ctx.Source.Category)));
        Field<NonNullGraphType<BooleanGraphType>>("isOverCap").Description("Whether the need asks more than its category's cap.")
            .Resolve(ctx => caps.For(ctx.Source.Category).IsExceededBy(ctx.Source));
        Field(n => n.CapOverrideReason, nullable: true).Description("Why a need over its category's cap was approved anyway: public, as the reviewer gave it.");
        Field(n => n.IsDemo).Description("True for generated demonstration data, which is not real.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PledgeType>>>>("pledges")
            .Description("The pledges made against the need, newest first, in every state.")
            .Resolve(ctx => ctx.Loader().LoadMany<int, Pledge>(
                "need:pledges",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().Pledges.Where(p => p.NeedId != null && ids.Contains(p.NeedId.Value)).OrderByDescending(p => p.Id).ToListAsync(ct))
                    .ToLookup(p => p.NeedId!.Value)));
    }

    public static string Percent(long part, long whole) =>
        (whole == 0 ? 0m : part * 100m / whole).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value computed from the need, what its lapsed pledges still hold and today: batched for a whole page.</summary>
    private static ThenResult<long, T> Then<T>(IResolveFieldContext<Need> ctx, TimeProvider clock, Func<Need, long, DateOnly, T> compute)
    {
        var today = clock.Today();
        var need = ctx.Source;
        return new ThenResult<long, T>(LapsedQuantity(ctx, need.Id, today), lapsed => compute(need, lapsed, today));
    }

    /// <summary>
    /// What pledges that lapsed since their need was last written still hold. Almost always 0: a lapse is stored
    /// by the next write on the need; until then the reads subtract it.
    /// </summary>
    private static IDataLoaderResult<long> LapsedQuantity(IResolveFieldContext ctx, int needId, DateOnly today) =>
        ctx.Loader().Load<int, long>("need:lapsed", needId, async (ids, ct) =>
            await ctx.Db().Pledges
                .Where(p => p.NeedId != null && ids.Contains(p.NeedId.Value) && p.Status == PledgeStatus.Pledged && p.ConfirmBy < today)
                .GroupBy(p => p.NeedId!.Value)
                .Select(g => new { NeedId = g.Key, Quantity = g.Sum(p => p.Quantity) })
                .ToDictionaryAsync(x => x.NeedId, x => x.Quantity, ct));
}

/// <summary>A quantity in a unit; "fen" means money.</summary>
public sealed record Amount(long Quantity, string Unit);

public sealed class AmountType : ObjectGraphType<Amount>
{
    public AmountType()
    {
        Name = "Amount";
        Description = "What a need asks or a pledge promises: a quantity in a unit. Money is counted in fen (unit \"fen\") and also given as Money; other units are never added together.";
        Field<NonNullGraphType<LongGraphType>>("quantity").Description("The quantity: fen for money, otherwise in 'unit'.").Resolve(ctx => ctx.Source.Quantity);
        Field(a => a.Unit).Description("\"fen\" for money, otherwise e.g. \"套\", \"人\" or \"吨\".");
        Field<MoneyType>("money").Description("The same amount as Money when it is money; null otherwise.")
            .Resolve(ctx => ctx.Source.Unit == NeedLifecycle.MoneyUnit ? new Money(ctx.Source.Quantity) : null);
    }
}

public sealed record CategoryCap(NeedCategory Category, NeedCap Cap);

public sealed class NeedCapType : ObjectGraphType<CategoryCap>
{
    public NeedCapType()
    {
        Name = "NeedCap";
        Description = "A category's reasonableness cap, checked when a need is reviewed: a need over it is approved only with a public override reason.";
        Field(c => c.Category, type: typeof(NonNullGraphType<EnumerationGraphType<NeedCategory>>)).Description("The category.");
        this.MoneyField("maxAmount", "The most a money need of the category may ask.", c => c.Cap.MaxFen);
        Field<NonNullGraphType<LongGraphType>>("maxQuantity").Description("The most a need of the category counted in any other unit may ask.")
            .Resolve(ctx => ctx.Source.Cap.MaxQuantity);
    }
}

public sealed class NeedNodes() : IdNodeSource<Need>(NeedType.TypeName, db => db.Needs.Where(n => NeedLifecycle.PublicStatuses.Contains(n.Status)), n => n.Id);
