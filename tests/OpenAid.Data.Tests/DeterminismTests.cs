using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAid.Demo;
using OpenAid.Domain.Funds;
using Xunit.Abstractions;

namespace OpenAid.Data.Tests;

[Collection("regions")]
public class DeterminismTests(RegionsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_seed_and_anchor_give_the_same_data()
    {
        var anchored = new DemoDataOptions { AsOf = DemoDatabaseFixture.AsOf };
        var first = await GenerateAsync(anchored, providerNeutral: false);
        var second = await GenerateAsync(anchored, providerNeutral: false);
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Hash, second.Hash);
        output.WriteLine(first.Summary);

        var other = await GenerateAsync(anchored with { Seed = 7, Scale = 0.1 }, providerNeutral: false);
        Assert.NotEqual(first.Hash, other.Hash);
        var later = await GenerateAsync(anchored with { AsOf = DemoDatabaseFixture.AsOf.AddDays(40) }, providerNeutral: false);
        Assert.NotEqual(first.Hash, later.Hash);
    }

    [Fact]
    public async Task An_anchor_before_the_end_of_2020_is_refused()
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoDataGenerator(new DemoDataOptions { AsOf = new DateOnly(2019, 6, 1) }).GenerateAsync(db));
        Assert.Contains("2020-12-31", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_neutral_path_writes_the_same_data()
    {
        var options = new DemoDataOptions { Scale = 0.2 };
        var sqlite = await GenerateAsync(options, providerNeutral: false);
        var ef = await GenerateAsync(options, providerNeutral: true);
        Assert.Equal(sqlite.Summary, ef.Summary);
        Assert.Equal(sqlite.Hash, ef.Hash);
    }

    [Fact]
    public async Task A_larger_scale_gives_more_of_everything()
    {
        var small = await GenerateAsync(new DemoDataOptions { Scale = 0.1 }, providerNeutral: false);
        Assert.InRange(small.Result.Projects, 150, 250);
        Assert.InRange(small.Result.Notices, 100, 900);
        Assert.True(small.Result.Organizations > 20);
    }

    private async Task<(string Summary, string Hash, DemoDataResult Result)> GenerateAsync(DemoDataOptions options, bool providerNeutral)
    {
        await using var db = TestDatabase.Open(fixture.Copy());
        var result = await new DemoDataGenerator(options).GenerateAsync(db, null, providerNeutral, CancellationToken.None);
        output.WriteLine($"seed {options.Seed}, scale {options.Scale}, {result.Mode}: {result.Elapsed.TotalMilliseconds:N0} ms");
        var (summary, hash) = await Fingerprint(db);
        return (summary, hash, result);
    }

    /// <summary>Counts and sums per table, and a hash over the public content ordered by code (never by generated keys).</summary>
    private static async Task<(string Summary, string Hash)> Fingerprint(OpenAidDbContext db)
    {
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"organizations {await db.Organizations.CountAsync()}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"memberships {await db.ProgramMemberships.CountAsync()}, pairings {await db.Pairings.CountAsync()} {await db.Pairings.SumAsync(p => p.YearlyBudgetFen)}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"projects {await db.Projects.CountAsync()} {await db.Projects.SumAsync(p => p.BudgetFen)}, targets {await db.PerformanceTargets.CountAsync()}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"funds {await db.Funds.CountAsync()} {await db.Funds.SumAsync(f => f.AmountFen)}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"allocations {await db.FundAllocations.CountAsync()} {await db.FundAllocations.SumAsync(a => a.AmountFen)}");
        foreach (var kind in Enum.GetValues<TransactionKind>())
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"{kind} {await db.Transactions.CountAsync(t => t.Kind == kind)} {await db.Transactions.Where(t => t.Kind == kind).SumAsync(t => t.AmountFen)}");
        }

        summary.AppendLine(CultureInfo.InvariantCulture, $"notices {await db.Notices.CountAsync()}, late {await db.Notices.CountAsync(n => n.WorkingDaysLate > 0)} {await db.Notices.SumAsync(n => n.WorkingDaysLate)}, links {await db.NoticeFunds.CountAsync() + await db.NoticeProjects.CountAsync()}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"poor regions {await db.Regions.CountAsync(r => r.PovertyStatus != 0)}, statistics {await db.VillageStatistics.CountAsync()} {await db.VillageStatistics.SumAsync(s => s.PoorPeople)}");

        var content = new StringBuilder();
        foreach (var o in await db.Organizations.OrderBy(o => o.Code).Select(o => new { o.Code, o.Name, o.CreditCode, o.RegionCode, o.Description }).ToListAsync())
        {
            content.AppendLine(o.ToString());
        }

        foreach (var p in await db.Projects.OrderBy(p => p.Code).Select(p => new { p.Code, p.Name, p.Status, p.BudgetFen, p.RegionCode, p.PlannedStart, p.ActualEnd, Implementer = db.Organizations.First(o => o.Id == p.ImplementingOrganizationId).Code }).ToListAsync())
        {
            content.AppendLine(p.ToString());
        }

        foreach (var f in await db.Funds.OrderBy(f => f.Code).Select(f => new { f.Code, f.DocumentNumber, f.AmountFen, f.DecidedOn }).ToListAsync())
        {
            content.AppendLine(f.ToString());
        }

        foreach (var a in await db.FundAllocations.Select(a => new { Fund = db.Funds.First(f => f.Id == a.FundId).Code, Project = db.Projects.First(p => p.Id == a.ProjectId).Code, a.AmountFen }).OrderBy(a => a.Fund).ThenBy(a => a.Project).ToListAsync())
        {
            content.AppendLine(a.ToString());
        }

        foreach (var t in await db.Transactions.OrderBy(t => t.Code).Select(t => new { t.Code, t.Kind, t.AmountFen, t.Date, t.Description, Project = db.Projects.Where(p => p.Id == t.ProjectId).Select(p => p.Code).FirstOrDefault() }).ToListAsync())
        {
            content.AppendLine(t.ToString());
        }

        foreach (var n in await db.Notices.OrderBy(n => n.Code).Select(n => new
        {
            n.Code, n.Title, n.Body, n.Status, n.PublishedOn, n.WorkingDaysLate,
            Supersedes = db.Notices.Where(o => o.Id == n.SupersedesNoticeId).Select(o => o.Code).FirstOrDefault(),
            SupersededBy = db.Notices.Where(o => o.Id == n.SupersededByNoticeId).Select(o => o.Code).FirstOrDefault(),
            Funds = n.Funds.Count, Projects = n.Projects.Count,
        }).ToListAsync())
        {
            content.AppendLine(n.ToString());
        }

        foreach (var r in await db.Regions.Where(r => r.PovertyStatus != 0 || r.IsDeepPoverty).OrderBy(r => r.Code).Select(r => new { r.Code, r.PovertyStatus, r.PlannedExitYear, r.ActualExitYear, r.IsNationalKeyCounty, r.IsDeepPoverty }).ToListAsync())
        {
            content.AppendLine(r.ToString());
        }

        return (summary.ToString(), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString()))));
    }
}
