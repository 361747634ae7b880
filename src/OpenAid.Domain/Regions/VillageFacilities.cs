using System.ComponentModel;
using OpenAid.Domain.Common;

namespace OpenAid.Domain.Regions;

/// <summary>
/// An item of a village's infrastructure and public-service checklist. The items and which of them are main follow the
/// documents: Hunan 2016 opinions §2 make "基础设施和基本公共服务主要领域突出问题得到有效解决" an exit criterion of a poor
/// village and name, across §3–§16, 通村路, 农村饮水安全, 光纤网络和4G网络, 标准化村卫生室, 基层综合文化服务中心, 村小学和教学点
/// and 广播村村响; Guangxi 2018 opinions §二 list for every poor village 通硬化路, 通动力电, 通光纤或4G网络, 饮水安全 and
/// 义务教育 without drop-outs, §四 a 村卫生室 with a village doctor, and §五 客车到村.
/// </summary>
[Description("An item of a village's infrastructure and public-service checklist (基础设施和基本公共服务).")]
public enum VillageFacility
{
    [Description("A hardened road to the village (通硬化路 / 通村路). Main item.")]
    HardenedRoad = 0,
    [Description("Grid power for production, not only lighting (通动力电). Main item.")]
    Power = 1,
    [Description("Safe drinking water (饮水安全). Main item.")]
    SafeWater = 2,
    [Description("Broadband by fibre, or 4G coverage (通光纤或4G网络). Main item.")]
    Broadband = 3,
    [Description("A standard village clinic with a village doctor (标准化村卫生室). Main item.")]
    Clinic = 4,
    [Description("A culture room or community culture centre (综合文化服务中心 / 文化室). Main item.")]
    CultureRoom = 5,
    [Description("Compulsory schooling within reach: a village school, teaching point or boarding school (村小学和教学点). Main item.")]
    SchoolAccess = 6,
    [Description("A bus service to the village (班车通村 / 客车到村).")]
    BusService = 7,
    [Description("Rural broadcasting reaches the village (广播村村响).")]
    Broadcasting = 8,
}

/// <summary>
/// A village's checklist of facts about its infrastructure and public services for one year: each
/// <see cref="VillageFacility"/> present or not. A correction replaces the year's checklist; the audit trail keeps
/// what it was before.
/// </summary>
public class VillageFacilities
{
    /// <summary>The items whose absence is a "main problem" (主要领域突出问题) of the Hunan criterion; see <see cref="VillageFacility"/>.</summary>
    public static readonly IReadOnlyList<VillageFacility> MainItems =
    [
        VillageFacility.HardenedRoad, VillageFacility.Power, VillageFacility.SafeWater, VillageFacility.Broadband,
        VillageFacility.Clinic, VillageFacility.CultureRoom, VillageFacility.SchoolAccess,
    ];

    public static readonly IReadOnlyList<VillageFacility> AllItems = Enum.GetValues<VillageFacility>();

    private VillageFacilities()
    {
    }

    public long RegionCode { get; private set; }

    public int Year { get; private set; }

    /// <summary>The items present, one bit per <see cref="VillageFacility"/> value (stored as one column).</summary>
    public int PresentMask { get; private set; }

    public bool IsDemo { get; private set; }

    public bool Has(VillageFacility item) => (PresentMask & Bit(item)) != 0;

    public IReadOnlyList<VillageFacility> Present => [.. AllItems.Where(Has)];

    /// <summary>
    /// Whether the main infrastructure and public-service problems are solved in the year (Hunan 2016 opinions §2):
    /// every main item is present.
    /// </summary>
    public bool MainProblemsSolved => MainItems.All(Has);

    /// <summary>A village's first checklist for <paramref name="year"/>, which has begun by <paramref name="today"/>.</summary>
    public static VillageFacilities Record(Region village, int year, IEnumerable<VillageFacility> present, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(Errors.NotAVillage, $"{village.Name} is a {village.Level.ToString().ToLowerInvariant()}; the checklist of infrastructure and public services is recorded per village.", "region", ("regionName", village.Name), ("level", village.Level));
        }

        var facilities = new VillageFacilities { RegionCode = village.Code, Year = RegionYears.Reported(year, today) };
        facilities.Correct(present);
        return facilities;
    }

    /// <summary>Replaces the year's checklist: the items given are present, every other item is not.</summary>
    public void Correct(IEnumerable<VillageFacility> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        var mask = 0;
        foreach (var item in present)
        {
            // The API's enum admits only defined items; anything else is a caller's bug, not a user's input.
            ArgumentOutOfRangeException.ThrowIfGreaterThan((int)item, (int)AllItems[^1], nameof(present));
            ArgumentOutOfRangeException.ThrowIfNegative((int)item, nameof(present));
            mask |= Bit(item);
        }

        PresentMask = mask;
        IsDemo = false;
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    private static int Bit(VillageFacility item) => 1 << (int)item;
}
