using System.Globalization;
using System.Text;
using OpenAid.Domain.Assets;
using OpenAid.Domain.Entitlements;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// Assets left by accepted village projects (photovoltaic stations and enterprise shares of asset-income projects,
/// workshops and greenhouses of some industry projects) with their income for each past year in use; and each demo
/// province's yearly standards of 雨露计划, 危房改造 (by grade) and 低保 with a POLICY notice. The documents named are
/// those that require the policies (cited by title); the figures are demonstration values. Drawn from a random
/// sequence of their own, after everything else, so that the rest of the demo data stays as it was.
/// </summary>
internal sealed partial class DemoBuilder
{
    /// <summary>The documents of the demo provinces that require these policies, by province code; others get a demo title.</summary>
    private static readonly Dictionary<long, string> PolicyDocuments = new()
    {
        [430_000_000_000] = "《中共湖南省委 湖南省人民政府关于贯彻落实〈中共中央 国务院关于打赢脱贫攻坚战的决定〉的实施意见》",
        [530_000_000_000] = "《贯彻落实〈中共云南省委 云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见〉省级部门责任分工方案》",
        [450_000_000_000] = "《中共广西壮族自治区委员会 广西壮族自治区人民政府关于打赢脱贫攻坚战三年行动的实施意见》",
    };

    private readonly Dictionary<(long Province, int Year), NoticePlan> _policyNotices = [];

