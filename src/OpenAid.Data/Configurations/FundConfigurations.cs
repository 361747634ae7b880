using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(Fund.CodeMaxLength);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(Fund.NameMaxLength);
        builder.Property(f => f.DocumentNumber).HasMaxLength(Fund.DocumentNumberMaxLength);
        builder.HasIndex(f => new { f.FiscalYear, f.DocumentNumber }).IsUnique();
        builder.Property(f => f.Purpose).HasMaxLength(Fund.PurposeMaxLength);
        builder.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.IssuerOrganizationId);
        builder.HasIndex(f => new { f.RegionCode, f.Id });
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class FundTransferConfiguration : IEntityTypeConfiguration<FundTransfer>
{
    public void Configure(EntityTypeBuilder<FundTransfer> builder)
    {
        builder.HasOne<Fund>().WithMany().HasForeignKey(t => t.FromFundId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Fund>().WithMany().HasForeignKey(t => t.ToFundId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(t => new { t.FromFundId, t.Id });
        builder.HasIndex(t => new { t.ToFundId, t.Id });
    }
}

internal sealed class FundAllocationConfiguration : IEntityTypeConfiguration<FundAllocation>
{
    public void Configure(EntityTypeBuilder<FundAllocation> builder)
    {
        builder.HasOne<Fund>().WithMany().HasForeignKey(a => a.FundId);
        builder.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId);
        builder.HasIndex(a => new { a.FundId, a.Id });
        builder.HasIndex(a => new { a.ProjectId, a.Id });
    }
}

internal sealed class MoneyTransactionConfiguration : IEntityTypeConfiguration<MoneyTransaction>
{
    public void Configure(EntityTypeBuilder<MoneyTransaction> builder)
    {
        builder.ToTable("Transactions");
        builder.Property(t => t.Code).HasMaxLength(MoneyTransaction.CodeMaxLength);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(MoneyTransaction.DescriptionMaxLength);
        builder.HasOne<Fund>().WithMany().HasForeignKey(t => t.FundId);
        builder.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.ProviderOrganizationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.ReceiverOrganizationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(t => new { t.ReceiverRegionCode, t.Id });
        // Covering indexes for the money summaries, with and without a year: sums never touch the table.
        builder.HasIndex(t => new { t.FiscalYear, t.ReceiverRegionCode, t.Kind, t.SourceType, t.AmountFen });
        builder.HasIndex(t => new { t.ReceiverRegionCode, t.Kind, t.SourceType, t.FiscalYear, t.AmountFen });
        builder.HasIndex(t => new { t.FundId, t.Id });
        builder.HasIndex(t => new { t.ProjectId, t.Id });
    }
}

internal sealed class MoneySummaryConfiguration : IEntityTypeConfiguration<MoneySummary>
{
    public void Configure(EntityTypeBuilder<MoneySummary> builder)
    {
        // The key is the read order: one span, a region or a range of regions (the subdivisions of one), then the groups.
        builder.HasKey(s => new { s.Span, s.RegionCode, s.FiscalYear, s.SourceType, s.Kind });
    }
}
