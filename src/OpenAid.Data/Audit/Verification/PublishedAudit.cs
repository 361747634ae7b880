using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace OpenAid.Data.Audit.Verification;

/// <summary>
/// A published audit trail as the verifier reads it: the dump's audit/* files, or the server's own forms in memory.
/// Entries and records stream; only checkpoints, keys and redactions (small) are read whole.
/// </summary>
public interface IPublishedAudit
{
    /// <summary>Entries in published order. Read once, and once more only to explain a record that does not match.</summary>
    IAsyncEnumerable<PublishedEntry> EntriesAsync(CancellationToken ct);

    Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(CancellationToken ct);

    /// <summary>The signing keys; null when none are published.</summary>
    Task<AuditKeySet?> KeysAsync(CancellationToken ct);

    Task<IReadOnlyList<PublishedRedaction>> RedactionsAsync(CancellationToken ct);

    /// <summary>False for a form without live records (the site's audit feed): the record check is then skipped.</summary>
    bool HasRecords { get; }

    IAsyncEnumerable<PublishedRecord> RecordsAsync(CancellationToken ct);
}

/// <summary>
/// The published files as NDJSON streams, opened by name (entries.ndjson, checkpoints.ndjson, keys.json, records.ndjson,
/// redactions.ndjson); <paramref name="location"/> prefixes the file's name where a line is unreadable.
/// </summary>
public sealed class NdjsonPublishedAudit(Func<string, Stream?> open, string location = "") : IPublishedAudit
{
    public const string Entries = "entries.ndjson";
    public const string Checkpoints = "checkpoints.ndjson";
    public const string Keys = "keys.json";
    public const string Records = "records.ndjson";
    public const string Redactions = "redactions.ndjson";

    /// <summary>The folder of the dump that holds the audit files.</summary>
    public const string DumpFolder = "audit/";

    private static readonly string[] DumpFiles = [Entries, Checkpoints, Keys, Records, Redactions];

    /// <summary>The audit files of a dump; all five must be there, so that leaving one out cannot skip a check.</summary>
    /// <exception cref="PublishedFormatException">A file is missing.</exception>
    /// <param name="name">How to call the dump where one of its files is unreadable.</param>
    public static NdjsonPublishedAudit FromDump(ZipArchive archive, string? name = null)
    {
        var missing = DumpFiles.Where(f => archive.GetEntry(DumpFolder + f) is null).Select(f => DumpFolder + f).ToList();
        if (missing.Count > 0)
        {
            throw new PublishedFormatException($"{name ?? "This"} is not a dump with an audit trail: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.");
        }

        return new NdjsonPublishedAudit(file => archive.GetEntry(DumpFolder + file)?.Open(), (name is null ? "" : name + ": ") + DumpFolder);
    }

    public bool HasRecords { get; } = Probe(open, Records);

    public IAsyncEnumerable<PublishedEntry> EntriesAsync(CancellationToken ct) => ReadLines<PublishedEntry>(Entries, required: true, ct);

    public async Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(CancellationToken ct) => await ReadAllAsync<PublishedCheckpoint>(Checkpoints, ct);

    public async Task<IReadOnlyList<PublishedRedaction>> RedactionsAsync(CancellationToken ct) => await ReadAllAsync<PublishedRedaction>(Redactions, ct);

    public async Task<AuditKeySet?> KeysAsync(CancellationToken ct)
    {
        if (open(Keys) is not { } stream)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return PublishedJson.Parse<AuditKeySet>(await reader.ReadToEndAsync(ct), location + Keys, 0);
    }

    public IAsyncEnumerable<PublishedRecord> RecordsAsync(CancellationToken ct) => ReadLines<PublishedRecord>(Records, required: false, ct);

    private async Task<List<T>> ReadAllAsync<T>(string file, CancellationToken ct)
    {
        var all = new List<T>();
        await foreach (var item in ReadLines<T>(file, required: false, ct))
        {
            all.Add(item);
        }

        return all;
    }

    /// <summary>One parsed object per non-empty line, read as the caller goes; nothing when an optional file is absent.</summary>
    private async IAsyncEnumerable<T> ReadLines<T>(string file, bool required, [EnumeratorCancellation] CancellationToken ct)
    {
        var stream = open(file);
        if (stream is null)
        {
            if (required)
            {
                throw new PublishedFormatException($"{location}{file} is missing.");
            }

            yield break;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        long line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (text.Length > 0)
            {
                yield return PublishedJson.Parse<T>(text, location + file, line);
            }
        }
    }

    private static bool Probe(Func<string, Stream?> open, string file)
    {
        using var stream = open(file);
        return stream is not null;
    }
}
