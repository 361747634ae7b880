using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;

namespace OpenAid.Data.Audit;

/// <summary>
/// The audit entries of rows written in bulk, without change tracking (the importer, the seeds, the demo data): each
/// inserted row gets its create entry (restricted while the record is not public), each rewritten row an update entry
/// against the state it was last written or read in. Formatted, sealed and chained by the same code as the trail's
/// entries for tracked entities (<see cref="AuditTrail.Canonical"/>, <see cref="AuditTrail.Create"/>), under one actor.
/// </summary>
internal sealed class BulkAudit(OpenAidDbContext db, AuditActor actor)
{
    /// <summary>Each row's recorded fields as last written or read: the before of its next update.</summary>
    private readonly Dictionary<object, string> _stored = new(ReferenceEqualityComparer.Instance);

    /// <summary>One time for the whole bulk write, which commits as one transaction.</summary>
    private readonly DateTimeOffset _at = db.Clock.GetUtcNow();

    /// <summary>Rows read from the database that a later update may change; what they hold now is what is stored.</summary>
    public void Loaded(IEnumerable<object> rows)
    {
        foreach (var row in rows)
        {
            if (AuditTrail.IsRecorded(TypeOf(row)))
            {
                _stored[row] = AuditTrail.Canonical(TypeOf(row), AuditTrail.ValuesOf(row));
            }
        }
    }

    /// <summary>The entries of rows just inserted (<paramref name="added"/>) and rewritten (<paramref name="modified"/>), chained onto the head.</summary>
    public async Task<List<AuditEntry>> EntriesAsync(IEnumerable<object> added, IEnumerable<object> modified, CancellationToken ct)
    {
        var entries = new List<AuditTrail.Draft>();
        foreach (var row in added)
        {
            var type = TypeOf(row);
            if (AuditTrail.IsRecorded(type))
            {
                var values = AuditTrail.ValuesOf(row);
                var after = AuditTrail.Canonical(type, values);
                _stored[row] = after;
                entries.Add(new AuditTrail.Draft(type.ClrType.Name, AuditTrail.KeyOf(type, values), "create", Visibility(type, row, values), null, after));
            }
        }

        foreach (var row in modified)
        {
            var type = TypeOf(row);
            if (!AuditTrail.IsRecorded(type))
            {
                continue;
            }

            if (!_stored.TryGetValue(row, out var before))
            {
                throw new InvalidOperationException(
                    $"A {type.ClrType.Name} row was rewritten that this writer neither inserted nor was given as loaded (BulkWriter.Loaded): its update entry needs the state it had.");
            }

            var values = AuditTrail.ValuesOf(row);
            var after = AuditTrail.Canonical(type, values);
            if (after != before)
            {
                _stored[row] = after;
                entries.Add(new AuditTrail.Draft(type.ClrType.Name, AuditTrail.KeyOf(type, values), "update", Visibility(type, row, values), before, after));
            }
        }

        return await ChainAsync(entries, ct);
    }

    /// <summary>Records this writer wrote that are not public (draft notices): their links are restricted with them.</summary>
    private readonly HashSet<(string Type, string Key)> _hidden = [];

    /// <summary>As for a tracked save: a record not public, or a link of one, is restricted.</summary>
    private string Visibility(IEntityType type, object row, Func<IProperty, object?> values)
    {
        if (row is IPublishable publishable)
        {
            if (!publishable.IsPublic)
            {
                _hidden.Add((type.ClrType.Name, AuditTrail.KeyOf(type, values)));
                return AuditTrail.Restricted;
            }

            return AuditTrail.Public;
        }

        return AuditTrail.PublishablePrincipals(type, values).Any(_hidden.Contains) ? AuditTrail.Restricted : AuditTrail.Public;
    }

    /// <summary>One public entry for what no single row stands for (the import of the places).</summary>
    public async Task<List<AuditEntry>> EntryAsync(string entityType, string entityKey, string operation, string after, CancellationToken ct) =>
        await ChainAsync([new AuditTrail.Draft(entityType, entityKey, operation, AuditTrail.Public, null, after)], ct);

    private IEntityType TypeOf(object row) =>
        db.Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not in the model.");

    /// <summary>Seals the entries onto the chain's head, read in the writer's transaction, which holds the write lock (DataWrites.InTransactionAsync).</summary>
    private async Task<List<AuditEntry>> ChainAsync(List<AuditTrail.Draft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var head = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        return AuditTrail.CreateChain(head?.Id ?? 0, head?.Hash ?? AuditEncoding.GenesisHash, actor, _at, drafts);
    }
}
