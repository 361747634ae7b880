using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Audit;

[Description("A request to erase one recorded value from the audit trail, e.g. personal data that slipped into public text.")]
public sealed record RequestAuditRedactionInput
{
    [Description("The sequence of the audit entry that holds the value.")]
    public required long Sequence { get; init; }

    [Description("The field of the entry, as the trail names it: before.<Property> or after.<Property> of a text property, e.g. \"after.Body\".")]
    public required string Field { get; init; }

    [Description("Why the value must go (public; no personal data, so do not repeat the value).")]
    public required string Reason { get; init; }

    [Description("The legal basis (public), e.g. \"《个人信息保护法》第四十七条\".")]
    public required string LegalBasis { get; init; }
}

[Description("A requested redaction an Auditor performs.")]
public sealed record RedactAuditFieldInput
{
    [Description("The redaction's code, e.g. \"RD-2026-000001\".")]
    public required string Redaction { get; init; }
}

[Description("A requested redaction an Auditor declines, with a public reason.")]
public sealed record DeclineAuditRedactionInput
{
    [Description("The redaction's code, e.g. \"RD-2026-000001\".")]
    public required string Redaction { get; init; }

    [Description("Why it is declined (public; no personal data).")]
    public required string Reason { get; init; }
}

/// <summary>
/// Redaction takes two people: an Admin requests it, an Auditor who is someone else performs or declines it. Performing
/// it erases the value from every entry of its record, in one transaction that keeps every hash (checked before the
/// commit), replaces it in the live record, and then removes every copy made before: the SQLite log, built dumps and
/// cached results (<see cref="PublicCopies"/>).
/// </summary>
public sealed class RedactionOperations(PublicCopies copies) : IOperations
{
    public void DeclareIn(OperationCatalog operations)
    {
        operations.Mutation<RequestAuditRedactionInput, AuditRedactionType>(
            "requestAuditRedaction", Roles.Admin, "Requests the redaction of one recorded value of the audit trail, with a public reason and legal basis (Admin). An Auditor other than you performs or declines it.",
            "The entry, the field and why.", "redaction", "The redaction, requested.")
            .Handle(RequestAsync);
        operations.Mutation<RedactAuditFieldInput, AuditRedactionType>(
            "redactAuditField", Roles.Auditor, $"Performs a requested redaction (Auditor; not the person who requested it): the value is erased from every entry of its record that holds it, and replaced in the live record by \"{AuditRedaction.Replacement}\"; every hash stays as it was.",
            "The redaction.", "redaction", "The redaction, performed, with the fields it erased.")
            .Handle(RedactAsync);
        operations.Mutation<DeclineAuditRedactionInput, AuditRedactionType>(
            "declineAuditRedaction", Roles.Auditor, "Declines a requested redaction with a public reason (Auditor; not the person who requested it). Nothing is erased.",
            "The redaction and the reason.", "redaction", "The redaction, declined.")
            .Handle(DeclineAsync);
    }

    private static async Task<AuditRedaction> RequestAsync(WriteContext write, RequestAuditRedactionInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var property = AuditRedaction.PropertyOf(input.Field);
        var entry = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == input.Sequence, ct)
            ?? throw new DomainException(Errors.AuditEntryNotFound, $"No audit entry has the sequence {input.Sequence}.", "sequence", ("sequence", input.Sequence));
        RecordedValue(entry, input.Field);
        if (AuditRedactor.RedactableProperty(db, entry.EntityType, property) is null)
        {
            throw new DomainException(Errors.NotText, $"{entry.EntityType}.{property} is not free text (a number, date, state, code or key); only text can be redacted.", "field", ("field", $"{entry.EntityType}.{property}"));
        }

        var year = write.Today.Year;
        var code = AuditRedaction.CodeOf(year, await RegisterSequence.TakeAsync(db, AuditRedaction.Prefix(year), db.AuditRedactions.Select(r => r.Code), ct));
        var redaction = AuditRedaction.Request(code, entry.Id, input.Field, entry.EntityType, entry.EntityKey, input.Reason, input.LegalBasis, write.Actor.Subject, write.Role, write.Now);
        db.AuditRedactions.Add(redaction);
        return redaction;
    }

    private async Task<AuditRedaction> RedactAsync(WriteContext write, RedactAuditFieldInput input)
    {
        var (db, ct) = (write.Db, write.Cancellation);
        var redaction = await Lookups.ByCodeAsync(db.AuditRedactions, input.Redaction, "redaction", ct);
        redaction.RequireDecidableBy(write.Actor.Subject);
        var property = AuditRedactor.RedactableProperty(db, redaction.EntityType, AuditRedaction.PropertyOf(redaction.Field))
            ?? throw new DomainException(Errors.NotText, $"{redaction.EntityType} no longer has the text property of {redaction.Field}.", "redaction", ("field", redaction.Field));
        var target = await db.AuditEntries.SingleAsync(e => e.Id == redaction.Sequence, ct);
        var erasing = new PendingRedaction(redaction.EntityType, redaction.EntityKey, property.Name, RecordedValue(target, redaction.Field), redaction.Code);

        // Public and restricted entries alike: the value leaves every entry of the record, each hash kept (Erase checks).
        var entries = await db.AuditEntries.Where(e => e.EntityType == erasing.EntityType && e.EntityKey == erasing.EntityKey).OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var entry in entries)
        {
            AuditRedactor.Erase(entry, erasing);
        }

        // The live record still showing the value gets the replacement through an ordinary audited write, whose entry
        // records the value before it by its digest only.
        if (await AuditRedactor.RecordAsync(db, property, erasing.EntityKey, ct) is { } record
            && AuditTrail.Recorded(property, db.Entry(record).Property(property.Name).CurrentValue) == erasing.Value)
        {
            db.Entry(record).Property(property.Name).CurrentValue = AuditRedaction.Replacement;
            db.Redacting = erasing;
            await db.SaveChangesAsync(ct);
        }

        var erased = db.AuditEntries.Local
            .Where(e => e.EntityType == erasing.EntityType && e.EntityKey == erasing.EntityKey)
            .OrderBy(e => e.Id)
            .SelectMany(e => AuditTrail.RedactedFields(e).Where(f => f.Value.Redaction == erasing.Code).Select(f => new RedactedFieldRef(e.Id, f.Key)))
            .ToList();
        redaction.Redact(write.Actor.Subject, write.Role, write.Now, erased);
        write.AfterCommit(() => copies.DiscardAsync(db));
        return redaction;
    }

    private static async Task<AuditRedaction> DeclineAsync(WriteContext write, DeclineAuditRedactionInput input)
    {
        var redaction = await Lookups.ByCodeAsync(write.Db.AuditRedactions, input.Redaction, "redaction", write.Cancellation);
        redaction.Decline(write.Actor.Subject, write.Role, input.Reason, write.Now);
        return redaction;
    }

    /// <summary>The value <paramref name="field"/> of <paramref name="entry"/> holds in clear; refused when it is redacted or holds none.</summary>
    private static string RecordedValue(AuditEntry entry, string field)
    {
        if (AuditTrail.RedactedFields(entry).TryGetValue(field, out var redacted))
        {
            throw new DomainException(Errors.AlreadyRedacted, $"{field} of audit entry {entry.Id} is redacted already ({redacted.Redaction}).", "field", ("field", field), ("sequence", entry.Id), ("redaction", redacted.Redaction));
        }

        return AuditTrail.Fields(entry).GetValueOrDefault(field)
            ?? throw new DomainException(Errors.FieldNotRecorded, $"Audit entry {entry.Id} holds no value under {field}.", "field", ("field", field), ("sequence", entry.Id));
    }
}
