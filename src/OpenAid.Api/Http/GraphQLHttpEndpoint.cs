using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace OpenAid.Api.Http;

/// <summary>Placeholder minimal endpoint; the GraphQL-over-HTTP implementation replaces it.</summary>
public static class GraphQLHttpEndpoint
{
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapPost(pattern, async (HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer) =>
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request?.Query,
                Variables = request?.Variables,
                OperationName = request?.OperationName,
                RequestServices = http.RequestServices,
                CancellationToken = http.RequestAborted,
            });
            http.Response.ContentType = "application/graphql-response+json";
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
        });
}
