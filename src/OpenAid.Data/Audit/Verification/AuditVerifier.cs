using System.Globalization;

namespace OpenAid.Data.Audit.Verification;

/// <summary>What to check a published trail against: an earlier dump of the same trail, or a pinned key (SubjectPublicKeyInfo DER).</summary>
public sealed record AuditVerificationOptions(IPublishedAudit? Against = null, byte[]? PinnedKey = null);

/// <summary>
/// The outcome: valid or the first broken place, how much was checked, the last checkpoint, and how the signing key
/// came to be trusted (<see cref="KeyTrustBasis.FirstUse"/>: nothing but the trail itself vouches for it).
/// </summary>
public sealed record AuditVerificationResult(
    AuditProblem? Problem,
    long EntriesChecked,
    long CheckpointsChecked,
    long RecordsChecked,
    PublishedCheckpoint? LastCheckpoint,
    KeyTrustBasis Trust,
    IReadOnlyList<string> TrustedKeys)
{
    public bool Valid => Problem is null;
}

/// <summary>
/// Verifies a published audit trail (FORMAT.md, Verification) in the contract's order, stopping at the first failure:
/// 1 the entries' sequence, links and hashes; 2 the checkpoints' signatures, key trust and heads; 3 an earlier dump
/// is a prefix of this trail; 4 every redaction marker names a redaction that lists it; 5 live records equal their
/// latest entries. Entries stream through once (an earlier dump's in step with them); what is kept is one hash per
/// checkpoint and one fingerprint per record.
/// </summary>
public static class AuditVerifier
{
    /// <exception cref="PublishedFormatException">A published file does not have the form FORMAT.md gives.</exception>
    public static async Task<AuditVerificationResult> VerifyAsync(IPublishedAudit audit, AuditVerificationOptions? options, CancellationToken ct)
    {
        options ??= new AuditVerificationOptions();
        var checkpoints = await audit.CheckpointsAsync(ct);
        var earlierCheckpoints = options.Against is { } against ? await against.CheckpointsAsync(ct) : [];
        var keys = CheckpointChecks.Trust(await audit.KeysAsync(ct), options.Against is null ? null : await options.Against.KeysAsync(ct) ?? EmptyKeys, options.PinnedKey);
        var redactions = (await audit.RedactionsAsync(ct))
            .SelectMany(r => r.Fields.Select(f => (r.Code, f.Sequence, f.Name)))
            .ToHashSet();
        var redactionCodes = redactions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        var heads = checkpoints.Select(c => c.Sequence).Distinct().ToDictionary(s => s, _ => (string?)null);
        var records = audit.HasRecords ? new RecordChecks() : null;
        AuditProblem? redactionProblem = null;
        long? firstRewritten = null;
        long earlierLast = 0;
        var last = 0L;
        var previous = AuditEncoding.GenesisHash;

        AuditVerificationResult Result(AuditProblem? problem, long checkpointsChecked = 0, long recordsChecked = 0) =>
            new(problem, last, checkpointsChecked, recordsChecked, problem is null && checkpoints.Count > 0 ? checkpoints[^1] : null, keys.Basis, keys.Anchors);

        // Step 1, with what steps 2 to 5 need noted on the way.
        await using (var earlier = options.Against?.EntriesAsync(ct).GetAsyncEnumerator(ct))
        {
            var earlierOpen = earlier is not null;
            await foreach (var entry in audit.EntriesAsync(ct).WithCancellation(ct))
            {
                var expected = last + 1;
                if (EntryProblem(entry, expected, previous) is { } problem)
                {
                    return Result(problem);
                }

                last = expected;
                previous = entry.Hash;
                if (heads.ContainsKey(last))
                {
                    heads[last] = entry.Hash;
                }

                redactionProblem ??= MarkerProblem(entry, redactions, redactionCodes);
                records?.Observe(entry);
                if (earlierOpen && (earlierOpen = await earlier!.MoveNextAsync()))
                {
                    earlierLast = earlier.Current.Sequence;
                    firstRewritten ??= earlier.Current.Sequence != last || earlier.Current.Hash != entry.Hash ? last : null;
                }
            }

            while (earlierOpen && (earlierOpen = await earlier!.MoveNextAsync()))
            {
                earlierLast = earlier.Current.Sequence;
            }
        }

        var checkpointProblem = CheckpointChecks.Verify(checkpoints, keys, s => s == 0 ? AuditEncoding.GenesisHash : heads.GetValueOrDefault(s), last)
            ?? (options.Against is null ? null : CheckpointChecks.AgainstEarlier(earlierCheckpoints, checkpoints, keys, firstRewritten, earlierLast, last));
        if (checkpointProblem is not null || redactionProblem is not null)
        {
            return Result(checkpointProblem ?? redactionProblem, checkpoints.Count);
        }

        if (records is null)
        {
            return Result(null, checkpoints.Count);
        }

        var (recordProblem, recordsChecked) = await records.CheckAsync(audit.RecordsAsync(ct), sequence => EntryAtAsync(audit, sequence, ct), ct);
        return Result(recordProblem, checkpoints.Count, recordsChecked);
    }

