using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Regions;

namespace OpenAid.Demo;

/// <summary>
/// Objections to notices and misuse reports, through the domain's rules: most answered or rejected within the 60-day
/// deadline, some answered late, and, as of the anchor, some just received, some under investigation and some overdue.
/// No contact is given: a demo objection holds no personal data.
/// </summary>
internal sealed partial class DemoBuilder
{
    private static readonly (ObjectionCategory Category, string Description)[] ObjectionTexts =
    [
        (ObjectionCategory.WrongBeneficiaries, "公示的受益户名单中有两户家庭经济条件较好，建议核实是否符合建档立卡条件。"),
        (ObjectionCategory.MeasuresNotCarriedOut, "公示的村道硬化项目只修了一半，剩余路段至今未动工。"),
        (ObjectionCategory.FalseClaims, "公示的产业项目实际没有种植，地块仍然闲置，请核实资金去向。"),
        (ObjectionCategory.Withholding, "到户产业补助资金公示已发放，但部分农户反映尚未收到。"),
        (ObjectionCategory.DiversionAndWaste, "饮水工程公示金额明显高于同类工程，建议审计核实。"),
        (ObjectionCategory.FalseLedgers, "项目验收公示的完成量与现场情况不符，蓄水池只建成一座。"),
        (ObjectionCategory.Embezzlement, "村集体光伏电站收益去向未公开，请公开收益分配情况。"),
        (ObjectionCategory.FakeExit, "本村退出公示中的人均纯收入数据与实际差距较大，请复核。"),
        (ObjectionCategory.Other, "公示栏张贴的公告字迹不清，部分内容无法辨认，请重新张贴。"),
    ];

    /// <summary>Answers with what each found and changed: the upheld ones correct, and one recovers money and refers the case.</summary>
    private static readonly (string Text, ObjectionFinding Finding, ObjectionMeasure[] Measures)[] ObjectionAnswers =
    [
        ("经县扶贫办会同乡镇实地核查，反映情况属实，已责令项目实施单位限期整改，整改结果将另行公示。", ObjectionFinding.Upheld, [ObjectionMeasure.Correction]),
        ("经核查，相关农户符合识别标准，识别程序规范，反映情况不属实。", ObjectionFinding.NotUpheld, []),
        ("经核查，补助资金已于公示后拨付至农户一卡通账户，个别农户未及时查询，已逐户告知。", ObjectionFinding.NotUpheld, []),
        ("经核查，剩余路段因征地协调推迟开工，现已协调完毕并开工建设，预计两个月内完工。", ObjectionFinding.PartlyUpheld, [ObjectionMeasure.Correction]),
        ("已将反映情况转县审计局专项审计，审计发现的问题已责令整改，违规资金已追回，相关责任人已移送县纪委监委处理。", ObjectionFinding.Upheld, [ObjectionMeasure.Correction, ObjectionMeasure.Recovery, ObjectionMeasure.DisciplinaryAction, ObjectionMeasure.Referral]),
    ];

    private static readonly string[] ObjectionRejections =
    [
        "反映内容与公示事项无关，已告知向相关部门反映。",
        "同一事项已于前期受理并公开答复，不再重复受理。",
        "反映内容不具体，无法核查，欢迎补充具体情况后重新反映。",
    ];

    private int _objectionCount;

