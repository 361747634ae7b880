using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

internal sealed partial class DemoBuilder
{
    private const string WithdrawalReason = "县级核查发现部分脱贫户收入数据与入户核实结果不一致，撤回本次退出申请，核实后重新申报。";

    // Exits draw from their own sequence of the seed, so that adding them left the rest of the demo data as it was.
    private readonly DemoRandom _exitRng = new(options.Seed + 1);

    private readonly List<ExitCriterion> _exitRules = [];
    private readonly Dictionary<long, List<ProvincialRuralIncome>> _provincialIncomes = [];
    private readonly Dictionary<long, List<CountyStatistics>> _countyStatistics = [];

    /// <summary>This year's villages that meet the rule and had no EXIT notice: proposed this week, withdrawn, or ready to propose.</summary>
    private readonly List<(Region Village, FreshExit Kind)> _freshExits = [];

    private readonly Dictionary<Region, NoticePlan> _freshNotices = [];
    private int _exitCount;

    private enum FreshExit
    {
        Proposed,
        Withdrawn,
        Ready,
    }

    /// <summary>
    /// The figures exits are assessed on, for the demo years: each province's rural average and each poor county's
    /// county-wide statistics.
    /// </summary>
    private async Task PrepareExitsAsync()
    {
        _exitRules.AddRange(await db.ExitCriteria.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct));
        CountyStatisticsOfPoorCounties();
        PlanChecklists();
        await writer.InsertAsync([.. _provincialIncomes.Values.SelectMany(a => a)], ct);
        await writer.InsertAsync([.. _countyStatistics.Values.SelectMany(c => c)], ct);
    }

    /// <summary>
    /// Chooses this year's villages that meet the rule and have no EXIT notice yet, and publishes the notices of those
    /// proposed this week and of the one withdrawn after some weeks; the others were noticed in the autumn. Called once the
    /// other notices are planned.
    /// </summary>
    private void FreshExitNotices()
    {
        // A correction is of the same place as the notice it corrects, and has no notice of its own yet.
        var noticed = _notices.Where(n => n.Corrects is null && n.Notice.Kind == NoticeKind.Exit).Select(n => n.RegionCode).ToHashSet();
        var ready = _plans.SelectMany(p => p.PoorVillages)
            .Where(v => v.ActualExitYear == LastYear && !noticed.Contains(v.Code) && Met(v, LastYear) is not null)
            .OrderBy(v => v.Code)
            .ToList();
        var proposed = Scaled(4, 2);
        var chosen = _exitRng.Sample(ready, Math.Min(ready.Count, proposed + 1 + Scaled(3, 2))).OrderBy(v => v.Code).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            _freshExits.Add((chosen[i], i == 0 ? FreshExit.Withdrawn : i <= proposed ? FreshExit.Proposed : FreshExit.Ready));
        }

        foreach (var village in ready.Except(chosen))
        {
            VillageExitNotice(PlanOf(village), village);
        }

        foreach (var (village, kind) in _freshExits.Where(f => f.Kind != FreshExit.Ready))
        {
            var on = kind == FreshExit.Withdrawn ? AsOf.AddDays(-_exitRng.Int(30, 60)) : AsOf.AddDays(-_exitRng.Int(0, 6));
            while (!PublicHolidays.Calendar.IsWorkingDay(on))
            {
                on = on.AddDays(-1);
            }

            _freshNotices[village] = VillageExitNotice(PlanOf(village), village, on)!;
        }
    }

    /// <summary>
    /// Exit records as the API keeps them: a confirmed exit for every EXIT notice whose figures meet the rule in force,
    /// a few village exits proposed this week and still in their notice period, one withdrawn with a reason, and a few
    /// villages whose last figures meet the rule and whose exit is not proposed yet. A place is exited only through a
    /// confirmed exit: one the demo marked exited without one is poor again, as the API would have left it.
    /// </summary>
    private async Task BuildExitsAsync()
    {
        _takenCodes.UnionWith(await db.Exits.Select(e => e.Code).ToListAsync(ct));
        var reverted = new List<Region>();
        var exits = new List<RegionExit>();
        var fresh = _freshNotices.Values.ToHashSet();
        foreach (var noticed in _notices.Where(n => n.Notice is { Kind: NoticeKind.Exit, Status: NoticeStatus.Published }).OrderBy(n => n.PublishOn).ThenBy(n => n.Order))
        {
            var region = Place(noticed.RegionCode);
            if (region.ActualExitYear is not { } year || Met(region, year) is not { } met)
            {
                continue;
            }

            var exit = ProposeExit(region, year, met, noticed.PublishOn, noticed.Notice.NoticePeriodDays ?? _exitRng.Pick([15, 20, 30]));
            exit.PublishedAs(noticed.Notice);
            exits.Add(exit);
            var confirmOn = Min(AsOf, exit.NoticePeriodEndsOn.AddDays(_exitRng.Int(1, 12)));
            if (fresh.Contains(noticed) || confirmOn <= exit.NoticePeriodEndsOn)
            {
                // Still in its notice period, or proposed this week: the village stays poor until it is confirmed.
                reverted.Add(region);
            }
            else
            {
                exit.Confirm(region, noticed.Notice, [], confirmOn);
            }
        }

        var withdrawn = new List<Notice>();
        foreach (var (village, kind) in _freshExits)
        {
            if (kind == FreshExit.Ready)
            {
                village.PovertyStatus = PovertyStatus.Poor;
                village.ActualExitYear = null;
                reverted.Add(village);
            }
            else if (kind == FreshExit.Withdrawn && exits.FirstOrDefault(e => e.RegionCode == village.Code) is { } exit)
            {
                var notice = _freshNotices[village].Notice;
                exit.Withdraw(WithdrawalReason, notice, Min(AsOf, exit.NoticePeriodEndsOn).AddDays(-_exitRng.Int(1, 5)));
                withdrawn.Add(notice);
            }
        }

        var confirmed = exits.Where(e => e.Status == ExitStatus.Confirmed).Select(e => e.RegionCode).ToHashSet();
        foreach (var place in _plans.SelectMany(p => p.PoorVillages.Append(p.County)).Where(r => r.PovertyStatus == PovertyStatus.Exited && !confirmed.Contains(r.Code)))
        {
            place.PovertyStatus = PovertyStatus.Poor;
            place.ActualExitYear = null;
            reverted.Add(place);
        }

        await writer.UpdateAsync(withdrawn, ct);
        await writer.UpdateAsync(reverted.Distinct().ToList(), ct);
        await writer.InsertAsync(exits, ct);
        _exitCount = exits.Count;
        Report($"{exits.Count:N0} exits, {_countyStatistics.Count:N0} counties' statistics, {_provincialIncomes.Count:N0} provinces' rural averages");
    }

    private CountyPlan PlanOf(Region region) => _plans.First(p => p.County.Code == region.Code / 1_000_000 * 1_000_000);

    /// <summary>The rule in force for a place and year, as the API chooses it.</summary>
    private ExitCriterion? RuleFor(long provinceCode, RegionLevel level, int year) =>
        _exitRules.Where(c => c.ProvinceCode == provinceCode && c.Level == level && c.FromYear <= year).MaxBy(c => c.FromYear);

    /// <summary>
    /// The rule and figures when they meet it, as the API assesses them: a village's figures with its province's average
    /// and its checklist of the year, a county's county-wide statistics.
    /// </summary>
    private (ExitCriterion Criterion, ExitFigures Figures)? Met(Region region, int year)
    {
        var province = ProvinceOf(region.Code) * 10_000_000_000L;
        var figures = region.Level == RegionLevel.County
            ? _countyStatistics.TryGetValue(region.Code, out var rows) ? ExitFigures.Of(rows[year - FirstYear]) : null
            : ExitFigures.Of(
                PlanOf(region).Statistics[region.Code][year - FirstYear], _provincialIncomes[province][year - FirstYear].PerCapitaIncomeFen,
                _facilities[region.Code][year - FirstYear].MainProblemsSolved);
        return RuleFor(province, region.Level, year) is { } criterion && figures is not null && criterion.Assess(figures, year).Met ? (criterion, figures) : null;
    }

    /// <summary>Proposes the exit of a place the demo marked exited: only a poor place is proposed, and confirming marks it exited again.</summary>
    private RegionExit ProposeExit(Region region, int year, (ExitCriterion Criterion, ExitFigures Figures) met, DateOnly on, int days)
    {
        var plan = PlanOf(region);
        region.PovertyStatus = PovertyStatus.Poor;
        region.ActualExitYear = null;
        var village = region.Level == RegionLevel.Village;
        var verifier = village ? plan.PovertyOffice : _provincePovertyOffices[plan.Province.Code];
        var exit = RegionExit.Propose(
            NextSequenced(RegionExit.CodeKind, region.Code, on.Year), region, year, met.Criterion, met.Figures, null, verifier.Id,
            village ? "县扶贫开发领导小组组长" : "省扶贫开发领导小组组长", days, on);
        exit.MarkAsDemo();
        return exit;
    }

    /// <summary>Each demo province's rural per-capita disposable income for the demo years, growing yearly.</summary>
    private void ProvincialAverages()
    {
        foreach (var province in _plans.Select(p => p.Province).DistinctBy(p => p.Code).OrderBy(p => p.Code))
        {
            var fen = (double)_exitRng.Long(900_000, 1_300_000);
            var growth = _exitRng.Double(1.07, 1.1);
            _provincialIncomes[province.Code] = [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(year =>
            {
                var row = ProvincialRuralIncome.Record(province, year, (long)(fen * Math.Pow(growth, year - FirstYear)), AsOf);
                row.MarkAsDemo();
                return row;
            })];
        }
    }

    /// <summary>
    /// County-wide figures of each poor county: its poor villages' counts scaled up to the county (more people, a little
    /// more poverty outside the poor villages, so a lower incidence), and a rural income that meets the rule in its exit year.
    /// </summary>
    private void CountyStatisticsOfPoorCounties()
    {
        foreach (var plan in _plans.Where(p => p.County.PovertyStatus != PovertyStatus.NotRegistered))
        {
            var county = plan.County;
            var exitYear = county.ActualExitYear ?? county.PlannedExitYear ?? LastYear;
            var factor = _exitRng.Double(2.2, 3.5);
            var spread = _exitRng.Double(1.02, 1.25);
            var incomeAtExit = (double)((RuleFor(plan.Province.Code, RegionLevel.County, exitYear)?.MinRuralIncomeFen ?? 800_000) + _exitRng.Long(20_000, 200_000));
            var growth = _exitRng.Double(1.08, 1.12);
            _countyStatistics[county.Code] = [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(year =>
            {
                var population = (int)(plan.Statistics.Values.Sum(s => s[year - FirstYear].Population) * factor);
                var poor = Math.Min(population, (int)(plan.Statistics.Values.Sum(s => s[year - FirstYear].PoorPeople) * spread));
                var row = CountyStatistics.Record(county, year, population, poor, poor == 0 ? 0 : Math.Max(1, (int)Math.Round(poor / 3.4)),
                    (long)(incomeAtExit * Math.Pow(growth, year - exitYear)), AsOf);
                row.MarkAsDemo();
                return row;
            })];
        }
    }
}
