namespace OpenAid.Domain.Regions;

/// <summary>
/// What a policy document says about exited places keeping their policies (脱贫不脱政策): its words, its title, and
/// the last year it names, or null when it names no end. Data per province, from the documents in shared/seeds; a
/// province whose document says nothing about places falls back to the national exit mechanism. Fuxin's 2016
/// decision §二 speaks of households only ("在一定时期内让其继续享受扶贫相关政策"), so it does not apply to places.
/// </summary>
public sealed record PolicyContinuation(string Text, string DocumentTitle, int? LastYear, IReadOnlySet<RegionLevel> Levels)
{
    /// <summary>《关于建立贫困退出机制的意见》 (2016): during the decisive period (攻坚期, to 2020) the policies stay.</summary>
    public static readonly PolicyContinuation National = new(
        "攻坚期内……原有扶贫政策保持不变", "《关于建立贫困退出机制的意见》（2016）", 2020, new HashSet<RegionLevel> { RegionLevel.Village, RegionLevel.County });

    private static readonly Dictionary<long, PolicyContinuation> ByProvince = new()
    {
        // Hunan 2016 opinions §19; "规定的期限" is not named, so no last year.
        [430_000_000_000] = new(
            "对摘帽的贫困县、出列的贫困村，在规定的期限内保持扶贫政策不变、扶贫投入不减",
            "《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》（2016）",
            null, new HashSet<RegionLevel> { RegionLevel.Village, RegionLevel.County }),

        // Guangxi 2018 opinions §七(七) 加强后续政策扶持; the 攻坚期 of the three-year action ends in 2020.
        [450_000_000_000] = new(
            "攻坚期内扶贫政策保持稳定，贫困县、贫困村退出后，相关政策保持不变",
            "《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》（2018）",
            2020, new HashSet<RegionLevel> { RegionLevel.Village, RegionLevel.County }),

        // Yunnan 2015 division of tasks, on counties only; no end named.
        [530_000_000_000] = new(
            "贫困县退出后继续保留有关优惠扶持政策",
            "《贯彻落实〈中共云南省委 云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见〉省级部门责任分工方案》（2015）",
            null, new HashSet<RegionLevel> { RegionLevel.County }),
    };

    /// <summary>The continuation an exited village or county keeps; null unless the place has exited.</summary>
    public static PolicyContinuation? For(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.PovertyStatus != PovertyStatus.Exited || region.Level is not (RegionLevel.Village or RegionLevel.County))
        {
            return null;
        }

        var province = region.Code / 10_000_000_000 * 10_000_000_000;
        return ByProvince.TryGetValue(province, out var own) && own.Levels.Contains(region.Level) ? own : National;
    }

    /// <summary>Whether the policies still hold in <paramref name="year"/>: always when the document names no end.</summary>
    public bool HoldsIn(int year) => LastYear is not { } last || year <= last;
}
