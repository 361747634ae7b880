using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Domain.Common;

namespace OpenAid.Data.Audit;

/// <summary>
/// A live public record in its published form (FORMAT.md, Records; a line of audit/records.ndjson): its entity type
/// and key as entries name them, and its recorded fields formatted as the trail records them.
/// </summary>
public sealed record PublishedRecord(string EntityType, string EntityKey, IReadOnlyDictionary<string, string?> Fields);

/// <summary>The live records the audit trail is checked against (audit/records.ndjson; the verifier's RecordChecks).</summary>
public static class AuditRecords
{
    private static readonly MethodInfo RowsOfType = typeof(AuditRecords).GetMethod(nameof(Rows), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Every live public record of every entity type the trail records, types by name: public are the records that are
    /// not <see cref="IPublishable"/> and those that are public now, except the links of those that are not (a draft's). Fields and keys come from
    /// <see cref="AuditTrail.RecordedFields"/> and <see cref="AuditTrail.KeyOf"/>, the code the trail formats entries with.
    /// </summary>
    public static async IAsyncEnumerable<PublishedRecord> ReadAsync(OpenAidDbContext db, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var types = db.Model.GetEntityTypes().Where(AuditTrail.IsRecorded).OrderBy(t => t.ClrType.Name, StringComparer.Ordinal).ToList();
        var hidden = new HashSet<(string Type, string Key)>();
        foreach (var type in types.Where(t => typeof(IPublishable).IsAssignableFrom(t.ClrType)))
        {
            await foreach (var row in RowsOf(db, type).WithCancellation(ct))
            {
                if (row is IPublishable { IsPublic: false })
                {
                    hidden.Add((type.ClrType.Name, AuditTrail.KeyOf(type, AuditTrail.ValuesOf(row))));
                }
            }
        }

        foreach (var type in types)
        {
            await foreach (var row in RowsOf(db, type).WithCancellation(ct))
            {
                var values = AuditTrail.ValuesOf(row);
                if (row is IPublishable { IsPublic: false } || AuditTrail.PublishablePrincipals(type, values).Any(hidden.Contains))
                {
                    continue;
                }

                yield return new PublishedRecord(type.ClrType.Name, AuditTrail.KeyOf(type, values), AuditTrail.RecordedFields(type, values));
            }
        }
    }

    private static IAsyncEnumerable<object> RowsOf(OpenAidDbContext db, IEntityType type) =>
        (IAsyncEnumerable<object>)RowsOfType.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;

    private static IAsyncEnumerable<T> Rows<T>(OpenAidDbContext db)
        where T : class =>
        db.Set<T>().AsNoTracking().AsAsyncEnumerable();
}
