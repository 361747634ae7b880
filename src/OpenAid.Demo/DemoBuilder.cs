using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Regions;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// One demo generation. Builds each stage in memory from one seeded random sequence, writes it, and then
/// builds the next stage with the keys the previous one got.
/// </summary>
internal sealed partial class DemoBuilder(OpenAidDbContext db, BulkWriter writer, DemoDataOptions options, IProgress<string>? progress, CancellationToken ct)
{
    private readonly DemoCalendar _calendar = new(options.AsOf);

    private DateOnly AsOf => _calendar.AsOf;

    private readonly DemoRandom _rng = new(options.Seed);
    private readonly double _scale = options.Scale;

    private readonly Dictionary<long, Region> _provinces = [];
    private readonly Dictionary<long, Region> _cities = [];
    private readonly Dictionary<long, Region> _counties = [];
    private readonly List<CountyPlan> _plans = [];
    private readonly Dictionary<long, ExitCriterion> _criteria = [];

    private readonly Stopwatch _step = new();
    private int _regionsUpdated;
    private int _statistics;

    public async Task<DemoDataResult> RunAsync()
    {
        _step.Restart();
        await LoadPlacesAsync();
        ProvincialAverages();
        PlanPlaces();
        var changed = _plans.SelectMany(p => p.ChangedRegions()).ToList();
        await writer.UpdateAsync(changed, ct);
        var statistics = _plans.SelectMany(p => p.Statistics.Values.SelectMany(s => s)).ToList();
        await writer.InsertAsync(statistics, ct);
        _regionsUpdated = changed.Count;
        _statistics = statistics.Count;
        Report($"{_plans.Count} counties, {changed.Count:N0} regions flagged poor (demo), {statistics.Count:N0} village statistics");

        await BuildOrganizationsAsync();
        await BuildProgramsAsync();
        await BuildProjectsAndFundsAsync();
        await BuildTransactionsAsync();
        await PrepareExitsAsync();
        await BuildNoticesAsync();
        await BuildExitsAsync();
        await BuildMarketplaceAsync();
        await BuildObjectionsAsync();
        await BuildPeopleAsync();
        await BuildWorkTeamsAsync();
        await BuildChecklistsAsync();
        await BuildAssetsAsync();
        await BuildMicrocreditAsync();

        return new DemoDataResult(
            _regionsUpdated, _statistics, _organizations.Count, _programs.Count, _memberships.Count, _pairings.Count,
            _projects.Count, _targetCount, _funds.Count, _allocationCount, _transactionCount, _noticeCount, _noticeLinkCount,
            TimeSpan.Zero, writer.Mode) { Needs = _marketNeeds.Count, Pledges = _marketPledges.Count, PledgeDeliveries = _deliveryCount, Objections = _objectionCount, VillageChecklists = _checklistCount, MonitoringCounts = _monitoringCount, Exits = _exitCount };
    }

    private int LastYear => _calendar.LastYear;

    private int FirstYear => _calendar.FirstYear;

    private int Year(int baseYear) => _calendar.Year(baseYear);

    private DateOnly On(int year, int month, int day) => _calendar.On(year, month, day);

    private void Report(string what)
    {
        progress?.Report($"Demo data: {what} in {_step.ElapsedMilliseconds:N0} ms");
        _step.Restart();
    }

    private int Scaled(int count, int minimum = 1) => Math.Max(minimum, (int)Math.Round(count * _scale, MidpointRounding.AwayFromZero));

    private static string D(long value, int digits) => value.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static int ProvinceOf(long code) => (int)(code / 10_000_000_000);

    /// <summary>Where a demo organisation is registered: every one of them is within the regions held.</summary>
    private static long HomeOf(Organization organization) =>
        organization.RegionCode ?? throw new InvalidOperationException($"Demo organisation {organization.Code} has no region.");

    private static int CityOf(long code) => (int)(code / 100_000_000);

    /// <summary>Money as notices print it: thousands separators, two decimals, 元.</summary>
    private static string Yuan(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture) + "元";

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- places

