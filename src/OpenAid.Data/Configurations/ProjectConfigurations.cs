using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(Project.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Project.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Project.DescriptionMaxLength);
        builder.Property(p => p.ResponsibleRole).HasMaxLength(Project.ResponsibleRoleMaxLength);
        builder.Property(p => p.CancellationReason).HasMaxLength(Project.CancellationReasonMaxLength);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.ImplementingOrganizationId);
        builder.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.ProjectId);
        builder.HasIndex(p => new { p.RegionCode, p.Id });
        builder.HasIndex(p => new { p.FiscalYear, p.RegionCode });
        builder.HasIndex(p => new { p.Status, p.RegionCode });
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class PerformanceTargetConfiguration : IEntityTypeConfiguration<PerformanceTarget>
{
    public void Configure(EntityTypeBuilder<PerformanceTarget> builder)
    {
        builder.Property(t => t.Indicator).HasMaxLength(PerformanceTarget.IndicatorMaxLength);
        builder.Property(t => t.Unit).HasMaxLength(PerformanceTarget.UnitMaxLength);
        builder.Property(t => t.Baseline).HasPrecision(18, 4);
        builder.Property(t => t.Target).HasPrecision(18, 4);
        builder.Property(t => t.Actual).HasPrecision(18, 4);
    }
}
