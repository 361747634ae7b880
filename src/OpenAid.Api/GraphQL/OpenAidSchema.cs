using GraphQL.Types;

namespace OpenAid.Api.GraphQL;

public sealed class OpenAidSchema : Schema
{
    public OpenAidSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "OpenAid: the public record of poverty-alleviation funds, projects and notices (公告公示).";
        Query = query;
    }
}
