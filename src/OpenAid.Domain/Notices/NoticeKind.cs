using System.ComponentModel;

namespace OpenAid.Domain.Notices;

/// <summary>What a notice (公告公示) is about.</summary>
[Description("What a notice is about: funds, a project, pledges, an exit or a policy.")]
public enum NoticeKind
{
    [Description("资金: name, source, amount, use and allocation of funds.")]
    Fund = 1,
    [Description("项目: a project's place, content, period, units, funds and targets.")]
    Project = 2,
    [Description("认捐: pledges made and delivered.")]
    Pledge = 3,
    [Description("退出: a village or county exit (出列 / 摘帽).")]
    Exit = 4,
    [Description("政策: a policy the documents require to be public, with its standards (entitlements point at it); names no fund or project.")]
    Policy = 5,
}

[Description("A notice's status. Drafts are never public; published, superseded and withdrawn notices always are.")]
public enum NoticeStatus
{
    [Description("Not yet published; never public.")]
    Draft = 1,
    [Description("Published and in force.")]
    Published = 2,
    [Description("Replaced by a correction; still public, pointing at its successor.")]
    Superseded = 3,
    [Description("Withdrawn with a reason; still public.")]
    Withdrawn = 4,
}
