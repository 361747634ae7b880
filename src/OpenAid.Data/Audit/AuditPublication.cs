using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Audit.Verification;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Audit;

/// <summary>
/// The published form of audit entries (FORMAT.md, "Published form"), in one place for /export/audit.ndjson, the
/// dump's audit/entries.ndjson and GraphQL: a public entry with its fields (name, salt and value, or a redacted
/// field's name, digest and redaction), a restricted entry with its content digest only.
/// </summary>
public static class AuditPublication
{
    /// <summary>What <see cref="WriteAsync"/> wrote: how many lines, and the last entry's sequence and hash.</summary>
    public sealed record Written(long Entries, long? LastSequence, string? Head);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // NDJSON is never inlined in HTML: Chinese and quotes stay readable. Verifiers parse the JSON, so escaping never matters to a hash.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every field of the entry, in the order the content digest takes them (ordinal by name).</summary>
    public static IReadOnlyList<PublishedField> Fields(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var salt = AuditTrail.Salts(entry);
        return [.. AuditTrail.Fields(entry).Select(f => new PublishedField { Name = f.Key, Salt = salt(f.Key), Value = f.Value })
            .Concat(AuditTrail.RedactedFields(entry).Select(r => new PublishedField { Name = r.Key, Digest = r.Value.Digest, Redaction = r.Value.Redaction }))
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The entry as a verifier reads it: a public entry with its fields, a restricted one with its content digest.</summary>
    public static PublishedEntry ToPublished(AuditEntry entry) => new()
    {
        Sequence = entry.Id,
        PreviousHash = entry.PreviousHash,
        Hash = entry.Hash,
        Visibility = entry.Visibility,
        Fields = entry.Visibility == AuditTrail.Public ? Fields(entry) : null,
        ContentDigest = entry.Visibility == AuditTrail.Public ? null : AuditTrail.ContentDigest(entry),
    };

    /// <summary>One entry as its JSON line (without the newline).</summary>
    public static string Line(AuditEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, entry);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes the entries after <paramref name="after"/>, oldest first, one JSON line each, reading them in one query
    /// (so within the caller's transaction, if it has one) and flushing as it goes.
    /// </summary>
    public static async Task<Written> WriteAsync(OpenAidDbContext db, Stream output, long after, CancellationToken ct, long? upTo = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        long count = 0;
        AuditEntry? last = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Id > after && (upTo == null || e.Id <= upTo)).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            Write(writer, entry);
            await writer.FlushAsync(ct);
            writer.Reset();
            buffer.Write("\n"u8);
            count++;
            last = entry;
            if (buffer.WrittenCount >= FlushBytes)
            {
                await output.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, ct);
        await output.FlushAsync(ct);
        return new Written(count, last?.Id, last?.Hash);
    }

    /// <summary>How much is gathered before it goes to the stream.</summary>
    private const int FlushBytes = 64 * 1024;

    private static void Write(Utf8JsonWriter writer, AuditEntry entry)
    {
        var published = ToPublished(entry);
        writer.WriteStartObject();
        writer.WriteNumber("sequence", published.Sequence);
        writer.WriteString("previousHash", published.PreviousHash);
        writer.WriteString("hash", published.Hash);
        writer.WriteString("visibility", published.Visibility);
        if (published.Fields is { } fields)
        {
            writer.WriteStartArray("fields");
            foreach (var field in fields)
            {
                writer.WriteStartObject();
                writer.WriteString("name", field.Name);
                if (field.IsRedacted)
                {
                    writer.WriteString("digest", field.Digest);
                    writer.WriteString("redaction", field.Redaction);
                }
                else
                {
                    // A null value is written as null: the form has both members on every field in clear.
                    writer.WriteString("salt", field.Salt);
                    writer.WriteString("value", field.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("contentDigest", published.ContentDigest);
        }

        writer.WriteEndObject();
    }
}
