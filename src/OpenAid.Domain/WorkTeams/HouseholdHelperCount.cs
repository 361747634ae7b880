using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.WorkTeams;

/// <summary>
/// How many households of a village had a named helper (帮扶责任人) from one assisting unit in a year. A count only:
/// helpers and households are never listed.
/// </summary>
public class HouseholdHelperCount
{
    /// <summary>More assisting units than any village has; more is a typing error.</summary>
    public const int MaxUnits = 50;

    private HouseholdHelperCount()
    {
    }

    public long VillageCode { get; private set; }

    public int Year { get; private set; }

    public int OrganizationId { get; private set; }

    public int Households { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>
    /// A village's counts for <paramref name="year"/> (begun by <paramref name="today"/>), one per unit: each unit named
    /// once, and together at most the village's poor households of the year when <paramref name="statistics"/> has them.
    /// </summary>
    public static List<HouseholdHelperCount> Record(
        Region village, int year, IReadOnlyList<(Organization Unit, int Households)> counts, VillageStatistics? statistics, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(village);
        ArgumentNullException.ThrowIfNull(counts);
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(Errors.NotAVillage, $"{village.Name} is a {village.Level.ToString().ToLowerInvariant()}; households' helpers are counted per village.", "region", ("regionName", village.Name), ("level", village.Level));
        }

        var reported = Fields.Year(year, "year");
        if (reported > today.Year)
        {
            throw new DomainException(Errors.InvalidYear, $"'year' ({reported}) is in the future; count a year once it has begun.", "year", ("value", reported));
        }

        if (counts.Count is 0)
        {
            throw new DomainException(Errors.Required, "'counts' must name at least one assisting unit.", "counts", ("min", 1));
        }

        if (counts.Count > MaxUnits)
        {
            throw new DomainException(Errors.TooMany, $"'counts' may name at most {MaxUnits} units; it names {counts.Count}.", "counts", ("max", MaxUnits), ("count", counts.Count));
        }

        if (counts.GroupBy(c => c.Unit.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException(Errors.DuplicateUnit, $"{twice.First().Unit.Name} is named twice; give one count per unit.", "counts.organization", ("organization", twice.First().Unit.Code));
        }

        var limit = statistics?.PoorHouseholds ?? VillageStatistics.MaxVillagePopulation;
        var rows = counts.Select(c => new HouseholdHelperCount
        {
            VillageCode = village.Code, Year = reported, OrganizationId = c.Unit.Id, Households = Fields.Count(c.Households, "counts.households", limit),
        }).ToList();
        var total = rows.Sum(r => (long)r.Households);
        if (statistics is not null && total > statistics.PoorHouseholds)
        {
            throw new DomainException(
                Errors.HelpedExceedsHouseholds,
                $"The counts add up to {total} households; {village.Name} had {statistics.PoorHouseholds} poor households in {reported}.",
                "counts.households", ("households", total), ("poorHouseholds", statistics.PoorHouseholds));
        }

        return rows;
    }

    /// <summary>Takes the households of a new count for the same village, year and unit.</summary>
    public void Correct(HouseholdHelperCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        Households = count.Households;
        IsDemo = count.IsDemo;
    }

    /// <summary>The unit helps no household of the village that year any more (a correction left it out); the row stays.</summary>
    public void Withdraw() => (Households, IsDemo) = (0, false);

    /// <summary>A count of the demo data, marked as such.</summary>
    public static HouseholdHelperCount Demo(long village, int year, Organization unit, int households)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new HouseholdHelperCount { VillageCode = village, Year = year, OrganizationId = unit.Id, Households = households, IsDemo = true };
    }
}
