using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Regions;

/// <summary>
/// The real exit rules (出列 / 摘帽 标准) of the five seed provinces, from the policy documents in
/// shared/seeds, each cited by its title: poverty incidence at most 2% (3% in the western provinces Guangxi and Yunnan, as the
/// national exit mechanism allows), plus the village collective income Hunan and Guangxi demand.
/// </summary>
public static class ExitCriteriaSeed
{
    private const string WestRule = "西部地区贫困发生率3%以内";

    public static IReadOnlyList<ExitCriterion> Create() =>
    [
        // Liaoning: seed 001 (阜新, 2016) applies the national incidence rule.
        Village(21, 2016, 200, null, "《中共阜新市委 阜新市人民政府关于全力打赢脱贫攻坚战的决定》（2016）：贫困村贫困发生率2%以内"),
        County(21, 2016, 200, "《中共阜新市委 阜新市人民政府关于全力打赢脱贫攻坚战的决定》（2016）：贫困县贫困发生率2%以内"),

        // Hunan: seed 000 §2 (2016).
        Village(43, 2016, 200, 4_000_000, "《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第2条（2016）：贫困村贫困发生率控制在2%以内，村集体经济收入达到4万元以上"),
        County(43, 2016, 200, "《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》第2条（2016）：贫困县贫困发生率控制在2%以内"),

        // Guangdong: seed 003 (连州, 2013); the province set no collective-income floor for exit.
        Village(44, 2013, 200, null, "《连州市新一轮扶贫开发“规划到户、责任到人”帮扶工作实施方案》（2013）：贫困村贫困发生率2%以内"),
        County(44, 2013, 200, "《连州市新一轮扶贫开发“规划到户、责任到人”帮扶工作实施方案》（2013）：贫困发生率2%以内"),

        // Guangxi: seed 004 (2018) — ¥50,000 collective income by 2020; western 3%.
        Village(45, 2018, 300, 5_000_000, $"《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》（2018）：贫困村集体经济收入达到5万元以上；{WestRule}"),
        County(45, 2018, 300, $"《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》（2018）：{WestRule}"),

        // Yunnan: seed 002 (2015); western 3%.
        Village(53, 2015, 300, null, $"《贯彻落实〈中共云南省委 云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见〉省级部门责任分工方案》（2015）：{WestRule}"),
        County(53, 2015, 300, $"《贯彻落实〈中共云南省委 云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见〉省级部门责任分工方案》（2015）：{WestRule}"),
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

    private static ExitCriterion Village(int province, int fromYear, int maxBasisPoints, long? minIncomeFen, string source) => new()
    {
        ProvinceCode = province * 10_000_000_000L,
        Level = RegionLevel.Village,
        FromYear = fromYear,
        MaxPovertyIncidenceBasisPoints = maxBasisPoints,
        MinCollectiveIncomeFen = minIncomeFen,
        Source = source,
    };

    private static ExitCriterion County(int province, int fromYear, int maxBasisPoints, string source) => new()
    {
        ProvinceCode = province * 10_000_000_000L,
        Level = RegionLevel.County,
        FromYear = fromYear,
        MaxPovertyIncidenceBasisPoints = maxBasisPoints,
        Source = source,
    };
}
