using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;
using OpenAid.Domain.WorkTeams;

namespace OpenAid.Demo;

/// <summary>
/// The people on the ground: the Lianzhou split of its key villages and Hunan's city-to-county pairs (pairings), resident
/// work teams with first secretaries in the poor villages, and the households' helpers counted by unit.
/// </summary>
internal sealed partial class DemoBuilder
{
    private const long LianzhouCode = 441_882_000_000;

    /// <summary>The Lianzhou 2013 plan §三: of its 57 provincial key villages, provincial departments help 7, Guangzhou 25, Qingyuan 13, Lianzhou itself 12.</summary>
    private static readonly (string Helper, int Villages)[] LianzhouSplit = [("省直单位", 7), ("广州市", 25), ("清远市", 13), ("连州市", 12)];

    /// <summary>Guangdong provincial departments that send cadres to Lianzhou villages (demo names of real kinds of departments).</summary>
    private static readonly string[] GuangdongDepartments = ["民政厅", "交通运输厅", "水利厅", "农业农村厅", "教育厅", "卫生健康委员会", "人力资源和社会保障厅"];

    /// <summary>Hunan 2016 opinions §20: Changsha, Xiangtan, Yueyang, Hengyang, Zhuzhou, Changde and Chenzhou each help a county of 湘西 (which city helps which is demo).</summary>
    private static readonly (int City, int County)[] HunanCityPairs =
        [(4301, 433122), (4303, 433123), (4306, 433124), (4304, 433125), (4302, 433126), (4307, 433127), (4310, 433130)];

    private static readonly string[] MemberTitles = ["队长", "队员（产业）", "队员（党建）", "队员（农技）", "队员（社会保障）"];

    private readonly List<Organization> _departments = [];
    private readonly List<(Region Village, Organization Unit)> _lianzhouKeyVillages = [];
    private readonly List<WorkTeam> _workTeams = [];
    private readonly List<HouseholdHelperCount> _helperCounts = [];
    private Organization? _qingyuanOffice;
    private Organization? _guangzhouOffice;

    private CountyPlan? Lianzhou => _plans.FirstOrDefault(p => p.County.Code == LianzhouCode);

    /// <summary>The units of the Lianzhou split, when the demo holds Lianzhou: seven provincial departments and the city offices.</summary>
    private void AddGroundOrganizations()
    {
        if (Lianzhou is not { } plan)
        {
            return;
        }

        foreach (var department in GuangdongDepartments)
        {
            _departments.Add(Government($"{plan.Province.Name}{department}", plan.Province, "省直单位，按“规划到户、责任到人”定点帮扶连州市省重点帮扶村，选派驻村干部。"));
        }

        _qingyuanOffice = Government($"{plan.City.Name}扶贫开发办公室", plan.City, "清远市扶贫开发工作主管部门，组织市直单位挂扶连州市省重点帮扶村。");
        _guangzhouOffice = _guangdongOffices.GetValueOrDefault(4401)
            ?? (_cities.TryGetValue(440_100_000_000, out var guangzhou) ? Government("广州市扶贫协作办公室", guangzhou, "组织广州市单位对口帮扶连州市省重点帮扶村。") : null);
    }

    /// <summary>The Lianzhou split and Hunan's city pairs as pairings, under 定点扶贫 and 携手奔小康.</summary>
    private void PairOnTheGround(AidProgram designated, AidProgram countyPairing)
    {
        foreach (var (city, county) in HunanCityPairs)
        {
            if (_cities.TryGetValue(city * 100_000_000L, out var helper) && _counties.TryGetValue(county * 1_000_000L, out var helped))
            {
                Pair(countyPairing, null, helper.Code, helped.Code, Year(2016), _rng.Long(20, 60) * 1_000_000_00,
                    $"{helper.Name}对口帮扶湘西自治州{helped.Name}（《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第20条）：经济协作、园区共建、人才交流，对口帮扶财政投入列入年度预算；结对关系为示意。");
            }
        }

        if (Lianzhou is not { } plan || _qingyuanOffice is null || _guangzhouOffice is null)
        {
            return;
        }

        // The 57 key villages: the demo's poor villages of Lianzhou first, then others, by code.
        var keyVillages = plan.PoorVillages.OrderBy(v => v.Code).Concat(plan.Villages.Where(v => !plan.PoorVillages.Contains(v)).OrderBy(v => v.Code)).Take(57).ToList();
        var next = 0;
        foreach (var (helper, count) in LianzhouSplit)
        {
            for (var i = 0; i < count && next < keyVillages.Count; i++, next++)
            {
                var village = keyVillages[next];
                var unit = helper switch
                {
                    "省直单位" => _departments[i % _departments.Count],
                    "广州市" => _guangzhouOffice,
                    "清远市" => _qingyuanOffice,
                    _ => plan.PovertyOffice,
                };
                Pair(designated, unit, null, village.Code, Year(2013), _rng.Long(10, 40) * 1_000_000,
                    $"{helper}（{unit.Name}）定点帮扶连州市{VillageName(village)}（《连州市新一轮扶贫开发“规划到户、责任到人”帮扶工作实施方案》：57个省重点帮扶村中省直单位帮扶7个、广州市25个、清远市13个、连州市12个），驻村干部进驻，规划到户、责任到人。");
                _lianzhouKeyVillages.Add((village, unit));
            }
        }
    }

