using GraphQL.DataLoader;

namespace OpenAid.Api.GraphQL;

/// <summary>A batched result mapped to something derived from it, e.g. the sum of a loaded list.</summary>
public sealed class ThenResult<TIn, TOut>(IDataLoaderResult<TIn?> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
{
    public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
        map((await inner.GetResultAsync(cancellationToken))!);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
