using OpenAid.Domain.Common;

namespace OpenAid.Domain.Regions;

/// <summary>
/// A village's reported figures for one year. Counts only: the household registry (建档立卡) is personal
/// data and never enters OpenAid.
/// </summary>
public class VillageStatistics
{
    /// <summary>Larger than the largest administrative village or community; more is a typing error.</summary>
    public const int MaxVillagePopulation = 200_000;

    private VillageStatistics()
    {
    }

    public long RegionCode { get; private set; }

    public int Year { get; private set; }

    public int Population { get; private set; }

    public int PoorPeople { get; private set; }

    public int PoorHouseholds { get; private set; }

    public long CollectiveIncomeFen { get; private set; }

    public long PerCapitaDisposableIncomeFen { get; private set; }

    /// <summary>The helped (registered poor) households' per-capita income, where recorded: Guangdong judges exits on it.</summary>
    public long? HelpedHouseholdsPerCapitaIncomeFen { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Poverty incidence in basis points (1/100 of a percent): poor people per population.</summary>
    public int PovertyIncidenceBasisPoints => IncidenceBasisPoints(PoorPeople, Population);

    /// <summary>Poor people per population in basis points, half a point rounded away from zero; 0 without population.</summary>
    public static int IncidenceBasisPoints(int poorPeople, int population) =>
        population == 0 ? 0 : (int)Math.Round(poorPeople * 10_000m / population, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A village's first figures for <paramref name="year"/>, which has begun by <paramref name="today"/>. Poor people
    /// are at most the population, poor households at most the poor people.
    /// </summary>
    public static VillageStatistics Record(
        Region village, int year, int population, int poorPeople, int poorHouseholds, long collectiveIncomeFen, long perCapitaDisposableIncomeFen,
        DateOnly today, long? helpedHouseholdsPerCapitaIncomeFen = null)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(Errors.NotAVillage, $"{village.Name} is a {village.Level.ToString().ToLowerInvariant()}; statistics are recorded per village and summed above.", "region", ("regionName", village.Name), ("level", village.Level));
        }

        var statistics = new VillageStatistics { RegionCode = village.Code, Year = RegionYears.Reported(year, today) };
        statistics.Correct(population, poorPeople, poorHouseholds, collectiveIncomeFen, perCapitaDisposableIncomeFen, helpedHouseholdsPerCapitaIncomeFen);
        return statistics;
    }

    /// <summary>Replaces the year's figures, under the same rules as <see cref="Record"/>.</summary>
    public void Correct(int population, int poorPeople, int poorHouseholds, long collectiveIncomeFen, long perCapitaDisposableIncomeFen, long? helpedHouseholdsPerCapitaIncomeFen = null)
    {
        var people = Fields.Count(population, "population", MaxVillagePopulation);
        var poor = Fields.Count(poorPeople, "poorPeople", people);
        var households = Fields.Count(poorHouseholds, "poorHouseholds", poor);
        var collective = Fields.NonNegativeAmount(collectiveIncomeFen, "collectiveIncomeFen");
        var perCapita = Fields.NonNegativeAmount(perCapitaDisposableIncomeFen, "perCapitaDisposableIncomeFen");
        var helped = helpedHouseholdsPerCapitaIncomeFen is { } fen ? Fields.NonNegativeAmount(fen, "helpedHouseholdsPerCapitaIncomeFen") : (long?)null;
        (Population, PoorPeople, PoorHouseholds, CollectiveIncomeFen, PerCapitaDisposableIncomeFen, HelpedHouseholdsPerCapitaIncomeFen) = (people, poor, households, collective, perCapita, helped);

        // Figures somebody recorded are theirs, no longer generated demo data.
        IsDemo = false;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}
