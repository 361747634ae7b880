using GraphQL.Types;

namespace OpenAid.Api.GraphQL;

public sealed class OpenAidSchema : Schema
{
    public OpenAidSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Description = "OpenAid: the public record of poverty-alleviation funds, projects and notices (公告公示).";
        Query = query;
        Mutation = mutation.Fields.Count > 0 ? mutation : null;
        RegisterTypeMapping(typeof(decimal), typeof(DecimalScalar));
    }
}

/// <summary>GraphQL.NET's decimal scalar, described: used for indicator values, never for money.</summary>
public sealed class DecimalScalar : DecimalGraphType
{
    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "A decimal number, used for performance indicator values. Money is never a Decimal: see Money.";
    }
}
