using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Audit;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Data.Audit.Verification;

namespace OpenAid.Api.Exports;

/// <summary>
/// The dump's audit/ folder (FORMAT.md, The dump): a checkpoint is made at the head first, so that the last line of
/// audit/checkpoints.ndjson covers the last entry; then everything under audit/ is read in one transaction.
/// </summary>
internal static class DumpAudit
{
    /// <summary>Writes audit/ and returns metadata.json's "audit": {entries, head, lastCheckpoint}.</summary>
    public static async Task<object> WriteAsync(ZipArchive archive, IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        try
        {
            await services.GetRequiredService<AuditCheckpoints>().EnsureAtHeadAsync(db, ct);
        }
        catch (AuditCheckpointRefusedException refused)
        {
            // The dump still goes out, with the checkpoints there are: its verifiers will see what is wrong.
            services.GetRequiredService<ILogger<DumpStore>>().LogError("The dump has no checkpoint at its head: {Reason}", refused.Message);
        }

        // One read state for every file, inside the execution strategy. It may run the read again, so each file is
        // staged in a temporary file rewritten from the start, and goes into the zip only after the transaction.
        var keys = services.GetRequiredService<AuditKeyring>().Current().Published;
        var staging = Directory.CreateTempSubdirectory("openaid-dump-audit-");
        try
        {
            var (head, entries, checkpoints) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var head = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
                var audit = new StoredAudit(db, keys, upTo: head?.Id ?? 0);
                AuditPublication.Written entries;
                await using (var file = File.Create(Path.Combine(staging.FullName, NdjsonPublishedAudit.Entries)))
                {
                    entries = await AuditPublication.WriteAsync(db, file, after: 0, ct, upTo: head?.Id ?? 0);
                }

                var checkpoints = await audit.CheckpointsAsync(ct);
                await WriteLinesAsync(staging, NdjsonPublishedAudit.Checkpoints, checkpoints.ToAsyncEnumerable(), c => c.ToJson(), ct);
                await WriteLinesAsync(staging, NdjsonPublishedAudit.Records, audit.RecordsAsync(ct), r => JsonSerializer.Serialize(r, PublishedJson.Writing), ct);
                await WriteLinesAsync(staging, NdjsonPublishedAudit.Redactions, (await audit.RedactionsAsync(ct)).ToAsyncEnumerable(), r => JsonSerializer.Serialize(r, PublishedJson.Writing), ct);
                return (head, entries.Entries, checkpoints);
            });
            await File.WriteAllTextAsync(Path.Combine(staging.FullName, NdjsonPublishedAudit.Keys), keys.ToJson(indented: true), ct);

            foreach (var file in staging.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                await using var target = await archive.CreateEntry(NdjsonPublishedAudit.DumpFolder + file.Name, CompressionLevel.Optimal).OpenAsync(ct);
                await using var source = file.OpenRead();
                await source.CopyToAsync(target, ct);
            }

            return new
            {
                entries,
                head = head?.Hash,
                // As published, nextKeyId: null included (the metadata's own options leave nulls out).
                lastCheckpoint = checkpoints.Count == 0 ? (JsonElement?)null : JsonDocument.Parse(checkpoints[^1].ToJson()).RootElement,
            };
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    /// <summary>One file of NDJSON lines, written from the start (the read may run again).</summary>
    private static async Task WriteLinesAsync<T>(DirectoryInfo staging, string name, IAsyncEnumerable<T> items, Func<T, string> line, CancellationToken ct)
    {
        await using var writer = new StreamWriter(Path.Combine(staging.FullName, name), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await foreach (var item in items.WithCancellation(ct))
        {
            await writer.WriteAsync(line(item) + "\n");
        }
    }
}
