namespace OpenAid.Demo;

/// <summary>
/// A seeded <see cref="Random"/> with the draws the generator needs. Same seed, same calls, same data:
/// never feed it anything from the clock or from hash ordering.
/// </summary>
#pragma warning disable CA5394 // Demo data needs a reproducible sequence, not a secure one.
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>An integer in [min, max], both included.</summary>
    public int Int(int min, int max) => _random.Next(min, max + 1);

    public long Long(long min, long max) => _random.NextInt64(min, max + 1);

    public double Double() => _random.NextDouble();

    public double Double(double min, double max) => min + ((max - min) * _random.NextDouble());

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One item, with probability proportional to its weight.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        var roll = _random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>A day in [from, to], both included.</summary>
    public DateOnly Date(DateOnly from, DateOnly to) => from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary><paramref name="count"/> distinct items in a random order (partial Fisher–Yates).</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToArray();
        count = Math.Min(count, pool.Length);
        for (var i = 0; i < count; i++)
        {
            var j = _random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return [.. pool.Take(count)];
    }

    public List<T> Shuffle<T>(IReadOnlyList<T> items) => Sample(items, items.Count);
}
#pragma warning restore CA5394
