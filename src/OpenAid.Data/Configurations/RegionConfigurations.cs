using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        builder.Property(c => c.Source).HasMaxLength(200);
        builder.HasIndex(c => new { c.ProvinceCode, c.Level, c.FromYear }).IsUnique();
    }
}
