using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Audit;

/// <summary>A checkpoint as published (one line of checkpoints.ndjson): every value the text that was signed.</summary>
public sealed record PublishedCheckpoint(long Sequence, string Head, string At, string KeyId, string? NextKeyId, string Signature)
{
    public static PublishedCheckpoint From(AuditCheckpoint checkpoint) =>
        new(checkpoint.Sequence, checkpoint.Head, AuditTrail.Format(checkpoint.At)!, checkpoint.KeyId, checkpoint.NextKeyId, checkpoint.Signature);

    [JsonIgnore]
    public bool IsRotation => NextKeyId is not null;

    /// <summary>The bytes the signature is over.</summary>
    public byte[] Message() => AuditSignatures.Message(Sequence, Head, At, KeyId, NextKeyId);

    /// <summary>One NDJSON line: {"sequence":…,"head":…,"at":…,"keyId":…,"nextKeyId":null,"signature":…}.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AuditJson.Options);

    public static PublishedCheckpoint? FromJson(string line) => JsonSerializer.Deserialize<PublishedCheckpoint>(line, AuditJson.Options);
}

/// <summary>A published public key (an element of keys.json's "keys").</summary>
/// <param name="PublicKey">The SubjectPublicKeyInfo DER, base64.</param>
public sealed record AuditPublicKey(string KeyId, string PublicKey, string PublicKeyPem, string CreatedAt)
{
    /// <summary>The key's DER, when it is base64 and its keyId is really its own; null otherwise.</summary>
    public byte[]? VerifiedSubjectPublicKeyInfo()
    {
        try
        {
            var der = Convert.FromBase64String(PublicKey);
            return AuditSignatures.KeyId(der) == KeyId ? der : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>keys.json, /export/audit-key: the algorithm, the key that signs now, and every key that ever signed, oldest first.</summary>
public sealed record AuditKeySet(string Algorithm, string Current, IReadOnlyList<AuditPublicKey> Keys)
{
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, indented ? AuditJson.Indented : AuditJson.Options);

    public static AuditKeySet? FromJson(string json) => JsonSerializer.Deserialize<AuditKeySet>(json, AuditJson.Options);
}

/// <summary>The published forms' JSON: camelCase, nulls written (nextKeyId: null is part of the form).</summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Base64 and PEM as they are, not with + and / escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
