using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

internal sealed partial class DemoBuilder
{
    private readonly List<NoticePlan> _notices = [];
    private readonly Dictionary<long, Region> _places = [];
    private int _noticeCount;
    private int _noticeLinkCount;

    /// <summary>
    /// Notices of every kind, with what the national guidance asks of each: funds (name, source, amount, use,
    /// allocation), projects (name, place, content, period, implementing unit and responsible role, fund
    /// structure, targets), pledges and exits. Dates are counted on the real holiday calendar; some are late,
    /// some corrected by a superseding notice, some withdrawn.
    /// </summary>
    private async Task BuildNoticesAsync()
    {
        _takenCodes.UnionWith(await db.Notices.Select(n => n.Code).ToListAsync(ct));

        foreach (var fund in _funds.OrderBy(f => f.Fund.Code, StringComparer.Ordinal))
        {
            if (_rng.Chance(0.6))
            {
                FundNotice(fund);
            }
        }

        var accepted = new List<(ProjectPlan Project, DateOnly End)>();
        foreach (var project in _projects.OrderBy(p => p.Project.Code, StringComparer.Ordinal))
        {
            if (project.ApprovedOn is not null && _rng.Chance(0.55))
            {
                ProjectNotice(project);
            }

            if (project.Project is { Status: ProjectStatus.Accepted or ProjectStatus.Closed, ActualEnd: { } end })
            {
                if (_rng.Chance(0.2))
                {
                    AcceptanceNotice(project, end);
                }
                else if (project.Village is not null && project.Project.Status == ProjectStatus.Accepted)
                {
                    accepted.Add((project, end));
                }
            }
        }

        // This week's boards: the latest village projects accepted have their results up, still in the notice period.
        foreach (var (project, end) in accepted.OrderByDescending(a => a.End).ThenBy(a => a.Project.Project.Code, StringComparer.Ordinal).Take(Scaled(12, 6)))
        {
            var published = AsOf.AddDays(-_rng.Int(0, 6));
            while (!PublicHolidays.Calendar.IsWorkingDay(published))
            {
                published = published.AddDays(-1);
            }

            AcceptanceNotice(project, end, published);
        }

        foreach (var plan in _plans)
        {
            // Every exit is noticed; this year's are chosen among once the other notices are planned (FreshExitNotices).
            foreach (var village in plan.PoorVillages.Where(v => v.ActualExitYear < LastYear))
            {
                VillageExitNotice(plan, village);
            }

            if (plan.County.ActualExitYear is not null)
            {
                CountyExitNotice(plan);
            }
        }

        foreach (var group in _pledges.GroupBy(p => (p.Pairing.Village.Code, p.Transaction.FiscalYear)))
        {
            if (_rng.Chance(0.6))
            {
                PledgeNotice([.. group]);
            }
        }

        Corrections();
        FreshExitNotices();
        PolicyNotices();

        // Codes follow the publication dates, per region and year, as a notice register would.
        var ordered = _notices.OrderBy(n => n.PublishOn).ThenBy(n => n.Order).ToList();
        foreach (var plan in ordered)
        {
            plan.Code = NextSequenced(Notice.CodeKind, plan.RegionCode, plan.PublishOn.Year);
        }

        // Rows go in in publication order, so the newest notices have the highest keys, as in a register filled day by
        // day; a correction needs the key of the notice it supersedes, so whatever precedes it is written first.
        var batch = new List<NoticePlan>();
        var written = new HashSet<NoticePlan>();
        foreach (var plan in ordered)
        {
            if (plan.Corrects is { } old)
            {
                if (!written.Contains(old))
                {
                    await InsertNoticesAsync(batch);
                    written.UnionWith(batch);
                    batch.Clear();
                }

                plan.Notice = old.Notice.Supersede(
                    plan.Code, old.Publisher.Id, Place(old.RegionCode), plan.CorrectionReason!, plan.Text!, old.Funds, old.Projects, plan.PublishOn, PublicHolidays.Calendar);
                plan.Notice.MarkAsDemo();
            }
            else
            {
                plan.Notice.Publish(plan.Code, plan.PublishOn, PublicHolidays.Calendar);
                if (plan.WithdrawalReason is { } reason)
                {
                    plan.Notice.Withdraw(reason);
                }
            }

            batch.Add(plan);
        }

        await InsertNoticesAsync(batch);
        var corrections = ordered.Where(n => n.Corrects is not null).ToList();

        var fundLinks = new List<NoticeFund>();
        var projectLinks = new List<NoticeProject>();
        foreach (var plan in ordered)
        {
            fundLinks.AddRange(plan.Funds.Select(f => f.Id).Distinct().Select(id => new NoticeFund { NoticeId = plan.Notice.Id, FundId = id }));
            projectLinks.AddRange(plan.Projects.Select(p => p.Id).Distinct().Select(id => new NoticeProject { NoticeId = plan.Notice.Id, ProjectId = id }));
        }

        await writer.InsertAsync(fundLinks, ct);
        await writer.InsertAsync(projectLinks, ct);

        var superseded = new List<Notice>();
        foreach (var plan in corrections)
        {
            plan.Corrects!.Notice.PointAt(plan.Notice);
            superseded.Add(plan.Corrects.Notice);
        }

        await writer.UpdateAsync(superseded, ct);
        _noticeCount = ordered.Count;
        _noticeLinkCount = fundLinks.Count + projectLinks.Count;
        Report($"{ordered.Count:N0} notices ({ordered.Count(n => n.Notice.WorkingDaysLate > 0):N0} late, {superseded.Count} corrected, {ordered.Count(n => n.Notice.Status == NoticeStatus.Withdrawn)} withdrawn), {_noticeLinkCount:N0} links");
    }

