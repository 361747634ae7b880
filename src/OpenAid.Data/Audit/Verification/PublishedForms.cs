using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAid.Data.Audit.Verification;

// The published forms of the audit trail (FORMAT.md), one class per kind of line, as a verifier reads them.
// Required members make a line that lacks one unreadable instead of silently null.

/// <summary>One line of audit/entries.ndjson: a public entry with its fields, or a restricted one with its content digest.</summary>
public sealed class PublishedEntry
{
    public required long Sequence { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    public required string Visibility { get; init; }

    /// <summary>A public entry's fields; null for a restricted entry.</summary>
    public IReadOnlyList<PublishedField>? Fields { get; init; }

    /// <summary>A restricted entry's content digest; null for a public entry.</summary>
    public string? ContentDigest { get; init; }
}

/// <summary>A field in clear (<see cref="Salt"/> and <see cref="Value"/>), or redacted (<see cref="Digest"/> and <see cref="Redaction"/>).</summary>
public sealed class PublishedField
{
    public required string Name { get; init; }

    public string? Salt { get; init; }

    public string? Value { get; init; }

    public string? Digest { get; init; }

    /// <summary>The code of the public redaction record that erased the value.</summary>
    public string? Redaction { get; init; }

    [JsonIgnore]
    public bool IsRedacted => Redaction is not null;
}

/// <summary>One line of audit/redactions.ndjson: which fields a redaction erased, and why.</summary>
public sealed class PublishedRedaction
{
    public required string Code { get; init; }

    public required IReadOnlyList<RedactedFieldReference> Fields { get; init; }

    public string? Reason { get; init; }

    public string? LegalBasis { get; init; }

    public string? RequestedAt { get; init; }

    public string? RedactedAt { get; init; }
}

public sealed record RedactedFieldReference(long Sequence, string Name);

/// <summary>A published file that does not have the form FORMAT.md gives: not a verification failure but an unreadable input.</summary>
public sealed class PublishedFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads the published JSON forms.</summary>
public static class PublishedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        // The checkpoint and key forms are records: a line missing one of their values is unreadable, not null.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>How the server writes records and redactions: the same names, nulls kept, Chinese as it is.</summary>
    public static readonly JsonSerializerOptions Writing = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses one line of <paramref name="file"/>; <paramref name="line"/> (1-based) names it when it is not of that form.</summary>
    /// <exception cref="PublishedFormatException">The text is not a <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string text, string file, long line)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) ?? throw new JsonException("null");
        }
        catch (JsonException exception)
        {
            var where = line > 0 ? $"{file} line {line}" : file;
            throw new PublishedFormatException($"{where} does not have the form of the audit format (FORMAT.md): {exception.Message}", exception);
        }
    }
}
