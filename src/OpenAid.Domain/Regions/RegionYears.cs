using OpenAid.Domain.Common;

namespace OpenAid.Domain.Regions;

/// <summary>The year of a place's yearly record (statistics, checklist, monitoring counts).</summary>
public static class RegionYears
{
    /// <summary>A valid year that has begun by <paramref name="today"/>: a year is reported once it has figures.</summary>
    public static int Reported(int year, DateOnly today)
    {
        var reported = Fields.Year(year, "year");
        return reported <= today.Year
            ? reported
            : throw new DomainException(Errors.InvalidYear, $"'year' ({reported}) is in the future; report a year once it has figures.", "year", ("value", reported));
    }
}
