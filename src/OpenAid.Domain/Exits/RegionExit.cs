using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Exits;

/// <summary>
/// A village's exit (出列) or a county's (摘帽): the figures assessed against the criteria in force, frozen at proposal;
/// the verifying unit and its responsible role ("谁验收、谁签字、谁负责"); the EXIT notice that runs its notice period; then
/// its confirmation, which sets the region's status and exit year, or its withdrawal with a reason. Never edited in
/// place: each step is recorded on top of the last.
/// </summary>
public class RegionExit : IPlaced
{
    public const int CodeMaxLength = 32;
    public const int ResponsibleRoleMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    /// <summary>The register prefix of exit codes ("TC-451021-2026-0001", 退出).</summary>
    public const string CodeKind = "TC";

    private static readonly JsonSerializerOptions SnapshotJson = new() { Converters = { new JsonStringEnumConverter() } };

    private ExitSnapshot? _assessment;

    private RegionExit()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public long RegionCode { get; private set; }

    public RegionLevel Level { get; private set; }

    /// <summary>The exit year: the year whose figures were assessed, and the region's exit year once confirmed.</summary>
    public int Year { get; private set; }

    public int NoticeId { get; private set; }

    /// <summary>The unit that verifies the exit and answers for it (验收单位).</summary>
    public int VerifyingOrganizationId { get; private set; }

    /// <summary>The role or title that signs for the verifying unit, e.g. "县扶贫开发领导小组组长" (public; a title, not a person).</summary>
    public string ResponsibleRole { get; private set; } = "";

    public ExitStatus Status { get; private set; }

    public DateOnly ProposedOn { get; private set; }

    /// <summary>Days open for objections from the day of proposal; a county's notice stays public for good, but its exit waits as long.</summary>
    public int NoticePeriodDays { get; private set; }

    public DateOnly? ConfirmedOn { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>The criterion row applied at proposal.</summary>
    public int CriterionId { get; private set; }

    /// <summary>The assessment as it stood at proposal (figures and each check), stored as written so it never changes.</summary>
    public string AssessmentJson { get; private set; } = "";

    public bool IsDemo { get; private set; }

    /// <summary>The last day objections hold the exit back.</summary>
    public DateOnly NoticePeriodEndsOn => ProposedOn.AddDays(NoticePeriodDays);

    public ExitSnapshot Assessment => _assessment ??= JsonSerializer.Deserialize<ExitSnapshot>(AssessmentJson, SnapshotJson)!;

    /// <summary>
    /// Proposes the exit of <paramref name="region"/> (a poor village or county with no exit under way) on the figures of
    /// <paramref name="year"/>, refused unless <paramref name="assessment"/> meets every threshold: an exit that the
    /// figures do not support is what the documents call a fake exit (数字脱贫), so it is never noticed at all. A null
    /// <paramref name="criterion"/> or <paramref name="figures"/> means none applies or none is recorded for the year.
    /// </summary>
    public static RegionExit Propose(
        string code, Region region, int year, ExitCriterion? criterion, ExitFigures? figures, RegionExit? underWay, int verifyingOrganizationId,
        string responsibleRole, int noticePeriodDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Level is not (RegionLevel.Village or RegionLevel.County))
        {
            throw new DomainException(Errors.ExitNotApplicable, $"{region.Name} is a {region.Level.ToString().ToLowerInvariant()}; only villages (出列) and counties (摘帽) exit.", "region", ("regionName", region.Name), ("level", region.Level));
        }

        if (region.PovertyStatus != PovertyStatus.Poor)
        {
            throw new DomainException(Errors.RegionNotPoor, region.PovertyStatus == PovertyStatus.Exited
                ? $"{region.Name} exited in {region.ActualExitYear}; it cannot exit again."
                : $"{region.Name} is not registered as poor; only a poor village or county exits.", "region", ("regionName", region.Name), ("status", region.PovertyStatus));
        }

        if (underWay is not null)
        {
            throw new DomainException(Errors.ExitUnderWay, $"Exit {underWay.Code} of {region.Name} is proposed already; confirm or withdraw it first.", "region", ("exit", underWay.Code));
        }

        var assessed = RegionYears.Reported(year, today);
        if (criterion is null)
        {
            throw new DomainException(Errors.NoExitCriteria, $"No exit criterion of {region.Name}'s province applies to {assessed}.", "year", ("regionName", region.Name), ("year", assessed));
        }

        if (figures is null)
        {
            throw new DomainException(
                Errors.NoExitFigures,
                region.Level == RegionLevel.County
                    ? $"{region.Name} has no county-wide statistics for {assessed}; record them with recordCountyStatistics."
                    : $"{region.Name} has no statistics for {assessed}; record them with recordVillageStatistics.",
                "year", ("regionName", region.Name), ("year", assessed));
        }

        var assessment = criterion.Assess(figures, assessed);
        if (!assessment.Met)
        {
            var missed = assessment.Checks.Where(c => !c.Passed).ToList();
            throw new DomainException(
                Errors.ExitCriteriaNotMet,
                $"The {assessed} figures of {region.Name} miss the exit criteria: {string.Join("; ", missed.Select(c => c.Describe()))}.",
                "year", ("missed", string.Join(",", missed.Select(c => ErrorParameter.Format(c.Threshold)))), ("year", assessed));
        }

        return new RegionExit
        {
            Code = code,
            RegionCode = region.Code,
            Level = region.Level,
            Year = assessed,
            VerifyingOrganizationId = verifyingOrganizationId,
            ResponsibleRole = Fields.PublicText(responsibleRole, "responsibleRole", ResponsibleRoleMaxLength),
            Status = ExitStatus.Proposed,
            ProposedOn = today,
            NoticePeriodDays = Period(noticePeriodDays),
            CriterionId = criterion.Id,
            AssessmentJson = JsonSerializer.Serialize(new ExitSnapshot(assessed, assessment.Met, figures, assessment.Checks), SnapshotJson),
        };
    }

