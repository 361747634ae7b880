using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAid.Data.Configurations;

internal sealed class ColumnTotalConfiguration : IEntityTypeConfiguration<ColumnTotal>
{
    public void Configure(EntityTypeBuilder<ColumnTotal> builder)
    {
        builder.HasKey(t => t.Name);
        builder.Property(t => t.Name).HasMaxLength(ColumnTotal.NameMaxLength);
        builder.Property(t => t.TotalFen).IsConcurrencyToken();
    }
}
