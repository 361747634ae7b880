using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
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
    /// <param name="WasPublic">Whether the record was public before the write: false for a new record, and for a draft.</param>
    public sealed record PendingChange(EntityEntry Entry, string Operation, string? Before, bool WasPublic);

    /// <summary>
    /// The entity types whose rows are not public records, so the trail does not record them: the trail itself and its
    /// checkpoints, the data version, the register sequences and the column totals (bookkeeping), the money summary (derived from the
    /// transactions, which the trail records, and recomputable from them) and who read a complainant's contact (restricted).
    /// </summary>
    private static readonly HashSet<Type> NotRecorded =
        [typeof(AuditEntry), typeof(AuditCheckpoint), typeof(DataVersion), typeof(RegisterSequence), typeof(ColumnTotal), typeof(MoneySummary), typeof(ContactRead)];

    /// <summary>Whether the trail records the writes to rows of this entity type (and its live records are checked against it).</summary>
    public static bool IsRecorded(IReadOnlyTypeBase type) => !NotRecorded.Contains(type.ClrType);

    public static List<PendingChange> Capture(DbContext db) =>
        [.. db.ChangeTracker.Entries()
            .Where(e => IsRecorded(e.Metadata) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.State switch
            {
                EntityState.Added => new PendingChange(e, "create", null, WasPublic: false),
                EntityState.Modified => new PendingChange(
                    e, "update", Canonical(e.Metadata, p => e.Property(p).OriginalValue), e.Entity is not IPublishable || ((IPublishable)e.OriginalValues.ToObject()).IsPublic),
                _ => throw new InvalidOperationException($"{e.Metadata.ClrType.Name} records are never deleted: published data is kept for good."),
            })];

    /// <summary>
    /// Appends one entry per change, after the save gave new records their keys. A write to a record that is not
    /// public afterwards (a draft, or a link of a draft) is restricted. The write that makes a record public is a
    /// <c>publish</c> holding its whole state and no before, followed by a <c>publish</c> of each record it holds
    /// (a notice's fund and project links), whose earlier entries were restricted with it. With <paramref name="redacting"/>,
    /// the value it erases is redacted in them before they are stored.
    /// </summary>
    public static async Task AppendAsync(DbContext db, AuditActor actor, IReadOnlyList<PendingChange> changes, DateTimeOffset at, PendingRedaction? redacting, CancellationToken ct)
    {
        var head = await db.Set<AuditEntry>().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, previous) = head is null ? (0L, AuditEncoding.GenesisHash) : (head.Id, head.Hash);
        void Append(EntityEntry record, string operation, string visibility, string? before)
        {
            Func<IProperty, object?> current = p => record.Property(p).CurrentValue;
            var entry = Create(++sequence, previous, actor, at, record.Metadata.ClrType.Name, KeyOf(record.Metadata, current), operation, visibility, before, Canonical(record.Metadata, current));
            if (redacting is not null)
            {
                AuditRedactor.Erase(entry, redacting);
            }

            previous = entry.Hash;
            db.Set<AuditEntry>().Add(entry);
        }

        var changed = changes.Select(c => c.Entry.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            if (!await IsPublicAsync(db, change.Entry, ct))
            {
                Append(change.Entry, change.Operation, Restricted, change.Before);
            }
            else if (change.Entry.Entity is IPublishable && !change.WasPublic)
            {
                Append(change.Entry, "publish", Public, before: null);
                foreach (var held in await HeldRecordsAsync(db, change.Entry, ct))
                {
                    if (!changed.Contains(held.Entity))
                    {
                        Append(held, "publish", Public, before: null);
                    }
                }
            }
            else
            {
                Append(change.Entry, change.Operation, Public, change.Before);
            }
        }
    }

    /// <summary>
    /// Whether the record is public after the write: an <see cref="IPublishable"/> says so itself; any other record is
    /// public unless it points at an <see cref="IPublishable"/> record that is not (a link of a draft notice).
    /// </summary>
    private static async Task<bool> IsPublicAsync(DbContext db, EntityEntry record, CancellationToken ct)
    {
        if (record.Entity is IPublishable publishable)
        {
            return publishable.IsPublic;
        }

        foreach (var foreignKey in record.Metadata.GetForeignKeys().Where(k => typeof(IPublishable).IsAssignableFrom(k.PrincipalEntityType.ClrType)))
        {
            var key = foreignKey.Properties.Select(p => record.Property(p.Name).CurrentValue).ToArray();
            if (key.All(v => v is not null) && await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, key, ct) is IPublishable { IsPublic: false })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The records a record holds through its collections (a notice's fund and project links), loaded if need be.</summary>
    private static async Task<List<EntityEntry>> HeldRecordsAsync(DbContext db, EntityEntry record, CancellationToken ct)
    {
        var held = new List<EntityEntry>();
        foreach (var collection in record.Collections)
        {
            if (!collection.IsLoaded)
            {
                await collection.LoadAsync(ct);
            }

            held.AddRange((collection.CurrentValue ?? Array.Empty<object>()).Cast<object>().Select(db.Entry));
        }

        return held;
    }


    /// <summary>
    /// The principals of a row that decide whether it is public: for each of its foreign keys to an
    /// <see cref="IPublishable"/> record (a notice's fund link points at the notice), that record's type and key.
    /// </summary>
    public static IEnumerable<(string Type, string Key)> PublishablePrincipals(IReadOnlyEntityType type, Func<IProperty, object?> value) =>
        type.GetForeignKeys()
            .Where(k => typeof(IPublishable).IsAssignableFrom(k.PrincipalEntityType.ClrType))
            .Select(k => (k.PrincipalEntityType.ClrType.Name, Values: k.Properties.Select(p => value((IProperty)p)).ToList()))
            .Where(k => k.Values.All(v => v is not null))
            .Select(k => (k.Name, Key(k.Values)));

    /// <summary>A sealed entry: a fresh seed for its salts, and its hash over every field.</summary>
    public static AuditEntry Create(
        long sequence, string previousHash, AuditActor actor, DateTimeOffset at, string entityType, string entityKey, string operation, string visibility, string? before, string after) =>
        CreateChain(sequence - 1, previousHash, actor, at, [new Draft(entityType, entityKey, operation, visibility, before, after)])[0];

    /// <summary>What an entry says about its record, before it is sealed into the chain.</summary>
    public sealed record Draft(string EntityType, string EntityKey, string Operation, string Visibility, string? Before, string After);

    /// <summary>
    /// Seals entries of one actor and time in a row after the entry <paramref name="head"/> (whose hash is
    /// <paramref name="previousHash"/>): the content digests, the costly part, in parallel; then each hash onto the one before.
    /// </summary>
    public static List<AuditEntry> CreateChain(long head, string previousHash, AuditActor actor, DateTimeOffset at, IReadOnlyList<Draft> drafts)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(drafts);
        var entries = drafts.Select((draft, i) => new AuditEntry
        {
            Id = head + 1 + i,
            At = at,
            ActorSubject = actor.Subject,
            ActorRole = actor.Role,
            ActorOrganizationCode = actor.OrganizationCode,
            EntityType = draft.EntityType,
            EntityKey = draft.EntityKey,
            Operation = draft.Operation,
            Visibility = draft.Visibility,
            Before = draft.Before,
            After = draft.After,
            Seed = AuditEncoding.NewSeed(),
            PreviousHash = "",
            Hash = "",
        }).ToList();
        var contents = new string[entries.Count];
        if (entries.Count == 1)
        {
            contents[0] = ContentDigest(entries[0]);
        }
        else
        {
            Parallel.For(0, entries.Count, i => contents[i] = ContentDigest(entries[i]));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            entry.PreviousHash = previousHash;
            entry.Hash = AuditEncoding.EntryHash(entry.Id, entry.PreviousHash, entry.Visibility, contents[i]);
            previousHash = entry.Hash;
        }

        return entries;
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

        // An entry with neither (v1, not re-encoded: AuditUpgrade) has no salts; its hash cannot match, and verification says where.
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.Salts ?? "{}")!;
        return name => stored.GetValueOrDefault(name, "");
    }

    /// <summary>The digest over every field's digest, the redacted ones included.</summary>
    public static string ContentDigest(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var hasher = new AuditEncoding.FieldHasher(entry.Seed);
        var salt = entry.Seed is null ? Salts(entry) : hasher.Salt;
        return AuditEncoding.ContentDigest(Fields(entry)
            .Select(f => (f.Key, hasher.FieldDigest(salt(f.Key), f.Key, f.Value)))
            .Concat(RedactedFields(entry).Select(r => (r.Key, r.Value.Digest)))
            .ToList());
    }

    /// <summary>The entry's hash as FORMAT.md defines it, recomputed from what is stored.</summary>
    public static string ComputeHash(AuditEntry entry) => AuditEncoding.EntryHash(entry.Id, entry.PreviousHash, entry.Visibility, ContentDigest(entry));

    /// <summary>The properties of a Before or After JSON object.</summary>
    public static Dictionary<string, string?> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The recorded fields of a record of <paramref name="type"/>, each read by <paramref name="value"/> and formatted as
    /// the trail records it. Tracked entities, rows written in bulk and the live records the check reads back all go
    /// through here, so that the same state always gives the same fields.
    /// </summary>
    public static SortedDictionary<string, string?> RecordedFields(IEntityType type, Func<IProperty, object?> value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (property, byDigest) in RecordedProperties.GetOrAdd(type, RecordedPropertiesOf))
        {
            values[property.Name] = Digested(Format(value(property)), byDigest);
        }

        return values;
    }

    /// <summary>The recorded fields as JSON with sorted keys: an entry's Before or After.</summary>
    public static string Canonical(IEntityType type, Func<IProperty, object?> value) => JsonSerializer.Serialize(RecordedFields(type, value), CanonicalJson);

    /// <summary>Chinese and quotes as they are: the JSON is read by people in history(id:), and never inlined in HTML.</summary>
    private static readonly JsonSerializerOptions CanonicalJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record's key as entries name it: its key properties, formatted, comma-separated.</summary>
    public static string KeyOf(IEntityType type, Func<IProperty, object?> value) => Key(type.FindPrimaryKey()!.Properties.Select(p => value(p)));

    /// <summary>Key values as the trail records them: formatted, joined by commas.</summary>
    public static string Key(IEnumerable<object?> values) => string.Join(",", values.Select(Format));

    /// <summary>The property values of an entity object that EF does not track (a row written in bulk, a record read back).</summary>
    public static Func<IProperty, object?> ValuesOf(object entity) => property => property.IsShadowProperty()
        ? throw new NotSupportedException($"{property.DeclaringType.ClrType.Name}.{property.Name} is a shadow property; only a tracked entity has its value.")
        : property.GetGetter().GetClrValueUsingContainingEntity(entity);

    /// <summary>The recorded properties of each entity type, and whether each is recorded by its digest: read once per type.</summary>
    private static readonly ConcurrentDictionary<IEntityType, (IProperty Property, bool ByDigest)[]> RecordedProperties = new();

    private static (IProperty Property, bool ByDigest)[] RecordedPropertiesOf(IEntityType type) =>
        [.. type.GetProperties()
            .Where(p =>
                // The trail is public: what the domain declares restricted stays out of it, and what may be hidden
                // later is there by its digest only.
                p.PropertyInfo?.IsDefined(typeof(RestrictedAttribute), inherit: false) != true

                // A concurrency token is bookkeeping, not public data: it changes on every write of the row, and also
                // when a writer only locks the row (NeedLocks bumps a need's Version with ExecuteUpdate, outside the trail).
                && !p.IsConcurrencyToken)
            .Select(p => (p, p.PropertyInfo?.IsDefined(typeof(AuditedByDigestAttribute), inherit: false) == true))];

    /// <summary>A property's value as the trail records it: formatted, or its digest when it may be hidden later.</summary>
    public static string? Recorded(IProperty property, object? value) =>
        Digested(Format(value), property.PropertyInfo?.IsDefined(typeof(AuditedByDigestAttribute), inherit: false) == true);

    private static string? Digested(string? formatted, bool byDigest) =>
        formatted is not null && byDigest ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(formatted))) : formatted;

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),

        // By value, not by scale: 40m and 40.0m (as SQLite gives it back) are one value, formatted "40".
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
