using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests.Marketplace;

/// <summary>Needs and pledges brought to a state through their own methods, as the marketplace tests start from.</summary>
internal static class MarketplaceArrange
{
    public static readonly DateOnly Today = new(2020, 6, 1);
    public static readonly DateTimeOffset Now = new(2020, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The day the arranged needs are registered and reviewed: early enough for a deadline that has passed by <see cref="Today"/>.</summary>
    public static readonly DateOnly Registered = Today.AddDays(-60);

    public static readonly Region Village = new() { Code = 451021101201, Name = "某村", Level = RegionLevel.Village };

    public static readonly Organization Donor = Sample.Enterprise(7, "ORG-000007", "某企业");

    private static readonly NeedCap NoCap = new(long.MaxValue, long.MaxValue);

    public static Need NewNeed(long requested = 100_000, string unit = NeedLifecycle.MoneyUnit, NeedStatus status = NeedStatus.Draft, int deadlineInDays = 30)
    {
        var money = unit == NeedLifecycle.MoneyUnit;
        var need = Need.Register(
            Village, NeedCategory.Education, "助学金", "资助12名学生。", money ? requested : null, money ? null : requested, money ? null : unit,
            Today.AddDays(deadlineInDays), NeedPriority.Normal, null, null, 1, submit: false, Now.AddDays(-60), Registered);
        need.Number("XQ-451021-2020-0001");
        if (status == NeedStatus.Draft)
        {
            return need;
        }

        need.Submit();
        switch (status)
        {
            case NeedStatus.PendingReview:
                return need;
            case NeedStatus.Rejected:
                need.Reject("李明", "重复。", Now.AddDays(-60));
                return need;
        }

        need.Approve("李明", null, NoCap, Now.AddDays(-60), Registered);
        switch (status)
        {
            case NeedStatus.PartlyPledged:
                need.TakePledge(1, Registered);
                break;
            case NeedStatus.FullyPledged or NeedStatus.Fulfilled:
                need.TakePledge(requested, Registered);
                if (status == NeedStatus.Fulfilled)
                {
                    need.Receive(requested);
                }

                break;
            case NeedStatus.Closed:
                need.Close(0, hasOpenPledges: false, Registered);
                break;
        }

        return need;
    }

    /// <summary>A pledge to <see cref="Village"/> made five days before <see cref="Today"/>.</summary>
    public static Pledge NewPledge(long quantity = 1_000, PledgeKind kind = PledgeKind.Money, int confirmInDays = 10)
    {
        var pledge = Pledge.Make(
            Donor, null, null, false, Village, kind, quantity, PledgeLifecycle.IsMoney(kind) ? null : "套", Today.AddDays(confirmInDays), null, false, null,
            Now.AddDays(-5), Today.AddDays(-5));
        pledge.Number("RJ-451021-2020-0001");
        return pledge;
    }

    /// <summary>The code of the rule the action breaks, or null when it breaks none.</summary>
    public static string? CodeOf(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (DomainException e)
        {
            return e.Code;
        }
    }
}
