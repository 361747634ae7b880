namespace OpenAid.Domain.Regions;

/// <summary>
/// A village's reported figures for one year. Counts only: the household registry (建档立卡) is personal
/// data and never enters OpenAid.
/// </summary>
public class VillageStatistics
{
    public long RegionCode { get; set; }

    public int Year { get; set; }

    public int Population { get; set; }

    public int PoorPeople { get; set; }

    public int PoorHouseholds { get; set; }

    public long CollectiveIncomeFen { get; set; }

    public long PerCapitaDisposableIncomeFen { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>Poverty incidence in basis points (1/100 of a percent): poor people per population.</summary>
    public int PovertyIncidenceBasisPoints =>
        Population == 0 ? 0 : (int)Math.Round(PoorPeople * 10_000m / Population, MidpointRounding.AwayFromZero);
}
