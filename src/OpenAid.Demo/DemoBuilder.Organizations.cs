using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

internal sealed partial class DemoBuilder
{
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private readonly List<Organization> _organizations = [];
    private readonly Dictionary<Organization, string> _phones = [];
    private readonly Dictionary<long, Organization> _provincePovertyOffices = [];
    private readonly Dictionary<long, Organization> _provinceFinance = [];
    private readonly Dictionary<long, Organization> _cityFinance = [];
    private readonly Dictionary<int, Organization> _guangdongOffices = [];
    private readonly Dictionary<int, Organization> _helperCountyGovernments = [];
    private readonly List<Organization> _stateOwned = [];
    private readonly List<Organization> _private = [];
    private readonly List<Organization> _social = [];
    private readonly List<Organization> _donors = [];
    private readonly HashSet<string> _creditCodes = [];
    private readonly HashSet<string> _takenCodes = [];
    private readonly HashSet<string> _names = [];

    private readonly Dictionary<string, AidProgram> _programs = [];
    private readonly List<ProgramMembership> _memberships = [];
    private readonly List<Pairing> _pairings = [];
    private readonly List<VillagePairing> _villagePairings = [];
    private readonly List<(Organization Helper, CountyPlan Plan, int StartYear)> _designated = [];
    private int _nextOrganization;
    private int _nextPairing;

    private async Task BuildOrganizationsAsync()
    {
        // Codes and credit codes that exist already (real data entered before the demo) are never reused.
        _takenCodes.UnionWith(await db.Organizations.Select(o => o.Code).ToListAsync(ct));
        _takenCodes.UnionWith(await db.Pairings.Select(p => p.Code).ToListAsync(ct));
        _creditCodes.UnionWith(await db.Organizations.Where(o => o.CreditCode != null).Select(o => o.CreditCode!).ToListAsync(ct));

        var provinces = _plans.Select(p => p.Province).Append(_provinces.GetValueOrDefault(440_000_000_000)).OfType<Region>()
            .DistinctBy(p => p.Code).OrderBy(p => p.Code).ToList();
        foreach (var province in provinces)
        {
            var word = DemoVocabulary.Provinces.GetValueOrDefault(ProvinceOf(province.Code)).LevelWord ?? "省级";
            _provincePovertyOffices[province.Code] = Government($"{province.Name}扶贫开发办公室", province, $"{word}扶贫开发工作主管部门，发布{word}资金分配和贫困县退出公告。");
            _provinceFinance[province.Code] = Government($"{province.Name}财政厅", province, $"下达中央和{word}财政专项扶贫资金。");
        }

        foreach (var (helper, helped) in DemoVocabulary.GuangdongGuangxiPairs)
        {
            if (_cities.TryGetValue(helper * 100_000_000L, out var city) && _cities.ContainsKey(helped * 100_000_000L))
            {
                _guangdongOffices[helper] = Government($"{city.Name}扶贫协作办公室", city, "负责粤桂扶贫协作资金、项目和劳务协作的对接。");
            }
        }

        foreach (var city in _plans.Select(p => p.City).DistinctBy(c => c.Code).OrderBy(c => c.Code))
        {
            _cityFinance[city.Code] = Government($"{city.Name}财政局", city, "下达市级财政专项扶贫资金。");
        }

        foreach (var plan in _plans)
        {
            var county = plan.County;
            plan.PovertyOffice = Government($"{county.Name}扶贫开发办公室", county, "负责脱贫攻坚日常工作，发布资金、项目和退出公告公示。");
            plan.Finance = Government($"{county.Name}财政局", county, "负责财政专项扶贫资金和统筹整合涉农资金的下达与拨付。");
            plan.Agriculture = Government($"{county.Name}农业农村局", county, "负责产业扶贫项目的组织实施和验收。");
            plan.GovernedTownship = plan.Townships
                .Where(t => t.Name.EndsWith('镇') || t.Name.EndsWith('乡'))
                .OrderByDescending(t => plan.PoorVillages.Count(v => v.ParentCode == t.Code))
                .ThenBy(t => t.Code)
                .FirstOrDefault();
            if (plan.GovernedTownship is { } township)
            {
                plan.TownshipGovernment = Government($"{township.Name}人民政府", township, "负责辖区内扶贫项目实施和村级公告公示。");
            }

            plan.LateRate = _rng.Double(0.02, 0.22);
        }

        foreach (var (helper, helped) in DemoVocabulary.HunanCountyPairs)
        {
            if (_plans.Any(p => p.County.Code == helped * 1_000_000L) && _counties.TryGetValue(helper * 1_000_000L, out var county))
            {
                _helperCountyGovernments[helper] = Government($"{county.Name}人民政府", county, "湖南省“携手奔小康”行动帮扶县（《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第20条）。");
            }
        }

        BuildEnterprises();
        AddGroundOrganizations();
        await writer.InsertAsync(_organizations, ct);
        Report($"{_organizations.Count:N0} organisations");
    }

