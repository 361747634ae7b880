using Microsoft.EntityFrameworkCore;

namespace OpenAid.Data;

/// <summary>
/// The last number given under one register prefix (e.g. "CG-451027-2026-"). Numbers only go up, so a code is never
/// given twice, even once the record that had it changed its code (a draft's provisional CG number becomes a GS
/// notice number when it is published). Bookkeeping, not public data: it is not audited.
/// </summary>
public class RegisterSequence
{
    public const int PrefixMaxLength = 32;

    public required string Prefix { get; init; }

    public int Last { get; set; }

    /// <summary>
    /// The next number under <paramref name="prefix"/>, taken in the caller's transaction. A prefix seen for the
    /// first time starts after the highest of <paramref name="existingCodes"/> (codes given before sequences were
    /// kept). Two writers taking the same number collide on the concurrency token and the write runs again.
    /// </summary>
    public static async Task<int> TakeAsync(OpenAidDbContext db, string prefix, IQueryable<string> existingCodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sequence = await db.RegisterSequences.AsTracking().SingleOrDefaultAsync(s => s.Prefix == prefix, ct);
        if (sequence is null)
        {
            var taken = await existingCodes.Where(c => c.StartsWith(prefix)).ToListAsync(ct);
            sequence = new RegisterSequence { Prefix = prefix, Last = Domain.Notices.RegisterNumbers.Highest(prefix, taken) };
            db.RegisterSequences.Add(sequence);
        }

        return ++sequence.Last;
    }
}
