using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAid.Api.Audit;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// A server of its own (no demo data; the real places) whose clock the test moves, checkpointing every 3 entries or
/// 10 minutes. Entries are written over HTTP as a county Publisher recording a village's figures.
/// </summary>
public sealed class AuditSigningServer(FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    : ApiServer(seedDemoData: false, Settings(settings), clock)
{
    public const int EveryEntries = 3;
    public const int EveryMinutes = 10;

    private int _writes;

    public FakeTimeProvider Clock { get; } = clock;

    /// <summary>The signing key file in Development: beside the database.</summary>
    public string KeyFile => Path.Combine(DataFolder, AuditSetup.DefaultKeyFileName);

    public string PublicKeysFile => Path.ChangeExtension(KeyFile, ".keys.json");

    /// <summary>Writes through the API until the trail holds at least <paramref name="count"/> more entries; returns the head's sequence.</summary>
    public async Task<long> WriteEntriesAsync(int count)
    {
        var village = await ReadAsync(db => db.Regions.Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync());
        var villageCode = village.ToString("D12", CultureInfo.InvariantCulture);
        var token = MintToken([Roles.Publisher], villageCode[..6], organization: null);
        var target = await HeadAsync() + count;
        while (await HeadAsync() < target)
        {
            _writes++;
            await MutateOkAsync("recordVillageStatistics", new
            {
                region = villageCode,
                year = 2019,
                population = 1000 + _writes,
                poorPeople = 100,
                poorHouseholds = 30,
                collectiveIncomeFen = 50_000,
                perCapitaDisposableIncomeFen = 900_000,
            }, token, "statistics { year }");
        }

        return target;
    }

    public Task<long> HeadAsync() => ReadAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync());

    public Task<List<PublishedCheckpoint>> CheckpointsAsync() =>
        ReadAsync(async db => (await AuditCheckpoints.InOrder(db.AuditCheckpoints).ToListAsync()).Select(PublishedCheckpoint.From).ToList());

    /// <summary>Moves the clock and waits until the checkpoint service has finished the pass that woke.</summary>
    public async Task AdvanceAndWaitForPassAsync(TimeSpan by)
    {
        var service = Services.GetRequiredService<CheckpointService>();
        var before = service.Passes;
        Clock.Advance(by);
        for (var waited = 0; service.Passes == before; waited++)
        {
            Assert.True(waited < 3000, "The checkpoint service never ran its pass.");
            await Task.Delay(20);
        }
    }

    /// <summary>A checkpoint at the head now, as a dump makes one.</summary>
    public Task<PublishedCheckpoint> CheckpointAtHeadAsync() =>
        ReadAsync(async db => PublishedCheckpoint.From((await Services.GetRequiredService<AuditCheckpoints>().EnsureAtHeadAsync(db))!));

    public async Task<JsonElement> VerifyAsync(IEnumerable<PublishedCheckpoint>? against = null)
    {
        var response = await GraphQLAsync(
            "query($against: [AuditCheckpointInput!]) { verifyAuditChain(against: $against) { valid code firstBrokenSequence entriesChecked checkpointsChecked recordsChecked message problem { code sequence entityType entityKey field } lastCheckpoint { sequence head at keyId nextKeyId signature } } }",
            new { against = against?.Select(c => new { sequence = c.Sequence, head = c.Head, at = c.At, keyId = c.KeyId, nextKeyId = c.NextKeyId, signature = c.Signature }) });
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "verifyAuditChain");
    }

    /// <summary>Runs SQL on the database file directly, as someone with access to it (not the API) would.</summary>
    public async Task ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Audit:CheckpointEveryEntries"] = EveryEntries.ToString(CultureInfo.InvariantCulture),
            ["Audit:CheckpointEveryMinutes"] = EveryMinutes.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}

/// <summary>
/// Checks a published checkpoint the way an outside verifier would, from FORMAT.md alone: its own length-prefixed
/// message and the platform's ECDSA, none of the server's code.
/// </summary>
public static class IndependentCheck
{
    public static bool Verifies(JsonElement checkpoint, JsonElement keys)
    {
        var keyId = checkpoint.GetProperty("keyId").GetString()!;
        var key = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId);
        var der = Convert.FromBase64String(key.GetProperty("publicKey").GetString()!);
        Assert.Equal(keyId, Convert.ToHexStringLower(SHA256.HashData(der))[..16]);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.GetProperty("publicKeyPem").GetString());
        Assert.Equal(der, ecdsa.ExportSubjectPublicKeyInfo());
        Assert.Equal(256, ecdsa.KeySize);

        var message = new List<byte>();
        void Lp(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
            message.AddRange(length);
            message.AddRange(bytes);
        }

        Lp("openaid.audit.checkpoint.v1");
        Lp(checkpoint.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture));
        Lp(checkpoint.GetProperty("head").GetString()!);
        Lp(checkpoint.GetProperty("at").GetString()!);
        Lp(keyId);
        if (checkpoint.GetProperty("nextKeyId").GetString() is { } next)
        {
            Lp(next);
        }
        else
        {
            message.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
        }

        var signature = Convert.FromBase64String(checkpoint.GetProperty("signature").GetString()!);
        Assert.Equal(64, signature.Length);
        return ecdsa.VerifyData(message.ToArray(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