    /// <summary>
    /// Writes notices as rows: their links are taken off first and written once the notices have keys, since the bulk
    /// writer's SQLite path writes no object graphs (and its EF fallback would write them twice).
    /// </summary>
    private async Task InsertNoticesAsync(List<NoticePlan> plans)
    {
        var notices = plans.Select(p => p.Notice).ToList();
        foreach (var notice in notices)
        {
            notice.Funds.Clear();
            notice.Projects.Clear();
        }

        await writer.InsertAsync(notices, ct);
    }

    /// <summary>The demo's places by code, for the domain's region rules.</summary>
    private Region Place(long code)
    {
        if (_places.Count == 0)
        {
            foreach (var region in _provinces.Values.Concat(_cities.Values).Concat(_counties.Values).Concat(_plans.SelectMany(p => p.Townships.Concat(p.Villages))))
            {
                _places.TryAdd(region.Code, region);
            }
        }

        return _places[code];
    }

    private void FundNotice(FundPlan fund)
    {
        var f = fund.Fund;
        var (publisher, level) = fund.Holder.Level switch
        {
            RegionLevel.Province => (_provincePovertyOffices[fund.Holder.Code], RegionLevel.Province),
            RegionLevel.City => (_cityFinance[fund.Holder.Code], RegionLevel.City),
            _ => (fund.Plan!.PovertyOffice, RegionLevel.County),
        };

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"根据{f.DocumentNumber}文件，现将{f.Name}分配使用情况公告如下：\n");
        text.Append(CultureInfo.InvariantCulture, $"一、资金名称：{f.Name}\n");
        text.Append(CultureInfo.InvariantCulture, $"二、资金来源：{SourceName(f.SourceType)}（{LevelName(f.Level)}）{(fund.Provider is { } provider ? "，拨付单位：" + provider.Name : "")}\n");
        text.Append(CultureInfo.InvariantCulture, $"三、资金规模：{Yuan(f.AmountFen)}\n");
        text.Append(CultureInfo.InvariantCulture, $"四、资金用途：{Plain(f.Purpose)}\n");
        if (fund.Allocations.Count == 0)
        {
            text.Append("五、分配结果：资金已下达，具体项目安排另行公示。\n");
        }
        else
        {
            var allocated = fund.Allocations.Sum(a => a.AmountFen);
            text.Append(CultureInfo.InvariantCulture, $"五、分配结果：共安排{fund.Allocations.Count}个项目，合计{Yuan(allocated)}：\n");
            var listed = fund.Allocations.OrderBy(a => a.Project.Project.Code, StringComparer.Ordinal).Take(15).ToList();
            for (var i = 0; i < listed.Count; i++)
            {
                var a = listed[i];
                text.Append(CultureInfo.InvariantCulture, $"  {i + 1}. {a.Project.Project.Name}（{a.Project.Project.Code}，{a.Project.Place}）：{Yuan(a.AmountFen)}\n");
            }

            if (fund.Allocations.Count > listed.Count)
            {
                text.Append(CultureInfo.InvariantCulture, $"  其余{fund.Allocations.Count - listed.Count}个项目略，详见项目公示。\n");
            }

            if (f.AmountFen > allocated)
            {
                text.Append(fund.Holder.Level == RegionLevel.Province
                    ? $"  其余{Yuan(f.AmountFen - allocated)}分配至其他县（市、区）项目，详见各县（市、区）公告。\n"
                    : $"  尚未分配{Yuan(f.AmountFen - allocated)}，将按规定统筹安排。\n");
            }
        }

