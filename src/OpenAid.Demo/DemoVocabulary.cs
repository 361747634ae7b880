using OpenAid.Domain.Projects;

namespace OpenAid.Demo;

/// <summary>
/// Words the demo generator builds names and texts from. Enterprise and organisation names are invented
/// (no real company is named); places are real, everything said about them is demo data.
/// </summary>
internal static class DemoVocabulary
{
    public const string DemoMark = "（演示数据）";

    /// <summary>Two-digit province code → document abbreviation (桂财农, 湘财农 …) and the province's "level" word.</summary>
    public static readonly Dictionary<int, (string Abbreviation, string LevelWord, string ShortName)> Provinces = new()
    {
        [21] = ("辽", "省级", "辽宁"),
        [43] = ("湘", "省级", "湖南"),
        [44] = ("粤", "省级", "广东"),
        [45] = ("桂", "自治区级", "广西"),
        [53] = ("云", "省级", "云南"),
    };

    /// <summary>
    /// Demo county selection per province: how many at scale 1, the cities to take them from first, and
    /// counties that must be in (the Hunan 携手奔小康 counties of seed 000 §20, Fuxin of seed 001, Lianzhou of seed 003).
    /// </summary>
    public static readonly (int Province, int Count, int[] PreferredCities, int[] Required)[] CountyPlans =
    [
        (45, 20, [4510, 4512, 4514, 4513, 4511, 4503, 4507], []),
        (43, 16, [4331, 4312, 4305, 4313, 4308, 4311, 4302], [431222, 430523, 431322, 430225]),
        (53, 8, [5333, 5306, 5326, 5325, 5334], []),
        (21, 3, [2109, 2113], [210921, 210922]),
        (44, 3, [4418], [441882]),
    ];

    /// <summary>Cities of the contiguous destitute areas (集中连片特困地区) the demo counties fall in.</summary>
    public static readonly HashSet<int> ContiguousAreaCities = [4510, 4512, 4514, 4331, 4312, 4305, 4313, 4308, 4302, 5333, 5306, 5326, 5325, 5334];

    /// <summary>Hunan's 携手奔小康 pairs named in seed 000 §20: 长沙县→沅陵县, 浏阳市→邵阳县, 宁乡县 (now 宁乡市)→新化县, 醴陵市→炎陵县.</summary>
    public static readonly (int Helper, int Helped)[] HunanCountyPairs = [(430121, 431222), (430181, 430523), (430182, 431322), (430281, 430225)];

    /// <summary>Guangdong city → Guangxi city pairs under 粤桂扶贫协作 (demo: plausible, not the official list).</summary>
    public static readonly (int Helper, int Helped)[] GuangdongGuangxiPairs = [(4401, 4510), (4403, 4512), (4406, 4514), (4419, 4513), (4420, 4511)];

    /// <summary>Long-distance area codes (长途区号) by four-digit city code, for office landlines.</summary>
    public static readonly Dictionary<int, string> AreaCodes = new()
    {
        [2101] = "024", [2102] = "0411", [2103] = "0412", [2104] = "024", [2105] = "024", [2106] = "0415", [2107] = "0416",
        [2108] = "0417", [2109] = "0418", [2110] = "0419", [2111] = "0427", [2112] = "024", [2113] = "0421", [2114] = "0429",
        [4301] = "0731", [4302] = "0731", [4303] = "0731", [4304] = "0734", [4305] = "0739", [4306] = "0730", [4307] = "0736",
        [4308] = "0744", [4309] = "0737", [4310] = "0735", [4311] = "0746", [4312] = "0745", [4313] = "0738", [4331] = "0743",
        [4401] = "020", [4402] = "0751", [4403] = "0755", [4404] = "0756", [4405] = "0754", [4406] = "0757", [4407] = "0750",
        [4408] = "0759", [4409] = "0668", [4412] = "0758", [4413] = "0752", [4414] = "0753", [4415] = "0660", [4416] = "0762",
        [4417] = "0662", [4418] = "0763", [4419] = "0769", [4420] = "0760", [4451] = "0768", [4452] = "0663", [4453] = "0766",
        [4501] = "0771", [4502] = "0772", [4503] = "0773", [4504] = "0774", [4505] = "0779", [4506] = "0770", [4507] = "0777",
        [4508] = "0775", [4509] = "0775", [4510] = "0776", [4511] = "0774", [4512] = "0778", [4513] = "0772", [4514] = "0771",
        [5301] = "0871", [5303] = "0874", [5304] = "0877", [5305] = "0875", [5306] = "0870", [5307] = "0888", [5308] = "0879",
        [5309] = "0883", [5323] = "0878", [5325] = "0873", [5326] = "0876", [5328] = "0691", [5329] = "0872", [5331] = "0692",
        [5333] = "0886", [5334] = "0887",
    };

