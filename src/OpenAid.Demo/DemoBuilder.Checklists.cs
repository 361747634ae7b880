using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// Each poor village's yearly checklist of infrastructure and public services, improving until every main item is
/// there by its exit; and monitoring counts (exits, relapses, monitored households) for the poor villages, and for the
/// exited counties from their exit on.
/// </summary>
internal sealed partial class DemoBuilder
{
    private readonly Dictionary<long, List<VillageFacilities>> _facilities = [];
    private int _checklistCount;
    private int _monitoringCount;

    /// <summary>The poor villages' yearly checklists, made before the exits that a province's rule judges on them (Hunan).</summary>
    private void PlanChecklists()
    {
        foreach (var village in _plans.SelectMany(p => p.PoorVillages))
        {
            _facilities[village.Code] = VillageChecklists(village);
        }
    }

    private async Task BuildChecklistsAsync()
    {
        var facilities = new List<VillageFacilities>();
        var monitoring = new List<RegionMonitoring>();
        foreach (var plan in _plans)
        {
            var countyCounts = new Dictionary<int, (int Exited, int Relapsed, int Monitored)>();
            foreach (var village in plan.PoorVillages)
            {
                facilities.AddRange(_facilities[village.Code]);
                foreach (var counts in VillageMonitoring(village, plan.Statistics[village.Code]))
                {
                    monitoring.Add(counts);
                    var sum = countyCounts.GetValueOrDefault(counts.Year);
                    countyCounts[counts.Year] = (sum.Exited + counts.PeopleExited, sum.Relapsed + counts.PeopleRelapsed, sum.Monitored + counts.HouseholdsMonitored);
                }
            }

            // An exited county reports its own counts from its exit year on; before, its page sums its villages'.
            if (plan.County.ActualExitYear is { } exit)
            {
                foreach (var (year, sum) in countyCounts.Where(c => c.Key >= exit).OrderBy(c => c.Key))
                {
                    var population = plan.Statistics.Values.Sum(s => s[year - FirstYear].Population);
                    var row = RegionMonitoring.Record(plan.County, year, sum.Exited, sum.Relapsed, Math.Min(population, sum.Monitored + _rng.Int(0, 20)), population, AsOf);
                    row.MarkAsDemo();
                    monitoring.Add(row);
                }
            }
        }

        await writer.InsertAsync(facilities, ct);
        await writer.InsertAsync(monitoring, ct);
        _checklistCount = facilities.Count;
        _monitoringCount = monitoring.Count;
        Report($"{facilities.Count:N0} village checklists, {monitoring.Count:N0} monitoring counts");
    }

    /// <summary>One checklist a year: an item once there stays; every main item is there by the exit (or the planned exit).</summary>
    private List<VillageFacilities> VillageChecklists(Region village)
    {
        var due = village.ActualExitYear ?? village.PlannedExitYear ?? LastYear;
        var arrives = VillageFacilities.AllItems.ToDictionary(
            item => item,
            item => VillageFacilities.MainItems.Contains(item) ? _exitRng.Int(FirstYear - 3, due) : _exitRng.Int(FirstYear - 2, LastYear + 2));
        var rows = new List<VillageFacilities>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var row = VillageFacilities.Record(village, year, arrives.Where(a => a.Value <= year).Select(a => a.Key), AsOf);
            row.MarkAsDemo();
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Counts from the second year on: people exited are the fall in poor people plus those who fell back; a few
    /// relapse after the village's exit, and some households stay under monitoring.
    /// </summary>
    private List<RegionMonitoring> VillageMonitoring(Region village, List<VillageStatistics> statistics)
    {
        var rows = new List<RegionMonitoring>();
        for (var year = FirstYear + 1; year <= LastYear; year++)
        {
            var (before, now) = (statistics[year - FirstYear - 1], statistics[year - FirstYear]);
            var exited = village.ActualExitYear is { } exit && year > exit;
            var relapsed = exited && _rng.Chance(0.3) ? _rng.Int(1, 4) : 0;
            var monitored = exited ? _rng.Int(2, 12) : _rng.Int(0, 3);
            var row = RegionMonitoring.Record(village, year, before.PoorPeople - now.PoorPeople + relapsed, relapsed, monitored, now.Population, AsOf);
            row.MarkAsDemo();
            rows.Add(row);
        }

        return rows;
    }
}
