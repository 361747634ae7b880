using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Tests.Marketplace;
using OpenAid.Domain.Audit;

using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// What the calendar does is recorded as the system's, not as the write of whoever stored it: a pledge that lapsed is
/// stored by the next write on its need, under system:schedule, and that write under its own caller.
/// </summary>
public sealed class LapseActorTests() : ClockedServerTests<MarketplaceServer>(clock => new MarketplaceServer(clock))
{
    [Fact]
    public async Task A_lapse_is_recorded_under_the_schedule_and_the_write_that_stored_it_under_its_caller()
    {
        var need = await Server.NeedAsync(input: Server.NeedInput(amountFen: 100_000));
        var first = await Server.PledgeAsync(need, 100_000);

        // Its confirmation date (30 days on) passes unconfirmed; the next pledge on the need stores the lapse.
        Clock.Advance(TimeSpan.FromDays(31));
        var mark = await Server.ReadAsync(db => db.AuditEntries.MaxAsync(e => e.Id));
        var second = await Server.PledgeAsync(need, 100_000, token: Server.SecondDonor);

        var (needId, firstId, secondId) = await Server.ReadAsync(async db => (
            await db.Needs.Where(n => n.Code == need).Select(n => n.Id).SingleAsync(),
            await db.Pledges.Where(p => p.Code == first).Select(p => p.Id).SingleAsync(),
            await db.Pledges.Where(p => p.Code == second).Select(p => p.Id).SingleAsync()));
        var entries = await Server.ReadAsync(db => db.AuditEntries.Where(e => e.Id > mark).OrderBy(e => e.Id).ToListAsync());
        string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AuditEntry Single(string type, int id, string subject) => Assert.Single(entries, e => e.EntityType == type && e.EntityKey == Key(id) && e.ActorSubject == subject);

        var lapse = Single("Pledge", firstId, "system:schedule");
        Assert.Equal(("update", "System", (string?)null), (lapse.Operation, lapse.ActorRole, lapse.ActorOrganizationCode));
        Assert.Equal("Lapsed", OpenAid.Data.Audit.AuditTrail.Values(lapse.After)["Status"]);
        var released = Single("Need", needId, "system:schedule");
        Assert.Equal("0", OpenAid.Data.Audit.AuditTrail.Values(released.After)["Pledged"]);

        // The caller's own write follows, under the caller: the new pledge and the room it took.
        var donor = $"test-donor-any-{Server.OtherDonor}";
        var pledged = Single("Pledge", secondId, donor);
        var taken = Single("Need", needId, donor);
        Assert.Equal(("create", "Donor"), (pledged.Operation, pledged.ActorRole));
        Assert.True(lapse.Id < pledged.Id && released.Id < taken.Id);
        Assert.Equal("100000", OpenAid.Data.Audit.AuditTrail.Values(taken.After)["Pledged"]);
        Assert.DoesNotContain(entries, e => e.EntityKey == Key(firstId) && e.EntityType == "Pledge" && e.ActorSubject == donor);

        // The lock bumped the need's version behind the trail: not a recorded field, so the records still match.
        var verified = await Server.QueryAsync("{ verifyAuditChain { valid code message } }");
        Assert.True(verified.GetProperty("verifyAuditChain").GetProperty("valid").GetBoolean(), verified.ToString());
    }
}