        Publish(NoticeKind.Fund, $"关于{f.Name}分配使用情况的公告", f.RegionCode, level, publisher, f.DecidedOn, text.ToString(),
            fund.Plan?.LateRate ?? 0.06, [f], []);
    }

    private void ProjectNotice(ProjectPlan project)
    {
        var p = project.Project;
        var (publisher, level) = PublisherFor(project.Plan, project.Village);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"经{project.Plan.County.Name}脱贫攻坚领导小组研究，{p.Name}列入{p.FiscalYear}年度脱贫攻坚项目计划，现将有关情况公示如下：\n");
        text.Append(CultureInfo.InvariantCulture, $"一、项目名称：{p.Name}（{p.Code}）\n");
        text.Append(CultureInfo.InvariantCulture, $"二、建设地点：{project.Place}\n");
        text.Append(CultureInfo.InvariantCulture, $"三、项目类别：{DemoVocabulary.CategoryName(p.Category)}\n");
        text.Append(CultureInfo.InvariantCulture, $"四、建设内容：{project.Content}\n");
        text.Append(CultureInfo.InvariantCulture, $"五、建设期限：{Day(p.PlannedStart)}至{Day(p.PlannedEnd)}\n");
        text.Append(CultureInfo.InvariantCulture, $"六、实施单位及责任人：{project.Implementer.Name}，责任人：{p.ResponsibleRole}\n");
        text.Append(CultureInfo.InvariantCulture, $"七、资金来源及规模：总投资{Yuan(p.BudgetFen)}");
        if (project.Allocations.Count == 0)
        {
            text.Append("，从本年度统筹整合资金中安排。\n");
        }
        else
        {
            text.Append("，其中：");
            text.AppendJoin("；", project.Allocations.Select(a => $"{a.Fund.Fund.Name}（{a.Fund.Fund.DocumentNumber}）{Yuan(a.AmountFen)}"));
            text.Append('\n');
        }

        text.Append("八、绩效目标：");
        text.AppendJoin("；", project.Targets.Select(t => $"{t.Indicator}{Number(t.Target)}{t.Unit}"));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"九、受益对象：建档立卡贫困户{p.BeneficiaryHouseholds}户{p.BeneficiaryPeople}人\n");

        var draft = Publish(NoticeKind.Project, $"关于{p.Name}的公示", p.RegionCode, level, publisher, project.ApprovedOn!.Value, text.ToString(),
            project.Plan.LateRate, project.Allocations.Select(a => a.Fund.Fund), [p]);
        if (draft is not null && project.CancelledAfterApproval)
        {
            draft.WithdrawalReason = "项目已取消：" + p.CancellationReason;
        }
    }

    /// <param name="published">The day it goes up, for a notice of this week; otherwise a few working days after the decision, or late.</param>
    private void AcceptanceNotice(ProjectPlan project, DateOnly end, DateOnly? published = null)
    {
        var p = project.Project;
        var decided = published is { } day ? Max(end.AddDays(1), day.AddDays(-_rng.Int(1, 4))) : end.AddDays(_rng.Int(3, 20));
        var (publisher, level) = PublisherFor(project.Plan, project.Village);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{p.Name}（{p.Code}）于{Day(p.ActualStart!.Value)}开工、{Day(end)}完工，经{project.Plan.County.Name}组织竣工验收合格，现将验收结果公示如下：\n");
        text.Append(CultureInfo.InvariantCulture, $"一、建设地点：{project.Place}\n");
        text.Append(CultureInfo.InvariantCulture, $"二、实施单位及责任人：{project.Implementer.Name}，责任人：{p.ResponsibleRole}\n");
        text.Append(CultureInfo.InvariantCulture, $"三、项目总投资：{Yuan(p.BudgetFen)}\n");
        text.Append("四、绩效目标完成情况：");
        text.AppendJoin("；", project.Targets.Select(t => $"{t.Indicator}目标{Number(t.Target)}{t.Unit}，实际完成{Number(t.Actual ?? 0)}{t.Unit}"));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"五、受益对象：建档立卡贫困户{p.BeneficiaryHouseholds}户{p.BeneficiaryPeople}人\n");
        Publish(NoticeKind.Project, $"关于{p.Name}竣工验收结果的公示", p.RegionCode, level, publisher, decided, text.ToString(),
            project.Plan.LateRate, [], [p], published);
    }

    private NoticePlan? VillageExitNotice(CountyPlan plan, Region village, DateOnly? publishOn = null)
    {
        var year = village.ActualExitYear!.Value;
        var figures = plan.Statistics[village.Code][year - FirstYear];
        var (publisher, level) = PublisherFor(plan, village);
        var criterion = plan.VillageCriterion!;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"根据{plan.Province.Name}贫困村退出标准（{criterion.Source}），经村民代表大会民主评议、乡镇审核和县级核查，");
        text.Append(CultureInfo.InvariantCulture, $"{plan.County.Name}{plan.TownshipOf(village).Name}{VillageName(village)}{year}年度达到贫困村退出标准，拟退出贫困村序列。主要指标如下：\n");
        text.Append(CultureInfo.InvariantCulture, $"一、贫困发生率：{figures.PovertyIncidenceBasisPoints / 100m:0.00}%（贫困人口{figures.PoorPeople}人、{figures.PoorHouseholds}户，总人口{figures.Population}人）\n");
        text.Append(CultureInfo.InvariantCulture, $"二、村集体经济收入：{Yuan(figures.CollectiveIncomeFen)}\n");
        text.Append(CultureInfo.InvariantCulture, $"三、农村居民人均可支配收入：{Yuan(figures.PerCapitaDisposableIncomeFen)}\n");
        return Publish(NoticeKind.Exit, $"关于{VillageName(village)}{year}年贫困村拟退出的公示", village.Code, level, publisher,
            publishOn?.AddDays(-_rng.Int(1, 3)) ?? _rng.Date(new DateOnly(year, 10, 10), new DateOnly(year, 11, 30)), text.ToString(), plan.LateRate, [], [], publishOn);
    }

    private void CountyExitNotice(CountyPlan plan)
    {
        var county = plan.County;
        var year = county.ActualExitYear!.Value;
        var population = plan.Statistics.Values.Sum(s => s[year - FirstYear].Population);
        var poor = plan.Statistics.Values.Sum(s => s[year - FirstYear].PoorPeople);
        var incidence = population == 0 ? 0 : Math.Round(poor * 100m / population, 2);
        var exited = plan.PoorVillages.Count(v => v.ActualExitYear <= year);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"根据贫困县退出标准（{plan.CountyCriterion!.Source}），经县级申请、市级初审和{DemoVocabulary.Provinces[plan.ProvinceNumber].LevelWord}专项评估检查，");
        text.Append(CultureInfo.InvariantCulture, $"{county.Name}{year}年度达到贫困县退出条件，拟退出贫困县序列。主要指标如下：\n");
        text.Append(CultureInfo.InvariantCulture, $"一、贫困村贫困发生率：{incidence:0.00}%（贫困村贫困人口{poor}人，总人口{population}人）\n");
        text.Append(CultureInfo.InvariantCulture, $"二、贫困村退出：{plan.PoorVillages.Count}个贫困村中已退出{exited}个\n");
        Publish(NoticeKind.Exit, $"关于{county.Name}{year}年拟退出贫困县的公示", county.Code, RegionLevel.County, _provincePovertyOffices[plan.Province.Code],
            _rng.Date(new DateOnly(year, 10, 15), new DateOnly(year, 11, 30)), text.ToString(), 0.05, [], []);
    }

    private void PledgeNotice(List<PledgeRecord> pledges)
    {
        var first = pledges[0];
        var plan = first.Pairing.Plan;
        var village = first.Pairing.Village;
        var year = first.Transaction.FiscalYear;
        var (publisher, level) = PublisherFor(plan, village);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"现将{year}年社会力量结对帮扶{VillageName(village)}的认捐情况公示如下（认捐为承诺，到账以村委会确认为准）：\n");
        for (var i = 0; i < pledges.Count; i++)
        {
            var pledge = pledges[i];
            text.Append(CultureInfo.InvariantCulture, $"  {i + 1}. {pledge.Pairing.Enterprise.Name}认捐{Yuan(pledge.Transaction.AmountFen)}，用于{pledge.Purpose}\n");
        }

        var draft = Publish(NoticeKind.Pledge, $"{VillageName(village)}{year}年社会帮扶认捐情况公示", village.Code, level, publisher,
            pledges.Max(p => p.Transaction.Date).AddDays(_rng.Int(1, 10)), text.ToString(), plan.LateRate, [],
            pledges.Where(p => p.Project is not null).Select(p => p.Project!.Project));
        if (draft is not null && _rng.Chance(0.05))
        {
            draft.WithdrawalReason = _rng.Pick(DemoVocabulary.PledgeWithdrawalReasons);
        }
    }

    /// <summary>About 3% of fund and project notices are corrected by a new notice that supersedes them.</summary>
    private void Corrections()
    {
        var candidates = _notices
            .Where(n => n.Notice.Kind is NoticeKind.Fund or NoticeKind.Project && n.WithdrawalReason is null)
            .ToList();
        foreach (var old in candidates)
        {
            if (!_rng.Chance(0.03))
            {
                continue;
            }

            var notice = old.Notice;
            var published = PublicHolidays.AddWorkingDays(old.PublishOn, _rng.Int(2, 20));
            if (published > AsOf)
            {
                continue;
            }

            var reason = _rng.Pick(DemoVocabulary.CorrectionReasons);
            var text = new NoticeText(
                notice.Title + "（更正）",
                $"更正说明：{reason}本公告代替{Day(old.PublishOn)}发布的原公告，原公告继续保留公开。\n" +
                old.Content + Footer(old.Publisher, notice.LocalSupervisionPhone!, published, notice.NoticePeriodDays),
                notice.DecidedOn, notice.NoticePeriodDays, notice.LocalSupervisionPhone!);
            _notices.Add(new NoticePlan(null, old.RegionCode, old.Publisher, old.Content, old.Funds, old.Projects, published, _notices.Count)
            {
                Corrects = old,
                CorrectionReason = reason,
                Text = text,
            });
        }
    }

    private NoticePlan? Publish(NoticeKind kind, string title, long regionCode, RegionLevel level, Organization publisher, DateOnly decidedOn, string content,
        double lateRate, IEnumerable<Fund> funds, IEnumerable<Project> projects, DateOnly? publishOn = null)
    {
        var workingDays = _rng.Chance(lateRate) ? _rng.Int(16, 45) : _rng.Chance(0.7) ? _rng.Int(1, 8) : _rng.Int(9, 15);
        var published = publishOn ?? PublicHolidays.AddWorkingDays(decidedOn, workingDays);
        if (published > AsOf)
        {
            return null;
        }

        var period = NoticeRules.HasNoticePeriod(level) ? (int?)_rng.Pick([10, 10, 10, 15, 15, 20]) : null;
        var phone = _phones[publisher];
        List<Fund> subjectFunds = [.. funds];
        List<Project> subjectProjects = [.. projects];

        // Drafted on the day it is published; the code comes with publication, in register order.
        var notice = Notice.Draft(
            "", kind, Place(regionCode), publisher.Id, new NoticeText(title, content + Footer(publisher, phone, published, period), decidedOn, period, phone), published,
            subjectFunds, subjectProjects);
        notice.MarkAsDemo();
        var plan = new NoticePlan(notice, regionCode, publisher, content, subjectFunds, subjectProjects, published, _notices.Count);
        _notices.Add(plan);
        return plan;
    }

    private static string Footer(Organization publisher, string phone, DateOnly published, int? period)
    {
        var text = new StringBuilder();
        if (period is { } days)
        {
            text.Append(CultureInfo.InvariantCulture, $"公示期：{days}天（{Day(published)}至{Day(published.AddDays(days))}）。公示期内如有异议，请以书面或电话方式向{publisher.Name}反映。\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"本公告长期公开。如有异议，请以书面或电话方式向{publisher.Name}反映。\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"监督举报电话：12317（全国扶贫监督举报电话）；{phone}（{publisher.Name}）\n");
        text.Append(CultureInfo.InvariantCulture, $"{publisher.Name}\n{Day(published)}\n");
        text.Append(DemoVocabulary.DemoMark);
        return text.ToString();
    }

    /// <summary>Village notices go on the village board via the township government where the demo has one, else the county office.</summary>
    private static (Organization Publisher, RegionLevel Level) PublisherFor(CountyPlan plan, Region? village) =>
        village is null
            ? (plan.PovertyOffice, RegionLevel.County)
            : (plan.TownshipGovernment is { } township && village.ParentCode == plan.GovernedTownship!.Code ? township : plan.PovertyOffice, RegionLevel.Village);

    private static string Plain(string text) => text.Replace(DemoVocabulary.DemoMark, "", StringComparison.Ordinal).TrimEnd('。') + "。";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string SourceName(FundSourceType source) => source switch
    {
        FundSourceType.CentralFiscal => "中央财政专项扶贫资金",
        FundSourceType.ProvincialFiscal => "省级财政专项扶贫资金",
        FundSourceType.CityFiscal => "市级财政专项扶贫资金",
        FundSourceType.CountyFiscal => "县级财政专项扶贫资金",
        FundSourceType.IntegratedAgriculture => "统筹整合涉农资金",
        FundSourceType.EastWestCooperation => "东西部扶贫协作资金",
        FundSourceType.DesignatedAssistance => "定点扶贫资金",
        FundSourceType.SocialDonation => "社会捐赠",
        _ => "扶贫贷款",
    };

    private static string LevelName(FundLevel level) => level switch
    {
        FundLevel.Central => "中央",
        FundLevel.Provincial => "省级",
        FundLevel.City => "市级",
        FundLevel.County => "县级",
        _ => "社会",
    };
}

/// <summary>A notice the demo publishes: drafted at once, published and numbered in register order, perhaps withdrawn.</summary>
internal sealed class NoticePlan(
    Notice? notice, long regionCode, Organization publisher, string content, List<Fund> funds, List<Project> projects, DateOnly publishOn, int order)
{
    private Notice? _notice = notice;

    /// <summary>The notice; for a correction, set once it supersedes <see cref="Corrects"/>.</summary>
    public Notice Notice
    {
        get => _notice ?? throw new InvalidOperationException("The correction is not published yet.");
        set => _notice = value;
    }

    public long RegionCode { get; } = regionCode;

    public Organization Publisher { get; } = publisher;

    public string Content { get; } = content;

    public List<Fund> Funds { get; } = funds;

    public List<Project> Projects { get; } = projects;

    public DateOnly PublishOn { get; } = publishOn;

    public int Order { get; } = order;

    public string Code { get; set; } = "";

    public string? WithdrawalReason { get; set; }

    /// <summary>The notice this one corrects (and supersedes), with the reason and the corrected text.</summary>
    public NoticePlan? Corrects { get; init; }

    public string? CorrectionReason { get; init; }

    public NoticeText? Text { get; init; }
}
