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
    /// The salts of many fields of one entry: the same as <see cref="Salt"/>, with the HMAC keyed once (an entry has
    /// some twenty fields, and keying is most of the cost).
    /// </summary>
    internal sealed class SaltsOfSeed(string seedHex) : IDisposable
    {
        private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Convert.FromHexString(seedHex));

        public string Salt(string name)
        {
            _hmac.AppendData(Encoding.UTF8.GetBytes(name));
            Span<byte> mac = stackalloc byte[32];
            _hmac.GetHashAndReset(mac);
            return Convert.ToHexStringLower(mac[..16]);
        }

        public void Dispose() => _hmac.Dispose();
    }

    /// <summary>H( LP(tag) ‖ LP(salt) ‖ LP(name) ‖ V(value) ).</summary>
    public static string FieldDigest(string saltHex, string name, string? value)
    {
        var buffer = new LengthPrefixedBytes();
        buffer.Text(FieldTag).Text(saltHex).Text(name).Value(value);
        return buffer.Sha256Hex();
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

        private LengthPrefixedBytes Raw(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_bytes.GetSpan(4), value);
            _bytes.Advance(4);
            return this;
        }
    }
}
