namespace OpenAid.Data.Audit;

/// <summary>What a verifier trusts besides the published keys (FORMAT.md, Keys): an earlier dump's keys or a pinned
/// key, and an earlier dump's checkpoints that this chain must extend.</summary>
/// <param name="TrustedKeys">Trusted from the start; none (null or empty) means trust on first use of the first published key.</param>
/// <param name="Earlier">Checkpoints of an earlier dump (or any the caller kept).</param>
public sealed record CheckpointTrust(IReadOnlyList<AuditPublicKey>? TrustedKeys = null, IReadOnlyList<PublishedCheckpoint>? Earlier = null);

/// <param name="Problem">The first broken place, or null when every checkpoint holds.</param>
/// <param name="CheckpointsChecked">Published checkpoints checked (the failing one included).</param>
/// <param name="LastCheckpoint">The newest published checkpoint.</param>
/// <param name="TrustedOnFirstUse">The key trusted only because it is the first published one, when no key was given.</param>
public sealed record CheckpointVerification(AuditProblem? Problem, int CheckpointsChecked, PublishedCheckpoint? LastCheckpoint, string? TrustedOnFirstUse);

/// <summary>
/// Steps 2 and 3 of FORMAT.md's verification, over published forms only: every checkpoint's signature
/// (BAD_SIGNATURE) by a trusted key (UNTRUSTED_KEY), its entry present (TRUNCATED) with its head
/// (CHECKPOINT_MISMATCH); then that the chain extends the earlier checkpoints given (TRUNCATED, REWRITTEN).
/// A key is trusted when given, or (given none) when it is the first published key, or when a rotation signed by
/// the key then in force introduced it; after a rotation only the next key may sign.
/// </summary>
public static class CheckpointVerifier
{
    public const string BadSignature = "BAD_SIGNATURE";
    public const string UntrustedKey = "UNTRUSTED_KEY";
    public const string Truncated = "TRUNCATED";
    public const string CheckpointMismatch = "CHECKPOINT_MISMATCH";
    public const string Rewritten = "REWRITTEN";

    /// <param name="checkpoints">The published checkpoints, oldest first.</param>
    /// <param name="keys">The published keys.</param>
    /// <param name="entryHash">The chain's hash of entry n (1 ≤ n ≤ <paramref name="chainLength"/>).</param>
    /// <param name="chainLength">The sequence of the chain's last entry (0 when empty).</param>
    /// <param name="trust">Trusted keys and earlier checkpoints; none by default.</param>
    public static CheckpointVerification Verify(
        IReadOnlyList<PublishedCheckpoint> checkpoints, AuditKeySet keys, Func<long, string?> entryHash, long chainLength, CheckpointTrust? trust = null)
    {
        var known = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys.Keys.Concat(trust?.TrustedKeys ?? []))
        {
            if (key.VerifiedSubjectPublicKeyInfo() is { } der)
            {
                known.TryAdd(key.KeyId, der);
            }
        }

        var trusted = new HashSet<string>(trust?.TrustedKeys?.Select(k => k.KeyId) ?? [], StringComparer.Ordinal);
        string? firstUse = null;
        if (trusted.Count == 0 && keys.Keys.Count > 0)
        {
            firstUse = keys.Keys[0].KeyId;
            trusted.Add(firstUse);
        }

        var ordered = checkpoints.OrderBy(c => c.Sequence).ThenBy(c => c.IsRotation).ToList();
        string? inForce = null;
        var count = 0;
        foreach (var checkpoint in ordered)
        {
            count++;
            var problem = Signature(checkpoint, known, "Checkpoint")
                ?? Trust(checkpoint, trusted, inForce)
                ?? Covers(checkpoint, entryHash, chainLength);
            if (problem is not null)
            {
                return new(problem, count, ordered[^1], firstUse);
            }

            inForce = checkpoint.NextKeyId ?? checkpoint.KeyId;
            trusted.Add(inForce);
        }