    /// <summary>
    /// A work team in every poor village, sent by the village's pairing helper, a designated state-owned enterprise or
    /// the county; a first secretary where the unit is above county level; some villages also have an earlier team that
    /// rotated out. Households' helpers are counted for the last year.
    /// </summary>
    private async Task BuildWorkTeamsAsync()
    {
        _takenCodes.UnionWith(await db.WorkTeams.Select(t => t.Code).ToListAsync(ct));
        var byVillage = _lianzhouKeyVillages.Select(k => (k.Village.Code, k.Unit))
            .Concat(_villagePairings.Select(p => (p.Village.Code, Unit: p.Enterprise)))
            .GroupBy(k => k.Code).ToDictionary(g => g.Key, g => g.First().Unit);
        var designated = _designated.GroupBy(d => d.Plan.County.Code).ToDictionary(g => g.Key, g => g.First().Helper);
        var number = 0;
        foreach (var plan in _plans)
        {
            foreach (var village in plan.PoorVillages.OrderBy(v => v.Code))
            {
                var unit = byVillage.GetValueOrDefault(village.Code) ?? designated.GetValueOrDefault(plan.County.Code) ?? _provincePovertyOffices.GetValueOrDefault(plan.Province.Code) ?? plan.PovertyOffice;
                var start = On(2015, _rng.Int(3, 9), _rng.Int(1, 28));
                if (_rng.Chance(0.35))
                {
                    var earlier = _rng.Pick(_organizations.Where(o => o.Kind == OrganizationKind.Government && o.RegionCode is { } home && home <= plan.Province.Code + 9_999_999_999 && home >= plan.Province.Code).ToList());
                    var rotated = start.AddYears(2);
                    _workTeams.Add(Team(++number, earlier, plan, village, start, rotated, rotated, "任期届满，工作队轮换。"));
                    start = rotated.AddDays(1);
                }

                _workTeams.Add(Team(++number, unit, plan, village, start, start.AddYears(3), null, null));
                CountHelpers(plan, village, unit);
            }
        }

        await writer.InsertAsync(_workTeams, ct);
        await writer.InsertAsync(_helperCounts, ct);
        Report($"{_workTeams.Count:N0} work teams, {_helperCounts.Count:N0} households' helper counts");
    }

    /// <summary>A team of <paramref name="unit"/>; its first secretary comes from the province's poverty office when the unit is not above county level.</summary>
    private WorkTeam Team(int number, Organization unit, CountyPlan plan, Region village, DateOnly start, DateOnly plannedEnd, DateOnly? ended, string? reason)
    {
        var size = _rng.Int(2, 5);
        var sender = WorkTeam.AboveCountyLevel(unit) ? unit : _provincePovertyOffices.GetValueOrDefault(plan.Province.Code);
        var secretary = sender is null ? null : $"第一书记（{sender.Name}派驻）";
        var titles = MemberTitles.Take(size - (secretary is null ? 0 : 1)).ToList();
        return WorkTeam.Demo(
            NextCode(() => $"{WorkTeam.CodePrefix}{number:D5}"), unit, village.Code, start, plannedEnd, size, secretary, sender, titles, ended,
            reason is null ? null : reason + DemoVocabulary.DemoMark);
    }

    /// <summary>The last year's poor households of the village split between the team's unit and the county's offices.</summary>
    private void CountHelpers(CountyPlan plan, Region village, Organization unit)
    {
        if (!plan.Statistics.TryGetValue(village.Code, out var years) || years.LastOrDefault(s => s.Year == LastYear) is not { PoorHouseholds: > 0 } last)
        {
            return;
        }

        var helped = (int)Math.Round(last.PoorHouseholds * _rng.Double(0.85, 1.0));
        var byUnit = (int)Math.Round(helped * _rng.Double(0.3, 0.7));
        _helperCounts.Add(HouseholdHelperCount.Demo(village.Code, LastYear, unit, byUnit));
        if (unit != plan.PovertyOffice && helped > byUnit)
        {
            _helperCounts.Add(HouseholdHelperCount.Demo(village.Code, LastYear, plan.PovertyOffice, helped - byUnit));
        }
    }
}
