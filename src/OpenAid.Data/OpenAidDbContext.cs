using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data;

/// <summary>
/// One model for every provider. Each provider has its own subclass only so that its migrations live
/// in their own folder (Migrations/Sqlite, Migrations/SqlServer).
/// </summary>
public abstract class OpenAidDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<VillageStatistics> VillageStatistics => Set<VillageStatistics>();

    public DbSet<ExitCriterion> ExitCriteria => Set<ExitCriterion>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<AidProgram> Programs => Set<AidProgram>();

    public DbSet<ProgramMembership> ProgramMemberships => Set<ProgramMembership>();

    public DbSet<Pairing> Pairings => Set<Pairing>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<PerformanceTarget> PerformanceTargets => Set<PerformanceTarget>();

    public DbSet<Fund> Funds => Set<Fund>();

    public DbSet<FundAllocation> FundAllocations => Set<FundAllocation>();

    public DbSet<MoneyTransaction> Transactions => Set<MoneyTransaction>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<NoticeFund> NoticeFunds => Set<NoticeFund>();

    public DbSet<NoticeProject> NoticeProjects => Set<NoticeProject>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeDelivery> PledgeDeliveries => Set<PledgeDelivery>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OpenAidDbContext).Assembly);

    /// <summary>
    /// Every save that changes data also advances the single <see cref="DataVersion"/> row in the same
    /// transaction, so readers (and caches on any instance) can tell how fresh their data is.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.HasChanges())
        {
            var version = await DataVersions.SingleOrDefaultAsync(v => v.Id == DataVersion.SingletonId, cancellationToken);
            if (version is null)
            {
                DataVersions.Add(new DataVersion { Id = DataVersion.SingletonId, Version = 1, ChangedAt = DateTimeOffset.UtcNow });
            }
            else
            {
                version.Version++;
                version.ChangedAt = DateTimeOffset.UtcNow;
            }
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

public sealed class SqliteOpenAidDbContext(DbContextOptions<SqliteOpenAidDbContext> options) : OpenAidDbContext(options);

public sealed class SqlServerOpenAidDbContext(DbContextOptions<SqlServerOpenAidDbContext> options) : OpenAidDbContext(options);
