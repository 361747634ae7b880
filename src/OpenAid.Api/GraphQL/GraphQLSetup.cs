using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace OpenAid.Api.GraphQL;

public static class GraphQLSetup
{
    /// <summary>How deeply fields may nest; the other limits are in <see cref="GraphQLLimits"/>.</summary>
    public const int MaxDepth = 15;

    public static IServiceCollection AddOpenAidGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(GraphQLLimits.SectionName).Get<GraphQLLimits>() ?? new GraphQLLimits());
        var assembly = typeof(GraphQLSetup).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(IQueryFields).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IQueryFields), type);
            }

            if (typeof(IOperations).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IOperations), type);
            }

            if (typeof(INodeSource).IsAssignableFrom(type) && !type.IsGenericTypeDefinition)
            {
                services.AddSingleton(typeof(INodeSource), type);
            }
        }

        services.AddSingleton<NodeRegistry>();
        services.AddSingleton<OperationCatalog>();
        services.AddScoped<BatchLoader>();
        services.AddGraphQL(builder => builder
            .AddSchema<OpenAidSchema>()
            .AddGraphTypes(assembly)
            // Chinese text as UTF-8, not \uXXXX escapes: half the size and readable with curl.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // One DbContext per request cannot run two queries at once, so fields resolve one after another;
            // batching (BatchLoader) is what keeps the number of queries low.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            // Prices every field by what it costs (QueryCost); the document's size is checked before this runs.
            .AddComplexityAnalyzer((options, provider) =>
            {
                options.MaxDepth = MaxDepth;
                options.MaxComplexity = provider.GetRequiredService<GraphQLLimits>().MaxComplexity;
                options.DefaultComplexityImpactDelegate = QueryCost.Default;
            })
            .AddErrorInfoProvider(_ => new ParameterizedErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })));
        return services;
    }
}
