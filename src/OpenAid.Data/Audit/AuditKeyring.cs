using System.Security.Cryptography;

namespace OpenAid.Data.Audit;

/// <summary>A private key in hand: its published form, and a signer (a fresh ECDsa per signature, so it is thread-safe).</summary>
public sealed class AuditSigningKey
{
    private readonly string _privateKeyPem;

    private AuditSigningKey(string privateKeyPem, byte[] subjectPublicKeyInfo, string publicKeyPem)
    {
        _privateKeyPem = privateKeyPem;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        PublicKeyPem = publicKeyPem;
        KeyId = AuditSignatures.KeyId(subjectPublicKeyInfo);
    }

    public string KeyId { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public string PublicKeyPem { get; }

    public string Sign(byte[] message)
    {
        using var key = Import(_privateKeyPem, "the signing key");
        return AuditSignatures.Sign(key, message);
    }

    public AuditPublicKey Published(string createdAt) => new(KeyId, Convert.ToBase64String(SubjectPublicKeyInfo), PublicKeyPem, createdAt);

    /// <summary>A new P-256 private key as PKCS#8 PEM.</summary>
    internal static string NewPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    internal static AuditSigningKey Read(string path)
    {
        OwnerOnlyFile.Tighten(path);
        var pem = File.ReadAllText(path);
        using var key = Import(pem, path);
        return new AuditSigningKey(pem, key.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfoPem());
    }

    private static ECDsa Import(string pem, string what)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (!AuditSignatures.IsP256(key))
            {
                throw new CryptographicException("not on the P-256 curve");
            }

            return key;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException($"The audit signing key {what} is not an ECDSA P-256 private key in PEM: {exception.Message}", exception);
        }
    }
}

/// <summary>The key that signs now, and every public key published.</summary>
public sealed record AuditKeyringState(AuditSigningKey Signer, AuditKeySet Published);

/// <summary>
/// The audit signing keys, kept outside the database (so that whoever can write the database cannot sign): the
/// private key in a PEM file of mode 0600 (Audit:SigningKeyPath), and beside it, in <c>*.keys.json</c>, every public
/// key that ever signed, oldest first — exactly what /export/audit-key publishes, so that retired keys stay
/// published. A rotation writes the next key to <c>*.next.pem</c> first, so that an interrupted rotation can be
/// finished (see <see cref="AuditCheckpoints.RotateAsync"/>). The files are read again whenever they change, so an
/// instance that shares them follows a rotation made by another process.
/// </summary>
public sealed class AuditKeyring(string privateKeyPath, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private (string Stamp, AuditKeyringState State)? _cached;

    public string PrivateKeyPath { get; } = Path.GetFullPath(privateKeyPath);

    public string PublicKeysPath => Path.ChangeExtension(PrivateKeyPath, ".keys.json");

    public string NextKeyPath => Path.ChangeExtension(PrivateKeyPath, ".next.pem");

    public bool Exists => File.Exists(PrivateKeyPath);

    /// <summary>Makes the first key; refuses when there is one already, which only a rotation may replace.</summary>
    public AuditSigningKey CreateFirst()
    {
        OwnerOnlyFile.CreateNew(PrivateKeyPath, AuditSigningKey.NewPem());
        return Current().Signer;
    }

    /// <summary>
    /// The key that signs now and the published set, from the files. A key that the set does not list yet (a key file
    /// replaced by hand) is added to it, so that what it signs names a published key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key file is missing or not a P-256 private key.</exception>
    public AuditKeyringState Current()
    {
        lock (_lock)
        {
            if (!Exists)
            {
                throw new InvalidOperationException($"The audit signing key {PrivateKeyPath} does not exist.");
            }

            var stamp = Stamp(PrivateKeyPath) + "|" + Stamp(PublicKeysPath);
            if (_cached is { } cached && cached.Stamp == stamp)
            {
                return cached.State;
            }

            var signer = AuditSigningKey.Read(PrivateKeyPath);
            var published = Include(ReadPublished(), signer, makeCurrent: true);
            // Stamped after Include, which may have written the set.
            _cached = (Stamp(PrivateKeyPath) + "|" + Stamp(PublicKeysPath), new AuditKeyringState(signer, published));
            return _cached.Value.State;
        }
    }

    /// <summary>The next key of a rotation: the one an interrupted rotation left, or a new one; published at once (not yet current).</summary>
    public AuditSigningKey PrepareNext()
    {
        lock (_lock)
        {
            if (!File.Exists(NextKeyPath))
            {
                OwnerOnlyFile.CreateNew(NextKeyPath, AuditSigningKey.NewPem());
            }

            var next = AuditSigningKey.Read(NextKeyPath);
            Include(ReadPublished(), next, makeCurrent: false);
            return next;
        }
    }

    /// <summary>The key an interrupted rotation prepared, if one did.</summary>
    public string? PendingNextKeyId()
    {
        lock (_lock)
        {
            return File.Exists(NextKeyPath) ? AuditSigningKey.Read(NextKeyPath).KeyId : null;
        }
    }

    /// <summary>Makes the prepared next key the one that signs.</summary>
    public void SwitchToNext()
    {
        lock (_lock)
        {
            File.Move(NextKeyPath, PrivateKeyPath, overwrite: true);
            _cached = null;
        }

        Current();
    }

    private AuditKeySet? ReadPublished() =>
        File.Exists(PublicKeysPath)
            ? AuditKeySet.FromJson(File.ReadAllText(PublicKeysPath)) ?? throw new InvalidOperationException($"{PublicKeysPath} is not a key set.")
            : null;

    /// <summary>The set with <paramref name="key"/> listed (and current if asked), written back when that changed it.</summary>
    private AuditKeySet Include(AuditKeySet? published, AuditSigningKey key, bool makeCurrent)
    {
        var keys = published?.Keys ?? [];
        var set = new AuditKeySet(
            AuditSignatures.Algorithm,
            makeCurrent || published is null ? key.KeyId : published.Current,
            keys.Any(k => k.KeyId == key.KeyId) ? keys : [.. keys, key.Published(AuditTrail.Format(clock.GetUtcNow())!)]);
        if (published is null || set.Current != published.Current || set.Keys.Count != keys.Count)
        {
            // Written whole and moved into place, so that a reader never sees half a file.
            var temporary = $"{PublicKeysPath}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, set.ToJson(indented: true));
            File.Move(temporary, PublicKeysPath, overwrite: true);
        }

        return set;
    }

    private static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.LastWriteTimeUtc.Ticks}:{file.Length}" : "-";
    }
}
