using System.Globalization;
using System.Security.Cryptography;

namespace OpenAid.Data.Audit.Verification;

/// <summary>Where the verifier's trust in the signing keys came from.</summary>
public enum KeyTrustBasis
{
    /// <summary>No key was published or given.</summary>
    None,

    /// <summary>The keys of an earlier dump (--against).</summary>
    EarlierDump,

    /// <summary>A pinned key (--key).</summary>
    PinnedKey,

    /// <summary>Neither: the first published key, trusted on first use.</summary>
    FirstUse,
}

/// <summary>
/// Verification steps 2 and 3 over the checkpoints (FORMAT.md): each checkpoint's signature, the trust in its key
/// (a key becomes trusted only through a rotation signed by a trusted key, and the rotated-out key signs nothing
/// after it), that its entry exists and has its head; and that an earlier dump's checkpoints and entries are all here.
/// </summary>
public static class CheckpointChecks
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    private const string CheckpointTag = "openaid.audit.checkpoint.v1";

    /// <summary>LP(tag) ‖ LP(sequence) ‖ LP(head) ‖ LP(at) ‖ LP(keyId) ‖ V(nextKeyId): what a checkpoint's signature covers.</summary>
    public static byte[] SignedMessage(long sequence, string head, string at, string keyId, string? nextKeyId) =>
        new AuditEncoding.LengthPrefixedBytes()
            .Text(CheckpointTag).Text(sequence.ToString(CultureInfo.InvariantCulture)).Text(head).Text(at).Text(keyId).Value(nextKeyId)
            .ToArray();

    /// <summary>The first 16 hex characters of SHA-256 over the key's SubjectPublicKeyInfo DER.</summary>
    public static string KeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    /// <summary>The keys to check with: the published ones, the earlier dump's and the pinned one; trusted as FORMAT.md says.</summary>
    /// <exception cref="PublishedFormatException">A published key is not a P-256 public key.</exception>
    internal static KeyRing Trust(AuditKeySet? keys, AuditKeySet? earlierKeys, byte[]? pinnedKey)
    {
        var ring = new KeyRing();
        var published = ring.AddAll(keys, NdjsonPublishedAudit.Keys);
        var earlier = ring.AddAll(earlierKeys, "the earlier dump's " + NdjsonPublishedAudit.Keys);
        if (earlierKeys is not null)
        {
            ring.TrustAll(earlier, KeyTrustBasis.EarlierDump);
        }

        if (pinnedKey is not null)
        {
            ring.TrustAll([ring.Add(pinnedKey, "the pinned key")], KeyTrustBasis.PinnedKey);
        }

        if (earlierKeys is null && pinnedKey is null && published.Count > 0)
        {
            ring.TrustAll([published[0]], KeyTrustBasis.FirstUse);
        }

        return ring;
    }

    /// <summary>Step 2, checkpoint by checkpoint in published order.</summary>
    /// <param name="hashAt">The chain's hash of an entry up to <paramref name="lastSequence"/>, for each checkpoint's sequence.</param>
    internal static AuditProblem? Verify(IReadOnlyList<PublishedCheckpoint> checkpoints, KeyRing keys, Func<long, string?> hashAt, long lastSequence)
    {
        foreach (var checkpoint in checkpoints)
        {
            var at = checkpoint.Sequence;
            if (keys.Find(checkpoint.KeyId) is not { } key)
            {
                return new AuditProblem("UNTRUSTED_KEY", at, $"Checkpoint #{at} is signed by key {checkpoint.KeyId}, which no published or given key has as its id.");
            }

            if (!SignatureVerifies(checkpoint, key))
            {
                return new AuditProblem("BAD_SIGNATURE", at, $"The signature of checkpoint #{at} does not verify with key {checkpoint.KeyId}: the checkpoint was changed, or that key did not sign it.");
            }

            if (keys.Distrust(checkpoint.KeyId) is { } reason)
            {
                return new AuditProblem("UNTRUSTED_KEY", at, $"Checkpoint #{at} is signed by key {checkpoint.KeyId}, {reason}.");
            }

            if (checkpoint.NextKeyId is { } next && next != checkpoint.KeyId)
            {
                keys.Rotate(checkpoint.KeyId, next, at);
            }

            if (at > lastSequence)
            {
                return new AuditProblem("TRUNCATED", lastSequence + 1, $"Checkpoint #{at} covers the chain up to entry {at}, but it ends at entry {lastSequence}: entries were removed from its end.");
            }

            if (hashAt(at) != checkpoint.Head)
            {
                return new AuditProblem("CHECKPOINT_MISMATCH", at, $"Entry {at} does not have the hash checkpoint #{at} signed: the chain up to it was rewritten after the checkpoint.");
            }
        }

        return null;
    }

    /// <summary>Step 3: an earlier dump's chain is a prefix of this one and its checkpoints are all here.</summary>
    /// <param name="firstDifferent">The first sequence at which the earlier dump's entry hash differs from this chain's, if any.</param>
    internal static AuditProblem? AgainstEarlier(
        IReadOnlyList<PublishedCheckpoint> earlier, IReadOnlyList<PublishedCheckpoint> here, KeyRing keys, long? firstDifferent, long earlierLastSequence, long lastSequence)
    {
        // A kept checkpoint that does not verify is no evidence against this chain.
        if (earlier.FirstOrDefault(c => keys.Find(c.KeyId) is not { } key || !SignatureVerifies(c, key)) is { } forged)
        {
            return new AuditProblem("BAD_SIGNATURE", forged.Sequence, $"The earlier checkpoint #{forged.Sequence} given does not verify with key {forged.KeyId}: it was changed, or that key did not sign it.");
        }

        if (firstDifferent is { } rewritten)
        {
            return new AuditProblem("REWRITTEN", rewritten, $"Entry {rewritten} differs from the earlier dump's entry {rewritten}: the chain was rewritten from there on.");
        }

        // Kept checkpoints alone (no earlier entries) still say how far the chain reached.
        earlierLastSequence = Math.Max(earlierLastSequence, earlier.Count == 0 ? 0 : earlier.Max(c => c.Sequence));
        if (earlierLastSequence > lastSequence)
        {
            return new AuditProblem("TRUNCATED", lastSequence + 1, $"The earlier dump's chain runs to entry {earlierLastSequence}, this one ends at entry {lastSequence}: entries were removed from its end.");
        }

        var present = here.Select(c => (c.Sequence, c.Head, c.At, c.KeyId, c.NextKeyId)).ToHashSet();
        if (earlier.FirstOrDefault(c => !present.Contains((c.Sequence, c.Head, c.At, c.KeyId, c.NextKeyId))) is { } missing)
        {
            return new AuditProblem("REWRITTEN", missing.Sequence, $"The earlier dump's checkpoint #{missing.Sequence} (at {missing.At}, key {missing.KeyId}) is not among this dump's checkpoints.");
        }

        return null;
    }

    private static bool SignatureVerifies(PublishedCheckpoint checkpoint, byte[] key)
    {
        Span<byte> signature = stackalloc byte[64];
        if (!Convert.TryFromBase64String(checkpoint.Signature, signature, out var length) || length != 64)
        {
            return false;
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key, out _);
        var message = SignedMessage(checkpoint.Sequence, checkpoint.Head, checkpoint.At, checkpoint.KeyId, checkpoint.NextKeyId);
        return ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}