    private async Task LoadPlacesAsync()
    {
        var upper = await db.Regions.AsNoTracking().Where(r => r.Level <= RegionLevel.County).OrderBy(r => r.Code).ToListAsync(ct);
        foreach (var region in upper)
        {
            var map = region.Level switch
            {
                RegionLevel.Province => _provinces,
                RegionLevel.City => _cities,
                _ => _counties,
            };
            map[region.Code] = region;
        }

        // The demo flags some of these places poor: their update entries start from the state read here.
        writer.Loaded(upper);

        foreach (var criterion in await db.ExitCriteria.AsNoTracking().OrderBy(c => c.FromYear).ToListAsync(ct))
        {
            // One rule per province and level is enough for the demo; the latest FromYear wins.
            _criteria[criterion.ProvinceCode * 10 + (int)criterion.Level] = criterion;
        }

        foreach (var (province, count, preferred, required) in DemoVocabulary.CountyPlans)
        {
            var provinceCode = province * 10_000_000_000L;
            if (!_provinces.TryGetValue(provinceCode, out var provinceRegion))
            {
                continue;
            }

            var candidates = _counties.Values
                .Where(c => ProvinceOf(c.Code) == province && c.Name.EndsWith('县'))
                .ToList();
            var rank = new Dictionary<long, (int, double)>();
            foreach (var county in candidates)
            {
                var cityRank = Array.IndexOf(preferred, CityOf(county.Code));
                rank[county.Code] = (cityRank < 0 ? preferred.Length : cityRank, _rng.Double());
            }

            var chosen = required.Select(code => _counties.GetValueOrDefault(code * 1_000_000L)).OfType<Region>()
                .Concat(candidates.Where(c => !required.Contains((int)(c.Code / 1_000_000))).OrderBy(c => rank[c.Code]))
                .Take(Scaled(count))
                .ToList();

            foreach (var county in chosen)
            {
                var city = _cities[CityOf(county.Code) * 100_000_000L];
                var below = await db.Regions.AsNoTracking()
                    .Where(r => r.Code > county.Code && r.Code < county.Code + 1_000_000)
                    .OrderBy(r => r.Code)
                    .ToListAsync(ct);
                writer.Loaded(below);
                _plans.Add(new CountyPlan(provinceRegion, city, county, below));
            }
        }
    }

    private void PlanPlaces()
    {
        foreach (var plan in _plans)
        {
            var province = plan.ProvinceNumber;
            plan.VillageCriterion = _criteria.GetValueOrDefault(plan.Province.Code * 10 + (int)RegionLevel.Village);
            plan.CountyCriterion = _criteria.GetValueOrDefault(plan.Province.Code * 10 + (int)RegionLevel.County);
            var firstExitYear = Math.Max(Year(2016), plan.VillageCriterion?.FromYear ?? 0);

            // County planned exit (摘帽) year; Guangxi follows seed 004's 2018/2019/2020 split of 14/20/9 counties, moved with the campaign.
            var countyExit = province switch
            {
                45 => _rng.Weighted([(Year(2018), 14.0), (Year(2019), 20.0), (Year(2020), 9.0)]),
                43 => _rng.Weighted([(Year(2016), 1.0), (Year(2017), 2.0), (Year(2018), 3.0), (Year(2019), 3.0), (Year(2020), 1.0)]),
                53 => _rng.Weighted([(Year(2016), 0.5), (Year(2017), 1.5), (Year(2018), 3.0), (Year(2019), 3.0), (Year(2020), 2.0)]),
                21 => _rng.Weighted([(Year(2017), 1.0), (Year(2018), 1.0), (Year(2019), 1.0)]),
                _ => Year(2018),
            };
            countyExit = Math.Max(countyExit, firstExitYear);

            var rural = plan.Villages.Where(v => IsRuralVillage(v.Name)).ToList();
            var share = province == 44 ? _rng.Double(0.08, 0.14) : _rng.Double(0.18, 0.3);
            var poorCount = plan.County.Code == 441_882_000_000 ? 57 : (int)Math.Round(rural.Count * share);
            poorCount = Math.Min(Math.Min(poorCount, 60), rural.Count);
            plan.PoorVillages.AddRange(_rng.Sample(rural, poorCount).OrderBy(v => v.Code));

            var deepCounty = _rng.Chance(province == 53 ? 0.45 : 0.18);
            foreach (var village in plan.PoorVillages)
            {
                var planned = _rng.Chance(0.06) && countyExit < LastYear ? countyExit + 1 : _rng.Int(firstExitYear, countyExit);
                var deep = _rng.Chance(deepCounty ? 0.3 : 0.08);
                var statistics = VillageTrajectory(village, planned, plan.VillageCriterion, _provincialIncomes[plan.Province.Code], deep, incidenceLag: _rng.Chance(0.12), incomeLag: _rng.Chance(0.08));
                plan.Statistics[village.Code] = statistics;
                village.PovertyStatus = PovertyStatus.Poor;
                village.HasDemoFlags = true;
                village.IsDeepPoverty = deep;
                village.PlannedExitYear = planned;
                village.ActualExitYear = FirstYearMet([.. statistics.Select(s => ExitFigures.Of(s))], plan.VillageCriterion, planned, countyLevel: false);
                if (village.ActualExitYear is not null)
                {
                    village.PovertyStatus = PovertyStatus.Exited;
                }
            }

            foreach (var township in plan.Townships)
            {
                township.IsDeepPoverty = plan.PoorVillages.Count(v => v.ParentCode == township.Code && v.IsDeepPoverty) >= 2;
                township.HasDemoFlags = true;
            }

            // Guangdong had no poor counties, only relatively poor villages; the rest are registered poor counties.
            if (province == 44)
            {
                continue;
            }

            var county = plan.County;
            county.PovertyStatus = PovertyStatus.Poor;
            county.HasDemoFlags = true;
            county.IsNationalKeyCounty = province != 21 && _rng.Chance(province == 53 ? 0.75 : 0.6);
            county.IsProvincialKeyCounty = !county.IsNationalKeyCounty;
            county.IsContiguousDestituteArea = DemoVocabulary.ContiguousAreaCities.Contains(plan.CityNumber) || _rng.Chance(0.25);
            county.IsDeepPoverty = deepCounty;
            county.PlannedExitYear = countyExit;

            // The demo judges a county on the summed incidence of its poor villages; the API judges it on county-wide statistics.
            var sums = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(year => new ExitFigures(
                plan.Statistics.Values.Sum(s => s[year - FirstYear].Population),
                plan.Statistics.Values.Sum(s => s[year - FirstYear].PoorPeople),
                PoorHouseholds: 0,
                CollectiveIncomeFen: null,
                PerCapitaIncomeFen: null)).ToList();
            county.ActualExitYear = FirstYearMet(sums, plan.CountyCriterion, countyExit, countyLevel: true);
            if (county.ActualExitYear is not null)
            {
                county.PovertyStatus = PovertyStatus.Exited;
            }
        }
    }

