using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Audit.Verification;

/// <summary>
/// The trail as this server publishes it, read from its own database: the same forms the dump and /export/audit.ndjson
/// write, so that verifyAuditChain checks exactly what a reporter checks offline. Read inside the caller's transaction.
/// </summary>
public sealed class StoredAudit(OpenAidDbContext db, AuditKeySet? keys, long? upTo = null) : IPublishedAudit
{
    public bool HasRecords => true;

    public async IAsyncEnumerable<PublishedEntry> EntriesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => upTo == null || e.Id <= upTo).OrderBy(e => e.Id);
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return AuditPublication.ToPublished(entry);
        }
    }

    public async Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(CancellationToken ct) =>
        [.. (await AuditCheckpoints.InOrder(db.AuditCheckpoints.Where(c => upTo == null || c.Sequence <= upTo)).AsNoTracking().ToListAsync(ct))
            .Select(PublishedCheckpoint.From)];

    public Task<AuditKeySet?> KeysAsync(CancellationToken ct) => Task.FromResult(keys);

    /// <summary>The redactions performed, oldest first: what each erased and why (requests still open or declined erased nothing).</summary>
    public async Task<IReadOnlyList<PublishedRedaction>> RedactionsAsync(CancellationToken ct) =>
        [.. (await db.AuditRedactions.AsNoTracking().Where(r => r.Status == AuditRedactionStatus.Redacted).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new PublishedRedaction
            {
                Code = r.Code,
                Fields = [.. r.Erased.Select(f => new RedactedFieldReference(f.Sequence, f.Name))],
                Reason = r.Reason,
                LegalBasis = r.LegalBasis,
                RequestedAt = AuditTrail.Format(r.RequestedAt),
                RedactedAt = AuditTrail.Format(r.DecidedAt),
            })];

    public IAsyncEnumerable<PublishedRecord> RecordsAsync(CancellationToken ct) => AuditRecords.ReadAsync(db, ct);
}

/// <summary>Checkpoints a client kept (verifyAuditChain's <c>against</c>): an earlier trail known by its checkpoints alone, checked with this server's keys.</summary>
public sealed class KeptCheckpoints(IReadOnlyList<PublishedCheckpoint> checkpoints, AuditKeySet keys) : IPublishedAudit
{
    public bool HasRecords => false;

    public IAsyncEnumerable<PublishedEntry> EntriesAsync(CancellationToken ct) => AsyncEnumerable.Empty<PublishedEntry>();

    public Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(CancellationToken ct) => Task.FromResult(checkpoints);

    public Task<AuditKeySet?> KeysAsync(CancellationToken ct) => Task.FromResult<AuditKeySet?>(keys);

    public Task<IReadOnlyList<PublishedRedaction>> RedactionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<PublishedRedaction>>([]);

    public IAsyncEnumerable<PublishedRecord> RecordsAsync(CancellationToken ct) => AsyncEnumerable.Empty<PublishedRecord>();
}
