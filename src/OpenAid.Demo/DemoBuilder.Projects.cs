using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

internal sealed partial class DemoBuilder
{
    private static readonly Dictionary<ProjectCategory, double> CategoryWeights = new()
    {
        [ProjectCategory.Industry] = 3.0,
        [ProjectCategory.Infrastructure] = 3.0,
        [ProjectCategory.Housing] = 1.0,
        [ProjectCategory.AssetIncome] = 1.0,
        [ProjectCategory.Education] = 0.7,
        [ProjectCategory.Health] = 0.6,
        [ProjectCategory.Ecology] = 0.6,
        [ProjectCategory.Employment] = 0.8,
        [ProjectCategory.Relocation] = 0.5,
        [ProjectCategory.SocialSafetyNet] = 0.4,
        [ProjectCategory.ConsumptionAid] = 0.5,
    };

    private readonly List<FundPlan> _funds = [];
    private readonly List<ProjectPlan> _projects = [];
    private readonly Dictionary<(long Region, int Year), List<FundPlan>> _fundsByRegionYear = [];
    private readonly Dictionary<(string Prefix, int Year), int> _documentNumbers = [];
    private readonly HashSet<(int Year, string Document)> _takenDocuments = [];
    private readonly Dictionary<string, int> _codeSequences = [];
    private readonly Dictionary<(FundPlan Parent, CountyPlan Plan), FundPlan> _blocks = [];
    private int _targetCount;
    private int _allocationCount;

    private async Task BuildProjectsAndFundsAsync()
    {
        _takenCodes.UnionWith(await db.Funds.Select(f => f.Code).ToListAsync(ct));
        _takenCodes.UnionWith(await db.Projects.Select(p => p.Code).ToListAsync(ct));
        foreach (var fund in await db.Funds.Select(f => new { f.FiscalYear, f.DocumentNumber }).ToListAsync(ct))
        {
            _takenDocuments.Add((fund.FiscalYear, fund.DocumentNumber));
        }

        BuildFunds();
        BuildProjects();
        SizeFunds();

        // Numbers follow the dates, as an issuing office's register would.
        foreach (var fund in _funds.OrderBy(f => f.DecidedOn).ThenBy(f => f.Order))
        {
            fund.Create(NextSequenced(Fund.CodeKind, fund.Holder.Code, fund.FiscalYear), NextDocument(fund.DocumentPrefix, fund.FiscalYear));
        }

        foreach (var project in _projects.OrderBy(p => p.FiscalYear).ThenBy(p => p.PlannedStart).ThenBy(p => p.Order))
        {
            project.Create(NextSequenced(Project.CodeKind, project.RegionCode, project.FiscalYear));
        }

        var funds = _funds.OrderBy(f => f.Fund.Code, StringComparer.Ordinal).Select(f => f.Fund).ToList();
        await writer.InsertAsync(funds, ct);

        // Money goes down the chain through the domain first (切块下达 to county blocks, into the pools), so that the
        // blocks and pools hold what they then allocate.
        var heldOut = new Dictionary<FundPlan, long>();
        var transfers = _funds.Where(f => f.Parents.Count > 0).OrderBy(f => f.DecidedOn).ThenBy(f => f.Order)
            .SelectMany(f => f.Parents.Select(p => (To: f, p.From, p.AmountFen, p.Date)))
            .Select(t =>
            {
                var sum = heldOut.GetValueOrDefault(t.From);
                heldOut[t.From] = sum + t.AmountFen;
                return t.From.Fund.Transfer(t.To.Fund, t.AmountFen, sum, t.Date);
            }).ToList();
        await writer.InsertAsync(transfers, ct);
        var projects = _projects.OrderBy(p => p.Project.Code, StringComparer.Ordinal).ToList();
        await writer.InsertAsync(projects.Select(p => p.Project).ToList(), ct);

        // Money is allocated through the domain while the projects are still in the library, as in life; then they
        // move on to where they stand today. Both the funds (concurrency token) and the projects changed.
        var allocations = projects.SelectMany(p => p.Allocations).Select(a =>
        {
            var sum = heldOut.GetValueOrDefault(a.Fund);
            heldOut[a.Fund] = sum + a.AmountFen;
            return a.Fund.Fund.Allocate(a.Project.Project, a.AmountFen, sum, a.DecidedOn);
        }).ToList();
        foreach (var project in projects)
        {
            project.Advance(AsOf);
        }

        await writer.UpdateAsync(funds, ct);
        await writer.UpdateAsync(projects.Select(p => p.Project).ToList(), ct);

        var targets = new List<PerformanceTarget>();
        foreach (var project in projects)
        {
            foreach (var target in project.Project.Targets)
            {
                target.ProjectId = project.Project.Id;
                targets.Add(target);
            }
        }

        // The EF writer saves a project's targets with it; the SQLite writer writes one table at a time.
        await writer.InsertAsync(targets.Where(t => t.Id == 0).ToList(), ct);
        await writer.InsertAsync(allocations, ct);
        _targetCount = targets.Count;
        _allocationCount = allocations.Count;
        Report($"{funds.Count:N0} funds, {transfers.Count:N0} transfers, {projects.Count:N0} projects, {targets.Count:N0} targets, {allocations.Count:N0} allocations");
    }