    private static bool IsRuralVillage(string name) =>
        name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal) || name.EndsWith('村');

    /// <summary>"大石村委会" / "大石村民委员会" → "大石村", as project names say it.</summary>
    private static string VillageName(Region village)
    {
        var name = village.Name;
        foreach (var suffix in (string[])["村民委员会", "村委会"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length] + "村";
            }
        }

        return name;
    }

    /// <summary>
    /// Six years of counts for one poor village: incidence falls to below the exit threshold by the planned
    /// year, except for laggards that miss it (incidence or collective income) in that year and make it a
    /// year later; collective and per-capita income grow. Where the rule judges income against the provincial rural average
    /// (Guangdong), the village's share of it rises past the required one by the planned year, and helped households'
    /// income is recorded too.
    /// </summary>
    private List<VillageStatistics> VillageTrajectory(
        Region village, int plannedExit, ExitCriterion? criterion, List<ProvincialRuralIncome> averages, bool deep, bool incidenceLag, bool incomeLag)
    {
        var threshold = (criterion?.MaxPovertyIncidenceBasisPoints ?? 200) / 10_000.0;
        var minIncomeYuan = criterion?.MinCollectiveIncomeFen / 100;
        var population0 = _rng.Int(700, 3800);
        var incidence0 = deep ? _rng.Double(0.28, 0.45) : _rng.Double(0.12, 0.35);
        var beforeExit = threshold + _rng.Double(0.01, 0.05);
        var afterExit = _rng.Double(0.004, threshold - 0.003);
        var householdSize = _rng.Double(3.0, 3.8);

        var income0 = _rng.Long(0, 15_000);
        var incomeAtExit = minIncomeYuan is { } min ? min + _rng.Long(3_000, 40_000) : _rng.Long(20_000, 80_000);
        var incomeGrowth = _rng.Double(1.05, 1.2);
        var perCapita = (double)_rng.Long(2_800, 4_500);
        var perCapitaGrowth = _rng.Double(1.09, 1.16);
        var relative = criterion?.MinVillageIncomeShareBasisPoints is { } required
            ? (From: _rng.Double(0.35, 0.5), AtExit: (required / 10_000.0) + _rng.Double(0.03, 0.12), Helped: _rng.Double(0.78, 0.92))
            : ((double From, double AtExit, double Helped)?)null;

        var rows = new List<VillageStatistics>();
        var previousPoor = int.MaxValue;
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var population = population0 + (int)(population0 * 0.006 * (year - FirstYear)) + _rng.Int(-8, 8);
            double incidence;
            if (year < plannedExit)
            {
                var span = plannedExit - 1 - FirstYear;
                incidence = span == 0 ? incidence0 : incidence0 + ((beforeExit - incidence0) * (year - FirstYear) / span);
            }
            else if (year == plannedExit && incidenceLag)
            {
                incidence = threshold + _rng.Double(0.003, 0.015);
            }
            else
            {
                incidence = afterExit * Math.Pow(0.85, year - plannedExit);
            }

            var poor = Math.Min(previousPoor, (int)Math.Round(population * incidence));
            previousPoor = poor;

            long incomeYuan;
            if (year <= plannedExit)
            {
                var span = plannedExit - FirstYear;
                incomeYuan = span == 0 ? incomeAtExit : income0 + ((incomeAtExit - income0) * (year - FirstYear) / span);
                if (year == plannedExit && incomeLag && minIncomeYuan is { } floor)
                {
                    incomeYuan = floor - _rng.Long(5_000, 15_000);
                }
            }
            else
            {
                incomeYuan = (long)(incomeAtExit * Math.Pow(incomeGrowth, year - plannedExit));
            }

            long? helpedFen = null;
            if (relative is { } r)
            {
                var span = Math.Max(1, plannedExit - FirstYear);
                var share = year <= plannedExit ? r.From + ((r.AtExit - r.From) * (year - FirstYear) / span) : r.AtExit + (0.01 * (year - plannedExit));
                perCapita = averages[year - FirstYear].PerCapitaIncomeFen / 100.0 * share;
                helpedFen = (long)(perCapita * r.Helped) * 100;
            }

            var row = VillageStatistics.Record(
                village,
                year,
                population,
                poor,
                poor == 0 ? 0 : Math.Max(1, (int)Math.Round(poor / householdSize)),
                Math.Max(0, incomeYuan) * 100,
                (long)perCapita * 100,
                AsOf,
                helpedFen);
            row.MarkAsDemo();
            rows.Add(row);
            perCapita *= perCapitaGrowth;
        }

        return rows;
    }

    /// <summary>
    /// The first year from the planned one on in which the province's rule is met on the figures the demo generates:
    /// incidence and collective income (a county: incidence only). The checklist and the income shares are generated to
    /// meet the rest of the rule from the planned year on.
    /// </summary>
    private int? FirstYearMet(List<ExitFigures> figures, ExitCriterion? criterion, int planned, bool countyLevel)
    {
        if (criterion is null)
        {
            return null;
        }

        var rule = countyLevel ? criterion.IncidenceOnly() : criterion;
        for (var year = Math.Max(planned, criterion.FromYear); year <= LastYear; year++)
        {
            if (rule.Assess(figures[year - FirstYear], year).MetOn(ExitThreshold.PovertyIncidence, ExitThreshold.CollectiveIncome))
            {
                return year;
            }
        }

        return null;
    }
}

