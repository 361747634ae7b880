using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;
using OpenAid.Domain.Objections;

namespace OpenAid.Data.Audit;

/// <summary>
/// Turns the tracked changes of a save into hash-chained <see cref="AuditEntry"/> rows, encoded as FORMAT.md says:
/// each field digested with its own salt, the entry hash over its sequence, the previous hash, its visibility and
/// the fields' digests. Changing or removing any stored entry breaks every hash after it; a unique index on
/// PreviousHash makes two writers that chain onto the same entry collide instead of forking the chain.
/// </summary>
public static class AuditTrail
{
    public const string Public = "public";

    public const string Restricted = "restricted";

    /// <summary>What a tracked entity looked like before the save, captured while EF still knows it.</summary>
    public sealed record PendingChange(EntityEntry Entry, string Operation, string? Before);

    public static List<PendingChange> Capture(DbContext db) =>
        [.. db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry and not DataVersion and not RegisterSequence and not ContactRead && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.State switch
            {
                EntityState.Added => new PendingChange(e, "create", null),
                EntityState.Modified => new PendingChange(e, "update", Canonical(e, original: true)),
                _ => throw new InvalidOperationException($"{e.Metadata.ClrType.Name} records are never deleted: published data is kept for good."),
            })];

    /// <summary>
    /// Appends one entry per change, after the save gave new records their keys; with <paramref name="redacting"/>, the
    /// value it erases is redacted in them before they are stored.
    /// </summary>
    public static async Task AppendAsync(DbContext db, AuditActor actor, IReadOnlyList<PendingChange> changes, DateTimeOffset at, PendingRedaction? redacting, CancellationToken ct)
    {
        var head = await db.Set<AuditEntry>().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, previous) = head is null ? (0L, AuditEncoding.GenesisHash) : (head.Id, head.Hash);
        foreach (var change in changes)
        {
            var entry = Create(
                ++sequence,
                previous,
                actor,
                at,
                change.Entry.Metadata.ClrType.Name,
                string.Join(",", change.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(change.Entry.Property(p.Name).CurrentValue))),
                change.Operation,
                Public,
                change.Before,
                Canonical(change.Entry, original: false));
            if (redacting is not null)
            {
                AuditRedactor.Erase(entry, redacting);
            }

            previous = entry.Hash;
            db.Set<AuditEntry>().Add(entry);
        }
    }

    /// <summary>A sealed entry: a fresh seed for its salts, and its hash over every field.</summary>
    public static AuditEntry Create(
        long sequence, string previousHash, AuditActor actor, DateTimeOffset at, string entityType, string entityKey, string operation, string visibility, string? before, string after)
    {
        var entry = new AuditEntry
        {
            Id = sequence,
            At = at,
            ActorSubject = actor.Subject,
            ActorRole = actor.Role,
            ActorOrganizationCode = actor.OrganizationCode,
            EntityType = entityType,
            EntityKey = entityKey,
            Operation = operation,
            Visibility = visibility,
            Before = before,
            After = after,
            Seed = AuditEncoding.NewSeed(),
            PreviousHash = previousHash,
            Hash = "",
        };
        entry.Hash = ComputeHash(entry);
        return entry;
    }

    /// <summary>The fields the entry still holds a value for, by FORMAT.md's names: the header, then before.* and after.*.</summary>
    public static SortedDictionary<string, string?> Fields(AuditEntry entry)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["at"] = Format(entry.At),
            ["actor.subject"] = entry.ActorSubject,
            ["actor.role"] = entry.ActorRole,
            ["actor.organization"] = entry.ActorOrganizationCode,
            ["entity.type"] = entry.EntityType,
            ["entity.key"] = entry.EntityKey,
            ["operation"] = entry.Operation,
        };
        foreach (var (section, json) in new[] { ("before.", entry.Before), ("after.", entry.After) })
        {
            foreach (var (property, value) in Values(json))
            {
                fields[section + property] = value;
            }
        }

        return fields;
    }

    /// <summary>A redacted field: its digest stays in the chain, its value and salt are gone.</summary>
    public sealed record RedactedField(string Digest, string Redaction);

    public static IReadOnlyDictionary<string, RedactedField> RedactedFields(AuditEntry entry) =>
        entry.Redactions is null ? new Dictionary<string, RedactedField>() : JsonSerializer.Deserialize<Dictionary<string, RedactedField>>(entry.Redactions, JsonOptions)!;

    /// <summary>The salts of the fields that still hold their value: derived from the seed, or stored once a redaction dropped the seed.</summary>
    public static Func<string, string> Salts(AuditEntry entry)
    {
        if (entry.Seed is { } seed)
        {
            return name => AuditEncoding.Salt(seed, name);
        }

        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.Salts ?? "{}")!;
        return name => stored[name];
    }

    /// <summary>The digest over every field's digest, the redacted ones included.</summary>
    public static string ContentDigest(AuditEntry entry)
    {
        var salt = Salts(entry);
        return AuditEncoding.ContentDigest(Fields(entry)
            .Select(f => (f.Key, AuditEncoding.FieldDigest(salt(f.Key), f.Key, f.Value)))
            .Concat(RedactedFields(entry).Select(r => (r.Key, r.Value.Digest))));
    }

    /// <summary>The entry's hash as FORMAT.md defines it, recomputed from what is stored.</summary>
    public static string ComputeHash(AuditEntry entry) => AuditEncoding.EntryHash(entry.Id, entry.PreviousHash, entry.Visibility, ContentDigest(entry));

    /// <summary>The properties of a Before or After JSON object.</summary>
    public static Dictionary<string, string?> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The entity's recorded fields as JSON with sorted keys, so the same state always gives the same text.</summary>
    private static string Canonical(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            // The trail is public: what the domain declares restricted stays out of it, and what may be hidden later
            // is there by its digest only.
            var info = property.Metadata.PropertyInfo;
            if (info?.IsDefined(typeof(RestrictedAttribute), inherit: false) == true)
            {
                continue;
            }

            values[property.Metadata.Name] = Recorded(property.Metadata, original ? property.OriginalValue : property.CurrentValue);
        }

        return JsonSerializer.Serialize(values);
    }

    /// <summary>A property's value as the trail records it: formatted, or its digest when it may be hidden later.</summary>
    public static string? Recorded(IProperty property, object? value)
    {
        var text = Format(value);
        return text is not null && property.PropertyInfo?.IsDefined(typeof(AuditedByDigestAttribute), inherit: false) == true
            ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))
            : text;
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
