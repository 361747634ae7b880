using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;
using OpenAid.Domain.Objections;

namespace OpenAid.Data.Audit;

/// <summary>
/// Turns the tracked changes of a save into hash-chained <see cref="AuditEntry"/> rows. Each hash is
/// SHA-256 over the previous hash and the entry's canonical text, so changing or removing any stored entry
/// breaks every hash after it. A unique index on PreviousHash makes two writers that chain onto the same
/// entry collide instead of forking the chain.
/// </summary>
public static class AuditTrail
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

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

    /// <summary>Appends one entry per change, after the save gave new records their keys.</summary>
    public static async Task AppendAsync(DbContext db, AuditActor actor, IReadOnlyList<PendingChange> changes, DateTimeOffset at, CancellationToken ct)
    {
        var previous = await db.Set<AuditEntry>().OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? GenesisHash;
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                At = at,
                ActorSubject = actor.Subject,
                ActorRole = actor.Role,
                ActorOrganizationCode = actor.OrganizationCode,
                EntityType = change.Entry.Metadata.ClrType.Name,
                EntityKey = string.Join(",", change.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(change.Entry.Property(p.Name).CurrentValue))),
                Operation = change.Operation,
                Before = change.Before,
                After = Canonical(change.Entry, original: false),
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            db.Set<AuditEntry>().Add(entry);
        }
    }

    /// <summary>SHA-256 over the previous hash and every recorded field, hex in lower case.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join(
            "\n",
            entry.PreviousHash,
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.ActorSubject,
            entry.ActorRole,
            entry.ActorOrganizationCode ?? "",
            entry.EntityType,
            entry.EntityKey,
            entry.Operation,
            entry.Before ?? "",
            entry.After);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

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

            var value = Format(original ? property.OriginalValue : property.CurrentValue);
            values[property.Metadata.Name] = value is not null && info?.IsDefined(typeof(AuditedByDigestAttribute), inherit: false) == true
                ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))
                : value;
        }

        return JsonSerializer.Serialize(values);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
