namespace OpenAid.Domain.Notices;

/// <summary>What a notice (公告公示) is about.</summary>
public enum NoticeKind
{
    /// <summary>资金: name, source, amount, use and allocation of funds.</summary>
    Fund = 1,
    /// <summary>项目: a project's place, content, period, units, funds and targets.</summary>
    Project = 2,
    /// <summary>认捐: pledges made and delivered.</summary>
    Pledge = 3,
    /// <summary>退出: a village or county exit (出列 / 摘帽).</summary>
    Exit = 4,
}

public enum NoticeStatus
{
    Draft = 1,
    Published = 2,
    /// <summary>Replaced by a correction; still public, pointing at its successor.</summary>
    Superseded = 3,
    /// <summary>Withdrawn with a reason; still public.</summary>
    Withdrawn = 4,
}
