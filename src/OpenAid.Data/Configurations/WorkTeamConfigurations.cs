using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using OpenAid.Domain.WorkTeams;

namespace OpenAid.Data.Configurations;

internal sealed class WorkTeamConfiguration : IEntityTypeConfiguration<WorkTeam>
{
    public void Configure(EntityTypeBuilder<WorkTeam> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(WorkTeam.CodeMaxLength);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.FirstSecretaryTitle).HasMaxLength(WorkTeam.TitleMaxLength);
        builder.Property(t => t.MemberTitleLines).HasMaxLength((WorkTeam.TitleMaxLength + 1) * WorkTeam.MaxMemberTitles);
        builder.Property(t => t.EndReason).HasMaxLength(WorkTeam.EndReasonMaxLength);
        builder.Ignore(t => t.MemberTitles);
        builder.Ignore(t => t.IsActive);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.FirstSecretaryOrganizationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.VillageCode);

        // One active team per village, even under concurrent assignments: ended teams leave the column null.
        builder.HasIndex(t => t.ActiveVillageCode).IsUnique();
        builder.HasIndex(t => new { t.VillageCode, t.Id });
        builder.HasIndex(t => new { t.OrganizationId, t.Id });
    }
}

internal sealed class HouseholdHelperCountConfiguration : IEntityTypeConfiguration<HouseholdHelperCount>
{
    public void Configure(EntityTypeBuilder<HouseholdHelperCount> builder)
    {
        builder.HasKey(c => new { c.VillageCode, c.Year, c.OrganizationId });
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.VillageCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasIndex(c => c.OrganizationId);
    }
}