    /// <summary>The next register number of a kind, county and year, numbered as the API numbers them.</summary>
    private string NextSequenced(string kind, long regionCode, int year) =>
        NextCode(() =>
        {
            var prefix = RegisterNumbers.Prefix(kind, regionCode, year);
            var next = _codeSequences.GetValueOrDefault(prefix) + 1;
            _codeSequences[prefix] = next;
            return RegisterNumbers.Format(prefix, next);
        });

    /// <summary>A document number in the real format, e.g. 桂财农〔2019〕12号; unique within its year.</summary>
    private string NextDocument(string prefix, int year)
    {
        while (true)
        {
            var key = (prefix, year);
            var number = _documentNumbers.TryGetValue(key, out var last) ? last + _rng.Int(1, 6) : _rng.Int(1, 12);
            _documentNumbers[key] = number;
            var document = $"{prefix}〔{year}〕{number}号";
            if (_takenDocuments.Add((year, document)))
            {
                return document;
            }
        }
    }

    // ---------------------------------------------------------------- funds

    private void BuildFunds()
    {
        var provinces = _plans.Select(p => p.Province).DistinctBy(p => p.Code).OrderBy(p => p.Code).ToList();
        var cities = _plans.Select(p => p.City).DistinctBy(c => c.Code).OrderBy(c => c.Code).ToList();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            foreach (var province in provinces)
            {
                var (abbreviation, levelWord, _) = DemoVocabulary.Provinces[ProvinceOf(province.Code)];
                var finance = _provinceFinance[province.Code];
                var prefix = $"{abbreviation}财农";
                NewFund(FundSourceType.CentralFiscal, FundLevel.Central, year, province, finance, prefix,
                    $"{year}年中央财政专项扶贫资金（第一批）", "支持贫困地区发展特色产业、改善生产生活条件，重点用于贫困村和建档立卡贫困户",
                    _rng.Date(new DateOnly(year, 1, 10), new DateOnly(year, 3, 31)), null, null, null, finance, 1.5);
                NewFund(FundSourceType.CentralFiscal, FundLevel.Central, year, province, finance, prefix,
                    $"{year}年中央财政专项扶贫资金（第二批）", "支持贫困地区产业发展和基础设施建设",
                    _rng.Date(new DateOnly(year, 5, 15), new DateOnly(year, 8, 31)), null, null, null, finance, 1.5);
                for (var batch = 1; batch <= _rng.Int(1, 2); batch++)
                {
                    NewFund(FundSourceType.ProvincialFiscal, FundLevel.Provincial, year, province, finance, prefix,
                        $"{year}年{levelWord}财政专项扶贫资金（第{Batch(batch)}批）", "用于贫困村基础设施、产业发展和贫困户危房改造等",
                        _rng.Date(new DateOnly(year, 2, 1), new DateOnly(year, 7, 31)), null, null, null, finance, 1.0);
                }
            }

            foreach (var city in cities)
            {
                var finance = _cityFinance[city.Code];
                NewFund(FundSourceType.CityFiscal, FundLevel.City, year, city, finance, $"{ShortName(city)[0]}财农",
                    $"{year}年{city.Name}市级财政专项扶贫资金", "用于市级统筹的产业扶贫和贫困村基础设施项目",
                    _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 7, 31)), null, null, null, finance, 1.0);
            }

            foreach (var plan in _plans)
            {
                BuildCountyFunds(plan, year);
            }
        }
    }

    private void BuildCountyFunds(CountyPlan plan, int year)
    {
        var county = plan.County;
        var finance = plan.Finance;
        var office = plan.PovertyOffice;
        var initial = ShortName(county)[0];
        var financePrefix = $"{initial}财农";
        var officePrefix = $"{initial}扶办";
        var poorCounty = county.PovertyStatus != PovertyStatus.NotRegistered;

        for (var batch = 1; batch <= _rng.Int(1, 3); batch++)
        {
            NewFund(FundSourceType.CountyFiscal, FundLevel.County, year, county, finance, financePrefix,
                $"{year}年{county.Name}县级财政专项扶贫资金（第{Batch(batch)}批）", "用于贫困村基础设施、产业发展和兜底保障项目",
                _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 9, 15)), plan, null, null, finance, 3.0);
        }

        // Pooling agriculture funds at county level began in the campaign's second year (2016) in the poor counties.
        if (poorCounty && year >= Year(2016))
        {
            for (var batch = 1; batch <= _rng.Int(1, 2); batch++)
            {
                NewFund(FundSourceType.IntegratedAgriculture, FundLevel.County, year, county, finance, financePrefix,
                    $"{year}年{county.Name}统筹整合使用财政涉农资金（第{Batch(batch)}批）", "按脱贫攻坚项目库统筹安排，用于产业发展、基础设施和易地扶贫搬迁配套",
                    _rng.Date(new DateOnly(year, 4, 1), new DateOnly(year, 7, 31)), plan, null, null, finance, 3.0).IntegratedPool = true;
            }
        }

        // 粤桂扶贫协作: money from the paired Guangdong city, or from Guangdong province.
        if (plan.ProvinceNumber == 45 && year >= Year(2016))
        {
            var pair = DemoVocabulary.GuangdongGuangxiPairs.FirstOrDefault(p => p.Helped == plan.CityNumber);
            var fromCity = pair.Helper != 0 && _guangdongOffices.TryGetValue(pair.Helper, out var cityOffice) ? cityOffice : null;
            var provider = fromCity ?? _provincePovertyOffices.GetValueOrDefault(440_000_000_000);
            var providerRegion = fromCity is null ? 440_000_000_000 : pair.Helper * 100_000_000L;
            var helperName = fromCity is null ? "广东省" : _cities[providerRegion].Name;
            NewFund(FundSourceType.EastWestCooperation, fromCity is null ? FundLevel.Provincial : FundLevel.City, year, county, finance, financePrefix,
                $"{year}年粤桂扶贫协作财政帮扶资金（{helperName}）", $"{helperName}援助资金，用于产业合作、劳务协作、贫困户危房改造和贫困村基础设施",
                _rng.Date(new DateOnly(year, 4, 1), new DateOnly(year, 9, 30)), plan, provider, provider is null ? null : providerRegion, finance, 2.0);
        }

        var donors = _villagePairings.Where(p => p.Plan == plan && p.Pairing.StartYear <= year).Select(p => p.Enterprise)
            .Concat(_social.Where(s => ProvinceOf(HomeOf(s)) == plan.ProvinceNumber))
            .Concat(_donors)
            .Distinct()
            .ToList();
        if (donors.Count > 0 && _rng.Chance(0.35))
        {
            var donor = _rng.Pick(donors);
            NewFund(FundSourceType.SocialDonation, FundLevel.Social, year, county, office, officePrefix,
                $"{year}年{county.Name}社会帮扶捐赠资金（{donor.Name}）", "社会捐赠资金，按捐赠协议用于结对贫困村的产业、助学和基础设施",
                _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 9, 30)), plan, donor, HomeOf(donor), office, 2.0);
        }

        foreach (var (helper, _, start) in _designated.Where(d => d.Plan == plan && d.StartYear <= year))
        {
            NewFund(FundSourceType.DesignatedAssistance, FundLevel.Provincial, year, county, office, officePrefix,
                $"{year}年{helper.Name}定点扶贫帮扶资金", "定点帮扶单位投入资金，用于帮扶村产业发展和基础设施",
                _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 9, 30)), plan, helper, HomeOf(helper), office, 1.5);
        }

        if (poorCounty && _rng.Chance(0.06))
        {
            NewFund(FundSourceType.Loan, FundLevel.County, year, county, office, officePrefix,
                $"{year}年{county.Name}扶贫小额信贷资金", "向有发展意愿的建档立卡贫困户发放5万元以下、3年以内、免担保免抵押的扶贫小额信贷，财政贴息",
                _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 9, 30)), plan, null, null, office, 0.5);
        }
    }

    private static string Batch(int batch) => batch switch { 1 => "一", 2 => "二", 3 => "三", _ => batch.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private FundPlan NewFund(FundSourceType source, FundLevel level, int year, Region holder, Organization issuer, string documentPrefix, string name, string purpose,
        DateOnly decidedOn, CountyPlan? plan, Organization? provider, long? providerRegion, Organization receiver, double weight)
    {
        var fund = new FundPlan
        {
            Name = name,
            SourceType = source,
            Level = level,
            FiscalYear = year,
            Purpose = purpose + "。" + DemoVocabulary.DemoMark,
            DecidedOn = decidedOn,
            Holder = holder,
            Issuer = issuer,
            DocumentPrefix = documentPrefix,
            Plan = plan,
            Provider = provider,
            ProviderRegion = providerRegion,
            Receiver = receiver,
            Weight = weight,
            Order = _funds.Count,
        };
        _funds.Add(fund);
        var key = (holder.Code, year);
        if (!_fundsByRegionYear.TryGetValue(key, out var list))
        {
            _fundsByRegionYear[key] = list = [];
        }

        list.Add(fund);
        return fund;
    }

    /// <summary>
    /// The county's block (切块) of a province's or city's fund: a fund of the county's own, with its own document
    /// number, of the source and level of the money, made when a project of the county is first funded from it.
    /// </summary>
    private FundPlan BlockOf(FundPlan parent, CountyPlan plan)
    {
        if (!_blocks.TryGetValue((parent, plan), out var block))
        {
            block = new FundPlan
            {
                Name = $"{parent.Name}（{plan.County.Name}切块）",
                SourceType = parent.SourceType,
                Level = parent.Level,
                FiscalYear = parent.FiscalYear,
                Purpose = parent.Purpose,
                DecidedOn = parent.DecidedOn.AddDays(_rng.Int(5, 25)),
                Holder = plan.County,
                Issuer = plan.Finance,
                DocumentPrefix = $"{ShortName(plan.County)[0]}财农",
                Plan = plan,
                Receiver = plan.Finance,
                Weight = parent.Weight,
                Order = _funds.Count,
                Block = parent,
            };
            _funds.Add(block);
            _blocks[(parent, plan)] = block;
        }

        return block;
    }

    /// <summary>
    /// A fund is at least what was allocated and transferred from it: some are used exactly, most keep a remainder
    /// (rounded up to ¥10,000, as allocation documents state amounts); unused funds get a plain amount. Sized from the
    /// bottom of the chain up: pools, then county blocks and funds, then the cities' and provinces' funds they came
    /// from. A pool is fed by the year's funds of its county, city and province (统筹整合); a block by its parent.
    /// </summary>
    private void SizeFunds()
    {
        foreach (var pool in _funds.Where(f => f.IntegratedPool).ToList())
        {
            Size(pool);
            var plan = pool.Plan!;
            var feeders = ((long[])[plan.County.Code, plan.City.Code, plan.Province.Code])
                .SelectMany(region => _fundsByRegionYear.GetValueOrDefault((region, pool.FiscalYear)) ?? [])
                .Where(f => f.SourceType is FundSourceType.CentralFiscal or FundSourceType.ProvincialFiscal or FundSourceType.CityFiscal or FundSourceType.CountyFiscal)
                .ToList();
            var parts = Math.Min(feeders.Count, _rng.Int(2, 4));
            var left = pool.AmountFen / 10_000;
            for (var i = 0; i < parts; i++)
            {
                var feeder = _rng.Pick(feeders);
                feeders.Remove(feeder);
                var part = i == parts - 1 ? left : Math.Max(1, left * _rng.Int(20, 60) / 100);
                left -= part;
                pool.ReceiveFrom(feeder, part * 10_000, Max(feeder.DecidedOn, pool.DecidedOn.AddDays(-_rng.Int(5, 30))));
            }
        }

        foreach (var block in _funds.Where(f => f.Block is not null).ToList())
        {
            Size(block);
            block.ReceiveFrom(block.Block!, block.AmountFen, block.DecidedOn);
        }

        foreach (var fund in _funds.Where(f => !f.IntegratedPool && f.Block is null))
        {
            Size(fund);
        }
    }

    private void Size(FundPlan fund)
    {
        const long TenThousandYuan = 1_000_000;
        var used = fund.Allocations.Sum(a => a.AmountFen) + fund.GivenFen;
        if (used == 0)
        {
            fund.AmountFen = _rng.Long(20, 2_000) * TenThousandYuan;
        }
        else if (fund.Holder.Level != RegionLevel.Province && _rng.Chance(0.25))
        {
            fund.AmountFen = used;
        }
        else
        {
            // A province allocates most of its money to counties outside the demo: a larger remainder.
            var withRemainder = (long)(used * (fund.Holder.Level == RegionLevel.Province ? _rng.Double(1.5, 3.0) : _rng.Double(1.02, 1.3)));
            fund.AmountFen = (withRemainder + TenThousandYuan - 1) / TenThousandYuan * TenThousandYuan;
        }
    }

    // ---------------------------------------------------------------- projects

    private void BuildProjects()
    {
        var countyWeights = _plans.Select(p => (p, p.ProvinceNumber is 45 or 43 ? 1.3 : p.ProvinceNumber == 53 ? 1.0 : 0.7)).ToList();
        if (countyWeights.Count == 0)
        {
            return;
        }

        var villageTemplates = DemoVocabulary.ProjectTemplates.Select(t => (t, TemplateWeight(t))).ToList();
        var countyTemplates = DemoVocabulary.ProjectTemplates.Where(t => !t.VillageLevel).Select(t => (t, TemplateWeight(t))).ToList();
        var total = Scaled(2_000, 12);
        for (var i = 0; i < total; i++)
        {
            var plan = _rng.Weighted(countyWeights);
            var year = Year(_rng.Weighted([(2015, 10.0), (2016, 15.0), (2017, 18.0), (2018, 20.0), (2019, 20.0), (2020, 17.0)]));
            var template = _rng.Weighted(plan.PoorVillages.Count > 0 ? villageTemplates : countyTemplates);

            // Guangdong's demo counties are not poor counties: their projects are in the poor villages.
            if (!template.VillageLevel && plan.ProvinceNumber == 44 && plan.PoorVillages.Count > 0)
            {
                template = _rng.Weighted(villageTemplates.Where(t => t.t.VillageLevel).ToList());
            }

            var status = (LastYear - year) switch
            {
                >= 3 => _rng.Weighted([(ProjectStatus.Closed, 70.0), (ProjectStatus.Accepted, 20.0), (ProjectStatus.Cancelled, 10.0)]),
                2 => _rng.Weighted([(ProjectStatus.Closed, 50.0), (ProjectStatus.Accepted, 35.0), (ProjectStatus.Implementing, 5.0), (ProjectStatus.Cancelled, 10.0)]),
                1 => _rng.Weighted([(ProjectStatus.Closed, 25.0), (ProjectStatus.Accepted, 40.0), (ProjectStatus.Implementing, 25.0), (ProjectStatus.Cancelled, 10.0)]),
                _ => _rng.Weighted([(ProjectStatus.Accepted, 10.0), (ProjectStatus.Implementing, 40.0), (ProjectStatus.Approved, 25.0), (ProjectStatus.InLibrary, 17.0), (ProjectStatus.Cancelled, 8.0)]),
            };
            _projects.Add(NewProject(plan, year, template, status));
        }
    }

    private static double TemplateWeight(ProjectTemplate template) =>
        CategoryWeights[template.Category] / DemoVocabulary.ProjectTemplates.Count(t => t.Category == template.Category);

    private ProjectPlan NewProject(CountyPlan plan, int year, ProjectTemplate template, ProjectStatus status)
    {
        var village = template.VillageLevel ? _rng.Pick(plan.PoorVillages) : null;
        var township = village is null ? _rng.Pick(plan.Townships.Count > 0 ? plan.Townships : [plan.County]) : plan.TownshipOf(village);
        var province = plan.ProvinceNumber;
        var crop = _rng.Pick(DemoVocabulary.Crops[province]);
        var animal = _rng.Pick(DemoVocabulary.Livestock[province]);
        string Fill(string text) => text
            .Replace("{v}", village is null ? "" : VillageName(village), StringComparison.Ordinal)
            .Replace("{c}", plan.County.Name, StringComparison.Ordinal)
            .Replace("{t}", township.Name, StringComparison.Ordinal)
            .Replace("{crop}", crop, StringComparison.Ordinal)
            .Replace("{animal}", animal, StringComparison.Ordinal);

        // Beneficiaries: counts only, from the village's own registered figures where there is a village.
        int households;
        if (village is not null)
        {
            var poorHouseholds = Math.Max(3, plan.Statistics[village.Code][year - FirstYear].PoorHouseholds);
            households = template.Category == ProjectCategory.Housing
                ? _rng.Int(3, Math.Clamp(poorHouseholds / 3, 3, 40))
                : _rng.Int(Math.Max(1, poorHouseholds / 3), poorHouseholds);
        }
        else
        {
            households = _rng.Int(100, 3_000);
        }

        var people = (int)Math.Round(households * _rng.Double(3.2, 4.1));
        var budgetYuan = BudgetYuan(template, households) / 100 * 100;
        var (implementer, role) = Implementer(plan, village, template.Category);
        var place = village is null
            ? $"{plan.Province.Name}{plan.City.Name}{plan.County.Name}"
            : $"{plan.Province.Name}{plan.City.Name}{plan.County.Name}{township.Name}{VillageName(village)}";
        var content = Fill(template.Content);
        var project = new ProjectPlan
        {
            Plan = plan,
            Village = village,
            Township = township,
            Template = template,
            Implementer = implementer,
            Content = content,
            Place = place,
            Order = _projects.Count,
            Name = $"{year}年{Fill(template.Name)}",
            RegionCode = village?.Code ?? plan.County.Code,
            Description = $"建设地点：{place}。建设内容：{content}。受益建档立卡贫困户{households}户{people}人。{DemoVocabulary.DemoMark}",
            ResponsibleRole = role,
            FiscalYear = year,
            BudgetFen = budgetYuan * 100,
            Status = status,
            BeneficiaryHouseholds = households,
            BeneficiaryPeople = people,
        };

        if (status is ProjectStatus.Cancelled)
        {
            project.CancellationReason = _rng.Pick(DemoVocabulary.CancellationReasons);
            project.CancelledAfterApproval = _rng.Chance(0.5);
        }

        ScheduleAndFund(project);
        project.Targets.AddRange(Targets(project, crop, households, people));
        return project;
    }

    private long BudgetYuan(ProjectTemplate template, int households) => (template.Category, template.VillageLevel) switch
    {
        (ProjectCategory.Industry, true) => _rng.Long(100_000, 1_500_000),
        (ProjectCategory.Industry, false) => _rng.Long(1_000_000, 8_000_000),
        (ProjectCategory.Infrastructure, true) => _rng.Long(200_000, 3_000_000),
        (ProjectCategory.Infrastructure, false) => _rng.Long(2_000_000, 15_000_000),
        (ProjectCategory.Relocation, _) => _rng.Long(5_000_000, 40_000_000),
        (ProjectCategory.Education, true) => _rng.Long(200_000, 1_000_000),
        (ProjectCategory.Education, false) => _rng.Long(500_000, 6_000_000),
        (ProjectCategory.Health, true) => _rng.Long(100_000, 400_000),
        (ProjectCategory.Health, false) => _rng.Long(500_000, 5_000_000),
        (ProjectCategory.Ecology, true) => _rng.Long(100_000, 800_000),
        (ProjectCategory.Ecology, false) => _rng.Long(1_000_000, 6_000_000),
        (ProjectCategory.Employment, true) => _rng.Long(300_000, 1_200_000),
        (ProjectCategory.Employment, false) => _rng.Long(200_000, 2_000_000),
        (ProjectCategory.SocialSafetyNet, _) => _rng.Long(500_000, 5_000_000),
        (ProjectCategory.Housing, _) => households * _rng.Long(15_000, 35_000),
        (ProjectCategory.AssetIncome, _) => _rng.Long(300_000, 2_000_000),
        (ProjectCategory.ConsumptionAid, true) => _rng.Long(100_000, 600_000),
        _ => _rng.Long(300_000, 3_000_000),
    };

    /// <summary>Who carries the project out, and the responsible person by role title (never a name or a phone).</summary>
    private (Organization Organization, string Role) Implementer(CountyPlan plan, Region? village, ProjectCategory category)
    {
        var countyWord = plan.CountyWord;
        var office = (plan.PovertyOffice, $"{countyWord}扶贫开发办公室主任");
        if (village is not null && plan.TownshipGovernment is { } township && village.ParentCode == plan.GovernedTownship!.Code
            && category is ProjectCategory.Infrastructure or ProjectCategory.Housing or ProjectCategory.AssetIncome or ProjectCategory.Industry
            && _rng.Chance(0.7))
        {
            var word = plan.GovernedTownship.Name[^1..];
            return (township, $"{word}人民政府{word}长");
        }

        if (category is ProjectCategory.ConsumptionAid || (category is ProjectCategory.Industry && _rng.Chance(0.2)))
        {
            var paired = village is null ? null : _villagePairings.FirstOrDefault(p => p.Village.Code == village.Code)?.Enterprise;
            var local = _private.Where(o => ProvinceOf(HomeOf(o)) == plan.ProvinceNumber).ToList();
            var enterprise = paired ?? (local.Count > 0 ? _rng.Pick(local) : null);
            if (enterprise is not null)
            {
                return (enterprise, "企业扶贫项目负责人");
            }
        }

        return category switch
        {
            ProjectCategory.Industry or ProjectCategory.AssetIncome or ProjectCategory.Ecology when _rng.Chance(0.6) => (plan.Agriculture, $"{countyWord}农业农村局局长"),
            _ => office,
        };
    }

    /// <summary>Allocates funds to a project that got past the library, and dates it from those allocations.</summary>
    private void ScheduleAndFund(ProjectPlan project)
    {
        var p = project;
        var year = p.FiscalYear;
        var funded = p.Status is ProjectStatus.Approved or ProjectStatus.Implementing or ProjectStatus.Accepted or ProjectStatus.Closed;
        var eligible = new List<(FundPlan, double)>();
        if (funded)
        {
            // Cities' and provinces' money reaches the project through the county's block of it (四到县).
            foreach (var region in (long[])[project.Plan.County.Code, project.Plan.City.Code, project.Plan.Province.Code])
            {
                foreach (var fund in _fundsByRegionYear.GetValueOrDefault((region, year)) ?? [])
                {
                    eligible.Add((fund, fund.Weight));
                }
            }
        }

        if (eligible.Count > 0)
        {
            var count = Math.Min(eligible.Count, _rng.Weighted([(1, 65.0), (2, 28.0), (3, 7.0)]));
            var chosen = new List<FundPlan>();
            while (chosen.Count < count)
            {
                var fund = _rng.Weighted(eligible);
                if (!chosen.Contains(fund))
                {
                    chosen.Add(fund);
                }
            }

            // Split the budget in whole hundreds of yuan; the parts add up to it exactly.
            var hundreds = p.BudgetFen / 10_000;
            var shares = chosen.Select(_ => _rng.Double(0.2, 1.0)).ToArray();
            var left = hundreds;
            for (var i = 0; i < chosen.Count; i++)
            {
                var part = i == chosen.Count - 1 ? left : Math.Max(1, (long)(hundreds * shares[i] / shares.Sum()));
                part = Math.Min(part, left - (chosen.Count - 1 - i));
                left -= part;
                var fund = chosen[i].Holder.Code == project.Plan.County.Code ? chosen[i] : BlockOf(chosen[i], project.Plan);
                var decided = Min(fund.DecidedOn.AddDays(_rng.Int(5, 40)), new DateOnly(year, 10, 31));
                var allocation = new Allocation(fund, project, part * 10_000, decided);
                fund.Allocations.Add(allocation);
                project.Allocations.Add(allocation);
            }

            project.ApprovedOn = project.Allocations.Min(a => a.DecidedOn);
            p.PlannedStart = project.Allocations.Max(a => a.DecidedOn).AddDays(_rng.Int(7, 45));
        }
        else
        {
            p.PlannedStart = _rng.Date(new DateOnly(year, 3, 1), new DateOnly(year, 10, 31));
            if (project.CancelledAfterApproval)
            {
                project.ApprovedOn = p.PlannedStart.AddDays(-_rng.Int(10, 40));
            }
        }

        var shortProject = year == LastYear && p.Status is ProjectStatus.Accepted or ProjectStatus.Closed;
        p.PlannedEnd = p.PlannedStart.AddDays(shortProject ? _rng.Int(45, 120) : _rng.Int(60, 300));
        if (p.Status is ProjectStatus.Implementing or ProjectStatus.Accepted or ProjectStatus.Closed)
        {
            var start = Min(p.PlannedStart.AddDays(_rng.Int(-5, 30)), AsOf.AddDays(-45));
            p.ActualStart = start;
            if (p.Status is not ProjectStatus.Implementing)
            {
                var end = Min(p.PlannedEnd.AddDays(_rng.Int(-20, 60)), AsOf.AddDays(-20));
                p.ActualEnd = Max(end, start.AddDays(20));
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Performance targets (绩效目标) with baselines; actual values once the project was accepted.</summary>
    private List<PlannedTarget> Targets(ProjectPlan project, string crop, int households, int people)
    {
        var name = project.Template.Name;
        var rows = new List<(string Indicator, string Unit, decimal Baseline, decimal Target, int Decimals)>();
        switch (project.Template.Category)
        {
            case ProjectCategory.Industry:
                rows.Add(("带动贫困户增收", "户", 0, households, 0));
                rows.Add(name.Contains("{animal}", StringComparison.Ordinal)
                    ? ("新增养殖规模", "头（只）", 0, _rng.Int(200, 5_000), 0)
                    : ($"新增{crop}种植面积", "亩", 0, _rng.Int(100, 2_000), 0));
                rows.Add(("贫困户年人均增收", "元", 0, _rng.Int(500, 2_500), 0));
                break;
            case ProjectCategory.Infrastructure:
                rows.Add(name.Contains("道路", StringComparison.Ordinal) ? ("硬化道路", "公里", 0, (decimal)Math.Round(_rng.Double(1.5, project.Village is null ? 60 : 12), 1), 1)
                    : name.Contains("饮水", StringComparison.Ordinal) ? ("解决饮水安全人口", "人", 0, people, 0)
                    : name.Contains("灌溉", StringComparison.Ordinal) ? ("改善灌溉面积", "亩", 0, _rng.Int(200, 3_000), 0)
                    : ("新建服务中心建筑面积", "平方米", 0, _rng.Int(200, 600), 0));
                rows.Add(("受益贫困人口", "人", 0, people, 0));
                break;
            case ProjectCategory.Relocation:
                rows.Add(("安置搬迁人口", "人", 0, people, 0));
                rows.Add(("配套设施完成率", "%", 0, 100, 0));
                break;
            case ProjectCategory.Education:
                rows.Add(project.Village is null ? ("资助贫困学生", "人次", 0, _rng.Int(200, 5_000), 0) : ("维修改造校舍面积", "平方米", 0, _rng.Int(300, 1_500), 0));
                break;
            case ProjectCategory.Health:
                rows.Add(project.Village is null ? ("贫困人口基本医疗保险参保率", "%", 95, 100, 1) : ("标准化村卫生室", "个", 0, 1, 0));
                break;
            case ProjectCategory.Ecology:
                rows.Add(project.Village is null ? ("聘用生态护林员", "人", 0, _rng.Int(50, 600), 0) : ("管护公益林面积", "亩", 0, _rng.Int(1_000, 20_000), 0));
                break;
            case ProjectCategory.Employment:
                if (project.Village is null)
                {
                    rows.Add(("培训贫困劳动力", "人次", 0, _rng.Int(100, 2_000), 0));
                    rows.Add(("实现转移就业", "人", 0, _rng.Int(50, 800), 0));
                }
                else
                {
                    rows.Add(("吸纳贫困劳动力就业", "人", 0, _rng.Int(15, 80), 0));
                }

                break;
            case ProjectCategory.SocialSafetyNet:
                rows.Add(("兜底保障人数", "人", 0, people, 0));
                break;
            case ProjectCategory.Housing:
                rows.Add(("完成危房改造", "户", 0, households, 0));
                break;
            case ProjectCategory.AssetIncome:
                rows.Add(("村集体经济年增收", "元", 0, _rng.Int(20_000, 80_000), 0));
                rows.Add(("带动贫困户分红", "户", 0, households, 0));
                break;
            default:
                rows.Add(project.Village is null ? ("销售扶贫产品", "万元", 0, _rng.Int(100, 3_000), 0) : ("新增冷库库容", "吨", 0, _rng.Int(50, 500), 0));
                break;
        }

        var done = project.Status is ProjectStatus.Accepted or ProjectStatus.Closed;
        return [.. rows.Select(r => new PlannedTarget(
            r.Indicator,
            r.Unit,
            r.Baseline,
            r.Target,
            done ? Math.Round(r.Unit == "%" ? Math.Min(100m, r.Target - (decimal)_rng.Double(0, 0.6)) : r.Target * (decimal)_rng.Double(0.95, 1.12), r.Decimals) : null))];
    }
}

/// <summary>A fund before it is numbered: sized once its projects are known, then created through the domain.</summary>
internal sealed class FundPlan
{
    private Fund? _fund;

    public Fund Fund => _fund ?? throw new InvalidOperationException("The fund is created once it is numbered.");

    public required string Name { get; init; }

    public required FundSourceType SourceType { get; init; }

    public required FundLevel Level { get; init; }

    public required int FiscalYear { get; init; }

    public required string Purpose { get; init; }

    public required DateOnly DecidedOn { get; init; }

    public long AmountFen { get; set; }

    public required Region Holder { get; init; }

    public required Organization Issuer { get; init; }

    public required string DocumentPrefix { get; init; }

    public CountyPlan? Plan { get; init; }

    /// <summary>Where the money came from, for the incoming-funds transaction (null: from the budget itself).</summary>
    public Organization? Provider { get; init; }

    public long? ProviderRegion { get; init; }

    public required Organization Receiver { get; init; }

    public double Weight { get; init; }

    public int Order { get; init; }

    public List<Allocation> Allocations { get; } = [];

    /// <summary>A county's integrated pool (统筹整合), fed by transfers.</summary>
    public bool IntegratedPool { get; set; }

    /// <summary>The province's or city's fund this is the county's block of; null for a fund of its own money.</summary>
    public FundPlan? Block { get; init; }

    /// <summary>The transfers into the fund: from which fund, how much, when.</summary>
    public List<(FundPlan From, long AmountFen, DateOnly Date)> Parents { get; } = [];

    /// <summary>What the fund transferred on to blocks and pools.</summary>
    public long GivenFen { get; private set; }

    public void ReceiveFrom(FundPlan from, long amountFen, DateOnly date)
    {
        Parents.Add((from, amountFen, date));
        from.GivenFen += amountFen;
    }

    public void Create(string code, string documentNumber)
    {
        // Blocks and pools hold only what is transferred to them: that money entered the chain higher up.
        var own = IntegratedPool || Block is not null ? 0 : AmountFen;
        _fund = Fund.Create(code, Name, documentNumber, SourceType, Level, FiscalYear, own, Holder.Code, Issuer.Id, Purpose, DecidedOn, documentNumberTaken: false, IntegratedPool);
        _fund.MarkAsDemo();
    }
}

/// <summary>
/// A project before it is numbered: dated and funded first, then created through the domain and moved through its
/// lifecycle to the state it has reached by the demo's date.
/// </summary>
internal sealed class ProjectPlan
{
    private Project? _project;

    public Project Project => _project ?? throw new InvalidOperationException("The project is created once it is numbered.");

    public required string Name { get; init; }

    public required long RegionCode { get; init; }

    public required string Description { get; init; }

    public required string ResponsibleRole { get; init; }

    public required int FiscalYear { get; init; }

    public required long BudgetFen { get; init; }

    /// <summary>The state the project has reached by the demo's date.</summary>
    public required ProjectStatus Status { get; init; }

    public required int BeneficiaryHouseholds { get; init; }

    public required int BeneficiaryPeople { get; init; }

    public DateOnly PlannedStart { get; set; }

    public DateOnly PlannedEnd { get; set; }

    public DateOnly? ActualStart { get; set; }

    public DateOnly? ActualEnd { get; set; }

    public string? CancellationReason { get; set; }

    public required CountyPlan Plan { get; init; }

    public Region? Village { get; init; }

    public required Region Township { get; init; }

    public required ProjectTemplate Template { get; init; }

    public required Organization Implementer { get; init; }

    public required string Content { get; init; }

    public required string Place { get; init; }

    public int Order { get; init; }

    public List<Allocation> Allocations { get; } = [];

    public List<PlannedTarget> Targets { get; } = [];

    public DateOnly? ApprovedOn { get; set; }

    public bool CancelledAfterApproval { get; set; }

    /// <summary>The project as it enters the county project library.</summary>
    public void Create(string code)
    {
        _project = Project.Create(
            code, Name, RegionCode, Template.Category, Description, Implementer.Id, ResponsibleRole, FiscalYear, PlannedStart, PlannedEnd, BudgetFen,
            [.. Targets.Select(t => new TargetPlan(t.Indicator, t.Unit, t.Baseline, t.Target))], BeneficiaryHouseholds, BeneficiaryPeople);
        _project.MarkAsDemo();
    }

    /// <summary>Moves the project, step by step with their dates, to the status it has on <paramref name="asOf"/>.</summary>
    public void Advance(DateOnly asOf)
    {
        var project = Project;
        if (Status == ProjectStatus.InLibrary)
        {
            return;
        }

        // Approval and cancellation dates are not recorded on the project; the approval day stands for both.
        var approvedOn = ApprovedOn ?? PlannedStart;
        if (Status == ProjectStatus.Cancelled)
        {
            if (CancelledAfterApproval)
            {
                project.MoveTo(ProjectStatus.Approved, approvedOn, null, asOf);
            }

            project.MoveTo(ProjectStatus.Cancelled, approvedOn, CancellationReason, asOf);
            return;
        }

        project.MoveTo(ProjectStatus.Approved, approvedOn, null, asOf);
        if (Status == ProjectStatus.Approved)
        {
            return;
        }

        project.MoveTo(ProjectStatus.Implementing, ActualStart, null, asOf);
        if (Status == ProjectStatus.Implementing)
        {
            return;
        }

        project.MoveTo(ProjectStatus.Accepted, ActualEnd, null, asOf);
        project.RecordResults(null, null, [.. Targets.Select(t => new TargetActual(t.Indicator, t.Actual!.Value))]);
        if (Status == ProjectStatus.Closed)
        {
            project.MoveTo(ProjectStatus.Closed, ActualEnd, null, asOf);
        }
    }
}

/// <summary>A performance target as the demo plans it, with the value reached once the project is accepted.</summary>
internal sealed record PlannedTarget(string Indicator, string Unit, decimal Baseline, decimal Target, decimal? Actual);

internal sealed class Allocation(FundPlan fund, ProjectPlan project, long amountFen, DateOnly decidedOn)
{
    public FundPlan Fund { get; } = fund;

    public ProjectPlan Project { get; } = project;

    public long AmountFen { get; } = amountFen;

    public DateOnly DecidedOn { get; } = decidedOn;
}