        var last = ordered.Count == 0 ? null : ordered[^1];
        var extends = Extends(trust?.Earlier ?? [], ordered, known, entryHash, chainLength);
        return new(extends, count, last, firstUse);
    }

    private static AuditProblem? Signature(PublishedCheckpoint checkpoint, Dictionary<string, byte[]> known, string what)
    {
        if (!known.TryGetValue(checkpoint.KeyId, out var der))
        {
            return new(UntrustedKey, checkpoint.Sequence, $"{what} #{checkpoint.Sequence} is signed by key {checkpoint.KeyId}, which is not published.");
        }

        return AuditSignatures.Verify(der, checkpoint.Message(), checkpoint.Signature)
            ? null
            : new(BadSignature, checkpoint.Sequence, $"{what} #{checkpoint.Sequence}'s signature does not verify with key {checkpoint.KeyId}: it was changed after it was signed.");
    }

    private static AuditProblem? Trust(PublishedCheckpoint checkpoint, HashSet<string> trusted, string? inForce)
    {
        if (inForce is not null && checkpoint.KeyId != inForce)
        {
            return new(UntrustedKey, checkpoint.Sequence,
                $"Checkpoint #{checkpoint.Sequence} is signed by key {checkpoint.KeyId}, but key {inForce} signs at that point: no rotation signed by {inForce} introduced {checkpoint.KeyId}.");
        }

        return trusted.Contains(checkpoint.KeyId)
            ? null
            : new(UntrustedKey, checkpoint.Sequence, $"Checkpoint #{checkpoint.Sequence} is signed by key {checkpoint.KeyId}, which is not trusted: it is neither given nor introduced by a rotation.");
    }

    private static AuditProblem? Covers(PublishedCheckpoint checkpoint, Func<long, string?> entryHash, long chainLength)
    {
        if (checkpoint.Sequence < 1 || checkpoint.Sequence > chainLength)
        {
            return new(Truncated, checkpoint.Sequence,
                $"Checkpoint #{checkpoint.Sequence} covers entries the chain does not have (it ends at #{chainLength}): entries were removed.");
        }

        return entryHash(checkpoint.Sequence) == checkpoint.Head
            ? null
            : new(CheckpointMismatch, checkpoint.Sequence,
                $"Entry {checkpoint.Sequence} is not the entry checkpoint #{checkpoint.Sequence} signed (head {checkpoint.Head[..Math.Min(16, checkpoint.Head.Length)]}…): entries up to it were rewritten.");
    }

    /// <summary>Step 3: every earlier checkpoint is genuine, still published, and this chain has its head at its sequence.</summary>
    private static AuditProblem? Extends(
        IReadOnlyList<PublishedCheckpoint> earlier, List<PublishedCheckpoint> published, Dictionary<string, byte[]> known, Func<long, string?> entryHash, long chainLength)
    {
        var here = published.Select(c => (c.Sequence, c.Head, c.IsRotation)).ToHashSet();
        long matched = 0;
        foreach (var checkpoint in earlier.OrderBy(c => c.Sequence).ThenBy(c => c.IsRotation))
        {
            if (Signature(checkpoint, known, "The earlier checkpoint") is { } problem)
            {
                return problem;
            }

            if (checkpoint.Sequence > chainLength)
            {
                return new(Truncated, checkpoint.Sequence,
                    $"The chain ends at #{chainLength}, before the earlier checkpoint #{checkpoint.Sequence}: entries were removed.");
            }

            if (entryHash(checkpoint.Sequence) != checkpoint.Head)
            {
                return new(Rewritten, checkpoint.Sequence,
                    $"Entry {checkpoint.Sequence} differs from the earlier checkpoint #{checkpoint.Sequence}: an entry after #{matched} and up to #{checkpoint.Sequence} was rewritten.");
            }

            if (!here.Contains((checkpoint.Sequence, checkpoint.Head, checkpoint.IsRotation)))
            {
                return new(Rewritten, checkpoint.Sequence, $"The earlier checkpoint #{checkpoint.Sequence} is no longer published: the checkpoints were rewritten.");
            }

            matched = checkpoint.Sequence;
        }

        return null;
    }
}
