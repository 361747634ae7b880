using GraphQL.Types;

namespace OpenAid.Api.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        Description = "Public, read-only access to OpenAid: places, money, projects, notices and the organisations behind them.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal))
        {
            feature.AddTo(this);
        }
    }
}