    private void BuildEnterprises()
    {
        var capitals = _provinces.Values.Select(p => _cities.Values.Where(c => ProvinceOf(c.Code) == ProvinceOf(p.Code)).MinBy(c => c.Code))
            .OfType<Region>().ToList();
        var demoCities = _plans.Select(p => p.City).DistinctBy(c => c.Code).OrderBy(c => c.Code).ToList();
        var guangdongCities = _guangdongOffices.Keys.Order().Select(c => _cities[c * 100_000_000L]).ToList();

        var provinceWeights = _provinces.Values.OrderBy(p => p.Code)
            .Select(p => (p, ProvinceOf(p.Code) switch { 45 => 8.0, 43 => 5.0, 53 => 3.0, _ => 2.0 }))
            .ToList();

        for (var i = 0; i < Scaled(20); i++)
        {
            var province = _rng.Weighted(provinceWeights);
            var capital = capitals.First(c => ProvinceOf(c.Code) == ProvinceOf(province.Code));
            var (industry, business) = _rng.Pick(DemoVocabulary.StateOwnedIndustries);
            var shortName = DemoVocabulary.Provinces.GetValueOrDefault(ProvinceOf(province.Code)).ShortName ?? ShortName(province);
            var name = UniqueName(() => $"{shortName}{_rng.Pick(DemoVocabulary.Brands)}{industry}有限公司");
            _stateOwned.Add(Enterprise(OrganizationKind.StateOwnedEnterprise, name, DistrictOf(capital), $"国有企业，主营{business}；承担定点扶贫和结对帮扶任务。"));
        }

        for (var i = 0; i < Scaled(75); i++)
        {
            var roll = _rng.Double();
            Region registered;
            string place;
            if (roll < 0.2 && _plans.Count > 0)
            {
                var plan = _rng.Pick(_plans);
                registered = plan.County;
                place = ShortName(plan.County);
            }
            else
            {
                var city = roll < 0.65 && demoCities.Count > 0 ? _rng.Pick(demoCities)
                    : roll < 0.85 && guangdongCities.Count > 0 ? _rng.Pick(guangdongCities)
                    : _rng.Pick(capitals);
                registered = DistrictOf(city);
                place = ShortName(city);
            }

            var (industry, business) = _rng.Pick(DemoVocabulary.PrivateIndustries);
            var name = UniqueName(() => $"{place}{_rng.Pick(DemoVocabulary.Brands)}{industry}有限公司");
            _private.Add(Enterprise(OrganizationKind.PrivateEnterprise, name, registered, $"民营企业，主营{business}；参与精准扶贫，开展产业、就业和消费帮扶。"));
        }

        for (var i = 0; i < Scaled(25); i++)
        {
            var roll = _rng.Double();
            string name;
            char type;
            Region registered;
            if (roll < 0.35)
            {
                var province = _rng.Weighted(provinceWeights);
                registered = DistrictOf(capitals.First(c => ProvinceOf(c.Code) == ProvinceOf(province.Code)));
                var shortName = DemoVocabulary.Provinces.GetValueOrDefault(ProvinceOf(province.Code)).ShortName ?? ShortName(province);
                name = UniqueName(() => $"{shortName}{_rng.Pick(DemoVocabulary.Brands)}公益基金会");
                type = '3';
            }
            else if (roll < 0.65 && _plans.Count > 0)
            {
                var plan = _rng.Pick(_plans);
                registered = plan.County;
                name = UniqueName(() => $"{plan.County.Name}{_rng.Pick(DemoVocabulary.Brands)}扶贫济困协会");
                type = '1';
            }
            else
            {
                var city = demoCities.Count > 0 && _rng.Chance(0.7) ? _rng.Pick(demoCities) : _rng.Pick(capitals);
                registered = DistrictOf(city);
                name = UniqueName(() => $"{ShortName(city)}{_rng.Pick(DemoVocabulary.Brands)}社会工作服务中心");
                type = '2';
            }

            var organization = Add(OrganizationKind.SocialOrganization, name,
                "社会组织，开展助学、助医、产业帮扶和志愿服务等公益项目；名称为虚构。", NewCreditCode('5', type, registered.Code, government: false), registered);
            _social.Add(organization);
        }

        for (var i = 0; i < Scaled(8); i++)
        {
            var city = guangdongCities.Count > 0 && _rng.Chance(0.5) ? _rng.Pick(guangdongCities) : _rng.Pick(capitals);
            _donors.Add(Add(OrganizationKind.IndividualDonor, $"爱心人士（匿名）D{i + 1:D3}", "以个人名义捐赠、不公开姓名的捐赠者。", null, city));
        }
    }

