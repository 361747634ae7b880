using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAid.Data.Configurations;

internal sealed class RegisterSequenceConfiguration : IEntityTypeConfiguration<RegisterSequence>
{
    public void Configure(EntityTypeBuilder<RegisterSequence> builder)
    {
        builder.HasKey(s => s.Prefix);
        builder.Property(s => s.Prefix).HasMaxLength(RegisterSequence.PrefixMaxLength);
        builder.Property(s => s.Last).IsConcurrencyToken();
    }
}
