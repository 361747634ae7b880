using OpenAid.Domain.Common;

namespace OpenAid.Domain.Regions;

/// <summary>
/// A village's or county's relapse and monitoring counts for one year (返贫监测): people who exited poverty, people who
/// fell back into it (返贫), households under monitoring. Counts only, never a list of households. A correction
/// replaces the year's counts; the audit trail keeps what they were.
/// </summary>
public class RegionMonitoring
{
    /// <summary>More people than the most populous county holds is a typing error.</summary>
    public const int MaxCountyPopulation = 5_000_000;

    private RegionMonitoring()
    {
    }

    public long RegionCode { get; private set; }

    public int Year { get; private set; }

    public RegionLevel Level { get; private set; }

    public int PeopleExited { get; private set; }

    public int PeopleRelapsed { get; private set; }

    public int HouseholdsMonitored { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>True for a <see cref="Total"/>, which is shown, never stored.</summary>
    public bool IsTotal { get; private init; }

    /// <summary>
    /// A village's or county's first counts for <paramref name="year"/>, which has begun by <paramref name="today"/>.
    /// Each count is at most <paramref name="population"/>, the year's registered population (the village's, or the
    /// sum of the county's villages) when statistics give it, else at most what any village or county holds.
    /// </summary>
    public static RegionMonitoring Record(Region region, int year, int peopleExited, int peopleRelapsed, int householdsMonitored, int? population, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Level is not (RegionLevel.Village or RegionLevel.County))
        {
            throw new DomainException(Errors.NotVillageOrCounty, $"{region.Name} is a {region.Level.ToString().ToLowerInvariant()}; monitoring counts are recorded per village or county.", "region", ("regionName", region.Name), ("level", region.Level));
        }

        var monitoring = new RegionMonitoring { RegionCode = region.Code, Level = region.Level, Year = RegionYears.Reported(year, today) };
        monitoring.Correct(peopleExited, peopleRelapsed, householdsMonitored, population);
        return monitoring;
    }

    /// <summary>The summed counts of a county's villages for a year, shown when the county has no record of its own; not a record.</summary>
    public static RegionMonitoring Total(long countyCode, int year, int peopleExited, int peopleRelapsed, int householdsMonitored, bool isDemo) =>
        new()
        {
            RegionCode = countyCode,
            Level = RegionLevel.County,
            Year = year,
            PeopleExited = peopleExited,
            PeopleRelapsed = peopleRelapsed,
            HouseholdsMonitored = householdsMonitored,
            IsDemo = isDemo,
            IsTotal = true,
        };

    /// <summary>Replaces the year's counts, under the same rules as <see cref="Record"/>.</summary>
    public void Correct(int peopleExited, int peopleRelapsed, int householdsMonitored, int? population)
    {
        var max = population ?? (Level == RegionLevel.Village ? VillageStatistics.MaxVillagePopulation : MaxCountyPopulation);
        var exited = Fields.Count(peopleExited, "peopleExited", max);
        var relapsed = Fields.Count(peopleRelapsed, "peopleRelapsed", max);
        // A monitored household has at least one member, so there are at most as many as people.
        var households = Fields.Count(householdsMonitored, "householdsMonitored", max);
        (PeopleExited, PeopleRelapsed, HouseholdsMonitored) = (exited, relapsed, households);
        IsDemo = false;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}
