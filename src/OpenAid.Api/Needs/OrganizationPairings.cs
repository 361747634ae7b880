using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Needs;

/// <summary>
/// A place an organisation helps: a region paired with the organisation itself (万企帮万村: enterprise → village), or
/// with its home region under a program it joined (粤桂扶贫协作: a Guangdong city → a Guangxi city).
/// </summary>
public sealed record PairedPlace(Pairing Pairing, AidProgram Program, Region Helped, Region? Helper, bool ByOrganization)
{
    public bool Contains(long regionCode) => Helped.RegionCode.Contains(regionCode);
}

public static class OrganizationPairings
{
    /// <summary>The organisation's paired places, its own pairings first, then by pairing id.</summary>
    public static async Task<List<PairedPlace>> LoadAsync(OpenAidDbContext db, Organization organization, CancellationToken ct)
    {
        var programs = db.ProgramMemberships.Where(m => m.OrganizationId == organization.Id && m.LeftOn == null).Select(m => m.ProgramId);
        var candidates = await db.Pairings.AsNoTracking()
            .Where(p => p.HelperOrganizationId == organization.Id || (p.HelperRegionCode != null && programs.Contains(p.ProgramId)))
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var own = candidates.Where(p => p.HelperOrganizationId == organization.Id)
            .Concat(candidates.Where(p => p.HelperRegionCode is { } helper && RegionCode.LevelOf(helper) is not null && organization.RegionCode is { } home && RegionCode.Of(helper).Contains(home)))
            .DistinctBy(p => p.Id)
            .ToList();
        var codes = own.SelectMany(p => (long[])[p.HelpedRegionCode, p.HelperRegionCode ?? p.HelpedRegionCode]).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var programIds = own.Select(p => p.ProgramId).Distinct().ToList();
        var programById = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return [.. own
            .Where(p => regions.ContainsKey(p.HelpedRegionCode))
            .Select(p => new PairedPlace(
                p,
                programById[p.ProgramId],
                regions[p.HelpedRegionCode],
                p.HelperRegionCode is { } helper ? regions.GetValueOrDefault(helper) : null,
                p.HelperOrganizationId == organization.Id))];
    }
}
