using System.Globalization;
using System.Security.Cryptography;

namespace OpenAid.Data.Audit;

/// <summary>
/// Checkpoint signatures as FORMAT.md defines them: ECDSA P-256 with SHA-256 over the length-prefixed checkpoint
/// message, written as IEEE P1363 r‖s in base64; a key is named by the first 16 hex chars of SHA-256 of its
/// SubjectPublicKeyInfo.
/// </summary>
public static class AuditSignatures
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    private const string CheckpointTag = "openaid.audit.checkpoint.v1";

    private const DSASignatureFormat Format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation;

    /// <summary>LP(tag) ‖ LP(sequence) ‖ LP(head) ‖ LP(at) ‖ LP(keyId) ‖ V(nextKeyId).</summary>
    public static byte[] Message(long sequence, string head, string at, string keyId, string? nextKeyId)
    {
        var buffer = new AuditEncoding.LengthPrefixedBytes();
        buffer.Text(CheckpointTag).Text(sequence.ToString(CultureInfo.InvariantCulture)).Text(head).Text(at).Text(keyId).Value(nextKeyId);
        return buffer.ToArray();
    }

    public static string KeyId(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    public static string Sign(ECDsa key, byte[] message) => Convert.ToBase64String(key.SignData(message, HashAlgorithmName.SHA256, Format));

    /// <summary>True when <paramref name="signature"/> is a valid P1363 signature of <paramref name="message"/> by a P-256 key.</summary>
    public static bool Verify(byte[] subjectPublicKeyInfo, byte[] message, string signature)
    {
        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(signature, bytes, out var written) || written != 64)
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return IsP256(key) && key.VerifyData(message, bytes, HashAlgorithmName.SHA256, Format);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static bool IsP256(ECDsa key) => key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value;
}
