using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;

namespace OpenAid.Data.Audit;

/// <summary>
/// A value being erased from one record's trail: every before.<see cref="Property"/> and after.<see cref="Property"/>
/// of the record (<see cref="EntityType"/>, <see cref="EntityKey"/>) that holds exactly <see cref="Value"/>, under the
/// redaction <see cref="Code"/>.
/// </summary>
public sealed record PendingRedaction(string EntityType, string EntityKey, string Property, string Value, string Code)
{
    /// <summary>The fields of <paramref name="entry"/> this redaction erases; none when the entry is of another record.</summary>
    public IReadOnlyList<string> FieldsIn(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.EntityType != EntityType || entry.EntityKey != EntityKey)
        {
            return [];
        }

        var fields = AuditTrail.Fields(entry);
        return [.. new[] { "before." + Property, "after." + Property }.Where(name => fields.TryGetValue(name, out var value) && value == Value)];
    }
}

/// <summary>
/// Erases recorded values from audit entries without changing a hash (FORMAT.md): each erased field's digest moves to
/// the entry's Redactions with the redaction's code, the value leaves Before/After, and the seed gives way to the
/// explicit salts of the fields that remain — kept, the seed would let anyone holding the database recompute the
/// erased field's salt and test guesses of the value against its digest.
/// </summary>
public static class AuditRedactor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Erases what <paramref name="redaction"/> covers in <paramref name="entry"/>; returns the fields erased.</summary>
    public static IReadOnlyList<string> Erase(AuditEntry entry, PendingRedaction redaction)
    {
        ArgumentNullException.ThrowIfNull(redaction);
        var names = redaction.FieldsIn(entry);
        if (names.Count > 0)
        {
            Erase(entry, names, redaction.Code);
        }

        return names;
    }

    /// <summary>Erases the fields <paramref name="names"/> of <paramref name="entry"/>.</summary>
    /// <exception cref="InvalidOperationException">The entry's hash would change (or did not verify to begin with): nothing may be committed.</exception>
    public static void Erase(AuditEntry entry, IReadOnlyCollection<string> names, string code)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(names);
        var salt = AuditTrail.Salts(entry);
        var fields = AuditTrail.Fields(entry);
        var redacted = new SortedDictionary<string, AuditTrail.RedactedField>(AuditTrail.RedactedFields(entry).ToDictionary(), StringComparer.Ordinal);
        foreach (var name in names)
        {
            redacted[name] = new AuditTrail.RedactedField(AuditEncoding.FieldDigest(salt(name), name, fields[name]), code);
        }

        var salts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in fields.Keys.Except(names, StringComparer.Ordinal))
        {
            salts[name] = salt(name);
        }

        entry.Salts = JsonSerializer.Serialize(salts);
        entry.Seed = null;
        entry.Redactions = JsonSerializer.Serialize(redacted, Json);
        entry.Before = Without(entry.Before, "before.", names);
        entry.After = Without(entry.After, "after.", names)!;
        if (AuditTrail.ComputeHash(entry) != entry.Hash)
        {
            throw new InvalidOperationException($"Redacting {string.Join(", ", names)} of audit entry {entry.Id} would change its hash; nothing was redacted.");
        }
    }

    /// <summary>
    /// The property of <paramref name="entityType"/> a redaction may erase: free text, i.e. a string that is no key,
    /// foreign key or indexed column (codes and register numbers are, and name records rather than describe them);
    /// null for anything else, and for entity types the model does not hold.
    /// </summary>
    public static IProperty? RedactableProperty(DbContext db, string entityType, string property)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType)?.FindProperty(property);
        return found is { PropertyInfo: not null } && found.ClrType == typeof(string) && !found.IsKey() && !found.IsForeignKey() && !found.IsIndex()
            && !found.PropertyInfo.IsDefined(typeof(RestrictedAttribute), inherit: false)
            ? found
            : null;
    }

    /// <summary>The live record an entry of <paramref name="property"/>'s entity type with key <paramref name="entityKey"/> records, tracked; null when there is none.</summary>
    public static async Task<object?> RecordAsync(DbContext db, IProperty property, string entityKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(entityKey);
        var type = (IEntityType)property.DeclaringType;
        var key = type.FindPrimaryKey()!.Properties;
        var parts = entityKey.Split(',');
        if (parts.Length != key.Count)
        {
            return null;
        }

        // Keys are written as AuditTrail.Format writes them: invariant numbers, joined by commas.
        var values = key.Select((p, i) => Convert.ChangeType(parts[i], Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType, CultureInfo.InvariantCulture)).ToArray();
        return await db.FindAsync(type.ClrType, values, ct);
    }

    /// <summary>A Before or After object without the erased properties, as canonical (sorted) JSON.</summary>
    private static string? Without(string? json, string section, IReadOnlyCollection<string> names)
    {
        if (json is null)
        {
            return null;
        }

        var values = new SortedDictionary<string, string?>(AuditTrail.Values(json), StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.StartsWith(section, StringComparison.Ordinal)))
        {
            values.Remove(name[section.Length..]);
        }

        return JsonSerializer.Serialize(values);
    }
}
