using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.ActorSubject).HasMaxLength(200);
        builder.Property(e => e.ActorRole).HasMaxLength(50);
        builder.Property(e => e.ActorOrganizationCode).HasMaxLength(32);
        builder.Property(e => e.EntityType).HasMaxLength(50);
        builder.Property(e => e.EntityKey).HasMaxLength(50);
        builder.Property(e => e.Operation).HasMaxLength(20);
        // The sequence is part of the hash, so the writer assigns it (the head's plus one) rather than the database.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Visibility).HasMaxLength(10);
        builder.Property(e => e.Seed).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => new { e.EntityType, e.EntityKey, e.Id });

        // Two writers chaining onto the same entry collide here instead of forking the chain.
        builder.HasIndex(e => e.PreviousHash).IsUnique();
    }
}

internal sealed class AuditRedactionConfiguration : IEntityTypeConfiguration<AuditRedaction>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AuditRedaction> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(AuditRedaction.CodeMaxLength);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Field).HasMaxLength(AuditRedaction.FieldMaxLength);
        builder.Property(r => r.EntityType).HasMaxLength(AuditRedaction.EntityTypeMaxLength);
        builder.Property(r => r.EntityKey).HasMaxLength(AuditRedaction.EntityKeyMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(AuditRedaction.ReasonMaxLength);
        builder.Property(r => r.LegalBasis).HasMaxLength(AuditRedaction.LegalBasisMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(AuditRedaction.ReasonMaxLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(AuditRedaction.SubjectMaxLength);
        builder.Property(r => r.DecidedBy).HasMaxLength(AuditRedaction.SubjectMaxLength);
        builder.Property(r => r.RequestedByRole).HasMaxLength(AuditRedaction.RoleMaxLength);
        builder.Property(r => r.DecidedByRole).HasMaxLength(AuditRedaction.RoleMaxLength);
        // The erased fields as a JSON list [{"sequence":12,"name":"after.Body"}]: written once, read whole.
        builder.Property(r => r.Erased).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<RedactedFieldRef>>(v, Json) ?? new List<RedactedFieldRef>(),
            new ValueComparer<List<RedactedFieldRef>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, f) => HashCode.Combine(h, f)), v => v.ToList()));
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(Objection.CodeMaxLength);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Description).HasMaxLength(Objection.DescriptionMaxLength);
        builder.Property(o => o.ContactName).HasMaxLength(Objection.ContactNameMaxLength);
        builder.Property(o => o.ContactPhone).HasMaxLength(Objection.ContactPhoneMaxLength);
        builder.Property(o => o.Answer).HasMaxLength(Objection.AnswerMaxLength);
        builder.Property(o => o.AnsweredBy).HasMaxLength(Objection.AnsweredByMaxLength);
        builder.Property(o => o.DescriptionHiddenReason).HasMaxLength(Objection.HiddenReasonMaxLength);
        builder.Property(o => o.DescriptionHiddenBy).HasMaxLength(Objection.AnsweredByMaxLength);
        builder.Ignore(o => o.IsDescriptionHidden);
        builder.Ignore(o => o.IsUpheld);
        builder.Ignore(o => o.Measures);
        builder.HasOne<Notice>().WithMany().HasForeignKey(o => o.CorrectingNoticeId).OnDelete(DeleteBehavior.NoAction);
        // The daily cap per region counts a region's filings of one day.
        builder.HasIndex(o => new { o.RegionCode, o.FiledAt });
        builder.HasOne<Notice>().WithMany().HasForeignKey(o => o.NoticeId);
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode);
        builder.HasIndex(o => new { o.RegionCode, o.Id });
        builder.HasIndex(o => new { o.NoticeId, o.Id });
    }
}

internal sealed class ContactReadConfiguration : IEntityTypeConfiguration<ContactRead>
{
    public void Configure(EntityTypeBuilder<ContactRead> builder)
    {
        builder.Property(r => r.ObjectionCode).HasMaxLength(Objection.CodeMaxLength);
        builder.Property(r => r.ActorSubject).HasMaxLength(ContactRead.ActorSubjectMaxLength);
        builder.Property(r => r.ActorRole).HasMaxLength(ContactRead.ActorRoleMaxLength);
        builder.Property(r => r.ActorOrganizationCode).HasMaxLength(ContactRead.OrganizationCodeMaxLength);
        builder.HasOne<Objection>().WithMany().HasForeignKey(r => r.ObjectionId);
        builder.HasIndex(r => new { r.ObjectionId, r.Id });
    }
}
