using GraphQL.DataLoader;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// Per-request batching of lookups, so that a field below a list costs one query for the whole list
/// instead of one per item. A resolver asks for a key and gets a pending result; GraphQL.NET's execution
/// strategy collects the pending results of a level and awaits them, and the first await fetches every
/// key queued so far under the same loader name in one round trip.
/// </summary>
public sealed class BatchLoader
{
    private readonly Dictionary<string, object> _batches = new(StringComparer.Ordinal);

    /// <summary>Loads one value per key; a missing key resolves to default.</summary>
    public IDataLoaderResult<TValue?> Load<TKey, TValue>(
        string loaderName,
        TKey key,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        var batch = BatchFor(loaderName, fetch);
        return batch.Enqueue(key);
    }

    /// <summary>Loads a list per key (a one-to-many relation); a missing key resolves to an empty list.</summary>
    public IDataLoaderResult<TValue[]?> LoadMany<TKey, TValue>(
        string loaderName,
        TKey key,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        var batch = BatchFor<TKey, TValue[]>(
            loaderName,
            async (keys, ct) => (await fetch(keys, ct)).ToDictionary(g => g.Key, g => g.ToArray()));
        return new ThenResult<TValue[], TValue[]?>(batch.Enqueue(key), values => values ?? []);
    }

    private Batch<TKey, TValue> BatchFor<TKey, TValue>(
        string loaderName,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        if (!_batches.TryGetValue(loaderName, out var batch))
        {
            batch = new Batch<TKey, TValue>(fetch);
            _batches[loaderName] = batch;
        }

        return (Batch<TKey, TValue>)batch;
    }

    private sealed class Batch<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, TValue> _loaded = [];
        private readonly HashSet<TKey> _pending = [];

        public IDataLoaderResult<TValue?> Enqueue(TKey key)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }

            return new Pending(this, key);
        }

        private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
        {
            if (_pending.Count > 0)
            {
                var keys = _pending.ToArray();
                _pending.Clear();
                var values = await fetch(keys, cancellationToken);
                foreach (var k in keys)
                {
                    _loaded[k] = values.TryGetValue(k, out var value) ? value : default!;
                }
            }

            return _loaded.TryGetValue(key, out var found) ? found : default;
        }

        private sealed class Pending(Batch<TKey, TValue> batch, TKey key) : IDataLoaderResult<TValue?>
        {
            public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => batch.GetAsync(key, cancellationToken);

            async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
        }
    }
}