    private Organization Government(string name, Region region, string description) =>
        Add(OrganizationKind.Government, name, description, NewCreditCode('1', '1', region.Code, government: true), region);

    private Organization Enterprise(OrganizationKind kind, string name, Region registered, string description) =>
        Add(kind, name, description + "企业名称为虚构。", NewCreditCode('9', '1', registered.Code, government: false), registered);

    private Organization Add(OrganizationKind kind, string name, string description, string? creditCode, Region region)
    {
        var organization = Organization.Register(
            NextCode(() => $"{Organization.CodePrefix}{++_nextOrganization:D6}"), kind, name, creditCode, creditCodeTaken: false,
            description + DemoVocabulary.DemoMark, OrganizationLocation.In(region));
        organization.MarkAsDemo();
        _organizations.Add(organization);
        _names.Add(name);

        // A province's offices use the capital's area code (4500 → 4501 南宁).
        var city = CityOf(region.Code);
        _phones[organization] = NewPhone(city % 100 == 0 ? city + 1 : city);
        return organization;
    }

    private string NextCode(Func<string> next)
    {
        string code;
        do
        {
            code = next();
        }
        while (!_takenCodes.Add(code));
        return code;
    }

    private string UniqueName(Func<string> next)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var name = next();
            if (!_names.Contains(name))
            {
                return name;
            }
        }

        // The vocabulary ran out at a large scale: number the name instead.
        var numbered = next();
        for (var n = 2; ; n++)
        {
            var candidate = numbered.Replace("有限公司", $"第{n}有限公司", StringComparison.Ordinal);
            candidate = candidate == numbered ? $"{numbered}（{n}）" : candidate;
            if (!_names.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>A district or county of a city, where an organisation registered in that city sits.</summary>
    private Region DistrictOf(Region city)
    {
        var districts = _counties.Values.Where(c => CityOf(c.Code) == CityOf(city.Code) && c.Code != city.Code).ToList();
        return districts.Count == 0 ? city : _rng.Pick(districts);
    }

    /// <summary>"百色市" → "百色", "湘西土家族苗族自治州" → "湘西", "融水苗族自治县" → "融水", "凌云县" → "凌云".</summary>
    private static string ShortName(Region region)
    {
        var name = region.Name;
        if (name.Contains("自治", StringComparison.Ordinal))
        {
            return name[..2];
        }

        return name.Length > 2 && (name.EndsWith('市') || name.EndsWith('县') || name.EndsWith('省') || name.EndsWith('区'))
            ? name[..^1]
            : name;
    }

    /// <summary>
    /// A valid unified social credit code (GB 32100-2015): registration authority, type, the six-digit region,
    /// a nine-character organisation code (GB 11714, with its own check character) and the check character.
    /// </summary>
    private string NewCreditCode(char authority, char type, long regionCode, bool government)
    {
        var region = D(regionCode / 1_000_000, 6);
        while (true)
        {
            // New enterprise codes start "MA"; government codes start with zeros. Either way positions 7–14
            // can never read as a birth date, so no credit code looks like a resident ID number.
            var body = government
                ? "00" + D(_rng.Int(0, 999_999), 6)
                : "MA" + string.Concat(Enumerable.Range(0, 6).Select(_ => CreditAlphabet[_rng.Int(0, CreditAlphabet.Length - 1)]));
            var first17 = $"{authority}{type}{region}{body}{OrganizationCodeCheck(body)}";
            var code = first17 + CreditCode.CheckCharacter(first17);

            // An all-digit government code can, rarely, also pass as a resident ID number: never publish one.
            if (!PrivacyGuard.LooksLikeResidentIdNumber(code) && _creditCodes.Add(code))
            {
                return code;
            }
        }
    }

    /// <summary>The GB 11714 check character of an eight-character organisation code.</summary>
    private static char OrganizationCodeCheck(string first8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    /// <summary>An office landline (area code, then 7 or 8 digits starting 2–8); never a mobile number.</summary>
    private string NewPhone(int city)
    {
        var area = DemoVocabulary.AreaCodes.GetValueOrDefault(city)
            ?? DemoVocabulary.AreaCodes.GetValueOrDefault((city / 100 * 100) + 1)
            ?? "0771";
        var length = area.Length == 3 || area is "0731" or "0871" or "0755" or "0757" or "0769" or "0760" or "0756" or "0411" ? 8 : 7;
        return $"{area}-{_rng.Int(2, 8)}{D(_rng.Long(0, (long)Math.Pow(10, length - 1) - 1), length - 1)}";
    }

    // ---------------------------------------------------------------- programs and pairings

    private async Task BuildProgramsAsync()
    {
        var existing = await db.Programs.AsNoTracking().ToListAsync(ct);
        var fresh = new List<AidProgram>();
        AidProgram Program(string code, string name, ProgramKind kind, int startYear, long? region, string description)
        {
            var program = existing.FirstOrDefault(p => p.Code == code);
            if (program is null)
            {
                program = AidProgram.Create(code, codeTaken: false, name, kind, description, startYear, endYear: null, region is { } lead ? _provinces.GetValueOrDefault(lead) ?? _cities[lead] : null);
                fresh.Add(program);
            }

            _programs[code] = program;
            return program;
        }

        // Real campaigns; the start year is the earliest one our sources document.
        var wqbwc = Program("WQBWC", "万企帮万村", ProgramKind.EnterpriseCampaign, 2015, null, "全国工商联、国务院扶贫办、中国光彩会2015年发起的民营企业精准扶贫行动：以村企共建为平台，组织民营企业通过产业、就业、公益和消费帮扶结对贫困村。");
        var qqfqc = Program("QQFQC", "千企扶千村", ProgramKind.EnterpriseCampaign, 2018, 450_000_000_000, "广西的“千企扶千村”精准扶贫行动：引导民营企业开展产业扶贫、就业扶贫和公益扶贫（《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》第八部分第（二）项）。");
        var bqdbc = Program("BQDBC", "百企带百村", ProgramKind.EnterpriseCampaign, 2016, 210_900_000_000, "阜新市委统战部、工商联组织的“百企带百村，同走致富路”活动（《中共阜新市委 阜新市人民政府关于全力打赢脱贫攻坚战的决定》第三部分第（七）项）。");
        var ygxz = Program("YGXZ", "粤桂扶贫协作", ProgramKind.EastWestCooperation, 1996, 450_000_000_000, "广东与广西的东西部扶贫协作：人才支持、市场对接、劳务协作和资金支持，深化贫困县携手奔小康行动（《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》第五部分第（五）项）。");
        var xsbxk = Program("XSBXK", "携手奔小康", ProgramKind.CountyPairing, 2016, null, "县与县结对帮扶：东西部扶贫协作中东部县（市、区）与西部贫困县结对，以及湖南省经济强县与贫困县对口帮扶（《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第20条）。");
        var ddfp = Program("DDFP", "定点扶贫", ProgramKind.DesignatedAssistance, 1986, null, "党政机关、国有企业和事业单位定点帮扶贫困县、贫困村，选派驻村第一书记和工作队。");
        await writer.InsertAsync(fresh, ct);

        void Join(AidProgram program, Organization organization, int year) =>
            _memberships.Add(ProgramMembership.Of(program.Id, organization.Id, year));

        foreach (var enterprise in _private)
        {
            Join(wqbwc, enterprise, Year(_rng.Int(2015, 2018)));
        }

        foreach (var organization in _social.Where(_ => _rng.Chance(0.3)))
        {
            Join(wqbwc, organization, Year(_rng.Int(2016, 2019)));
        }

        var guangxiEnterprises = _private.Concat(_stateOwned).Where(o => ProvinceOf(HomeOf(o)) == 45).ToList();
        foreach (var enterprise in guangxiEnterprises)
        {
            Join(qqfqc, enterprise, Year(_rng.Int(2018, 2019)));
        }

        foreach (var enterprise in _private.Concat(_stateOwned).Where(o => ProvinceOf(HomeOf(o)) == 21))
        {
            Join(bqdbc, enterprise, Year(_rng.Int(2016, 2017)));
        }

        var guangdong = _provincePovertyOffices.Where(p => ProvinceOf(p.Key) is 44 or 45).OrderBy(p => p.Key).Select(p => p.Value)
            .Concat(_guangdongOffices.OrderBy(o => o.Key).Select(o => o.Value))
            .Concat(_private.Where(o => ProvinceOf(HomeOf(o)) == 44));
        foreach (var organization in guangdong)
        {
            Join(ygxz, organization, Year(_rng.Int(2016, 2017)));
        }

        foreach (var organization in _stateOwned)
        {
            Join(ddfp, organization, Year(_rng.Int(2015, 2016)));
        }

        // 粤桂: Guangdong city → Guangxi city (demo pairs, plausible but not the official list).
        foreach (var (helper, helped) in DemoVocabulary.GuangdongGuangxiPairs)
        {
            if (!_guangdongOffices.TryGetValue(helper, out var office))
            {
                continue;
            }

            var helperCity = _cities[helper * 100_000_000L];
            var helpedCity = _cities[helped * 100_000_000L];
            Pair(ygxz, office, helperCity.Code, helpedCity.Code, Year(2016), _rng.Long(120, 400) * 1_000_000_00,
                $"{helperCity.Name}与{helpedCity.Name}结对开展粤桂扶贫协作：每年安排财政帮扶资金，开展劳务协作、产业合作、消费扶贫和干部人才交流；结对关系为示意。");
        }

        // 携手奔小康: the Hunan pairs of seed 000 §20, and Guangdong districts with Guangxi counties.
        foreach (var (helper, helped) in DemoVocabulary.HunanCountyPairs)
        {
            var plan = _plans.FirstOrDefault(p => p.County.Code == helped * 1_000_000L);
            if (plan is null || !_helperCountyGovernments.TryGetValue(helper, out var government))
            {
                continue;
            }

            Join(xsbxk, government, Year(2016));
            Join(xsbxk, plan.PovertyOffice, Year(2016));
            Pair(xsbxk, government, government.RegionCode, plan.County.Code, Year(2016), _rng.Long(5, 20) * 1_000_000_00,
                $"{government.Name}对口帮扶{plan.County.Name}（《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第20条）：产业合作、劳务对接、干部交流和资金支持。");
        }

        var usedDistricts = new HashSet<long>();
        foreach (var plan in _plans.Where(p => p.ProvinceNumber == 45))
        {
            var pair = DemoVocabulary.GuangdongGuangxiPairs.FirstOrDefault(p => p.Helped == plan.CityNumber);
            if (pair.Helper == 0 || !_guangdongOffices.ContainsKey(pair.Helper))
            {
                continue;
            }

            var districts = _counties.Values.Where(c => CityOf(c.Code) == pair.Helper && !usedDistricts.Contains(c.Code)).ToList();
            if (districts.Count == 0)
            {
                continue;
            }

            var district = _rng.Pick(districts);
            usedDistricts.Add(district.Code);
            Join(xsbxk, plan.PovertyOffice, Year(2017));
            Pair(xsbxk, null, district.Code, plan.County.Code, Year(2017), _rng.Long(10, 30) * 1_000_000_00,
                $"东西部扶贫协作携手奔小康：{_cities[pair.Helper * 100_000_000L].Name}{district.Name}与{plan.County.Name}结对，开展产业合作、劳务协作和消费扶贫；结对关系为示意。");
        }

        // Enterprises with villages: 百企带百村 in Liaoning, mostly 千企扶千村 in Guangxi, 万企帮万村 elsewhere.
        var joined = _memberships.ToLookup(m => m.OrganizationId);
        foreach (var enterprise in _private.Concat(_stateOwned.Where(o => ProvinceOf(HomeOf(o)) == 45)))
        {
            var province = ProvinceOf(HomeOf(enterprise));
            var local = _plans.Where(p => p.ProvinceNumber == province && p.PoorVillages.Count > 0).ToList();
            var candidates = local.Count > 0 && !(province == 44 && _rng.Chance(0.5)) ? local
                : province == 44 ? _plans.Where(p => p.ProvinceNumber == 45 && p.PoorVillages.Count > 0).ToList()
                : _plans.Where(p => p.PoorVillages.Count > 0).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var program = province == 21 ? bqdbc : province == 45 && _rng.Chance(0.7) ? qqfqc : wqbwc;
            var membership = joined[enterprise.Id].FirstOrDefault(m => m.ProgramId == program.Id);
            if (membership is null)
            {
                program = wqbwc;
                membership = joined[enterprise.Id].FirstOrDefault(m => m.ProgramId == wqbwc.Id);
                if (membership is null)
                {
                    continue;
                }
            }

            var count = _rng.Chance(0.3) ? 2 : 1;
            for (var i = 0; i < count; i++)
            {
                var plan = _rng.Pick(candidates);
                var village = _rng.Pick(plan.PoorVillages);
                var start = Math.Max(membership.JoinedYear, program.StartYear);
                var help = _rng.Pick(
                [
                    $"发展{_rng.Pick(DemoVocabulary.Crops[plan.ProvinceNumber])}产业，签订保底收购协议",
                    "吸纳贫困劳动力到企业就业，开展岗前培训",
                    "捐资改善村级道路和饮水设施",
                    "开展消费扶贫，采购村特色农产品",
                    "设立助学金资助贫困家庭学生",
                ]);
                var pairing = Pair(program, enterprise, null, village.Code, start, _rng.Long(50, 500) * 1_000_00,
                    $"{enterprise.Name}结对帮扶{plan.County.Name}{VillageName(village)}：{help}。");
                _villagePairings.Add(new VillagePairing(pairing, enterprise, plan, village));
            }
        }

        // 定点扶贫: each state-owned enterprise helps one demo county.
        var poorCounties = _plans.Where(p => p.County.PovertyStatus != PovertyStatus.NotRegistered).ToList();
        for (var i = 0; i < _stateOwned.Count && poorCounties.Count > 0; i++)
        {
            var plan = poorCounties[i % poorCounties.Count];
            var start = Year(_rng.Int(2015, 2016));
            Pair(ddfp, _stateOwned[i], null, plan.County.Code, start, _rng.Long(100, 500) * 1_000_000,
                $"{_stateOwned[i].Name}定点帮扶{plan.County.Name}：选派驻村第一书记和工作队，支持产业发展和基础设施建设。");
            _designated.Add((_stateOwned[i], plan, start));
        }

        PairOnTheGround(ddfp, xsbxk);
        await writer.InsertAsync(_memberships, ct);
        await writer.InsertAsync(_pairings, ct);
        Report($"{_programs.Count} programs, {_memberships.Count:N0} memberships, {_pairings.Count:N0} pairings");
    }

    private Pairing Pair(AidProgram program, Organization? helper, long? helperRegion, long helped, int startYear, long yearlyBudgetFen, string plan)
    {
        var pairing = Pairing.Demo(
            NextCode(() => $"{Pairing.CodePrefix}{++_nextPairing:D5}"), program, helper, helperRegion, helped, startYear, LastYear, plan + DemoVocabulary.DemoMark, yearlyBudgetFen);
        _pairings.Add(pairing);
        return pairing;
    }
}

/// <summary>An enterprise paired with a poor village (万企帮万村, 千企扶千村, 百企带百村).</summary>
internal sealed record VillagePairing(Pairing Pairing, Organization Enterprise, CountyPlan Plan, Region Village);
