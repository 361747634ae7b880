using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAid.Data.Audit;
using OpenAid.Data.Audit.Verification;
using OpenAid.Domain.Audit;

namespace OpenAid.Data.Tests.Audit;

/// <summary>
/// A small audit trail in its published forms (FORMAT.md), made from real entries (AuditTrail.Create) the way the
/// server publishes them: entries, checkpoints signed with an ECDSA P-256 key, keys.json, live records and
/// redactions, written as a dump's audit/* files. Tests tamper with the published lines (an outsider editing the
/// file) or with the entries before publishing (an insider editing the database), then verify.
/// Also compiled into OpenAid.Api.Tests for the CLI tests.
/// </summary>
public sealed class PublishedTrail : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    public const string CountyCode = "451027000000";

    private static readonly AuditActor Officer = new("u-officer-1", "Publisher", "ORG-000001");
    private static readonly AuditActor RegionImporter = new("system:region-import", "System", null);
    private static readonly AuditActor Demo = new("system:demo", "System", null);

    /// <summary>The three imported regions: code, name, level, parent.</summary>
    private static readonly (string Code, string Name, string Level, string? Parent)[] Regions =
    [
        ("450000000000", "广西壮族自治区", "Province", null),
        ("451000000000", "百色市", "City", "450000000000"),
        (CountyCode, "凌云县", "County", "451000000000"),
    ];

    private readonly Dictionary<(long Sequence, string Name), string> _redacted = [];

    private PublishedTrail(ECDsa key) => Key = key;

    /// <summary>The entries as stored; <see cref="Publish"/> turns them into <see cref="EntryLines"/>.</summary>
    public List<AuditEntry> Entries { get; } = [];

    public List<JsonObject> EntryLines { get; private set; } = [];

    public List<JsonObject> CheckpointLines { get; } = [];

    public List<JsonObject> RecordLines { get; } = [];

    public List<JsonObject> RedactionLines { get; } = [];

    public ECDsa Key { get; private set; }

    /// <summary>Keys published in keys.json, oldest first.</summary>
    public List<ECDsa> PublishedKeys { get; } = [];

    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    /// <summary>
    /// Twelve entries — the region import, a Region change, notices drafted (restricted), published and edited, an
    /// organisation — checkpoints at 4, 8 and 12, and six live records: notices 1 and 3, the organisation, three regions.
    /// </summary>
    public static PublishedTrail Sample()
    {
        var trail = new PublishedTrail(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        trail.PublishedKeys.Add(trail.Key);
        var county = Defaults();
        var changedCounty = new Dictionary<string, string?>(county)
        {
            ["IsNationalKeyCounty"] = "True", ["PovertyStatus"] = "Exited", ["PlannedExitYear"] = "2019", ["ActualExitYear"] = "2019", ["HasDemoFlags"] = "True",
        };
        var draft = Notice("凌云县2026年第一批财政专项扶贫资金安排公告", "Draft", "1200000.00", "资金用于产业扶贫项目。");
        var published = new Dictionary<string, string?>(draft) { ["Status"] = "Published" };
        var retitled = new Dictionary<string, string?>(published) { ["Title"] = "凌云县2026年第一批财政专项扶贫资金安排公告（更正）" };
        var reamounted = new Dictionary<string, string?>(retitled) { ["Amount"] = "1250000.00" };
        var third = Notice("凌云县2026年第二批扶贫资金公告", "Draft", "300000.00", "资金用于基础设施。");
        var thirdPublished = new Dictionary<string, string?>(third) { ["Status"] = "Published" };
        var organization = new Dictionary<string, string?> { ["Code"] = "ORG-000001", ["Name"] = "凌云县扶贫开发办公室" };
        var renamed = new Dictionary<string, string?>(organization) { ["Name"] = "凌云县乡村振兴局" };

        trail.Append(RegionImporter, "RegionImport", "1", "create", AuditTrail.Public, null, new() { ["Rows"] = "3", ["Sha256"] = RegionDigest() });
        trail.Append(Demo, "Region", CountyCode, "update", AuditTrail.Public, county, changedCounty);
        trail.Append(Officer, "Notice", "1", "create", AuditTrail.Restricted, null, draft);
        trail.Append(Officer, "Notice", "1", "update", AuditTrail.Restricted, draft, new(draft) { ["Description"] = "资金用于产业扶贫和就业帮扶项目。" });
        trail.Append(Officer, "Notice", "1", "publish", AuditTrail.Public, null, published);
        trail.Append(Officer, "Organization", "ORG-000001", "create", AuditTrail.Public, null, organization);
        trail.Append(Officer, "Notice", "2", "create", AuditTrail.Restricted, null, Notice("草稿", "Draft", "1.00", "未发布"));
        trail.Append(Officer, "Notice", "1", "update", AuditTrail.Public, published, retitled);
        trail.Append(Officer, "Organization", "ORG-000001", "update", AuditTrail.Public, organization, renamed);
        trail.Append(Officer, "Notice", "3", "create", AuditTrail.Restricted, null, third);
        trail.Append(Officer, "Notice", "3", "publish", AuditTrail.Public, null, thirdPublished);
        trail.Append(Officer, "Notice", "1", "update", AuditTrail.Public, retitled, reamounted);
        trail.Publish();
        foreach (var sequence in new long[] { 4, 8, 12 })
        {
            trail.AddCheckpoint(sequence, trail.Key);
        }

        trail.AddRecord("Notice", "1", reamounted);
        trail.AddRecord("Notice", "3", thirdPublished);
        trail.AddRecord("Organization", "ORG-000001", renamed);
        foreach (var (code, name, level, parent) in Regions)
        {
            trail.AddRecord("Region", code, new Dictionary<string, string?>(code == CountyCode ? changedCounty : Defaults())
            {
                ["Code"] = code, ["Name"] = name, ["Level"] = level, ["ParentCode"] = parent,
            });
        }

        return trail;
    }

    public JsonObject Entry(long sequence) => EntryLines.Single(e => (long)e["sequence"]! == sequence);

    public JsonObject Field(long sequence, string name) => Entry(sequence)["fields"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["name"]! == name);

    public JsonObject Record(string type, string key) => RecordLines.Single(r => (string)r["entityType"]! == type && (string)r["entityKey"]! == key);

    /// <summary>An insider's edit of a stored entry, re-chained so that every hash after it verifies again.</summary>
    public void Rewrite(long sequence, string property, string value)
    {
        var entry = Entries[(int)sequence - 1];
        var after = AuditTrail.Values(entry.After);
        after[property] = value;
        entry.After = JsonSerializer.Serialize(new SortedDictionary<string, string?>(after, StringComparer.Ordinal));
        for (var i = (int)sequence - 1; i < Entries.Count; i++)
        {
            Entries[i].PreviousHash = i == 0 ? AuditEncoding.GenesisHash : Entries[i - 1].Hash;
            Entries[i].Hash = AuditTrail.ComputeHash(Entries[i]);
        }

        Publish();
    }

    /// <summary>An insider's removal of the newest entries from the database.</summary>
    public void RemoveNewest(int count)
    {
        Entries.RemoveRange(Entries.Count - count, count);
        Publish();
    }

    /// <summary>Marks fields redacted in the published entries (value and salt erased, digest kept) and publishes the redaction.</summary>
    public void Redact(string code, params (long Sequence, string Name)[] fields)
    {
        foreach (var field in fields)
        {
            _redacted[field] = code;
        }

        RedactionLines.Add(new JsonObject
        {
            ["code"] = code,
            ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["sequence"] = f.Sequence, ["name"] = f.Name })]),
            ["reason"] = "个人信息",
            ["legalBasis"] = "《个人信息保护法》第四十七条",
            ["requestedAt"] = Start.AddDays(1).ToString("O"),
            ["redactedAt"] = Start.AddDays(2).ToString("O"),
        });
        Publish();
    }

    /// <summary>Marks a published field redacted without publishing any redaction for it.</summary>
    public void MarkRedacted(long sequence, string name, string code)
    {
        _redacted[(sequence, name)] = code;
        Publish();
    }

    /// <summary>Re-signs every checkpoint, at the heads the entries have now, with <paramref name="key"/>, which becomes the only published key.</summary>
    public void ResignAll(ECDsa key)
    {
        var sequences = CheckpointLines.Select(c => (long)c["sequence"]!).ToList();
        CheckpointLines.Clear();
        Key = key;
        PublishedKeys.Clear();
        PublishedKeys.Add(key);
        foreach (var sequence in sequences.Where(s => s <= Entries.Count))
        {
            AddCheckpoint(sequence, key);
        }
    }

    public void AddCheckpoint(long sequence, ECDsa signer, string? nextKeyId = null) => CheckpointLines.Add(SignCheckpoint(sequence, signer, nextKeyId));

    /// <summary>A checkpoint at the entry's current hash, signed as FORMAT.md says.</summary>
    public JsonObject SignCheckpoint(long sequence, ECDsa signer, string? nextKeyId = null)
    {
        var at = Start.AddHours(sequence).ToString("O");
        var head = Entries[(int)sequence - 1].Hash;
        var keyId = KeyId(signer);
        var signature = signer.SignData(CheckpointChecks.SignedMessage(sequence, head, at, keyId, nextKeyId), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new JsonObject
        {
            ["sequence"] = sequence, ["head"] = head, ["at"] = at, ["keyId"] = keyId, ["nextKeyId"] = nextKeyId, ["signature"] = Convert.ToBase64String(signature),
        };
    }

    public void AddRecord(string type, string key, IReadOnlyDictionary<string, string?> fields) =>
        RecordLines.Add(new JsonObject
        {
            ["entityType"] = type,
            ["entityKey"] = key,
            ["fields"] = new JsonObject([.. fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
        });

    /// <summary>The entries' published lines, from the entries as they are now (redaction marks kept).</summary>
    public void Publish() => EntryLines = [.. Entries.Select(PublishedLine)];

    /// <summary>The dump: audit/* as FORMAT.md lays them out, and a metadata.json.</summary>
    public byte[] ToZip(params string[] leaveOut) => ToZip(EntryLines, CheckpointLines, leaveOut);

    /// <summary>The dump as it was when the trail ended at entry <paramref name="upTo"/>: its entries and checkpoints up to there (its records are today's: an --against dump only).</summary>
    public byte[] EarlierDump(long upTo) =>
        ToZip([.. EntryLines.Where(e => (long)e["sequence"]! <= upTo)], [.. CheckpointLines.Where(c => (long)c["sequence"]! <= upTo)], []);

    /// <summary>A key rotation at checkpoint <paramref name="sequence"/>: checkpoints up to it signed by the current key, the ones after by <paramref name="next"/>.</summary>
    public void RotateAt(long sequence, ECDsa next)
    {
        var sequences = CheckpointLines.Select(c => (long)c["sequence"]!).ToList();
        var old = Key;
        CheckpointLines.Clear();
        foreach (var at in sequences)
        {
            AddCheckpoint(at, at <= sequence ? old : next, at == sequence ? KeyId(next) : null);
        }

        Key = next;
        PublishedKeys.Add(next);
    }

    private byte[] ToZip(List<JsonObject> entries, List<JsonObject> checkpoints, string[] leaveOut)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var files = new Dictionary<string, string>
            {
                ["audit/entries.ndjson"] = Lines(entries),
                ["audit/checkpoints.ndjson"] = Lines(checkpoints),
                ["audit/keys.json"] = KeysJson().ToJsonString(),
                ["audit/records.ndjson"] = Lines(RecordLines),
                ["audit/redactions.ndjson"] = Lines(RedactionLines),
                ["metadata.json"] = new JsonObject { ["title"] = "OpenAid open data dump", ["audit"] = new JsonObject { ["entries"] = entries.Count } }.ToJsonString(),
            };
            foreach (var (name, text) in files.Where(f => !leaveOut.Contains(f.Key)))
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    public JsonObject KeysJson() => new()
    {
        ["algorithm"] = "ECDSA-P256-SHA256",
        ["current"] = KeyId(Key),
        ["keys"] = new JsonArray([.. PublishedKeys.Select(k => (JsonNode)new JsonObject
        {
            ["keyId"] = KeyId(k),
            ["publicKey"] = Convert.ToBase64String(k.ExportSubjectPublicKeyInfo()),
            ["publicKeyPem"] = k.ExportSubjectPublicKeyInfoPem(),
            ["createdAt"] = Start.ToString("O"),
        })]),
    };

    public void Dispose()
    {
        foreach (var key in PublishedKeys.Append(Key).Distinct())
        {
            key.Dispose();
        }
    }

    private static string Lines(IEnumerable<JsonObject> lines) => string.Concat(lines.Select(l => l.ToJsonString() + "\n"));

    private void Append(AuditActor actor, string type, string key, string operation, string visibility, Dictionary<string, string?>? before, Dictionary<string, string?> after)
    {
        var previous = Entries.Count == 0 ? AuditEncoding.GenesisHash : Entries[^1].Hash;
        static string Json(Dictionary<string, string?> values) => JsonSerializer.Serialize(new SortedDictionary<string, string?>(values, StringComparer.Ordinal));
        Entries.Add(AuditTrail.Create(Entries.Count + 1, previous, actor, Start.AddMinutes(Entries.Count), type, key, operation, visibility, before is null ? null : Json(before), Json(after)));
    }

    private JsonObject PublishedLine(AuditEntry entry)
    {
        var line = new JsonObject { ["sequence"] = entry.Id, ["previousHash"] = entry.PreviousHash, ["hash"] = entry.Hash, ["visibility"] = entry.Visibility };
        if (entry.Visibility == AuditTrail.Restricted)
        {
            line["contentDigest"] = AuditTrail.ContentDigest(entry);
            return line;
        }

        var salt = AuditTrail.Salts(entry);
        line["fields"] = new JsonArray([.. AuditTrail.Fields(entry).Select(f => (JsonNode)(_redacted.TryGetValue((entry.Id, f.Key), out var code)
            ? new JsonObject { ["name"] = f.Key, ["digest"] = AuditEncoding.FieldDigest(salt(f.Key), f.Key, f.Value), ["redaction"] = code }
            : new JsonObject { ["name"] = f.Key, ["salt"] = salt(f.Key), ["value"] = f.Value }))]);
        return line;
    }

    private static Dictionary<string, string?> Notice(string title, string status, string amount, string description) =>
        new() { ["Amount"] = amount, ["Description"] = description, ["Status"] = status, ["Title"] = title };

    private static Dictionary<string, string?> Defaults() => new()
    {
        ["ActualExitYear"] = null, ["HasDemoFlags"] = "False", ["IsContiguousDestituteArea"] = "False", ["IsDeepPoverty"] = "False",
        ["IsNationalKeyCounty"] = "False", ["IsProvincialKeyCounty"] = "False", ["PlannedExitYear"] = null, ["PovertyStatus"] = "NotRegistered",
    };

    /// <summary>FORMAT.md's region digest, computed here on its own: code\tname\tlevel\tparent\n by code.</summary>
    private static string RegionDigest() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(Regions.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => $"{r.Code}\t{r.Name}\t{r.Level}\t{r.Parent}\n")))));
}
