using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Pledges;

namespace OpenAid.Api.Needs;

/// <summary>
/// Serialises the writes on one need, on any provider, so that a need is never pledged beyond what it asks.
/// <para>
/// The first statement of the write is an UPDATE of the need's row (its concurrency token, +1): on SQL
/// Server it holds the row's exclusive lock until the transaction ends, on SQLite the write transaction (BEGIN
/// IMMEDIATE) already holds the database. Everything after it — reading what is pledged, releasing lapsed pledges,
/// checking the room left, taking it — runs once, on current data, and either commits or is refused with a typed
/// error: concurrent pledges wait their turn instead of failing and retrying. Optimistic writers that read the need
/// before (none in this API) would still conflict on the token and re-check.
/// </para>
/// </summary>
public static class NeedLocks
{
    /// <summary>
    /// Locks the need, stores the lapse of its pledges that lapsed since it was last written, and returns it tracked.
    /// Call it before the write changes anything: the lapses are saved at once, in the caller's transaction, under
    /// <see cref="AuditActor.SystemSchedule"/> (the calendar lapsed them, not the caller), so that the caller's own
    /// change is recorded apart from them.
    /// </summary>
    public static async Task<Need> LockAsync(OpenAidDbContext db, int needId, DateOnly today, CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Lock the need before the write changes anything: the lapses it stores are saved under the schedule's actor.");
        }

        // The version is a concurrency token, which the trail does not record (AuditTrail.RecordedFields): the lock changes no public field.
        var locked = await db.Needs.Where(n => n.Id == needId).ExecuteUpdateAsync(s => s.SetProperty(n => n.Version, n => n.Version + 1), ct);
        if (locked == 0)
        {
            throw new DomainException(Errors.NotFound, "The need no longer exists.", "need", ("record", "Need"));
        }

        // Read after the lock, so the values are current; a need this context tracked already is refreshed.
        var need = db.ChangeTracker.Entries<Need>().FirstOrDefault(e => e.Entity.Id == needId)?.Entity;
        if (need is null)
        {
            need = await db.Needs.SingleAsync(n => n.Id == needId, ct);
        }
        else
        {
            await db.Entry(need).ReloadAsync(ct);
        }

        var lapsed = await db.Pledges.Where(p => p.NeedId == needId && p.Status == PledgeStatus.Pledged && p.ConfirmBy < today).ToListAsync(ct);
        foreach (var pledge in lapsed)
        {
            pledge.Lapse(need, today);
        }

        if (lapsed.Count > 0)
        {
            await db.SaveChangesAsync(AuditActor.SystemSchedule, ct);
        }

        return need;
    }

    /// <summary>Locks the need with this code (see <see cref="LockAsync"/>), or fails naming <paramref name="field"/>.</summary>
    public static async Task<Need> LockAsync(OpenAidDbContext db, string code, string field, DateOnly today, CancellationToken ct)
    {
        var id = await db.Needs.AsNoTracking().Where(n => n.Code == code).Select(n => (int?)n.Id).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(Errors.NotFound, $"No need has the code '{code}'.", field, ("record", "Need"), ("code", code));
        return await LockAsync(db, id, today, ct);
    }
}