    /// <summary>A POLICY notice per demo province and year, published in February; numbered with the other notices.</summary>
    private void PolicyNotices()
    {
        foreach (var province in _provinces.Values.OrderBy(p => p.Code))
        {
            var publisher = _provincePovertyOffices[province.Code];
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var published = new DateOnly(year, 2, 20);
                while (!PublicHolidays.Calendar.IsWorkingDay(published))
                {
                    published = published.AddDays(1);
                }

                if (published > AsOf)
                {
                    continue;
                }

                var phone = _phones[publisher];
                var content = new StringBuilder();
                content.Append(CultureInfo.InvariantCulture, $"根据{DocumentFor(province)}，现将{province.Name}{year}年度雨露计划、农村危房改造和农村最低生活保障等扶贫惠民政策的补助标准公告如下，各地按标准落实到位：\n");
                content.Append("一、雨露计划：贫困家庭子女接受中、高等职业教育的，按每生每年标准给予补助。\n");
                content.Append("二、农村危房改造：按危房等级分类补助，C级危房修缮加固，D级危房拆除重建。\n");
                content.Append("三、农村低保：按每人每月标准保障，做到应保尽保。\n");
                var notice = Notice.Draft(
                    "", NoticeKind.Policy, province, publisher.Id,
                    new NoticeText($"关于公布{year}年扶贫惠民政策补助标准的公告", content + Footer(publisher, phone, published, null), published.AddDays(-3), null, phone), published, [], []);
                notice.MarkAsDemo();
                var plan = new NoticePlan(notice, province.Code, publisher, content.ToString(), [], [], published, _notices.Count);
                _notices.Add(plan);
                _policyNotices[(province.Code, year)] = plan;
            }
        }
    }

    private static string DocumentFor(Region province) =>
        PolicyDocuments.GetValueOrDefault(province.Code) ?? $"《{province.Name}扶贫惠民政策补助标准》{DemoVocabulary.DemoMark}";

    private async Task BuildAssetsAsync()
    {
        var rng = new DemoRandom(unchecked((options.Seed * 31) + 9));
        var assets = new List<Asset>();
        var incomes = new List<AssetIncome>();
        foreach (var plan in _projects.Where(p => p.Village is not null && p.Project is { Status: ProjectStatus.Accepted or ProjectStatus.Closed, ActualEnd: not null })
                     .OrderBy(p => p.Project.Code, StringComparer.Ordinal))
        {
            var project = plan.Project;
            AssetKind? kind = project.Category switch
            {
                ProjectCategory.AssetIncome when rng.Chance(0.8) => rng.Chance(0.65) ? AssetKind.PhotovoltaicStation : AssetKind.EnterpriseShares,
                ProjectCategory.Industry when rng.Chance(0.2) => rng.Chance(0.5) ? AssetKind.Workshop : AssetKind.Greenhouse,
                _ => null,
            };
            if (kind is not { } k)
            {
                continue;
            }

            var inUse = Min(project.ActualEnd!.Value.AddDays(rng.Int(1, 30)), AsOf);
            var shares = Math.Max(1, project.BeneficiaryHouseholds > 0 ? project.BeneficiaryHouseholds : rng.Int(20, 120));
            var value = Math.Max(100_000, project.BudgetFen * rng.Int(60, 95) / 100);
            var asset = Asset.Register(
                NextSequenced(Asset.CodeKind, plan.Village!.Code, inUse.Year), project, plan.Village, AssetName(k, plan.Village, value, rng), k, value, shares, inUse, AsOf);
            asset.MarkAsDemo();
            assets.Add(asset);
        }

        await writer.InsertAsync(assets, ct);
        foreach (var asset in assets)
        {
            // Yields differ by kind: a station sells power every year, shares pay dividends, lettings pay rent.
            var (low, high) = asset.Kind switch
            {
                AssetKind.PhotovoltaicStation => (8, 12),
                AssetKind.EnterpriseShares => (5, 8),
                _ => (4, 7),
            };
            for (var year = asset.InUseSince.Year; year < AsOf.Year; year++)
            {
                var amount = asset.ValueFen * rng.Int(low * 10, high * 10) / 1000;
                var collective = amount * rng.Int(25, 35) / 100;
                var households = amount * rng.Int(40, 50) / 100;
                var jobs = rng.Chance(0.7) ? amount * rng.Int(5, 12) / 100 : 0;
                var income = AssetIncome.Record(
                    asset, year, amount, collective, households, asset.ShareHouseholds, jobs, jobs == 0 ? 0 : rng.Int(2, 12), recorded: null, AsOf);
                incomes.Add(income);
            }
        }

        await writer.InsertAsync(incomes, ct);
        var entitlements = Entitlements(rng);
        await writer.InsertAsync(entitlements, ct);
        Report($"{assets.Count:N0} assets, {incomes.Count:N0} yearly incomes, {entitlements.Count:N0} entitlement standards");
    }

    private static string AssetName(AssetKind kind, Region village, long valueFen, DemoRandom rng) => kind switch
    {
        AssetKind.PhotovoltaicStation => $"{village.Name}村级光伏电站（{Math.Max(30, valueFen / 500_000 / 10 * 10)}千瓦）",
        AssetKind.EnterpriseShares => $"{village.Name}入股{rng.Pick(["种养专业合作社", "农业产业化龙头企业", "茶叶加工厂"])}的股份",
        AssetKind.Workshop => $"{village.Name}扶贫车间",
        _ => $"{village.Name}蔬菜大棚（{rng.Int(10, 40)}个）",
    };

    /// <summary>Each province's standards for each year (rising a little year by year), with that year's POLICY notice.</summary>
    private List<Entitlement> Entitlements(DemoRandom rng)
    {
        var rows = new List<Entitlement>();
        foreach (var province in _provinces.Values.OrderBy(p => p.Code))
        {
            var minimum = rng.Int(240, 300) * 100L;
            for (var year = FirstYear; year <= Math.Min(LastYear, AsOf.Year); year++)
            {
                var notice = _policyNotices.GetValueOrDefault((province.Code, year))?.Notice;
                var document = DocumentFor(province);
                Entitlement Row(EntitlementProgram program, string? grade, long standardFen, EntitlementUnit unit, int recipients)
                {
                    var row = Entitlement.Record(
                        NextSequenced(Entitlement.CodeKind, province.Code, year), province, year, program, grade, standardFen, unit, document, null, recipients,
                        notice, taken: false, AsOf);
                    row.MarkAsDemo();
                    return row;
                }

                rows.Add(Row(EntitlementProgram.RainDewPlan, null, 300_000, EntitlementUnit.PerStudentPerYear, rng.Int(20_000, 90_000)));
                rows.Add(Row(EntitlementProgram.HousingRenovation, "C级危房（修缮加固）", rng.Int(70, 90) * 10_000L, EntitlementUnit.PerDwelling, rng.Int(5_000, 30_000)));
                rows.Add(Row(EntitlementProgram.HousingRenovation, "D级危房（拆除重建）", rng.Int(180, 250) * 10_000L, EntitlementUnit.PerDwelling, rng.Int(8_000, 50_000)));
                rows.Add(Row(EntitlementProgram.MinimumLivingAllowance, null, minimum, EntitlementUnit.PerPersonPerMonth, rng.Int(400_000, 1_500_000)));
                minimum += rng.Int(10, 40) * 100L;
            }
        }

        return rows;
    }
}
