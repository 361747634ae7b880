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
        builder.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.Property(o => o.Description).HasMaxLength(Organization.DescriptionMaxLength);
        builder.Property(o => o.Place).HasMaxLength(Organization.PlaceMaxLength);
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
        builder.Property(p => p.Name).HasMaxLength(AidProgram.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(AidProgram.DescriptionMaxLength);
    }
}

internal sealed class ProgramMembershipConfiguration : IEntityTypeConfiguration<ProgramMembership>
{
    public void Configure(EntityTypeBuilder<ProgramMembership> builder)
    {
        builder.HasKey(m => new { m.ProgramId, m.OrganizationId });
        builder.HasOne<AidProgram>().WithMany().HasForeignKey(m => m.ProgramId);
        builder.Property(m => m.LeaveReason).HasMaxLength(ProgramMembership.LeaveReasonMaxLength);
        builder.Ignore(m => m.IsCurrent);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(Pairing.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.YearlyPlan).HasMaxLength(Pairing.YearlyPlanMaxLength);
        builder.Property(p => p.EndReason).HasMaxLength(Pairing.EndReasonMaxLength);
        builder.HasOne<AidProgram>().WithMany().HasForeignKey(p => p.ProgramId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.HelperOrganizationId);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.HelperRegionCode).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.HelpedRegionCode).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.HelpedRegionCode, p.Id });
        builder.HasIndex(p => new { p.ProgramId, p.Id });
    }
}

internal sealed class ProgramApplicationConfiguration : IEntityTypeConfiguration<ProgramApplication>
{
    public void Configure(EntityTypeBuilder<ProgramApplication> builder)
    {
        builder.Property(a => a.Motivation).HasMaxLength(ProgramApplication.MotivationMaxLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(ProgramApplication.ReasonMaxLength);
        builder.HasOne<AidProgram>().WithMany().HasForeignKey(a => a.ProgramId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasIndex(a => new { a.Status, a.Id });
        builder.HasIndex(a => new { a.ProgramId, a.OrganizationId });
        builder.HasIndex(a => new { a.OrganizationId, a.Id });
    }
}
