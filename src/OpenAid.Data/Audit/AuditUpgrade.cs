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
            // A retry starts over from what is stored.
            db.ChangeTracker.Clear();
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
                // Rewriting the trail's own rows records no entry; the system writes it, as it writes the seeds.
                await db.SaveChangesAsync(AuditActor.SystemSeed, ct);
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

    /// <summary>
    /// The records (entity type, key) that are not public now: of every <see cref="IPublishable"/> type those that say
    /// so, and the records that point at one of them (a draft notice's fund and project links), as the writer has it.
    /// </summary>
    private static async Task<HashSet<(string Type, string Key)>> NotPublicRecordsAsync(OpenAidDbContext db, CancellationToken ct)
    {
        var found = new HashSet<(string Type, string Key)>();
        var types = db.Model.GetEntityTypes().Where(t => t.FindPrimaryKey() is not null).ToList();
        static bool Publishable(IReadOnlyTypeBase t) => typeof(IPublishable).IsAssignableFrom(t.ClrType);
        foreach (var type in types.Where(Publishable))
        {
            await EachAsync(db, type, (record, key) => ((IPublishable)record).IsPublic ? null : key, found, ct);
        }

        foreach (var type in types.Where(t => !Publishable(t)))
        {
            var links = type.GetForeignKeys().Where(k => Publishable(k.PrincipalEntityType)).ToList();
            if (links.Count > 0)
            {
                await EachAsync(db, type, (record, key) => links.Any(k => found.Contains((k.PrincipalEntityType.ClrType.Name, Key(k.Properties, record)))) ? key : null, found, ct);
            }
        }

        return found;
    }

    /// <summary>Reads every record of <paramref name="type"/> and adds the keys <paramref name="select"/> returns.</summary>
    private static async Task EachAsync(OpenAidDbContext db, IEntityType type, Func<object, string, string?> select, HashSet<(string, string)> found, CancellationToken ct)
    {
        var read = typeof(AuditUpgrade).GetMethod(nameof(ReadAllAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type.ClrType);
        var key = type.FindPrimaryKey()!.Properties;
        await (Task)read.Invoke(null, [db, (Action<object>)(record =>
        {
            if (select(record, Key(key, record)) is { } selected)
            {
                found.Add((type.ClrType.Name, selected));
            }
        }), ct])!;
    }

    private static async Task ReadAllAsync<T>(OpenAidDbContext db, Action<object> each, CancellationToken ct)
        where T : class
    {
        await foreach (var record in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            each(record);
        }
    }

    private static string Key(IReadOnlyList<IProperty> properties, object record) => AuditTrail.Key(properties.Select(p => p.GetGetter().GetClrValue(record)));
}
