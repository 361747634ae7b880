using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit;
using OpenAid.Data.Summaries;
using OpenAid.Domain.Access;
using OpenAid.Domain.Assets;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;
using OpenAid.Domain.Entitlements;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Microcredit;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;
using OpenAid.Domain.WorkTeams;

namespace OpenAid.Data;

/// <summary>
/// One model for every provider. Each provider has its own subclass only so that its migrations live
/// in their own folder (Migrations/Sqlite, Migrations/SqlServer).
/// </summary>
public abstract class OpenAidDbContext(DbContextOptions options, TimeProvider? clock) : DbContext(options)
{
    /// <summary>The clock that dates audit entries and data versions; the host's, so that tests can move time.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<VillageStatistics> VillageStatistics => Set<VillageStatistics>();

    public DbSet<ExitCriterion> ExitCriteria => Set<ExitCriterion>();

    public DbSet<CountyStatistics> CountyStatistics => Set<CountyStatistics>();

    public DbSet<MicrocreditRecord> MicrocreditRecords => Set<MicrocreditRecord>();

    public DbSet<ProvincialRuralIncome> ProvincialRuralIncomes => Set<ProvincialRuralIncome>();

    public DbSet<RegionExit> Exits => Set<RegionExit>();
    public DbSet<VillageFacilities> VillageFacilities => Set<VillageFacilities>();

    public DbSet<RegionMonitoring> RegionMonitoring => Set<RegionMonitoring>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<AidProgram> Programs => Set<AidProgram>();

    public DbSet<ProgramMembership> ProgramMemberships => Set<ProgramMembership>();

    public DbSet<Pairing> Pairings => Set<Pairing>();

    public DbSet<ProgramApplication> ProgramApplications => Set<ProgramApplication>();

    public DbSet<WorkTeam> WorkTeams => Set<WorkTeam>();

    public DbSet<HouseholdHelperCount> HouseholdHelperCounts => Set<HouseholdHelperCount>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<PerformanceTarget> PerformanceTargets => Set<PerformanceTarget>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<AssetIncome> AssetIncomes => Set<AssetIncome>();

    public DbSet<Entitlement> Entitlements => Set<Entitlement>();

    public DbSet<Fund> Funds => Set<Fund>();

    public DbSet<FundAllocation> FundAllocations => Set<FundAllocation>();

    public DbSet<FundTransfer> FundTransfers => Set<FundTransfer>();

    public DbSet<MoneyTransaction> Transactions => Set<MoneyTransaction>();

    /// <summary>Derived: the transactions summed per region at every level, kept in step by every save (<see cref="MoneySummaries"/>).</summary>
    public DbSet<MoneySummary> MoneySummaries => Set<MoneySummary>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<NoticeFund> NoticeFunds => Set<NoticeFund>();

    public DbSet<NoticeProject> NoticeProjects => Set<NoticeProject>();

    public DbSet<Objection> Objections => Set<Objection>();

    /// <summary>Restricted: who read which complainant's contact, when. Never public.</summary>
    public DbSet<ContactRead> ContactReads => Set<ContactRead>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeDelivery> PledgeDeliveries => Set<PledgeDelivery>();

    /// <summary>Who may act: roles held by people, never deleted (a revoked grant keeps its revocation).</summary>
    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Signed checkpoints of the audit chain; bookkeeping about the trail, not public data of their own.</summary>
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<AuditRedaction> AuditRedactions => Set<AuditRedaction>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    public DbSet<RegisterSequence> RegisterSequences => Set<RegisterSequence>();

