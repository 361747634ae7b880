using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAid.Domain.Audit;
using OpenAid.Domain.Common;

namespace OpenAid.Data.Audit;

/// <summary>
/// Re-encodes the entries written before format v2 (FORMAT.md, "Entries written before v2"), once, at start-up: each
/// gets a seed, the visibility of its record as it stands (restricted while the record is not public), and its hash
/// recomputed in order, the sequence unchanged. The old chain is verified first, so that the upgrade never seals an
/// entry someone changed: if it does not verify, nothing is re-encoded and verifyAuditChain names the place.
/// </summary>
public static class AuditUpgrade
{
    /// <summary>Entries re-encoded per save, so that memory stays at one batch.</summary>
    private const int BatchSize = 1000;

    /// <summary>What the upgrade did: how many v1 entries it re-encoded, or why it re-encoded none.</summary>
    public sealed record Result(int Reencoded, int Restricted, string? Refused);

    /// <summary>Entries v1 wrote have no seed, no stored salts and no redactions; v2 gives every entry a seed.</summary>
    public static async Task<Result> ReencodeV1Async(OpenAidDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = await db.AuditEntries.Where(e => e.Seed == null && e.Salts == null && e.Redactions == null)
            .OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        if (first is null)
        {
            return new Result(0, 0, null);
        }

        if (await FirstBrokenV1Async(db, ct) is { } refused)
        {
            return new Result(0, 0, refused);
        }

        var notPublic = await NotPublicRecordsAsync(db, ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var previous = await db.AuditEntries.Where(e => e.Id < first).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditEncoding.GenesisHash;
            int reencoded = 0, restricted = 0;
            var position = first.Value - 1;
            while (true)
            {
                // Every entry from the first v1 one on: the v2 entries after it chain onto hashes that change.
                var batch = await db.AuditEntries.AsTracking().Where(e => e.Id > position).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var entry in batch)
                {
                    if (entry.Seed is null && entry.Salts is null && entry.Redactions is null)
                    {
                        entry.Seed = AuditEncoding.NewSeed();
                        entry.Visibility = notPublic.Contains((entry.EntityType, entry.EntityKey)) ? AuditTrail.Restricted : AuditTrail.Public;
                        reencoded++;
                        restricted += entry.Visibility == AuditTrail.Restricted ? 1 : 0;
                    }

                    entry.PreviousHash = previous;
                    entry.Hash = AuditTrail.ComputeHash(entry);
                    previous = entry.Hash;
                }

                position = batch[^1].Id;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(ct);
            return new Result(reencoded, restricted, null);
        });
    }

    /// <summary>The hash v1 gave an entry: SHA-256 over its fields joined by newlines (README before v2).</summary>
    public static string V1Hash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = string.Join(
            "\n",
            entry.PreviousHash,
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.ActorSubject,
            entry.ActorRole,
            entry.ActorOrganizationCode ?? "",
            entry.EntityType,
            entry.EntityKey,
            entry.Operation,
            entry.Before ?? "",
            entry.After);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The first v1 entry whose link or hash does not verify as v1 wrote it, as a message; null when all do.</summary>
    private static async Task<string?> FirstBrokenV1Async(OpenAidDbContext db, CancellationToken ct)
    {
        string? previous = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var v1 = entry.Seed is null && entry.Salts is null && entry.Redactions is null;
            if (v1 && (entry.PreviousHash != (previous ?? AuditEncoding.GenesisHash) || V1Hash(entry) != entry.Hash))
            {
                return $"entry {entry.Id} does not verify as v1 wrote it";
            }

            previous = entry.Hash;
        }

        return null;
    }

    /// <summary>The records (entity type, key) of every <see cref="IPublishable"/> type that are not public now.</summary>
    private static async Task<HashSet<(string Type, string Key)>> NotPublicRecordsAsync(OpenAidDbContext db, CancellationToken ct)
    {
        var found = new HashSet<(string, string)>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IPublishable).IsAssignableFrom(t.ClrType)))
        {
            var collect = typeof(AuditUpgrade).GetMethod(nameof(CollectNotPublicAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type.ClrType);
            await (Task)collect.Invoke(null, [db, type, found, ct])!;
        }

        return found;
    }

    private static async Task CollectNotPublicAsync<T>(OpenAidDbContext db, IEntityType type, HashSet<(string, string)> found, CancellationToken ct)
        where T : class, IPublishable
    {
        var key = type.FindPrimaryKey()!.Properties;
        await foreach (var record in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!record.IsPublic)
            {
                found.Add((type.ClrType.Name, AuditTrail.Key(key.Select(p => p.GetGetter().GetClrValue(record)))));
            }
        }
    }
}