    /// <summary>The text of the EXIT notice that publishes this exit: the figures, each check and who verifies it.</summary>
    public NoticeText NoticeText(Region region, string verifyingUnit, string localSupervisionPhone)
    {
        ArgumentNullException.ThrowIfNull(region);
        var what = Level == RegionLevel.Village ? "贫困村出列" : "贫困县摘帽";
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"经评估，{region.Name}{Year}年各项指标达到{what}标准，拟予退出，现予公示：");
        foreach (var check in Assessment.Checks)
        {
            body.Append(CultureInfo.InvariantCulture, $"{ThresholdNames[check.Threshold]}（要求{Figure(check.Threshold, check.Required)}，实际{Figure(check.Threshold, check.Actual)}，依据{check.Source}）；");
        }

        body.Append(CultureInfo.InvariantCulture, $"验收单位：{verifyingUnit}，负责人：{ResponsibleRole}。公示期{NoticePeriodDays}天，对公示内容如有异议，请在公示期内反映。");
        var noticePeriod = NoticeRules.HasNoticePeriod(region.Level) ? NoticePeriodDays : (int?)null;
        return new($"关于{region.Name}{Year}年{what}的公示", body.ToString(), ProposedOn, noticePeriod, localSupervisionPhone);
    }

    /// <summary>Links the EXIT notice published for this exit, once it has its key.</summary>
    public void PublishedAs(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (NoticeId != 0 || notice.Id == 0 || notice.Kind != NoticeKind.Exit || notice.RegionCode != RegionCode || notice.Status != NoticeStatus.Published)
        {
            throw new InvalidOperationException($"Notice {notice.Code} is not a stored, published EXIT notice of region {RegionCode:D12} for exit {Code}.");
        }

        NoticeId = notice.Id;
    }

    /// <summary>
    /// Confirms the exit after its notice period, when no objection to its notice is open or was upheld (even partly):
    /// the region is exited in the exit year.
    /// </summary>
    public void Confirm(Region region, Notice notice, IReadOnlyCollection<Objection> objections, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(objections);
        RequireProposed(ExitStatus.Confirmed);
        if (region.Code != RegionCode || notice.Id != NoticeId)
        {
            throw new ArgumentException($"Region {region.Code:D12} or notice {notice.Code} is not that of exit {Code}.", nameof(region));
        }

        if (notice.Status != NoticeStatus.Published)
        {
            throw new DomainException(Errors.NoticeNotInForce, $"The notice {notice.Code} of exit {Code} is {notice.Status.ToString().ToLowerInvariant()}; withdraw the exit and propose it again.", "exit", ("notice", notice.Code), ("status", notice.Status));
        }

        if (today <= NoticePeriodEndsOn)
        {
            throw new DomainException(Errors.ExitNoticePeriodRunning, $"The notice period of exit {Code} runs until {NoticePeriodEndsOn:yyyy-MM-dd}; confirm it after that day.", "exit", ("exit", Code), ("endsOn", NoticePeriodEndsOn));
        }

        if (objections.FirstOrDefault(o => ObjectionRules.IsOpen(o.Status)) is { } open)
        {
            throw new DomainException(Errors.ExitObjectionOpen, $"Objection {open.Code} to the notice of exit {Code} is {open.Status.ToString().ToLowerInvariant()}; answer it first.", "exit", ("exit", Code), ("objection", open.Code));
        }

        if (objections.FirstOrDefault(o => o.IsUpheld) is { } upheld)
        {
            throw new DomainException(Errors.ExitObjectionUpheld, $"Objection {upheld.Code} to the notice of exit {Code} was found {upheld.Finding.ToString()!.ToLowerInvariant()}; the exit cannot be confirmed. Withdraw it.", "exit", ("exit", Code), ("objection", upheld.Code), ("finding", upheld.Finding));
        }

        Status = ExitStatus.Confirmed;
        ConfirmedOn = today;
        region.MarkExited(Year);
    }

    /// <summary>Withdraws the proposed exit with a public reason; its notice, if still in force, is withdrawn with it and stays public.</summary>
    public void Withdraw(string reason, Notice notice, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RequireProposed(ExitStatus.Withdrawn);
        WithdrawalReason = Fields.PublicText(reason, "reason", ReasonMaxLength);
        Status = ExitStatus.Withdrawn;
        WithdrawnOn = today;
        if (notice.Status == NoticeStatus.Published)
        {
            notice.Withdraw(reason);
        }
    }

    /// <summary>Marks generated demo data, which every public view labels as such.</summary>
    public void MarkAsDemo() => IsDemo = true;

    private static readonly Dictionary<ExitThreshold, string> ThresholdNames = new()
    {
        [ExitThreshold.PovertyIncidence] = "贫困发生率",
        [ExitThreshold.CollectiveIncome] = "村集体经济收入",
        [ExitThreshold.RuralPerCapitaIncome] = "农村居民人均可支配收入",
        [ExitThreshold.VillageIncomeShare] = "村人均收入占全省农村居民人均可支配收入比例",
        [ExitThreshold.HelpedHouseholdIncomeShare] = "帮扶户人均收入占全省农村居民人均可支配收入比例",
        [ExitThreshold.InfrastructureSolved] = "主要基础设施和公共服务问题解决",
    };

    private static string Figure(ExitThreshold threshold, long? value) => (threshold, value) switch
    {
        (_, null) => "未记录",
        (ExitThreshold.InfrastructureSolved, var solved) => solved == 1 ? "是" : "否",
        (ExitThreshold.CollectiveIncome or ExitThreshold.RuralPerCapitaIncome, { } fen) => string.Create(CultureInfo.InvariantCulture, $"{fen / 100m:0.00}元"),
        (_, { } basisPoints) => string.Create(CultureInfo.InvariantCulture, $"{basisPoints / 100m:0.00}%"),
    };

    private static int Period(int days) => days switch
    {
        < NoticeRules.MinimumNoticePeriodDays => throw new DomainException(Errors.NoticePeriodTooShort, $"An exit is noticed for at least {NoticeRules.MinimumNoticePeriodDays} days for objections; 'noticePeriodDays' was {days}.", "noticePeriodDays", ("min", NoticeRules.MinimumNoticePeriodDays), ("days", days)),
        > NoticeRules.MaxNoticePeriodDays => throw new DomainException(Errors.NoticePeriodTooLong, $"'noticePeriodDays' may be at most {NoticeRules.MaxNoticePeriodDays}; it was {days}.", "noticePeriodDays", ("max", NoticeRules.MaxNoticePeriodDays), ("days", days)),
        _ => days,
    };

    private void RequireProposed(ExitStatus to)
    {
        if (Status != ExitStatus.Proposed)
        {
            throw new DomainException(
                Errors.InvalidTransition,
                $"Exit {Code} is {Status.ToString().ToLowerInvariant()}; only a proposed exit can become {to.ToString().ToLowerInvariant()}.",
                "exit", ("record", "Exit"), ("code", Code), ("status", Status), ("to", to));
        }
    }
}

/// <summary>The assessment an exit was proposed on, as it stood: the year, the figures and each check.</summary>
public sealed record ExitSnapshot(int Year, bool Met, ExitFigures Figures, IReadOnlyList<ExitCheck> Checks)
{
    public ExitAssessment ToAssessment() => new(Met, Checks);
}

[Description("proposed (in its notice period) → confirmed, or withdrawn with a reason.")]
public enum ExitStatus
{
    [Description("Proposed and publicly noticed; objections are heard.")]
    Proposed = 1,
    [Description("Confirmed after the notice period: the region has exited.")]
    Confirmed = 2,
    [Description("Withdrawn with a public reason; still public.")]
    Withdrawn = 3,
}
