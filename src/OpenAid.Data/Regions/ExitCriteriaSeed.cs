using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Regions;

/// <summary>
/// The real exit rules (出列 / 摘帽 标准) of the five provinces OpenAid holds, each threshold citing the document that
/// states it by its title and section. Where a document gives no figure the national standard applies and is cited as
/// the national standard: poverty incidence at most 2%, 3% in the western provinces Guangxi and Yunnan.
/// </summary>
public static class ExitCriteriaSeed
{
    /// <summary>The national exit mechanism, cited as the national standard, never as a province's.</summary>
    public const string NationalStandard = "国家标准（《关于建立贫困退出机制的意见》）";

    private const string National = NationalStandard + "：贫困发生率降至2%以下";
    private const string NationalWest = NationalStandard + "：贫困发生率降至2%以下（西部地区降至3%以下）";

    private const string Hunan = "《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第2条（2016）";
    private const string Lianzhou = "《连州市新一轮扶贫开发“规划到户、责任到人”帮扶工作实施方案》一（二）（2013）";
    private const string Guangxi = "《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》五（三）（2018）";

    public static IReadOnlyList<ExitCriterion> Create() =>
    [
        // Liaoning: the Fuxin decision (2016) gives no exit figure, so the national standard applies.
        Rule(21, RegionLevel.Village, 2016, 200, National, National),
        Rule(21, RegionLevel.County, 2016, 200, National, National),

        // Hunan 2016 opinions §2: villages ≤ 2%, collective income ≥ ¥40,000, infrastructure and public services solved;
        // counties ≤ 2% county-wide and rural per-capita income ≥ ¥8,000 in 2017, ≥ ¥10,000 in 2020.
        Rule(43, RegionLevel.Village, 2016, 200, $"{Hunan}：贫困村贫困发生率控制在2%以内", $"{Hunan}：村集体经济收入达到4万元以上，基础设施和基本公共服务主要领域突出问题得到有效解决", minCollectiveFen: 4_000_000, infrastructure: true),
        Rule(43, RegionLevel.County, 2016, 200, $"{Hunan}：贫困县贫困发生率控制在2%以内", $"{Hunan}：农村居民人均可支配收入2017年达到8000元以上", minRuralFen: 800_000, minRuralFrom: 2017),
        Rule(43, RegionLevel.County, 2020, 200, $"{Hunan}：贫困县贫困发生率控制在2%以内", $"{Hunan}：农村居民人均可支配收入2020年达到10000元以上", minRuralFen: 1_000_000),

        // Guangdong, Lianzhou 2013 plan §一(二): relative to the province; the plan states no incidence, so the national one applies.
        Rule(44, RegionLevel.Village, 2013, 200, National, $"{Lianzhou}：重点村人均收入达到全省农村居民人均可支配收入60%以上，帮扶户达到45%以上，村集体经济收入5万元以上", minCollectiveFen: 5_000_000, villageShare: 6_000, helpedShare: 4_500),
        Rule(44, RegionLevel.County, 2013, 200, National, National),

        // Guangxi 2018 opinions §五(三): collective income ≥ ¥50,000 by 2020, not earlier; western incidence from the national standard.
        Rule(45, RegionLevel.Village, 2018, 300, NationalWest, $"{Guangxi}：2020年每个贫困村村集体经济收入达到5万元以上", minCollectiveFen: 5_000_000, minCollectiveFrom: 2020),
        Rule(45, RegionLevel.County, 2018, 300, NationalWest, NationalWest),

        // Yunnan: the 2015 division of responsibilities gives no exit figure; the national western standard applies.
        Rule(53, RegionLevel.Village, 2015, 300, NationalWest, NationalWest),
        Rule(53, RegionLevel.County, 2015, 300, NationalWest, NationalWest),
    ];

    /// <summary>Adds the rules when the table is empty, each with its create entry under the seed's actor; returns how many were added.</summary>
    public static async Task<int> SeedAsync(OpenAidDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ExitCriteria.AnyAsync(ct))
        {
            return 0;
        }

        var rows = Create();
        var writer = BulkWriter.For(db, AuditActor.SystemSeed);
        await DataWrites.InTransactionAsync(db, async () =>
        {
            await writer.InsertAsync(rows, ct);
            return true;
        }, ct);
        return rows.Count;
    }

    private static ExitCriterion Rule(
        int province, RegionLevel level, int fromYear, int maxBasisPoints, string incidenceSource, string source,
        long? minCollectiveFen = null, int? minCollectiveFrom = null, long? minRuralFen = null, int? minRuralFrom = null,
        int? villageShare = null, int? helpedShare = null, bool infrastructure = false) => new()
    {
        ProvinceCode = province * 10_000_000_000L,
        Level = level,
        FromYear = fromYear,
        MaxPovertyIncidenceBasisPoints = maxBasisPoints,
        IncidenceSource = incidenceSource,
        MinCollectiveIncomeFen = minCollectiveFen,
        MinCollectiveIncomeFromYear = minCollectiveFrom,
        MinRuralIncomeFen = minRuralFen,
        MinRuralIncomeFromYear = minRuralFrom,
        MinVillageIncomeShareBasisPoints = villageShare,
        MinHelpedHouseholdIncomeShareBasisPoints = helpedShare,
        RequiresInfrastructureSolved = infrastructure,
        Source = source,
    };
}
