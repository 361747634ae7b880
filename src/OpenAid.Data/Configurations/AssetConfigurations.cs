using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Assets;
using OpenAid.Domain.Entitlements;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(Asset.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(Asset.NameMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode);
        builder.HasIndex(a => a.RegionCode);
    }
}

internal sealed class AssetIncomeConfiguration : IEntityTypeConfiguration<AssetIncome>
{
    public void Configure(EntityTypeBuilder<AssetIncome> builder)
    {
        // One record per asset and year: a second is refused, and the key makes a concurrent one fail too.
        builder.HasKey(i => new { i.AssetId, i.Year });
        builder.HasOne<Asset>().WithMany().HasForeignKey(i => i.AssetId);
        builder.Ignore(i => i.RetainedFen);
        // A county's or province's sums per year read a range of owner villages.
        builder.HasIndex(i => new { i.RegionCode, i.Year });
    }
}

internal sealed class EntitlementConfiguration : IEntityTypeConfiguration<Entitlement>
{
    public void Configure(EntityTypeBuilder<Entitlement> builder)
    {
        builder.Property(e => e.Code).HasMaxLength(Entitlement.CodeMaxLength);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Grade).HasMaxLength(Entitlement.GradeMaxLength);
        builder.Property(e => e.DocumentTitle).HasMaxLength(Entitlement.DocumentTitleMaxLength);
        builder.Property(e => e.DocumentNumber).HasMaxLength(Entitlement.DocumentNumberMaxLength);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode);
        builder.HasOne<Notice>().WithMany().HasForeignKey(e => e.NoticeId);
        // The grade is empty, not null, for an ungraded program, so that the key holds for it too.
        builder.HasIndex(e => new { e.RegionCode, e.Year, e.Program, e.Grade }).IsUnique();
    }
}