    /// <summary>The entry hash recomputed from the published form: field digests from salt, name and value (or the digest a redaction left), or a restricted entry's content digest.</summary>
    /// <exception cref="PublishedFormatException">The entry is neither a public entry with fields nor a restricted one with a content digest.</exception>
    public static string Hash(PublishedEntry entry)
    {
        var content = entry switch
        {
            { Visibility: AuditTrail.Public, Fields: { } fields } => AuditEncoding.ContentDigest(fields.Select(f => (f.Name, FieldDigest(entry, f)))),
            { Visibility: AuditTrail.Restricted, ContentDigest: { } digest } => digest,
            _ => throw new PublishedFormatException($"{NdjsonPublishedAudit.Entries}: entry {entry.Sequence} is neither a public entry with fields nor a restricted one with a contentDigest."),
        };
        return AuditEncoding.EntryHash(entry.Sequence, entry.PreviousHash, entry.Visibility, content);
    }

    /// <summary>How a verification names its first broken place: an entry, a checkpoint, or a record and its property.</summary>
    public static string Place(AuditProblem problem) => problem switch
    {
        { EntityKey: { } key, Field: { } field } => $"record {problem.EntityType} {key} ({field})",
        { EntityKey: { } key } => $"record {problem.EntityType} {key}",
        { Code: "BAD_SIGNATURE" or "UNTRUSTED_KEY" or "CHECKPOINT_MISMATCH", Sequence: { } sequence } => $"checkpoint #{sequence.ToString("N0", CultureInfo.InvariantCulture)}",
        { Sequence: { } sequence } => $"entry {sequence.ToString("N0", CultureInfo.InvariantCulture)}",
        { EntityType: RecordChecks.RegionImport } => "the region import",
        _ => "the trail",
    };

    private static readonly AuditKeySet EmptyKeys = new(CheckpointChecks.Algorithm, "", []);

    private static AuditProblem? EntryProblem(PublishedEntry entry, long expected, string previous)
    {
        if (entry.Sequence != expected)
        {
            return new AuditProblem("SEQUENCE_GAP", expected, entry.Sequence > expected
                ? $"Entry {expected} is missing: after entry {expected - 1} comes entry {entry.Sequence}."
                : $"Entry {expected} is missing: after entry {expected - 1} comes entry {entry.Sequence} again or out of order.");
        }

        if (entry.PreviousHash != previous)
        {
            return new AuditProblem("BROKEN_LINK", expected, expected == 1
                ? "Entry 1 does not start from the genesis hash: entries before it were removed."
                : $"Entry {expected} does not point at the hash of entry {expected - 1}: an entry was removed, inserted or reordered.");
        }

        return Hash(entry) == entry.Hash
            ? null
            : new AuditProblem("HASH_MISMATCH", expected, $"Entry {expected} was changed after it was written: its hash does not match its content.");
    }

    private static string FieldDigest(PublishedEntry entry, PublishedField field) => field switch
    {
        { IsRedacted: true, Digest: { } digest } => digest,
        { IsRedacted: false, Salt: { } salt } => AuditEncoding.FieldDigest(salt, field.Name, field.Value),
        _ => throw new PublishedFormatException($"{NdjsonPublishedAudit.Entries}: field {field.Name} of entry {entry.Sequence} has neither a salt nor a digest and redaction."),
    };

    /// <summary>Step 4: a redacted field names a redaction that lists it.</summary>
    private static AuditProblem? MarkerProblem(PublishedEntry entry, HashSet<(string Code, long Sequence, string Name)> redactions, HashSet<string> codes)
    {
        var unlisted = entry.Fields?.FirstOrDefault(f => f.IsRedacted && !redactions.Contains((f.Redaction!, entry.Sequence, f.Name)));
        return unlisted is null
            ? null
            : new AuditProblem("REDACTION_UNKNOWN", entry.Sequence, codes.Contains(unlisted.Redaction!)
                ? $"Field {unlisted.Name} of entry {entry.Sequence} is redacted by {unlisted.Redaction}, which does not list it."
                : $"Field {unlisted.Name} of entry {entry.Sequence} is redacted by {unlisted.Redaction}, which is not a published redaction.", Field: unlisted.Name);
    }

    /// <summary>Reads the entries again up to one of them (only to explain a record that differs from it).</summary>
    private static async Task<PublishedEntry?> EntryAtAsync(IPublishedAudit audit, long sequence, CancellationToken ct)
    {
        await foreach (var entry in audit.EntriesAsync(ct).WithCancellation(ct))
        {
            if (entry.Sequence == sequence)
            {
                return entry;
            }
        }

        return null;
    }
}
