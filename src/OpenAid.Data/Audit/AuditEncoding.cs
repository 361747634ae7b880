using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OpenAid.Data.Audit;

/// <summary>
/// The audit trail's v2 encoding (FORMAT.md): every piece length-prefixed so that no two entries encode alike, each
/// field digested with its own salt so that a value can be erased and the chain still verifies, and the entry hash
/// over the sequence, the previous hash, the visibility and the content digest.
/// </summary>
public static class AuditEncoding
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string FieldTag = "openaid.audit.field.v2";
    private const string ContentTag = "openaid.audit.content.v2";
    private const string EntryTag = "openaid.audit.entry.v2";

    /// <summary>A fresh per-entry secret from which its field salts derive; never published.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The salt of field <paramref name="name"/>: the first 16 bytes of HMAC-SHA256(seed, name), as hex.</summary>
    public static string Salt(string seedHex, string name) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(seedHex), Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    /// <summary>
    /// The salts and digests of the many fields of one entry, the same as <see cref="Salt"/> and <see cref="FieldDigest"/>
    /// with the hashes set up once per entry rather than once per field: an entry has some twenty fields, and setting up
    /// a hash (keying the HMAC above all) costs more than hashing a field. Not thread-safe; one per entry.
    /// </summary>
    internal sealed class FieldHasher(string? seedHex) : IDisposable
    {
        private readonly IncrementalHash? _hmac = seedHex is null ? null : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Convert.FromHexString(seedHex));
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly LengthPrefixedBytes _bytes = new();

        /// <summary>The salt of field <paramref name="name"/> from the entry's seed.</summary>
        public string Salt(string name)
        {
            var hmac = _hmac ?? throw new InvalidOperationException("This entry has no seed; its salts are stored.");
            hmac.AppendData(Encoding.UTF8.GetBytes(name));
            Span<byte> mac = stackalloc byte[32];
            hmac.GetHashAndReset(mac);
            return Convert.ToHexStringLower(mac[..16]);
        }

        public string FieldDigest(string saltHex, string name, string? value)
        {
            return _bytes.Clear().Field(saltHex, name, value).Sha256Hex(_sha);
        }

        public void Dispose()
        {
            _hmac?.Dispose();
            _sha.Dispose();
        }
    }

    /// <summary>H( LP(tag) ‖ LP(salt) ‖ LP(name) ‖ V(value) ).</summary>
    public static string FieldDigest(string saltHex, string name, string? value)
    {
        return new LengthPrefixedBytes().Field(saltHex, name, value).Sha256Hex();
    }

    /// <summary>H( LP(tag) ‖ U32(count) ‖ for each field by ordinal name: LP(name) ‖ LP(digest) ).</summary>
    public static string ContentDigest(IEnumerable<(string Name, string Digest)> fields)
    {
        var ordered = fields.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var buffer = new LengthPrefixedBytes();
        buffer.Text(ContentTag).Count(ordered.Count);
        foreach (var (name, digest) in ordered)
        {
            buffer.Text(name).Text(digest);
        }

        return buffer.Sha256Hex();
    }

    /// <summary>H( LP(tag) ‖ LP(sequence) ‖ LP(previousHash) ‖ LP(visibility) ‖ LP(contentDigest) ).</summary>
    public static string EntryHash(long sequence, string previousHash, string visibility, string contentDigest)
    {
        var buffer = new LengthPrefixedBytes();
        buffer.Text(EntryTag).Text(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).Text(previousHash).Text(visibility).Text(contentDigest);
        return buffer.Sha256Hex();
    }

    /// <summary>The length-prefixed byte string the digests are taken over.</summary>
    internal sealed class LengthPrefixedBytes
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(256);

        public LengthPrefixedBytes Text(string text)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            Count(length);
            _bytes.Advance(Encoding.UTF8.GetBytes(text, _bytes.GetSpan(length)));
            return this;
        }

        /// <summary>A null value is the length FF FF FF FF with no content, so it differs from every string, "" included.</summary>
        public LengthPrefixedBytes Value(string? value) => value is null ? Raw(uint.MaxValue) : Text(value);

        public LengthPrefixedBytes Count(int count) => Raw(checked((uint)count));

        public string Sha256Hex() => Convert.ToHexStringLower(SHA256.HashData(_bytes.WrittenSpan));

        /// <summary>The same digest, through a hash set up already (FieldHasher).</summary>
        public string Sha256Hex(IncrementalHash sha)
        {
            sha.AppendData(_bytes.WrittenSpan);
            Span<byte> digest = stackalloc byte[32];
            sha.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest);
        }

        /// <summary>What a field's digest is taken over.</summary>
        public LengthPrefixedBytes Field(string saltHex, string name, string? value) => Text(FieldTag).Text(saltHex).Text(name).Value(value);

        public LengthPrefixedBytes Clear()
        {
            _bytes.ResetWrittenCount();
            return this;
        }

        /// <summary>The bytes themselves, for a message that is signed rather than hashed (a checkpoint).</summary>
        public byte[] ToArray() => _bytes.WrittenSpan.ToArray();

        private LengthPrefixedBytes Raw(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_bytes.GetSpan(4), value);
            _bytes.Advance(4);
            return this;
        }
    }
}