    public static readonly Dictionary<int, string[]> Crops = new()
    {
        [21] = ["设施蔬菜", "花生", "小米", "食用菌", "寒富苹果"],
        [43] = ["油茶", "黄桃", "猕猴桃", "茶叶", "柑橘", "中药材", "黄精"],
        [44] = ["水晶梨", "茶叶", "有机蔬菜", "沙糖桔", "油茶"],
        [45] = ["砂糖橘", "百香果", "芒果", "火龙果", "桑蚕", "油茶", "茶叶", "八角", "沃柑"],
        [53] = ["核桃", "咖啡", "花椒", "中药材", "茶叶", "草果", "澳洲坚果"],
    };

    public static readonly Dictionary<int, string[]> Livestock = new()
    {
        [21] = ["肉牛", "生猪", "绒山羊", "肉鸡"],
        [43] = ["生猪", "湘西黄牛", "山羊", "土鸡", "中蜂"],
        [44] = ["生猪", "肉鸡", "鸭", "中蜂"],
        [45] = ["肉牛", "生猪", "山羊", "土鸡", "中蜂", "香猪"],
        [53] = ["肉牛", "生猪", "山羊", "中蜂", "乌骨鸡"],
    };

    /// <summary>Invented trade names (字号).</summary>
    public static readonly string[] Brands =
    [
        "丰源", "绿谷", "嘉禾", "恒信", "瑞丰", "金穗", "华农", "山水", "万家", "百顺", "和美", "兴农", "益民", "众联", "长青",
        "永盛", "福康", "新禾", "润土", "青山", "远航", "宏图", "鼎盛", "惠农", "聚力", "安泰", "鸿运", "富民", "春晖", "鑫达",
        "天成", "汇通", "德润", "祥和", "锦程", "农丰", "百川", "康源", "盛邦", "云岭", "湘禾", "桂润", "北辰", "南粤", "兴邦",
    ];

    public static readonly (string Industry, string Business)[] PrivateIndustries =
    [
        ("农业科技", "特色种植技术推广和农产品收购"), ("生态农业", "生态种养和农产品加工"), ("食品", "农副产品加工和销售"),
        ("茶业", "茶叶种植、加工和销售"), ("果业", "水果种植、冷链和销售"), ("畜牧", "畜禽养殖和屠宰加工"),
        ("电子商务", "农产品网络销售"), ("建筑工程", "农村基础设施施工"), ("物流", "农村物流和冷链运输"),
        ("旅游开发", "乡村旅游开发和运营"), ("中药材", "中药材种植和初加工"), ("林业", "林下经济和木材加工"),
        ("服装", "服装加工（扶贫车间）"), ("电子", "电子元件加工（扶贫车间）"), ("新能源", "分布式光伏电站建设和运维"),
    ];

    public static readonly (string Industry, string Business)[] StateOwnedIndustries =
    [
        ("投资集团", "基础设施和产业投资"), ("交通投资集团", "交通基础设施建设"), ("农垦集团", "农业种植和农产品加工"),
        ("能源集团", "电力和清洁能源"), ("水利投资集团", "水利工程建设和运营"), ("供销集团", "农资供应和农产品流通"),
        ("建设集团", "工程建设"), ("林业集团", "林业经营和木材加工"),
    ];

    public static readonly string[] CancellationReasons =
    [
        "经村民代表大会讨论，建设选址与村庄规划冲突，项目取消，资金按规定收回统筹使用。",
        "地质灾害危险性评估未通过，项目取消。",
        "与易地扶贫搬迁安置规划重叠，项目取消，资金调整至其他项目。",
        "上级资金计划调整，项目取消，已纳入下一年度项目库重新论证。",
        "项目实施主体合作社解散，项目取消，资金按规定收回。",
        "群众意见较大，经乡镇审核、县级复核后项目取消。",
    ];

    public static readonly string[] CorrectionReasons =
    [
        "原公告中部分项目资金金额录入有误，现予更正。",
        "原公告遗漏部分受益村，现补充更正。",
        "原公告建设内容表述不准确，现予更正。",
        "原公告实施单位名称有误，现予更正。",
        "原公告公示期起止日期有误，现予更正。",
    ];

    public static readonly string[] PledgeWithdrawalReasons =
    [
        "企业认捐协议未能签订，认捐公示撤回，待协议签订后重新公示。",
        "认捐物资规格与村需求不符，经协商撤回认捐，本公示撤回。",
    ];

