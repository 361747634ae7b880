using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Data.Audit;
using OpenAid.Domain.Access;

namespace OpenAid.Api.Access;

/// <summary>A grant a development user should hold: a role, a region code and an organisation code.</summary>
public sealed record LocalGrant(Role Role, string? Region, string? Organization);

/// <summary>A grant as the sign-in picker shows it.</summary>
public sealed record LocalUserGrant(string Role, string? Region, string? RegionName, string? Organization, string? OrganizationName);

/// <summary>A person who can sign in with the local signer: their subject, name and active grants.</summary>
public sealed record LocalUser(string Subject, string? Name, IReadOnlyList<LocalUserGrant> Grants);

/// <summary>
/// The people of development sign-in. They are people with grants like any other; `token --role` and the test servers
/// make them on demand, audited under <see cref="AuditActor.SystemLocalUsers"/>.
/// </summary>
public static class LocalUsers
{
    /// <summary>The most people the picker lists.</summary>
    public const int MaxListed = 200;

    public const string Reason = "开发环境登录用户 (development sign-in).";

    /// <summary>Gives <paramref name="subject"/> each of <paramref name="grants"/> it does not hold yet, checked as grantRole checks them; whether any was new.</summary>
    public static async Task<bool> EnsureAsync(OpenAidDbContext db, string subject, string? name, IEnumerable<LocalGrant> grants, CancellationToken ct)
    {
        foreach (var wanted in grants)
        {
            var region = wanted.Region is null ? null : await Lookups.RegionAsync(db, wanted.Region, "region", ct);
            var organization = wanted.Organization is null ? null : await Lookups.ByCodeAsync(db.Organizations.AsNoTracking(), wanted.Organization, "organization", ct);
            var (regionCode, organizationId) = (region?.Code, organization?.Id);
            var held = await db.Grants.AnyAsync(
                g => g.Subject == subject && g.Role == wanted.Role && g.RegionCode == regionCode && g.OrganizationId == organizationId && g.RevokedAt == null, ct)
                || db.Grants.Local.Any(g => g.Subject == subject && g.Role == wanted.Role && g.RegionCode == regionCode && g.OrganizationId == organizationId);
            if (!held)
            {
                db.Grants.Add(Grant.Make(subject, name, wanted.Role, region, organization, Reason, AuditActor.SystemLocalUsers.Subject, db.Clock.GetUtcNow(), alreadyHeld: false));
            }
        }

        return await db.SaveChangesAsync(AuditActor.SystemLocalUsers, ct) > 0;
    }

    /// <summary>The people holding active grants, in the order they were first granted, or just <paramref name="subject"/>.</summary>
    public static async Task<List<LocalUser>> ListAsync(OpenAidDbContext db, CancellationToken ct, string? subject = null)
    {
        var active = db.Grants.AsNoTracking().Where(g => g.RevokedAt == null && (subject == null || g.Subject == subject));
        var people = await active.GroupBy(g => g.Subject).Select(p => new { Subject = p.Key, First = p.Min(g => g.Id) })
            .OrderBy(p => p.First).Take(MaxListed).Select(p => p.Subject).ToListAsync(ct);
        var rows = await active.Where(g => people.Contains(g.Subject)).OrderBy(g => g.Id)
            .Select(g => new
            {
                g.Subject,
                g.PersonName,
                g.Role,
                g.RegionCode,
                RegionName = db.Regions.Where(r => r.Code == g.RegionCode).Select(r => r.Name).FirstOrDefault(),
                Organization = db.Organizations.Where(o => o.Id == g.OrganizationId).Select(o => new { o.Code, o.Name }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. people.Select(person =>
        {
            var held = rows.Where(r => r.Subject == person).ToList();
            return new LocalUser(
                person,
                held.Select(g => g.PersonName).FirstOrDefault(n => n is not null),
                [.. held.Select(g => new LocalUserGrant(
                    g.Role.ToString(), g.RegionCode is { } code ? Domain.Regions.RegionCode.Of(code).ShortForm : null, g.RegionName, g.Organization?.Code, g.Organization?.Name))]);
        })];
    }
}
