using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace OpenAid.Api.GraphQL;

public static class GraphQLSetup
{
    /// <summary>The limits every request is held to; see README "Limits".</summary>
    public const int MaxDepth = 15;

    /// <summary>
    /// Lists multiply the cost of what they select by their page size ('first', 20 by default) or, for lists
    /// without paging, by <see cref="NestedListSize"/>. The cap lets a full page of 100 records carry two levels
    /// of nested lists, and stops fan-outs beyond that.
    /// </summary>
    public const int MaxComplexity = 100_000;

    /// <summary>The typical length of an unpaged nested list (a notice's funds, a fund's allocations).</summary>
    public const int NestedListSize = 3;

    public static IServiceCollection AddOpenAidGraphQL(this IServiceCollection services)
    {
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
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = MaxDepth;
                options.MaxComplexity = MaxComplexity;
                options.DefaultListImpactMultiplier = NestedListSize;
            })
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false));
        return services;
    }
}
