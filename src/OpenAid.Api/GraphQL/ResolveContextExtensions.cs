using GraphQL;
using OpenAid.Data;

namespace OpenAid.Api.GraphQL;

internal static class ResolveContextExtensions
{
    /// <summary>The request's database context; resolvers run serially, so one context per request is safe.</summary>
    public static OpenAidDbContext Db(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OpenAidDbContext>();

    public static BatchLoader Loader(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<BatchLoader>();
}
