using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Code).HasMaxLength(Notice.CodeMaxLength);
        builder.HasIndex(n => n.Code).IsUnique();
        builder.Property(n => n.Title).HasMaxLength(Notice.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength);
        builder.Property(n => n.SupervisionPhone).HasMaxLength(Notice.PhoneMaxLength);
        builder.Property(n => n.LocalSupervisionPhone).HasMaxLength(Notice.PhoneMaxLength);
        builder.Property(n => n.CorrectionReason).HasMaxLength(Notice.ReasonMaxLength);
        builder.Property(n => n.WithdrawalReason).HasMaxLength(Notice.ReasonMaxLength);
        builder.Ignore(n => n.IsLate);
        builder.Ignore(n => n.NoticePeriodEndsOn);
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegionCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.PublisherOrganizationId);
        builder.HasOne<Notice>().WithMany().HasForeignKey(n => n.SupersedesNoticeId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Notice>().WithMany().HasForeignKey(n => n.SupersededByNoticeId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(n => n.Funds).WithOne().HasForeignKey(f => f.NoticeId);
        builder.HasMany(n => n.Projects).WithOne().HasForeignKey(p => p.NoticeId);
        builder.HasIndex(n => new { n.RegionCode, n.Id });
        // Covers the lists' usual filter (a region's notices of a period, drafts left out), so that a count and a page's
        // filter read the index alone instead of every row of the region (bench/README.md, the county page at 10×).
        builder.HasIndex(n => new { n.RegionCode, n.PublishedOn, n.Status });
        builder.HasIndex(n => new { n.PublishedOn, n.RegionCode });
        builder.HasIndex(n => new { n.Kind, n.RegionCode });
    }
}

internal sealed class NoticeFundConfiguration : IEntityTypeConfiguration<NoticeFund>
{
    public void Configure(EntityTypeBuilder<NoticeFund> builder)
    {
        builder.HasKey(x => new { x.NoticeId, x.FundId });
        builder.HasOne<Fund>().WithMany().HasForeignKey(x => x.FundId);
        builder.HasIndex(x => x.FundId);
    }
}

internal sealed class NoticeProjectConfiguration : IEntityTypeConfiguration<NoticeProject>
{
    public void Configure(EntityTypeBuilder<NoticeProject> builder)
    {
        builder.HasKey(x => new { x.NoticeId, x.ProjectId });
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        builder.HasIndex(x => x.ProjectId);
    }
}
