using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Data.Audit.Verification;
using OpenAid.Demo;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Tests.Audit;

/// <summary>Nothing is written unaudited: a save without an actor fails, and the import, the seeds and the demo data are all in the trail.</summary>
[Collection("regions")]
public class ActorRequiredTests(RegionsFixture fixture)
{
    [Fact]
    public async Task A_save_of_public_data_without_an_actor_throws_and_writes_nothing()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        var region = await db.Regions.AsTracking().SingleAsync(r => r.Code == 450_000_000_000);
        region.IsDeepPoverty = true;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("Every write needs an actor", refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Region), refused.Message, StringComparison.Ordinal);
        await using var fresh = TestDatabase.Open(db.Database.GetDbConnection().DataSource);
        Assert.False((await fresh.Regions.SingleAsync(r => r.Code == 450_000_000_000)).IsDeepPoverty);
    }

    [Fact]
    public async Task Bookkeeping_alone_is_saved_without_an_actor_and_records_nothing()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        var entries = await db.AuditEntries.CountAsync();
        db.RegisterSequences.Add(new RegisterSequence { Prefix = "TEST-000000-2026-", Last = 1 });

        await db.SaveChangesAsync();

        Assert.Equal(entries, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_save_under_a_system_actor_records_it_and_leaves_the_callers_actor()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        var caller = new AuditActor("test-user", "Publisher", "ORG1");
        db.Actor = caller;
        var region = await db.Regions.AsTracking().SingleAsync(r => r.Code == 450_000_000_000);
        region.IsDeepPoverty = true;

        await db.SaveChangesAsync(AuditActor.SystemSchedule);

        var last = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(("system:schedule", "System", (string?)null), (last.ActorSubject, last.ActorRole, last.ActorOrganizationCode));
        Assert.Same(caller, db.Actor);
    }

    [Fact]
    public async Task The_places_are_one_region_import_entry_whose_digest_matches_them_and_the_exit_rules_are_seeded_under_the_seed_actor()
    {
        await using var db = fixture.Open();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        var import = Assert.Single(entries, e => e.EntityType == RegionImportDigest.EntityType);
        Assert.Equal((AuditActor.SystemRegionImport.Subject, "System", "create"), (import.ActorSubject, import.ActorRole, import.Operation));
        var after = AuditTrail.Values(import.After);
        var regions = await db.Regions.AsNoTracking().ToListAsync();
        Assert.Equal(regions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), after["Rows"]);
        Assert.Equal(RegionImportDigest.Sha256(regions.Select(RegionImportDigest.Identity)), after["Sha256"]);
        Assert.StartsWith("国家统计局", after["Source"], StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.EntityType == nameof(Region));

        var rules = entries.Where(e => e.EntityType == nameof(ExitCriterion)).ToList();
        Assert.Equal(await db.ExitCriteria.CountAsync(), rules.Count);
        Assert.All(rules, e => Assert.Equal(AuditActor.SystemSeed.Subject, e.ActorSubject));
        Assert.Null(await CheckAsync(db));
    }

    [Fact]
    public async Task A_place_renamed_behind_the_trail_breaks_the_import_digest_and_a_flag_set_behind_it_is_named()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        await db.Database.ExecuteSqlRawAsync("UPDATE Regions SET Name = '改名村' WHERE Code = 210102001002");
        var renamed = await CheckAsync(db);
        Assert.Equal(("REGION_IMPORT_MISMATCH", RegionImportDigest.EntityType, "Sha256"), (renamed?.Code, renamed?.EntityType, renamed?.Field));

        await db.Database.ExecuteSqlRawAsync("UPDATE Regions SET Name = '水源地社区', IsDeepPoverty = 1 WHERE Code = 210102001002");
        var flagged = await CheckAsync(db);
        Assert.Equal(("RECORD_MISMATCH", nameof(Region), "210102001002", nameof(Region.IsDeepPoverty)), (flagged?.Code, flagged?.EntityType, flagged?.EntityKey, flagged?.Field));
    }

    [Fact]
    public void The_region_defaults_the_check_assumes_are_how_a_new_region_is_recorded()
    {
        using var db = fixture.Open();
        var type = db.Model.FindEntityType(typeof(Region))!;
        var fields = AuditTrail.RecordedFields(type, AuditTrail.ValuesOf(new Region { Name = "x" }));

        Assert.Equal(
            RecordChecks.RegionDefaults.OrderBy(f => f.Key, StringComparer.Ordinal),
            fields.Where(f => !RegionImportDigest.IdentityFields.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_provider_neutral_writer_records_every_row_too_graphs_included()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        await new DemoDataGenerator(new DemoDataOptions { Scale = 0.1 }).GenerateAsync(db, null, providerNeutral: true, CancellationToken.None);

        Assert.Null(await CheckAsync(db));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "PerformanceTarget" && e.ActorSubject == "system:demo"));
    }

    /// <summary>The chain's hashes and links, then the records, as verifyAuditChain checks them.</summary>
    internal static async Task<AuditProblem?> CheckAsync(OpenAidDbContext db) =>
        (await AuditVerifier.VerifyAsync(new StoredAudit(db, keys: null), null, CancellationToken.None)).Problem;
}

