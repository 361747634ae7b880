using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Organizations;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Domain.Funds;

namespace OpenAid.Api.Funds;

public sealed class TransactionType : ObjectGraphType<MoneyTransaction>
{
    public const string TypeName = "Transaction";

    public TransactionType()
    {
        Name = TypeName;
        Description = "Money that was promised or moved from a provider to a receiver. Kinds are never added together.";
        Field(t => t.Code).Description("Stable public code.").Exported();
        Field(t => t.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<TransactionKind>>)).Description("Pledge, commitment, disbursement, expenditure or incoming funds.").Exported();
        this.MoneyField("amount", "The amount.", t => t.AmountFen).Exported("yuan", "fen");
        Field(t => t.Date).Description("The date the money moved or was promised.").Exported();
        Field(t => t.FiscalYear).Description("The fiscal year it counts in.").Exported();
        Field(t => t.SourceType, type: typeof(NonNullGraphType<EnumerationGraphType<FundSourceType>>)).Description("The source of the money.").Exported();
        Field<FundType>("fund").Description("The fund the money belongs to, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(FundType.TypeName, ctx.Source.FundId));
        Field<ProjectType>("project").Description("The project the money is for, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(ProjectType.TypeName, ctx.Source.ProjectId));
        Field<OrganizationType>("providerOrganization").Description("The organisation the money came from, if known.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.ProviderOrganizationId));
        Field<RegionType>("providerRegion").Description("The region the money came from, e.g. Guangdong for east–west cooperation.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.ProviderRegionCode));
        Field<OrganizationType>("receiverOrganization").Description("The organisation that received the money, if known.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.ReceiverOrganizationId));
        Field<NonNullGraphType<RegionType>>("receiverRegion").Description("The region the money went to.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.ReceiverRegionCode));
        Field(t => t.Description).Description("What the money was for.").Exported();
        this.NodeId(TypeName, t => t.Id).Exported();
    }
}

public sealed class TransactionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<TransactionType, MoneyTransaction>>>("transactions")
            .Description("Money transactions, newest first.")
            .RegionArgument()
            .YearArgument("Only transactions of this fiscal year.")
            .DateRangeArguments("dated")
            .Argument<EnumerationGraphType<TransactionKind>>("kind", "Only transactions of this kind.")
            .Argument<EnumerationGraphType<FundSourceType>>("sourceType", "Only money of this source.")
            .Argument<StringGraphType>("fund", "Only money of the fund with this code.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(await FilterAsync(ctx), t => t.Id));

    /// <summary>The transactions filters, shared by the list and the money summaries.</summary>
    public static async Task<IQueryable<MoneyTransaction>> FilterAsync(IResolveFieldContext ctx)
    {
        var db = ctx.Db();
        var transactions = db.Transactions.AsQueryable();
        if (await ctx.RegionArgumentAsync() is { } region)
        {
            transactions = transactions.InSubtree(region, t => t.ReceiverRegionCode);
        }

        if (ctx.GetArgument<int?>("year") is { } year)
        {
            transactions = transactions.Where(t => t.FiscalYear == year);
        }

        var (from, to) = ctx.DateRange();
        if (from is not null)
        {
            transactions = transactions.Where(t => t.Date >= from);
        }

        if (to is not null)
        {
            transactions = transactions.Where(t => t.Date <= to);
        }

        if (ctx.GetArgument<TransactionKind?>("kind") is { } kind)
        {
            transactions = transactions.Where(t => t.Kind == kind);
        }

        if (ctx.GetArgument<FundSourceType?>("sourceType") is { } source)
        {
            transactions = transactions.Where(t => t.SourceType == source);
        }

        if (ctx.GetArgument<string?>("fund") is { } fund)
        {
            transactions = transactions.Where(t => db.Funds.Any(f => f.Id == t.FundId && f.Code == fund));
        }

        return transactions;
    }
}

public sealed class TransactionNodes() : NodeSource<MoneyTransaction>(
    TransactionType.TypeName,
    async (db, keys, ct) => await db.Transactions.Where(t => keys.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct));
