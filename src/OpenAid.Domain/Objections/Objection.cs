using System.ComponentModel;
using System.Text.RegularExpressions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;

namespace OpenAid.Domain.Objections;

/// <summary>
/// An objection (异议) to a notice during its notice period, or a report (举报) of misuse at any time.
/// The complainant may stay anonymous; a contact, if given, is visible to auditors only.
/// </summary>
public partial class Objection
{
    public const int CodeMaxLength = 32;
    public const int DescriptionMaxLength = 4000;
    public const int ContactNameMaxLength = 100;
    public const int ContactPhoneMaxLength = 30;
    public const int AnswerMaxLength = 4000;
    public const int AnsweredByMaxLength = 200;
    public const int HiddenReasonMaxLength = 1000;

    /// <summary>The register prefix of objection codes ("YY-451021-2019-0003").</summary>
    public const string CodeKind = "YY";

    private Objection()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public int? NoticeId { get; private set; }

    public long RegionCode { get; private set; }

    public ObjectionCategory Category { get; private set; }

    /// <summary>
    /// What the complainant reports: public until a reviewer hides it (<see cref="HideDescription"/>), and kept in the
    /// record after that. The audit trail holds its digest only, so hiding it hides it there too.
    /// </summary>
    [AuditedByDigest]
    public string Description { get; private set; } = "";

    /// <summary>Why a reviewer hid the description (public); null while it is shown.</summary>
    public string? DescriptionHiddenReason { get; private set; }

    public DateTimeOffset? DescriptionHiddenAt { get; private set; }

    /// <summary>The unit and role that hid it, as <see cref="AnsweredBy"/>.</summary>
    public string? DescriptionHiddenBy { get; private set; }

    public bool IsDescriptionHidden => DescriptionHiddenReason is not null;

    /// <summary>Restricted: never public, visible to auditors only.</summary>
    [Restricted]
    public string? ContactName { get; private set; }

    /// <summary>Restricted: never public, visible to auditors only.</summary>
    [Restricted]
    public string? ContactPhone { get; private set; }

    public ObjectionStatus Status { get; private set; }

    /// <summary>
    /// The start of the day of filing where the service runs: the time of day is never kept, so that the moment a
    /// complainant wrote cannot single them out. Response times count from it.
    /// </summary>
    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset? InvestigationStartedAt { get; private set; }

    /// <summary>The public answer, or the reason for rejecting.</summary>
    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>What the answer found (public): upheld, partly upheld or not upheld; null when the answer states none.</summary>
    public ObjectionFinding? Finding { get; private set; }

    /// <summary>Money recovered because of the objection (追回资金), in fen; 0 when none.</summary>
    public long MoneyRecoveredFen { get; private set; }

    /// <summary>The measures taken, one bit per <see cref="ObjectionMeasure"/>.</summary>
    public int MeasuresMask { get; private set; }

    /// <summary>The notice published to correct what was objected to; null when none.</summary>
    public int? CorrectingNoticeId { get; private set; }

    public IReadOnlyList<ObjectionMeasure> Measures => [.. Enum.GetValues<ObjectionMeasure>().Where(m => (MeasuresMask & MeasureBit(m)) != 0)];

    /// <summary>The answering unit and role, e.g. "沅陵县扶贫开发办公室 · 审核员".</summary>
    public string? AnsweredBy { get; private set; }

