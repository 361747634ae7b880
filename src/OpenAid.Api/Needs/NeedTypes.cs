using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
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
        Field(n => n.Code).Description("Stable public code, e.g. \"XQ-451027-2020-0003\".").Exported();
        Field(n => n.Title).Description("A short title.").Exported();
        Field(n => n.Category, type: typeof(NonNullGraphType<EnumerationGraphType<NeedCategory>>)).Description("What kind of need it is.").Exported();
        Field<NonNullGraphType<EnumerationGraphType<NeedStatus>>>("status").Description("Where the need stands today: expiry and lapsed pledges are computed from the date.").Exported()
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, today) => NeedLifecycle.EffectiveStatus(need, lapsed, today)));
        Field(n => n.Priority, type: typeof(NonNullGraphType<EnumerationGraphType<NeedPriority>>)).Description("How urgent the need is.").Exported();
        Field<NonNullGraphType<RegionType>>("region").Description("The village (or township) the need is for.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<OrganizationType>>("registeredBy").Description("The village, township or county unit that registered the need.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.RegisteredByOrganizationId));
        Field<NonNullGraphType<AmountType>>("requested").Description("What the need asks.")
            .ExportedAmount()
            .Resolve(ctx => new Amount(ctx.Source.Requested, ctx.Source.Unit));
        Field<NonNullGraphType<AmountType>>("pledged").Description("What live pledges hold: pledged, confirmed or delivered, not cancelled or lapsed.")
            .ExportedAmount()
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, _) => new Amount(need.Pledged - lapsed, need.Unit)));
        Field<NonNullGraphType<AmountType>>("received").Description("What the village confirmed it received.")
            .ExportedAmount()
            .Resolve(ctx => new Amount(ctx.Source.Received, ctx.Source.Unit));
        Field<NonNullGraphType<AmountType>>("remaining").Description("What is left to pledge.")
            .ExportedAmount()
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, _) => new Amount(Math.Max(0, need.Requested - need.Pledged + lapsed), need.Unit)));
        Field<NonNullGraphType<StringGraphType>>("unmetSharePercent").Description("The share of the need not pledged yet, in percent with two decimals.").Exported()
            .Resolve(ctx => Then(ctx, clock, (need, lapsed, _) => Percent(Math.Max(0, need.Requested - need.Pledged + lapsed), need.Requested)));
        Field(n => n.Deadline).Description("The day the need must be pledged by; after it, a need not fully pledged is expired.").Exported();
        Field(n => n.CreatedAt).Description("When the need was registered.").Exported();
        Field(n => n.ReviewedAt, nullable: true).Description("When a reviewer approved or rejected it.").Exported();
        Field(n => n.ReviewerName, nullable: true).Description("The named reviewer who approved or rejected it, with the reviewer's unit.").Exported();
        Field(n => n.RejectionReason, nullable: true).Description("Why it was rejected (rejected needs are seen by officials of the region only).")
            .NotExported("Rejected needs are not public, so it would always be empty.");
        Field<NonNullGraphType<BooleanGraphType>>("isOverCap").Description("Whether the need asks more than its category's cap.").Exported()
            .Resolve(ctx => caps.For(ctx.Source.Category).IsExceededBy(ctx.Source));
        Field(n => n.CapOverrideReason, nullable: true).Description("Why a need over its category's cap was approved anyway: public, as the reviewer gave it.").Exported();
        Field<ProjectType>("project").Description("The project the need belongs to, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(ProjectType.TypeName, ctx.Source.ProjectId));
        Field<PairingType>("pairing").Description("The pairing (结对帮扶) the need belongs to, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(PairingType.TypeName, ctx.Source.PairingId));
        Field(n => n.Description).Description("What is needed and for how many (counts only; never a household's name or photo).").Exported();
        Field(n => n.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, n => n.Id).Exported();
        Field<NonNullGraphType<NeedCapType>>("cap").Description("The reasonableness cap of the need's category, as configured now.")
            .Resolve(ctx => new CategoryCap(ctx.Source.Category, caps.For(ctx.Source.Category)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PledgeType>>>>("pledges")
            .Description("The pledges made against the need, newest first, in every state.")
            // No rule bounds them, and a need many donors answer draws more than a page.
            .ListSize(Paging.MaxPageSize)
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

public static class AmountFields
{
    /// <summary>
    /// An Amount field in the exports: the quantity (fen for money) and its unit, plus yuan when it is money, named
    /// after <paramref name="name"/> (the field's name unless given).
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ExportedAmount<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        var prefix = name ?? field.FieldType.Name;
        return field.ExportedAs(
            new ExportColumn("quantity", $"{prefix}_quantity"),
            new ExportColumn("unit", $"{prefix}_unit"),
            new ExportColumn("money.yuan", $"{prefix}_yuan", $"The same amount in yuan with two decimals when it is money (then {prefix}_quantity is in fen); empty otherwise."));
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