/// <summary>A demo county with its real sub-tree and what the generator decided about it.</summary>
internal sealed class CountyPlan
{
    public CountyPlan(Region province, Region city, Region county, List<Region> below)
    {
        Province = province;
        City = city;
        County = county;
        Townships = [.. below.Where(r => r.Level == RegionLevel.Township)];
        Villages = [.. below.Where(r => r.Level == RegionLevel.Village)];
        TownshipsByCode = Townships.ToDictionary(t => t.Code);
    }

    public Region Province { get; }

    public Region City { get; }

    public Region County { get; }

    public List<Region> Townships { get; }

    public List<Region> Villages { get; }

    public Dictionary<long, Region> TownshipsByCode { get; }

    public List<Region> PoorVillages { get; } = [];

    /// <summary>Village code → its statistics, first year to last, in year order.</summary>
    public SortedDictionary<long, List<VillageStatistics>> Statistics { get; } = [];

    public ExitCriterion? VillageCriterion { get; set; }

    public ExitCriterion? CountyCriterion { get; set; }

    public int ProvinceNumber => (int)(Province.Code / 10_000_000_000);

    public int CityNumber => (int)(City.Code / 100_000_000);

    /// <summary>"县", "市" or "区": how the county's own offices are titled.</summary>
    public string CountyWord => County.Name[^1..];

    public Organization PovertyOffice { get; set; } = null!;

    public Organization Finance { get; set; } = null!;

    public Organization Agriculture { get; set; } = null!;

    public Organization? TownshipGovernment { get; set; }

    public Region? GovernedTownship { get; set; }

    /// <summary>How often this county publishes late (compliance differs between counties).</summary>
    public double LateRate { get; set; }

    public IEnumerable<Region> ChangedRegions()
    {
        if (County.PovertyStatus != PovertyStatus.NotRegistered)
        {
            yield return County;
        }

        foreach (var township in Townships.Where(t => t.IsDeepPoverty))
        {
            yield return township;
        }

        foreach (var village in PoorVillages)
        {
            yield return village;
        }
    }

    public Region TownshipOf(Region village) => TownshipsByCode[village.ParentCode!.Value];
}