    public DbSet<ColumnTotal> ColumnTotals => Set<ColumnTotal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OpenAidDbContext).Assembly);

    /// <summary>
    /// Who is writing: the caller, or one of <see cref="AuditActor"/>'s system actors. Every save of public data needs
    /// one and appends its hash-chained audit entries in the same transaction.
    /// </summary>
    public AuditActor? Actor { get; set; }

    /// <summary>Set while the bulk writer saves rows whose entries it writes itself (see <see cref="SaveRecordedByCallerAsync"/>).</summary>
    private bool _recordedByCaller;

    /// <summary>
    /// A redaction under way in this save: the entries the save appends are born with the erased value already
    /// redacted (the live record's own write that replaces it records it before as a digest only). The save uses it up.
    /// </summary>
    public PendingRedaction? Redacting { get; set; }

    /// <summary>
    /// Every save that changes data also advances the single <see cref="DataVersion"/> row, and appends the audit
    /// entries of its <see cref="Actor"/>, all in one transaction with the change itself. A save of public data without
    /// an actor is a programming error and throws; only bookkeeping (the data version, register sequences) and the
    /// restricted contact reads, which the trail does not record, may be saved without one.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges())
        {
            return 0;
        }

        var changed = ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).Select(e => e.Entity).ToList();

        // Restricted records and checkpoints alone change no public data: no data version, no entry in the public trail.
        if (changed.All(e => e is ContactRead or AuditCheckpoint))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Actor is null && !_recordedByCaller && !changed.All(e => e is DataVersion or RegisterSequence))
        {
            throw new InvalidOperationException(
                "Every write needs an actor: set OpenAidDbContext.Actor (the caller's, or one of AuditActor's system actors) before saving " +
                $"{string.Join(", ", changed.Select(e => e.GetType().Name).Distinct().Order(StringComparer.Ordinal))}.");
        }

        var now = Clock.GetUtcNow();
        await BumpDataVersionAsync(now, cancellationToken);
        if (Actor is not { } actor || _recordedByCaller)
        {
            return await SaveSummarizedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            return await SaveAuditedAsync(actor, now, acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit entries commit together, inside the strategy so that retrying providers accept it.
        return await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginWriteTransactionAsync(cancellationToken);
            var saved = await SaveAuditedAsync(actor, now, acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        });
    }

    /// <summary>
    /// Saves the pending changes under <paramref name="actor"/> rather than <see cref="Actor"/>, which stays as it was: a
    /// change that is not the caller's doing (a lapse the calendar caused) is recorded as the system's, in the caller's transaction.
    /// </summary>
    public async Task<int> SaveChangesAsync(AuditActor actor, CancellationToken cancellationToken = default)
    {
        var caller = Actor;
        Actor = actor;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Actor = caller;
        }
    }

    /// <summary>Saves rows the bulk writer records itself (BulkAudit): the trail must not record them a second time.</summary>
    internal async Task<int> SaveRecordedByCallerAsync(CancellationToken cancellationToken)
    {
        _recordedByCaller = true;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _recordedByCaller = false;
        }
    }

    /// <summary>Writes are audited, and the trail reads the chain's head asynchronously: saving synchronously is not supported.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save with SaveChangesAsync: writes are audited, and the audit trail is written asynchronously.");

    private async Task<int> SaveAuditedAsync(AuditActor actor, DateTimeOffset now, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var changes = AuditTrail.Capture(this);
        var redacting = Redacting;
        Redacting = null;
        var saved = await SaveSummarizedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await AuditTrail.AppendAsync(this, actor, changes, actor.DatedByDay ? Clock.StartOfToday() : now, redacting, cancellationToken);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return saved;
    }

    /// <summary>
    /// Saves, then brings the money summary in step with the transactions the save wrote. Both run in the save's
    /// transaction: the audited path opens one, the bulk writer's callers own theirs.
    /// </summary>
    private async Task<int> SaveSummarizedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var deltas = MoneySummaryLedger.Capture(ChangeTracker);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await MoneySummaryLedger.ApplyAsync(this, deltas, cancellationToken);
        return saved;
    }

    private async Task BumpDataVersionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var version = await DataVersions.AsTracking().SingleOrDefaultAsync(v => v.Id == DataVersion.SingletonId, cancellationToken);
        if (version is null)
        {
            DataVersions.Add(new DataVersion { Id = DataVersion.SingletonId, Version = 1, ChangedAt = now });
        }
        else
        {
            version.Version++;
            version.ChangedAt = now;
        }
    }
}

public sealed class SqliteOpenAidDbContext(DbContextOptions<SqliteOpenAidDbContext> options, TimeProvider? clock = null) : OpenAidDbContext(options, clock);

public sealed class SqlServerOpenAidDbContext(DbContextOptions<SqlServerOpenAidDbContext> options, TimeProvider? clock = null) : OpenAidDbContext(options, clock)
{
    /// <summary>
    /// The collation of the database and of every text column: Chinese_PRC sorts by pinyin (the order readers of
    /// simplified Chinese expect; Chinese_PRC_Stroke would sort by strokes), _100_ is the newest weight table (more
    /// characters weighted than _90_), CI_AS compares Latin letters case-insensitively and accents sensitively, and _SC
    /// treats a supplementary character (CJK Extension B and beyond, found in place and person names) as one character.
    /// Text columns are nvarchar, so a _UTF8 variant would change nothing.
    /// </summary>
    public const string ChineseCollation = "Chinese_PRC_100_CI_AS_SC";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseCollation(ChineseCollation);

        // ALTER DATABASE ... COLLATE sets only the default of columns created after it: the existing ones are set one by one.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if ((property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType) == typeof(string))
            {
                property.SetCollation(ChineseCollation);
            }
        }
    }
}