/// <summary>
/// Keys by the id computed from their public key (a published keyId that does not match its key names nothing),
/// which of them are trusted, and which a rotation has retired.
/// </summary>
internal sealed class KeyRing
{
    private const string P256 = "1.2.840.10045.3.1.7";

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _trusted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _retiredAt = new(StringComparer.Ordinal);

    public KeyTrustBasis Basis { get; private set; }

    /// <summary>The keys trusted from the start, by id.</summary>
    public List<string> Anchors { get; } = [];

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>Why the key may not sign a checkpoint now; null when it may.</summary>
    public string? Distrust(string keyId) =>
        _retiredAt.TryGetValue(keyId, out var rotation) ? $"which checkpoint #{rotation} rotated out"
        : _trusted.Contains(keyId) ? null
        : Basis switch
        {
            KeyTrustBasis.EarlierDump => "which is not a key of the earlier dump nor introduced by a rotation signed with one",
            KeyTrustBasis.PinnedKey => "which is not the pinned key nor introduced by a rotation signed with it",
            _ => "which is not the first published key nor introduced by a rotation signed with a trusted key",
        };

    /// <summary>A rotation signed by a trusted key: the next key is trusted, the old one signs nothing more.</summary>
    public void Rotate(string from, string next, long sequence)
    {
        _trusted.Add(next);
        _trusted.Remove(from);
        _retiredAt[from] = sequence;
    }

    public List<string> AddAll(AuditKeySet? keys, string source)
    {
        if (keys is null)
        {
            return [];
        }

        if (keys.Algorithm != CheckpointChecks.Algorithm)
        {
            throw new PublishedFormatException($"{source}: algorithm {keys.Algorithm} is not {CheckpointChecks.Algorithm}.");
        }

        return [.. keys.Keys.Select(k => Add(SubjectPublicKeyInfo(k, source), source))];
    }

    public string Add(byte[] subjectPublicKeyInfo, string source)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            if (ecdsa.ExportParameters(false).Curve.Oid.Value != P256)
            {
                throw new PublishedFormatException($"{source}: a key is not on the P-256 curve.");
            }
        }
        catch (CryptographicException exception)
        {
            throw new PublishedFormatException($"{source}: a key is not an EC public key ({exception.Message}).", exception);
        }

        var id = CheckpointChecks.KeyId(subjectPublicKeyInfo);
        _keys[id] = subjectPublicKeyInfo;
        return id;
    }

    public void TrustAll(IEnumerable<string> keyIds, KeyTrustBasis basis)
    {
        foreach (var id in keyIds)
        {
            _trusted.Add(id);
            Anchors.Add(id);
        }

        // With an earlier dump and a pinned key both given, the earlier dump names the basis.
        Basis = Basis == KeyTrustBasis.None ? basis : Basis;
    }

    private static byte[] SubjectPublicKeyInfo(AuditPublicKey key, string source)
    {
        try
        {
            if (key.PublicKey is { } base64)
            {
                return Convert.FromBase64String(base64);
            }

            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(key.PublicKeyPem ?? throw new PublishedFormatException($"{source}: key {key.KeyId} has neither publicKey nor publicKeyPem."));
            return ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or CryptographicException)
        {
            throw new PublishedFormatException($"{source}: key {key.KeyId} is not a public key ({exception.Message}).", exception);
        }
    }
}
