using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.GraphQL;

/// <summary>Look-ups of the records an input names; each failure is a <see cref="DomainException"/> naming the field.</summary>
public static class Lookups
{
    public static async Task<Region> RegionAsync(OpenAidDbContext db, string code, string field, CancellationToken ct)
    {
        if (!RegionCode.TryParse(code, out var parsed))
        {
            throw new DomainException(Errors.InvalidRegionCode, $"'{code}' is not a statistical region code (2, 4, 6, 9 or 12 digits).", field, ("code", code));
        }

        return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == parsed.Value, ct)
            ?? throw new DomainException(Errors.RegionNotFound, $"No region has the code '{code}'.", field, ("code", code));
    }

    /// <summary>The organisation the signed-in caller acts for.</summary>
    public static async Task<Organization> OwnOrganizationAsync(OpenAidDbContext db, string? organizationCode, CancellationToken ct) =>
        await db.Organizations.SingleOrDefaultAsync(o => o.Code == organizationCode, ct)
            ?? throw new DomainException(Errors.OrganizationNotFound, $"Your grant names organisation '{organizationCode ?? "(none)"}', which OpenAid does not hold.", null, ("organization", organizationCode ?? ""));

    /// <summary>
    /// The helpers, as regions, of the pairings that help <paramref name="place"/> (or a unit above it) in
    /// <paramref name="year"/>: a helper region, or the home region of a helper organisation.
    /// </summary>
    public static async Task<List<long>> PairedHelperRegionsAsync(OpenAidDbContext db, long place, int year, CancellationToken ct)
    {
        var lineage = RegionCode.Of(place).Lineage().ToList();
        return await db.Pairings
            .Where(p => lineage.Contains(p.HelpedRegionCode) && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year))
            .Select(p => p.HelperRegionCode ?? db.Organizations.Where(o => o.Id == p.HelperOrganizationId).Select(o => o.RegionCode).FirstOrDefault())
            .Where(code => code != null)
            .Select(code => code!.Value)
            .ToListAsync(ct);
    }

    /// <summary>Finds a record by its public code, or fails naming the field.</summary>
    public static async Task<T> ByCodeAsync<T>(IQueryable<T> set, string code, string field, CancellationToken ct)
        where T : class =>
        await set.SingleOrDefaultAsync(e => EF.Property<string>(e, "Code") == code, ct)
            ?? throw new DomainException(Errors.NotFound, $"No {typeof(T).Name.ToLowerInvariant()} has the code '{code}'.", field, ("record", typeof(T).Name), ("code", code));
}
