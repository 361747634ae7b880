using System.ComponentModel;

namespace OpenAid.Domain.Objections;

/// <summary>
/// An objection (异议) to a notice during its notice period, or a report (举报) of misuse at any time.
/// The complainant may stay anonymous; a contact, if given, is visible to auditors only.
/// </summary>
public class Objection
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int? NoticeId { get; set; }

    public long RegionCode { get; set; }

    public ObjectionCategory Category { get; set; }

    public required string Description { get; set; }

    /// <summary>Restricted: never public, visible to auditors only.</summary>
    public string? ContactName { get; set; }

    /// <summary>Restricted: never public, visible to auditors only.</summary>
    public string? ContactPhone { get; set; }

    public ObjectionStatus Status { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public DateTimeOffset? InvestigationStartedAt { get; set; }

    /// <summary>The public answer, or the reason for rejecting.</summary>
    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The answering unit and role, e.g. "沅陵县扶贫开发办公室 · 审核员".</summary>
    public string? AnsweredBy { get; set; }
}

/// <summary>The violations the seed documents name.</summary>
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

/// <summary>received → investigating → answered, or rejected with a reason.</summary>
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
