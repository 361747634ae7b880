using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode);
        builder.HasIndex(o => new { o.RegionCode, o.Id });
        builder.HasIndex(o => new { o.Kind, o.Id });
    }
}

internal sealed class AidProgramConfiguration : IEntityTypeConfiguration<AidProgram>
{
    public void Configure(EntityTypeBuilder<AidProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProgramId);
    }
}

internal sealed class ProgramMembershipConfiguration : IEntityTypeConfiguration<ProgramMembership>
{
    public void Configure(EntityTypeBuilder<ProgramMembership> builder)
    {
        builder.HasKey(m => new { m.ProgramId, m.OrganizationId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.YearlyPlan).HasMaxLength(2000);
        builder.HasOne<AidProgram>().WithMany().HasForeignKey(p => p.ProgramId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.HelperOrganizationId);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.HelperRegionCode).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.HelpedRegionCode).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.HelpedRegionCode, p.Id });
        builder.HasIndex(p => new { p.ProgramId, p.Id });
    }
}
