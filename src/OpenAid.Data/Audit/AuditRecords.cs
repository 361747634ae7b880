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

/// <summary>The live records the audit trail is checked against (<see cref="RecordCheck"/>).</summary>
public static class AuditRecords
{
    private static readonly MethodInfo RowsOfType = typeof(AuditRecords).GetMethod(nameof(Rows), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Every live public record of every entity type the trail records, types by name: public are the records that are
    /// not <see cref="IPublishable"/> and those that are public now. Fields and keys come from
    /// <see cref="AuditTrail.RecordedFields"/> and <see cref="AuditTrail.KeyOf"/>, the code the trail formats entries with.
    /// </summary>
    public static async IAsyncEnumerable<PublishedRecord> ReadAsync(OpenAidDbContext db, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var type in db.Model.GetEntityTypes().Where(AuditTrail.IsRecorded).OrderBy(t => t.ClrType.Name, StringComparer.Ordinal))
        {
            var rows = (IAsyncEnumerable<object>)RowsOfType.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
            await foreach (var row in rows.WithCancellation(ct))
            {
                if (row is IPublishable { IsPublic: false })
                {
                    continue;
                }

                var values = AuditTrail.ValuesOf(row);
                yield return new PublishedRecord(type.ClrType.Name, AuditTrail.KeyOf(type, values), AuditTrail.RecordedFields(type, values));
            }
        }
    }

    /// <summary>Checks the live records against the latest public entries gathered from the chain (see <see cref="RecordCheck"/>).</summary>
    public static async Task<(AuditProblem? Problem, long RecordsChecked)> CheckAsync(OpenAidDbContext db, LatestEntries latest, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var check = new RecordCheck(latest.Records, latest.RegionImport);
        await foreach (var record in ReadAsync(db, ct))
        {
            if (check.Add(record) is { } problem)
            {
                return (problem, check.RecordsChecked);
            }
        }

        return (check.Finish(), check.RecordsChecked);
    }

    private static IAsyncEnumerable<T> Rows<T>(OpenAidDbContext db)
        where T : class =>
        db.Set<T>().AsNoTracking().AsAsyncEnumerable();
}
