using GraphQL.Introspection;
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
        // graphql-js clients ask for these in their introspection (getIntrospectionQuery's directiveIsRepeatable and
        // inputValueDeprecation); GraphQL.NET answers them only when they are switched on.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <summary>
    /// What graphql-js 16 asks for and GraphQL.NET 8 lacks: <c>__Type.specifiedByURL</c> (October 2021 spec; no scalar
    /// here names a specification, so it is null) and <c>__Directive.args(includeDeprecated:)</c> (no directive
    /// argument is deprecated, so it changes nothing).
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
        {
            type.Field<StringGraphType>("specifiedByURL")
                .Description("A URL to the specification of a custom scalar's behaviour; null for every type here.")
                .Resolve(_ => null);
        }

        if (graphType is __Directive directive && directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            (args.Arguments ??= []).Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
        }
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
