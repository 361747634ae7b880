using OpenAid.Domain.Common;

namespace OpenAid.Domain.Regions;

/// <summary>
/// A county's county-wide figures for one year, as its statistics bureau reports them: a county exits (摘帽) on these,
/// not on the sum of its poor villages. Counts only, as for villages.
/// </summary>
public class CountyStatistics
{
    /// <summary>Larger than the most populous county; more is a typing error.</summary>
    public const int MaxCountyPopulation = 10_000_000;

    private CountyStatistics()
    {
    }

    public long RegionCode { get; private set; }

    public int Year { get; private set; }

    public int Population { get; private set; }

    public int PoorPeople { get; private set; }

    public int PoorHouseholds { get; private set; }

    /// <summary>County-wide rural per-capita disposable income (农村居民人均可支配收入), in fen.</summary>
    public long RuralPerCapitaDisposableIncomeFen { get; private set; }

    public bool IsDemo { get; private set; }

    public int PovertyIncidenceBasisPoints => VillageStatistics.IncidenceBasisPoints(PoorPeople, Population);

    /// <summary>A county's first figures for <paramref name="year"/>, which has begun by <paramref name="today"/>.</summary>
    public static CountyStatistics Record(Region county, int year, int population, int poorPeople, int poorHouseholds, long ruralPerCapitaIncomeFen, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(county);
        if (county.Level != RegionLevel.County)
        {
            throw new DomainException(Errors.NotACounty, $"{county.Name} is a {county.Level.ToString().ToLowerInvariant()}; county-wide statistics are recorded for counties.", "region", ("regionName", county.Name), ("level", county.Level));
        }

        var statistics = new CountyStatistics { RegionCode = county.Code, Year = RegionYears.Reported(year, today) };
        statistics.Correct(population, poorPeople, poorHouseholds, ruralPerCapitaIncomeFen);
        return statistics;
    }

    /// <summary>Replaces the year's figures, under the same rules as <see cref="Record"/>.</summary>
    public void Correct(int population, int poorPeople, int poorHouseholds, long ruralPerCapitaIncomeFen)
    {
        var people = Fields.Count(population, "population", MaxCountyPopulation);
        var poor = Fields.Count(poorPeople, "poorPeople", people);
        var households = Fields.Count(poorHouseholds, "poorHouseholds", poor);
        var income = Fields.NonNegativeAmount(ruralPerCapitaIncomeFen, "ruralPerCapitaDisposableIncomeFen");
        (Population, PoorPeople, PoorHouseholds, RuralPerCapitaDisposableIncomeFen) = (people, poor, households, income);
        IsDemo = false;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}

/// <summary>
/// A province's rural per-capita disposable income of a year (全省农村居民人均可支配收入): Guangdong measures its villages'
/// and helped households' incomes against it, so it is recorded data.
/// </summary>
public class ProvincialRuralIncome
{
    private ProvincialRuralIncome()
    {
    }

    public long ProvinceCode { get; private set; }

    public int Year { get; private set; }

    public long PerCapitaIncomeFen { get; private set; }

    public bool IsDemo { get; private set; }

    public static ProvincialRuralIncome Record(Region province, int year, long perCapitaIncomeFen, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(province);
        if (province.Level != RegionLevel.Province)
        {
            throw new DomainException(Errors.NotAProvince, $"{province.Name} is a {province.Level.ToString().ToLowerInvariant()}; the rural per-capita average is recorded per province.", "province", ("regionName", province.Name), ("level", province.Level));
        }

        var income = new ProvincialRuralIncome { ProvinceCode = province.Code, Year = RegionYears.Reported(year, today) };
        income.Correct(perCapitaIncomeFen);
        return income;
    }

    public void Correct(long perCapitaIncomeFen)
    {
        PerCapitaIncomeFen = Fields.PositiveAmount(perCapitaIncomeFen, "perCapitaIncomeFen");
        IsDemo = false;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;
}
