using OpenAid.Domain.Common;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Tests.Marketplace;

namespace OpenAid.Domain.Tests.Common;

public class ClockTests
{
    /// <summary>17:30 UTC on 2 December is already half past one on 3 December in Beijing.</summary>
    private static readonly DateTimeOffset LateEveningUtc = new(2026, 12, 2, 17, 30, 0, TimeSpan.Zero);

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Today_and_its_midnight_are_Beijings_whatever_the_hosts_time_zone()
    {
        var clock = new StoppedClock(LateEveningUtc);

        Assert.Equal(new DateOnly(2026, 12, 3), clock.Today());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(8)), clock.StartOfToday());
        Assert.Equal(TimeSpan.FromHours(8), clock.RecordsNow().Offset);
        Assert.Equal(new DateOnly(2026, 12, 3), Clock.DayOf(LateEveningUtc));
        Assert.Equal(new DateOnly(2026, 12, 2), Clock.DayOf(LateEveningUtc.AddHours(-10)));
    }

    [Fact]
    public void A_pledge_made_after_midnight_in_Beijing_takes_a_delivery_dated_that_Beijing_day()
    {
        var pledge = Pledge.Make(
            MarketplaceArrange.Donor, null, null, false, MarketplaceArrange.Village, PledgeKind.Money, 1_000, null, null, null, false, null, LateEveningUtc,
            Clock.DayOf(LateEveningUtc));
        pledge.Confirm(LateEveningUtc, Clock.DayOf(LateEveningUtc));

        var delivery = pledge.RecordDelivery(600, new DateOnly(2026, 12, 3), "银行回单", new DateOnly(2026, 12, 3));

        Assert.Equal(new DateOnly(2026, 12, 3), delivery.DeliveredOn);
        var early = Assert.Throws<DomainException>(() => pledge.RecordDelivery(1, new DateOnly(2026, 12, 2), "银行回单", new DateOnly(2026, 12, 3)));
        Assert.Equal("INVALID_DATE", early.Code);
    }
}
