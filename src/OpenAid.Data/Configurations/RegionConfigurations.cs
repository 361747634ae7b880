using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Microcredit;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Ignore(r => r.RegionCode);
        builder.HasIndex(r => r.ParentCode);
        builder.HasIndex(r => r.Name);
    }
}

internal sealed class VillageStatisticsConfiguration : IEntityTypeConfiguration<VillageStatistics>
{
    public void Configure(EntityTypeBuilder<VillageStatistics> builder)
    {
        builder.HasKey(s => new { s.RegionCode, s.Year });
        builder.Ignore(s => s.PovertyIncidenceBasisPoints);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode);
        builder.HasIndex(s => s.Year);
    }
}

internal sealed class VillageFacilitiesConfiguration : IEntityTypeConfiguration<VillageFacilities>
{
    public void Configure(EntityTypeBuilder<VillageFacilities> builder)
    {
        builder.HasKey(f => new { f.RegionCode, f.Year });
        builder.Ignore(f => f.Present);
        builder.Ignore(f => f.MainProblemsSolved);
        builder.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionCode);
    }
}

internal sealed class RegionMonitoringConfiguration : IEntityTypeConfiguration<RegionMonitoring>
{
    public void Configure(EntityTypeBuilder<RegionMonitoring> builder)
    {
        builder.HasKey(m => new { m.RegionCode, m.Year });
        builder.Ignore(m => m.IsTotal);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionCode);
        // A county without counts of its own shows its villages' sum per year.
        builder.HasIndex(m => new { m.Level, m.Year });
    }
}

internal sealed class ExitCriterionConfiguration : IEntityTypeConfiguration<ExitCriterion>
{
    public void Configure(EntityTypeBuilder<ExitCriterion> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(ExitCriterion.SourceMaxLength);
        builder.Property(c => c.IncidenceSource).HasMaxLength(ExitCriterion.SourceMaxLength);
        builder.HasIndex(c => new { c.ProvinceCode, c.Level, c.FromYear }).IsUnique();
    }
}

internal sealed class CountyStatisticsConfiguration : IEntityTypeConfiguration<CountyStatistics>
{
    public void Configure(EntityTypeBuilder<CountyStatistics> builder)
    {
        builder.HasKey(s => new { s.RegionCode, s.Year });
        builder.Ignore(s => s.PovertyIncidenceBasisPoints);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode);
    }
}

internal sealed class MicrocreditRecordConfiguration : IEntityTypeConfiguration<MicrocreditRecord>
{
    public void Configure(EntityTypeBuilder<MicrocreditRecord> builder)
    {
        builder.Ignore(m => m.IsCurrent);
        builder.Property(m => m.CorrectionReason).HasMaxLength(MicrocreditRecord.CorrectionReasonMaxLength);
        builder.HasIndex(m => new { m.RegionCode, m.Year, m.Version }).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionCode);
    }
}

internal sealed class ProvincialRuralIncomeConfiguration : IEntityTypeConfiguration<ProvincialRuralIncome>
{
    public void Configure(EntityTypeBuilder<ProvincialRuralIncome> builder)
    {
        builder.HasKey(s => new { s.ProvinceCode, s.Year });
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.ProvinceCode);
    }
}

internal sealed class RegionExitConfiguration : IEntityTypeConfiguration<RegionExit>
{
    public void Configure(EntityTypeBuilder<RegionExit> builder)
    {
        builder.ToTable("Exits");
        builder.Property(e => e.Code).HasMaxLength(RegionExit.CodeMaxLength);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.ResponsibleRole).HasMaxLength(RegionExit.ResponsibleRoleMaxLength);
        builder.Property(e => e.WithdrawalReason).HasMaxLength(RegionExit.ReasonMaxLength);
        builder.Ignore(e => e.NoticePeriodEndsOn);
        builder.Ignore(e => e.Assessment);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode);
        builder.HasOne<Notice>().WithMany().HasForeignKey(e => e.NoticeId);
        builder.HasIndex(e => e.NoticeId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.VerifyingOrganizationId);
        builder.HasOne<ExitCriterion>().WithMany().HasForeignKey(e => e.CriterionId);
        builder.HasIndex(e => new { e.RegionCode, e.Id });
    }
}