    /// <summary>Project templates: {v} village, {c} county, {t} township, {crop}, {animal}.</summary>
    public static readonly ProjectTemplate[] ProjectTemplates =
    [
        new(ProjectCategory.Industry, true, "{v}{crop}种植基地建设项目", "新建{crop}种植基地，配套水肥一体化设施，采取“合作社+贫困户”模式带动贫困户发展产业"),
        new(ProjectCategory.Industry, true, "{v}{animal}养殖项目", "建设标准化{animal}养殖圈舍，统一购置种苗、统一防疫，贫困户以资金入股合作社按年分红"),
        new(ProjectCategory.Industry, true, "{v}{crop}产业扶持项目", "对发展{crop}产业的贫困户按种植面积给予种苗和肥料奖补，组织技术培训"),
        new(ProjectCategory.Industry, false, "{c}{crop}产业提质增效项目", "在全县贫困村推广{crop}标准化种植技术，建设初加工和分拣设施"),
        new(ProjectCategory.Infrastructure, true, "{v}村屯道路硬化项目", "硬化村屯道路，路面宽3.5米，配套排水沟和错车道"),
        new(ProjectCategory.Infrastructure, true, "{v}饮水安全巩固提升工程", "新建蓄水池和净化设施，铺设供水管网，解决贫困户饮水安全问题"),
        new(ProjectCategory.Infrastructure, true, "{v}农田水利灌溉渠道修缮项目", "修缮灌溉渠道，新建拦水坝和分水闸，改善农田灌溉条件"),
        new(ProjectCategory.Infrastructure, true, "{v}村级公共服务中心建设项目", "新建村级公共服务中心一座，含便民服务室、文化活动室和农家书屋"),
        new(ProjectCategory.Infrastructure, false, "{c}贫困村屯级道路建设项目", "实施贫困村屯级道路硬化，打通贫困村出行“最后一公里”"),
        new(ProjectCategory.Relocation, false, "{c}{t}易地扶贫搬迁安置点配套设施建设项目", "建设安置点道路、供排水、幼儿园和社区服务中心等配套设施"),
        new(ProjectCategory.Education, false, "{c}建档立卡贫困家庭学生教育资助项目", "对建档立卡贫困家庭在校学生发放生活补助，落实“两免一补”"),
        new(ProjectCategory.Education, false, "{c}雨露计划职业教育补助项目", "对就读中高职的贫困家庭学生给予每生每学期1500元补助"),
        new(ProjectCategory.Education, true, "{v}小学校舍维修改造项目", "维修改造村小学教学楼和学生宿舍，配套饮水和厕所设施"),
        new(ProjectCategory.Health, false, "{c}贫困人口基本医疗保险参保资助项目", "全额或部分资助建档立卡贫困人口参加城乡居民基本医疗保险"),
        new(ProjectCategory.Health, true, "{v}卫生室标准化建设项目", "按标准新建村卫生室，配备基本诊疗设备"),
        new(ProjectCategory.Ecology, false, "{c}生态护林员补助项目", "从建档立卡贫困人口中选聘生态护林员，按年发放管护补助"),
        new(ProjectCategory.Ecology, true, "{v}生态公益林管护项目", "开展公益林管护和补植补造，聘用贫困劳动力参与管护"),
        new(ProjectCategory.Employment, false, "{c}贫困劳动力职业技能培训项目", "开展电工、焊工、家政、电商等技能培训，组织劳务输出"),
        new(ProjectCategory.Employment, true, "{v}扶贫车间建设项目", "建设扶贫车间厂房，引进来料加工企业，吸纳贫困劳动力就近就业"),
        new(ProjectCategory.SocialSafetyNet, false, "{c}特困人员兜底保障补助项目", "对无劳动能力的贫困人口落实兜底保障，按月发放补助"),
        new(ProjectCategory.Housing, true, "{v}农村危房改造项目", "对建档立卡贫困户等重点对象的C级、D级危房进行维修加固或拆除重建"),
        new(ProjectCategory.AssetIncome, true, "{v}村级光伏扶贫电站建设项目", "建设村级光伏扶贫电站，发电收益归村集体，用于公益岗位和贫困户增收"),
        new(ProjectCategory.AssetIncome, true, "{v}村集体经济入股分红项目", "以财政扶贫资金入股龙头企业，按年获得固定收益，壮大村集体经济"),
        new(ProjectCategory.ConsumptionAid, false, "{c}消费扶贫产品展销中心建设项目", "建设消费扶贫产品展销中心，组织扶贫产品认定和线上线下销售"),
        new(ProjectCategory.ConsumptionAid, true, "{v}农产品冷链仓储设施建设项目", "建设冷库和分拣车间，解决农产品储存和外销问题"),
    ];

    public static string CategoryName(ProjectCategory category) => category switch
    {
        ProjectCategory.Industry => "产业扶贫",
        ProjectCategory.Infrastructure => "基础设施",
        ProjectCategory.Relocation => "易地扶贫搬迁",
        ProjectCategory.Education => "教育扶贫",
        ProjectCategory.Health => "健康扶贫",
        ProjectCategory.Ecology => "生态扶贫",
        ProjectCategory.Employment => "就业扶贫",
        ProjectCategory.SocialSafetyNet => "兜底保障",
        ProjectCategory.Housing => "危房改造",
        ProjectCategory.AssetIncome => "资产收益扶贫",
        _ => "消费扶贫",
    };
}

internal sealed record ProjectTemplate(ProjectCategory Category, bool VillageLevel, string Name, string Content);
