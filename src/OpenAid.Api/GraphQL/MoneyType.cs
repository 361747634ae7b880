using GraphQL.Builders;
using GraphQL.Types;
using OpenAid.Domain.Common;

namespace OpenAid.Api.GraphQL;

public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An exact amount of money. Never a float: 'fen' is the integer amount, 'yuan' the same as a decimal string.";
        Field<NonNullGraphType<LongGraphType>>("fen").Description("The amount in fen (1 yuan = 100 fen).").Resolve(ctx => ctx.Source.Fen);
        Field<NonNullGraphType<StringGraphType>>("yuan").Description("The amount in yuan with two decimals, e.g. \"1234.50\".").Resolve(ctx => ctx.Source.ToString());
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 currency code; always CNY.").Resolve(_ => Money.Currency);
    }
}

public static class MoneyFields
{
    /// <summary>A non-null Money field over an amount held in fen.</summary>
    public static FieldBuilder<T, object> MoneyField<T>(this ObjectGraphType<T> type, string name, string description, Func<T, long> fen) =>
        type.Field<NonNullGraphType<MoneyType>>(name).Description(description).Resolve(ctx => new Money(fen(ctx.Source)));
}
