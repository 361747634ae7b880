using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.Property(n => n.Code).HasMaxLength(Need.CodeMaxLength);
        builder.HasIndex(n => n.Code).IsUnique();
        builder.Property(n => n.Title).HasMaxLength(Need.TitleMaxLength);
        builder.Property(n => n.Description).HasMaxLength(Need.DescriptionMaxLength);
        builder.Property(n => n.Unit).HasMaxLength(Need.UnitMaxLength);
        builder.Property(n => n.ReviewerName).HasMaxLength(Need.ReviewerNameMaxLength);
        builder.Property(n => n.RejectionReason).HasMaxLength(Need.ReasonMaxLength);
        builder.Property(n => n.CapOverrideReason).HasMaxLength(Need.ReasonMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.Remaining);
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegionCode);
        builder.HasOne<Project>().WithMany().HasForeignKey(n => n.ProjectId);
        builder.HasOne<Pairing>().WithMany().HasForeignKey(n => n.PairingId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.RegisteredByOrganizationId);
        builder.HasIndex(n => new { n.RegionCode, n.Id });
        builder.HasIndex(n => new { n.Status, n.Deadline });
    }
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(Pledge.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Unit).HasMaxLength(Pledge.UnitMaxLength);
        builder.Property(p => p.CancellationReason).HasMaxLength(Pledge.CancellationReasonMaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        builder.HasOne<Need>().WithMany().HasForeignKey(p => p.NeedId);
        builder.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode);
        builder.HasOne<AidProgram>().WithMany().HasForeignKey(p => p.ProgramId);
        builder.HasMany(p => p.Deliveries).WithOne().HasForeignKey(d => d.PledgeId);
        builder.HasIndex(p => new { p.OrganizationId, p.Id });
        builder.HasIndex(p => new { p.NeedId, p.Id });
        builder.HasIndex(p => new { p.RegionCode, p.Id });
    }
}

internal sealed class PledgeDeliveryConfiguration : IEntityTypeConfiguration<PledgeDelivery>
{
    public void Configure(EntityTypeBuilder<PledgeDelivery> builder)
    {
        builder.Property(d => d.Evidence).HasMaxLength(PledgeDelivery.EvidenceMaxLength);
        builder.Property(d => d.ReceivedBy).HasMaxLength(PledgeDelivery.ReceivedByMaxLength);
    }
}
