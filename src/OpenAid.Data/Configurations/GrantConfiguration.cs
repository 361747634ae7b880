using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Access;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.Property(g => g.Subject).HasMaxLength(Grant.MaxSubjectLength);
        builder.Property(g => g.PersonName).HasMaxLength(Grant.MaxNameLength);
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Reason).HasMaxLength(Grant.MaxReasonLength);
        builder.Property(g => g.GrantedBy).HasMaxLength(200);
        builder.Property(g => g.RevokedBy).HasMaxLength(200);
        builder.Property(g => g.RevokeReason).HasMaxLength(Grant.MaxReasonLength);
        builder.Ignore(g => g.IsActive);
        builder.HasOne<Region>().WithMany().HasForeignKey(g => g.RegionCode).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.NoAction);

        // Every signed-in request reads its caller's grants by subject.
        builder.HasIndex(g => new { g.Subject, g.RevokedAt });
        builder.HasIndex(g => new { g.Role, g.Id });
    }
}
