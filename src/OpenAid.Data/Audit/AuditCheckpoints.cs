using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Audit;

/// <summary>The server will not sign: the chain no longer extends its last checkpoint, or this instance holds a retired key.</summary>
public sealed class AuditCheckpointRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Makes signed checkpoints of the audit chain (FORMAT.md, Checkpoints) with the keyring's key. It signs only a chain
/// that extends its last checkpoint, and never with a key a rotation retired. Two instances that sign the same head
/// collide on the table's key, and the loser returns the winner's checkpoint. Writing one is bookkeeping: no data
/// version, no audit entry, no actor.
/// </summary>
public sealed class AuditCheckpoints(AuditKeyring keyring, TimeProvider clock, ILogger<AuditCheckpoints>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AuditCheckpoints>.Instance;

    private sealed record Head(long Sequence, string Hash);

    public AuditKeyring Keyring => keyring;

    /// <summary>A checkpoint at the chain's head, made now unless there is one; null while the trail is empty.</summary>
    /// <exception cref="AuditCheckpointRefusedException">The chain does not extend the last checkpoint, or the key is retired.</exception>
    public async Task<AuditCheckpoint?> EnsureAtHeadAsync(OpenAidDbContext db, CancellationToken ct = default)
    {
        if (await HeadAsync(db, ct) is not { } head)
        {
            return null;
        }

        var latest = await LatestAsync(db, ct);
        return latest?.Sequence == head.Sequence ? latest : await SignAsync(db, head, latest, nextKeyId: null, ct);
    }

    /// <summary>
    /// A checkpoint at the head when it moved since the last one and either <paramref name="everyEntries"/> entries
    /// came since or <paramref name="every"/> passed since the last checkpoint (or, before the first, since the
    /// first entry); otherwise null.
    /// </summary>
    public async Task<AuditCheckpoint?> CheckpointIfDueAsync(OpenAidDbContext db, int everyEntries, TimeSpan every, CancellationToken ct = default)
    {
        if (await HeadAsync(db, ct) is not { } head)
        {
            return null;
        }

        var latest = await LatestAsync(db, ct);
        if (latest?.Sequence == head.Sequence)
        {
            return null;
        }

        var since = latest?.At ?? await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.At).FirstAsync(ct);
        var due = head.Sequence - (latest?.Sequence ?? 0) >= everyEntries || clock.GetUtcNow() - since >= every;
        return due ? await SignAsync(db, head, latest, nextKeyId: null, ct) : null;
    }

    /// <summary>
    /// Rotates the key: prepares the next key (published at once), writes a rotation checkpoint at the head signed
    /// by the current key and naming the next one, then makes the next key current. Run again after an interruption,
    /// it finishes the same rotation.
    /// </summary>
    public async Task<AuditCheckpoint> RotateAsync(OpenAidDbContext db, CancellationToken ct = default)
    {
        // Fails when there is no key yet.
        _ = keyring.Current();
        var head = await HeadAsync(db, ct)
            ?? throw new AuditCheckpointRefusedException("The audit trail is empty, so no key has signed anything yet: there is nothing to rotate. To start with another key, delete the key files while the trail is empty.");
        var latest = await LatestAsync(db, ct);
        var interrupted = latest?.NextKeyId is { } introduced && introduced == keyring.PendingNextKeyId();
        if (latest is { IsRotation: true } && latest.Sequence == head.Sequence && !interrupted)
        {
            // One rotation per sequence: the table holds one rotation checkpoint per place.
            throw new AuditCheckpointRefusedException($"Key {latest.NextKeyId} was introduced at #{head.Sequence}, which is still the head: rotate again once the trail has moved on.");
        }

        var next = keyring.PrepareNext();
        var rotation = interrupted ? latest! : await SignAsync(db, head, latest, next.KeyId, ct);
        if (rotation.NextKeyId != next.KeyId)
        {
            throw new AuditCheckpointRefusedException($"Another rotation (to key {rotation.NextKeyId}) was written at #{rotation.Sequence} at the same time. Run the command again.");
        }

        keyring.SwitchToNext();
        return rotation;
    }

    private async Task<AuditCheckpoint> SignAsync(OpenAidDbContext db, Head head, AuditCheckpoint? latest, string? nextKeyId, CancellationToken ct)
    {
        var signer = keyring.Current().Signer;
        // v1 entries come first and are re-encoded at start-up; while they remain (the upgrade refused a changed
        // chain), a signature would seal hashes the upgrade is about to replace, or a chain that does not verify.
        if (await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Seed == null && e.Salts == null && e.Redactions == null).FirstAsync(ct))
        {
            throw new AuditCheckpointRefusedException("The trail still holds entries from before format v2: start-up did not re-encode them because their chain does not verify (verifyAuditChain names the place). No checkpoint is signed over it.");
        }

        if (latest is not null)
        {
            await RequireExtendsAsync(db, head, latest, ct);
            if ((latest.NextKeyId ?? latest.KeyId) != signer.KeyId)
            {
                _logger.LogWarning(
                    "Signing audit checkpoints with key {KeyId}, which no rotation introduced (the last checkpoint expects {Expected}): verifiers will report UNTRUSTED_KEY from #{Sequence}. Rotate keys with rotate-audit-key, never by replacing the key file.",
                    signer.KeyId, latest.NextKeyId ?? latest.KeyId, head.Sequence);
            }
        }

        // A stale instance (still holding the key a rotation retired) must not sign after the rotation.
        if (await db.AuditCheckpoints.AnyAsync(c => c.IsRotation && c.KeyId == signer.KeyId, ct))
        {
            throw new AuditCheckpointRefusedException($"Key {signer.KeyId} was retired by a rotation and never signs again. Install the current key file ({keyring.PrivateKeyPath}) or run rotate-audit-key again to finish an interrupted rotation.");
        }

        var at = clock.GetUtcNow();
        var checkpoint = new AuditCheckpoint
        {
            Sequence = head.Sequence,
            IsRotation = nextKeyId is not null,
            Head = head.Hash,
            At = at,
            KeyId = signer.KeyId,
            NextKeyId = nextKeyId,
            Signature = signer.Sign(AuditSignatures.Message(head.Sequence, head.Hash, AuditTrail.Format(at)!, signer.KeyId, nextKeyId)),
        };
        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(ct);
            return checkpoint;
        }
        catch (DbUpdateException)
        {
            db.Entry(checkpoint).State = EntityState.Detached;
            var winner = await db.AuditCheckpoints.SingleOrDefaultAsync(c => c.Sequence == head.Sequence && c.IsRotation == checkpoint.IsRotation, ct);
            if (winner is null)
            {
                throw;
            }

            // Another instance signed this place first: publish its checkpoint, not a second one.
            return winner;
        }
    }

    /// <summary>The server never signs over a chain that lost or changed what it signed before.</summary>
    private static async Task RequireExtendsAsync(OpenAidDbContext db, Head head, AuditCheckpoint latest, CancellationToken ct)
    {
        if (latest.Sequence > head.Sequence)
        {
            throw new AuditCheckpointRefusedException($"The audit trail ends at #{head.Sequence}, but checkpoint #{latest.Sequence} was signed: entries were removed. No checkpoint is signed over it.");
        }

        var hash = await db.AuditEntries.Where(e => e.Id == latest.Sequence).Select(e => e.Hash).SingleOrDefaultAsync(ct);
        if (hash != latest.Head)
        {
            throw new AuditCheckpointRefusedException($"Entry {latest.Sequence} is not the entry checkpoint #{latest.Sequence} signed: the trail was rewritten. No checkpoint is signed over it.");
        }
    }

    private static Task<Head?> HeadAsync(OpenAidDbContext db, CancellationToken ct) =>
        db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new Head(e.Id, e.Hash)).FirstOrDefaultAsync(ct);

    /// <summary>Checkpoints in the order they are published and verified: by sequence, a rotation after the checkpoint it shares its place with.</summary>
    public static IQueryable<AuditCheckpoint> InOrder(IQueryable<AuditCheckpoint> checkpoints) =>
        checkpoints.OrderBy(c => c.Sequence).ThenBy(c => c.IsRotation);

    private static Task<AuditCheckpoint?> LatestAsync(OpenAidDbContext db, CancellationToken ct) =>
        db.AuditCheckpoints.OrderByDescending(c => c.Sequence).ThenByDescending(c => c.IsRotation).FirstOrDefaultAsync(ct);
}
