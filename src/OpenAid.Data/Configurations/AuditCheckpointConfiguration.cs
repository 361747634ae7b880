using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Configurations;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        // One checkpoint of each kind per sequence: two instances that sign the same head collide here, and the
        // loser takes the winner's instead of publishing a second signature over the same place.
        builder.HasKey(c => new { c.Sequence, c.IsRotation });
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.Head).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.KeyId).HasMaxLength(16).IsFixedLength();
        builder.Property(c => c.NextKeyId).HasMaxLength(16).IsFixedLength();
        builder.Property(c => c.Signature).HasMaxLength(88);
    }
}