    private async Task BuildObjectionsAsync()
    {
        var planOf = new Dictionary<long, CountyPlan>();
        foreach (var plan in _plans)
        {
            planOf[plan.County.Code] = plan;
            plan.Townships.ForEach(t => planOf[t.Code] = plan);
            plan.Villages.ForEach(v => planOf[v.Code] = plan);
        }

        // Only notices still in force take objections: the domain refuses the others.
        var notices = _notices.Select(n => n.Notice).Where(n => n.Status == NoticeStatus.Published && planOf.ContainsKey(n.RegionCode)).ToList();
        var standing = notices.Where(n => n.NoticePeriodEndsOn is null).ToList();
        var villages = _plans.SelectMany(p => p.PoorVillages).ToList();
        if (notices.Count == 0 || standing.Count == 0 || villages.Count == 0)
        {
            return;
        }

        // (notice or null for a misuse report, region, filed, how it stands today)
        var planned = new List<(Notice? Notice, long Region, DateOnly Filed, ObjectionStatus Status, int Order)>();
        void Plan(Notice? notice, long region, DateOnly filed, ObjectionStatus status) => planned.Add((notice, region, filed, status, planned.Count));

        // As of the anchor: just received, under investigation, and overdue (open past the 60-day deadline).
        for (var i = Scaled(8, 6); i > 0; i--)
        {
            var filed = AsOf.AddDays(-_rng.Int(0, 9));
            var status = _rng.Chance(0.5) ? ObjectionStatus.Received : ObjectionStatus.Investigating;
            var inPeriod = notices.Where(n => n.PublishedOn <= filed && (n.NoticePeriodEndsOn is not { } end || end >= AsOf)).ToList();
            Plan(_rng.Chance(0.6) ? _rng.Pick(inPeriod.Count > 0 ? inPeriod : standing) : null, _rng.Pick(villages).Code, filed, status);
        }

        for (var i = Scaled(6, 4); i > 0; i--)
        {
            var filed = AsOf.AddDays(-_rng.Int(ObjectionRules.ResponseDeadlineDays + 5, ObjectionRules.ResponseDeadlineDays + 100));
            var older = standing.Where(n => n.PublishedOn <= filed).ToList();
            Plan(older.Count > 0 && _rng.Chance(0.5) ? _rng.Pick(older) : null, _rng.Pick(villages).Code, filed, ObjectionStatus.Investigating);
        }

        // Two years of objections that were answered or rejected.
        for (var i = Scaled(150, 10); i > 0; i--)
        {
            var status = _rng.Chance(0.8) ? ObjectionStatus.Answered : ObjectionStatus.Rejected;
            if (_rng.Chance(0.35))
            {
                Plan(null, _rng.Pick(villages).Code, _rng.Date(AsOf.AddDays(-730), AsOf.AddDays(-15)), status);
                continue;
            }

            var notice = _rng.Pick(notices);
            var (first, last) = (Max(notice.PublishedOn!.Value, AsOf.AddDays(-730)), Min(notice.NoticePeriodEndsOn ?? AsOf, AsOf.AddDays(-15)));
            if (first <= last)
            {
                Plan(notice, notice.RegionCode, _rng.Date(first, last), status);
            }
        }

        // Outcomes draw from a sequence of their own, so that adding them left the rest of the demo data as it was.
        var outcomeRng = new DemoRandom(unchecked((options.Seed * 31) + 6));
        var objections = new List<Objection>();
        foreach (var (notice, region, filed, status, _) in planned.OrderBy(p => p.Filed).ThenBy(p => p.Order))
        {
            var regionCode = notice?.RegionCode ?? region;
            var (category, description) = _rng.Pick(ObjectionTexts);
            var objection = Objection.File(
                NextSequenced(Objection.CodeKind, regionCode, filed.Year), notice, notice is null ? regionCode : null, category,
                description + DemoVocabulary.DemoMark, null, null, filed);
            var unit = $"{planOf[regionCode].PovertyOffice.Name} · 审核员";
            var investigated = Min(filed.AddDays(_rng.Int(1, 5)), AsOf);
            if (status != ObjectionStatus.Received)
            {
                objection.StartInvestigation(At(investigated, 10));
            }

            // One in eight is answered after the deadline; the rest well within it.
            var answeredOn = filed.AddDays(_rng.Chance(0.125) ? _rng.Int(ObjectionRules.ResponseDeadlineDays + 1, 100) : _rng.Int(5, 50));
            if (status == ObjectionStatus.Answered)
            {
                var answered = Min(answeredOn, AsOf);
                var (text, finding, measures) = _rng.Pick(ObjectionAnswers);
                // An exit notice's objections state no finding here: an upheld one would stand against its confirmed exit.
                if (notice?.Kind == NoticeKind.Exit)
                {
                    objection.Respond(text, unit, At(answered, 16));
                }
                else
                {
                    objection.Respond(text, unit, At(answered, 16), finding, Outcome(outcomeRng, notices, regionCode, filed, answered, finding, measures));
                }
            }
            else if (status == ObjectionStatus.Rejected)
            {
                objection.Reject(_rng.Pick(ObjectionRejections), unit, At(Min(investigated.AddDays(_rng.Int(0, 15)), AsOf), 16));
            }

            objections.Add(objection);
        }

        // Keys follow the filing days, so that the newest are listed first.
        await writer.InsertAsync([.. objections.OrderBy(o => o.FiledAt).ThenBy(o => o.Code, StringComparer.Ordinal)], ct);
        _objectionCount = objections.Count;
        Report($"{objections.Count:N0} objections ({objections.Count(o => ObjectionRules.IsOpen(o.Status)):N0} open)");
    }

    /// <summary>
    /// What an answer changed: money recovered with the RECOVERY measure, and for an upheld objection a correcting
    /// notice, where a notice of a place on one line with the objection's was published between filing and answer.
    /// </summary>
    private static ObjectionOutcome? Outcome(DemoRandom rng, List<Notice> notices, long region, DateOnly filed, DateOnly answered, ObjectionFinding finding, ObjectionMeasure[] measures)
    {
        if (finding == ObjectionFinding.NotUpheld)
        {
            return null;
        }

        var recovered = measures.Contains(ObjectionMeasure.Recovery) ? rng.Long(1_000, 200_000) * 100 : 0;
        var corrections = finding == ObjectionFinding.Upheld
            ? notices.Where(n => n.PublishedOn >= filed && n.PublishedOn <= answered && RegionCode.OnOneLine(n.RegionCode, region)).OrderBy(n => n.Id).ToList()
            : [];
        return new ObjectionOutcome(recovered, measures, corrections.Count > 0 ? rng.Pick(corrections) : null);
    }
}