[Collection("demo")]
public class DemoAuditTests(DemoDatabaseFixture fixture)
{
    [Fact]
    public async Task Every_demo_record_has_its_entry_under_the_demo_actor_and_every_live_record_matches_its_latest_entry()
    {
        await using var db = fixture.Open();
        Assert.Null(await ActorRequiredTests.CheckAsync(db));

        var byActor = await db.AuditEntries.GroupBy(e => e.ActorSubject).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(["system:demo", "system:region-import", "system:seed"], byActor.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, byActor["system:region-import"]);
        var demo = (DemoDataResult)fixture.First.DemoData!;
        Assert.Equal(demo.Organizations, await db.AuditEntries.CountAsync(e => e.EntityType == "Organization" && e.Operation == "create"));
        Assert.Equal(demo.Transactions, await db.AuditEntries.CountAsync(e => e.EntityType == "MoneyTransaction" && e.Operation == "create"));
        Assert.Equal(demo.Notices, await db.AuditEntries.CountAsync(e => e.EntityType == "Notice" && e.Operation == "create"));

        // The demo's poverty flags on real places: one update per flagged place, from the imported state; a place whose
        // demo exit is still in its notice period (or not yet proposed) is then set back to poor, in one more update.
        var entries = await db.AuditEntries.Where(e => e.EntityType == nameof(Region)).ToListAsync();
        Assert.All(entries, e => Assert.Equal(("update", "system:demo"), (e.Operation, e.ActorSubject)));
        var flagged = entries.Where(e => AuditTrail.Values(e.Before)[nameof(Region.HasDemoFlags)] == "False").ToList();
        Assert.Equal(demo.Regions, flagged.Count);
        Assert.All(flagged, e => Assert.Equal("True", AuditTrail.Values(e.After)[nameof(Region.HasDemoFlags)]));
        var setBack = entries.Except(flagged).ToList();
        Assert.Equal(setBack.Count, setBack.Select(e => e.EntityKey).Distinct().Count());
        Assert.All(setBack, e => Assert.NotEqual(AuditTrail.Values(e.Before)[nameof(Region.PovertyStatus)], AuditTrail.Values(e.After)[nameof(Region.PovertyStatus)]));

        // Records that are not public (needs under review, rejected) have restricted entries only.
        var hidden = await db.Needs.AsNoTracking().ToListAsync();
        var restricted = hidden.Where(n => !n.IsPublic).Select(n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(restricted);
        var needEntries = await db.AuditEntries.Where(e => e.EntityType == "Need").Select(e => new { e.EntityKey, e.Visibility }).ToListAsync();
        Assert.All(needEntries, e => Assert.Equal(restricted.Contains(e.EntityKey) ? AuditTrail.Restricted : AuditTrail.Public, e.Visibility));
    }

    [Fact]
    public async Task A_demo_record_changed_behind_the_trail_is_named()
    {
        var file = fixture.File + ".tamper.db";
        TestDatabase.Copy(fixture.File, file);
        await using var db = TestDatabase.Open(file);
        var transaction = await db.Transactions.AsNoTracking().OrderBy(t => t.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE Transactions SET AmountFen = AmountFen + 1 WHERE Id = {transaction.Id}");

        var problem = await ActorRequiredTests.CheckAsync(db);

        Assert.Equal(("RECORD_MISMATCH", "MoneyTransaction", transaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "AmountFen"), (problem?.Code, problem?.EntityType, problem?.EntityKey, problem?.Field));
    }
}