    /// <summary>
    /// Files an objection to <paramref name="notice"/> while it takes objections
    /// (<see cref="ObjectionRules.AcceptsObjections"/>), or, without a notice, a misuse report about
    /// <paramref name="regionCode"/>: exactly one of the two is given. The contact is optional and never public, so
    /// the privacy guard does not apply to it. Only the day of filing is kept: the start of <paramref name="today"/>
    /// in Beijing time (<see cref="Clock"/>).
    /// </summary>
    public static Objection File(
        string code, Notice? notice, long? regionCode, ObjectionCategory category, string description, string? contactName, string? contactPhone,
        DateOnly today)
    {
        long region;
        if (notice is not null)
        {
            if (regionCode is not null)
            {
                throw new DomainException(Errors.RegionNotApplicable, "An objection to a notice concerns the notice's region; leave 'region' out.", "region");
            }

            if (!ObjectionRules.AcceptsObjections(notice, today))
            {
                throw notice.Status == NoticeStatus.Published
                    ? new DomainException(Errors.NoticePeriodEnded, $"The notice period of {notice.Code} ended on {notice.NoticePeriodEndsOn:yyyy-MM-dd}. To report misuse, file without a notice and name the region.", "notice", ("notice", notice.Code), ("endedOn", notice.NoticePeriodEndsOn))
                    : new DomainException(Errors.NoticeNotInForce, $"Notice {notice.Code} is {notice.Status.ToString().ToLowerInvariant()}; object to the notice in force, or report misuse without a notice.", "notice", ("notice", notice.Code), ("status", notice.Status));
            }

            region = notice.RegionCode;
        }
        else
        {
            region = regionCode ?? throw new DomainException(Errors.Required, "Give the notice you object to, or the region of the misuse you report.", "notice");
        }

        return new Objection
        {
            Code = code,
            NoticeId = notice?.Id,
            RegionCode = region,
            Category = category,
            Description = Fields.PublicText(description, "description", DescriptionMaxLength),
            ContactName = Private(contactName, "contactName", ContactNameMaxLength),
            ContactPhone = ContactPhoneOf(contactPhone),
            Status = ObjectionStatus.Received,
            FiledAt = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), Clock.RecordsOffset),
        };
    }

    /// <summary>
    /// A reviewer hides an abusive description from the public, with a public reason, in the name of
    /// <paramref name="unit"/>. The text stays in the record; only restricted access reads it.
    /// </summary>
    public void HideDescription(string reason, string unit, DateTimeOffset now)
    {
        if (IsDescriptionHidden)
        {
            throw new DomainException(Errors.InvalidTransition, $"The description of objection {Code} is hidden already.", "objection", ("record", "Objection"), ("code", Code), ("status", "DESCRIPTION_HIDDEN"));
        }

        DescriptionHiddenReason = Fields.PublicText(reason, "reason", HiddenReasonMaxLength);
        DescriptionHiddenAt = now;
        DescriptionHiddenBy = unit;
    }

    /// <summary>
    /// Who may read the complainant's contact: auditors anywhere, and a reviewer whose grant covers the objection's
    /// region while the objection is under investigation, which is when the investigator needs it.
    /// </summary>
    public bool ContactReadableBy(bool auditor, bool reviewerOfRegion) =>
        auditor || (reviewerOfRegion && Status == ObjectionStatus.Investigating);

    /// <summary>A reviewer starts investigating a received objection.</summary>
    public void StartInvestigation(DateTimeOffset now)
    {
        RequireMove(ObjectionStatus.Investigating);
        Status = ObjectionStatus.Investigating;
        InvestigationStartedAt = now;
    }

    /// <summary>
    /// Answers an objection under investigation, publicly, in the name of <paramref name="unit"/>, with its finding if
    /// stated and what it changed (<paramref name="outcome"/>). Only an upheld or partly upheld objection changed
    /// something: money recovered, measures and a correcting notice are refused otherwise. Money recovered and the
    /// RECOVERY measure go together, so that neither is claimed without the other. A correcting notice is the notice
    /// in force of a place on one line with the objection's (within it or above it).
    /// </summary>
    public void Respond(string answer, string unit, DateTimeOffset now, ObjectionFinding? finding = null, ObjectionOutcome? outcome = null)
    {
        var changed = outcome ?? ObjectionOutcome.None;
        var recovered = Fields.NonNegativeAmount(changed.MoneyRecoveredFen, "moneyRecoveredFen");
        var mask = changed.Measures.Aggregate(0, (m, measure) => m | MeasureBit(measure));
        if ((recovered > 0 || mask != 0 || changed.CorrectingNotice is not null) && finding is not (ObjectionFinding.Upheld or ObjectionFinding.PartlyUpheld))
        {
            throw new DomainException(Errors.OutcomeNotApplicable, $"Objection {Code} is answered as {finding?.ToString() ?? "stating no finding"}; money recovered, measures and a correcting notice follow only from an upheld or partly upheld objection.", "finding", ("objection", Code), ("finding", finding));
        }

        if ((recovered > 0) != ((mask & MeasureBit(ObjectionMeasure.Recovery)) != 0))
        {
            throw new DomainException(Errors.RecoveryMismatch, recovered > 0 ? "Money was recovered: name the RECOVERY measure too." : "The RECOVERY measure needs the money recovered ('moneyRecoveredFen' more than 0).", "moneyRecoveredFen", ("moneyRecoveredFen", recovered));
        }

        if (changed.CorrectingNotice is { } notice)
        {
            if (notice.Status != NoticeStatus.Published)
            {
                throw new DomainException(Errors.CorrectingNoticeNotPublished, $"Notice {notice.Code} is {notice.Status.ToString().ToLowerInvariant()}; name the notice in force that corrects what was objected to.", "correctingNotice", ("notice", notice.Code), ("status", notice.Status));
            }

            if (!Regions.RegionCode.OnOneLine(notice.RegionCode, RegionCode))
            {
                throw new DomainException(Errors.CorrectingNoticeElsewhere, $"Notice {notice.Code} is published for region {notice.RegionCode:D12}, which neither lies within nor contains the objection's region {RegionCode:D12}.", "correctingNotice", ("notice", notice.Code), ("region", RegionCode.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        Close(ObjectionStatus.Answered, answer, "answer", unit, now);
        Finding = finding;
        (MoneyRecoveredFen, MeasuresMask, CorrectingNoticeId) = (recovered, mask, changed.CorrectingNotice?.Id);
    }

    /// <summary>An upheld or partly upheld objection stands against what it objected to (an exit cannot be confirmed).</summary>
    public bool IsUpheld => Finding is ObjectionFinding.Upheld or ObjectionFinding.PartlyUpheld;

    /// <summary>Rejects a received or investigated objection with a public reason, in the name of <paramref name="unit"/>.</summary>
    public void Reject(string reason, string unit, DateTimeOffset now) => Close(ObjectionStatus.Rejected, reason, "reason", unit, now);

    private void Close(ObjectionStatus to, string text, string field, string unit, DateTimeOffset now)
    {
        RequireMove(to);
        Answer = Fields.PublicText(text, field, AnswerMaxLength);
        Status = to;
        AnsweredAt = now;
        AnsweredBy = unit;
    }

    private void RequireMove(ObjectionStatus to)
    {
        if (!ObjectionRules.CanMove(Status, to))
        {
            throw new DomainException(
                Errors.InvalidTransition,
                $"Objection {Code} is {Status}; it cannot become {to}. The lifecycle is Received → Investigating → Answered, or Rejected before it is answered.",
                "objection", ("record", "Objection"), ("code", Code), ("status", Status), ("to", to));
        }
    }

    /// <summary>The bit of <paramref name="measure"/> in <see cref="MeasuresMask"/>.</summary>
    public static int MeasureBit(ObjectionMeasure measure) => 1 << (int)measure;

    /// <summary>Optional text that is never published: the privacy guard does not apply, but blank means absent.</summary>
    private static string? Private(string? text, string field, int maxLength) =>
        text?.Trim() switch
        {
            null or "" => null,
            { Length: var length } when length > maxLength => throw new DomainException(Errors.TooLong, $"'{field}' may have at most {maxLength} characters; it has {length}.", field, ("max", maxLength), ("length", length)),
            var trimmed => trimmed,
        };

    /// <summary>Any phone, mobiles included: it is never published, so the privacy guard does not apply.</summary>
    private static string? ContactPhoneOf(string? text)
    {
        var phone = Private(text, "contactPhone", ContactPhoneMaxLength);
        return phone is null || ContactPhonePattern().IsMatch(phone)
            ? phone
            : throw new DomainException(Errors.InvalidPhone, $"'contactPhone' must be a phone number (digits, spaces, dashes, an optional leading +); it was '{phone}'.", "contactPhone", ("expected", "PHONE"), ("value", phone));
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,28}[0-9]$")]
    private static partial Regex ContactPhonePattern();
}

/// <summary>The violations the seed documents name.</summary>
[Description("The violations the policy documents name, from false claims (虚报冒领) to fake exits (数字脱贫).")]
public enum ObjectionCategory
{
    [Description("False claims to obtain funds (虚报冒领).")]
    FalseClaims = 1,
    [Description("Withholding or dividing funds (截留私分).")]
    Withholding = 2,
    [Description("Embezzlement or misappropriation (贪污挪用).")]
    Embezzlement = 3,
    [Description("Diversion and waste (挤占浪费).")]
    DiversionAndWaste = 4,
    [Description("Wrong beneficiaries (对象不精准).")]
    WrongBeneficiaries = 5,
    [Description("Measures not carried out (措施不落实).")]
    MeasuresNotCarriedOut = 6,
    [Description("False ledgers (虚假台账).")]
    FalseLedgers = 7,
    [Description("Fake exits (数字脱贫).")]
    FakeExit = 8,
    [Description("Anything else about the notice.")]
    Other = 9,
}

/// <summary>What an answer found about the objection.</summary>
[Description("What an answer found: the objection upheld, partly upheld or not upheld.")]
public enum ObjectionFinding
{
    [Description("Upheld (属实): what was objected to is so.")]
    Upheld = 1,
    [Description("Partly upheld (部分属实).")]
    PartlyUpheld = 2,
    [Description("Not upheld (不属实).")]
    NotUpheld = 3,
}

/// <summary>What an answer changed: money recovered, measures taken and the notice that corrects what was objected to.</summary>
public sealed record ObjectionOutcome(long MoneyRecoveredFen, IReadOnlyCollection<ObjectionMeasure> Measures, Notice? CorrectingNotice)
{
    public static readonly ObjectionOutcome None = new(0, [], null);
}

/// <summary>The measures an answer may record, a fixed list.</summary>
[Description("A measure taken because of an objection.")]
public enum ObjectionMeasure
{
    [Description("What was wrong was corrected (整改).")]
    Correction = 1,
    [Description("Money was recovered (追回资金); goes with moneyRecovered.")]
    Recovery = 2,
    [Description("Disciplinary action was taken (党纪政务处分 / 问责).")]
    DisciplinaryAction = 3,
    [Description("The case was referred to discipline inspection or judicial organs (移送).")]
    Referral = 4,
}

/// <summary>received → investigating → answered, or rejected with a reason.</summary>
[Description("received → investigating → answered, or rejected with a public reason.")]
public enum ObjectionStatus
{
    [Description("Received, not yet looked into.")]
    Received = 1,
    [Description("Under investigation.")]
    Investigating = 2,
    [Description("Answered publicly.")]
    Answered = 3,
    [Description("Rejected, with a public reason.")]
    Rejected = 4,
}
