namespace OpenAid.Domain.Regions;

/// <summary>A record that belongs to one region: the grants that cover the region cover the record.</summary>
public interface IPlaced
{
    /// <summary>The padded 12-digit code of the region.</summary>
    long RegionCode { get; }
}
