using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Audit;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Exports;

/// <summary>
/// The dump's audit/ folder (FORMAT.md, The dump): a checkpoint is made at the head first, so that the last line of
/// audit/checkpoints.ndjson covers the last entry; then everything under audit/ is read in one transaction.
/// </summary>
internal static class DumpAudit
{
    public const string CheckpointsFile = "audit/checkpoints.ndjson";
    public const string KeysFile = "audit/keys.json";

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

        // One transaction, inside the execution strategy (which may run it again, so it only reads).
        var (head, entries, checkpoints) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var head = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
            var headSequence = head?.Id ?? 0;
            var entries = await db.AuditEntries.LongCountAsync(ct);
            var checkpoints = await AuditExports.Ordered(db.AuditCheckpoints.Where(c => c.Sequence <= headSequence)).AsNoTracking().ToListAsync(ct);
            // audit/entries.ndjson, audit/records.ndjson and audit/redactions.ndjson are read here, in this transaction.
            return (head, entries, checkpoints.Select(PublishedCheckpoint.From).ToList());
        });

        await using (var stream = await archive.CreateEntry(CheckpointsFile, CompressionLevel.Optimal).OpenAsync(ct))
        {
            foreach (var checkpoint in checkpoints)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(checkpoint.ToJson() + "\n"), ct);
            }
        }

        var keys = services.GetRequiredService<AuditKeyring>().Current().Published;
        await using (var stream = await archive.CreateEntry(KeysFile, CompressionLevel.Optimal).OpenAsync(ct))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(keys.ToJson(indented: true)), ct);
        }

        return new
        {
            entries,
            head = head?.Hash,
            // As published, nextKeyId: null included (the metadata's own options leave nulls out).
            lastCheckpoint = checkpoints.Count == 0 ? (JsonElement?)null : JsonDocument.Parse(checkpoints[^1].ToJson()).RootElement,
        };
    }
}
