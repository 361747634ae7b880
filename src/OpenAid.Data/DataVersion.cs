namespace OpenAid.Data;

/// <summary>A single row: how many times public data changed, and when it last did (the API's dataAsOf).</summary>
public class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Version { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
