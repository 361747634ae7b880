using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Organizations;
using OpenAid.Api.Programs;
using OpenAid.Api.Regions;
using OpenAid.Domain.Common;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;
using OpenAid.Domain.WorkTeams;

namespace OpenAid.Api.WorkTeams;

public sealed class WorkTeamType : ObjectGraphType<WorkTeam>
{
    public const string TypeName = "WorkTeam";

    public WorkTeamType()
    {
        Name = TypeName;
        Description = "A resident work team (驻村工作队) an assisting unit sent to a village, with its first secretary (第一书记). People appear by role title and unit only.";
        Field(t => t.Code).Description("Stable public code, e.g. \"ZC-00012\".");
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The assisting unit (帮扶单位) that sent the team.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field<NonNullGraphType<RegionType>>("village").Description("The village the team works in.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.VillageCode));
        Field(t => t.StartedOn).Description("The day the team was sent.");
        Field(t => t.PlannedEndOn, nullable: true).Description("The day its posting is planned to end; null when open.");
        Field(t => t.EndedOn, nullable: true).Description("The day it ended; null while it works in the village.");
        Field(t => t.EndReason, nullable: true).Description("Why it ended (public), e.g. rotation or the village's exit.");
        Field(t => t.IsActive).Description("True while the team works in the village (not ended).");
        Field(t => t.Size).Description("How many cadres the team has, first secretary included.");
        Field<FirstSecretaryType>("firstSecretary").Description("The first secretary, by role title and unit; null when the team has none.")
            .Resolve(ctx => ctx.Source.FirstSecretaryTitle is { } title ? new FirstSecretary(title, ctx.Source.FirstSecretaryOrganizationId ?? ctx.Source.OrganizationId) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("memberTitles").Description("The members' role titles (队长, 队员 …), never names.")
            .ListSize(WorkTeam.MaxMemberTitles)
            .Resolve(ctx => ctx.Source.MemberTitles);
        Field(t => t.IsDemo).Description("True for generated demonstration data, which is not real.");
        this.NodeId(TypeName, t => t.Id);
    }
}

/// <summary>A first secretary: a role title and the unit that sent them; never a name or phone.</summary>
public sealed record FirstSecretary(string Title, int OrganizationId);

public sealed class FirstSecretaryType : ObjectGraphType<FirstSecretary>
{
    public FirstSecretaryType()
    {
        Name = "FirstSecretary";
        Description = "A village's first secretary (第一书记), sent by a unit above county level: a role title and the unit, never a name or phone.";
        Field(s => s.Title).Description("The role title, e.g. \"第一书记（省民政厅派驻）\".");
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The unit that sent the first secretary.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
    }
}

/// <summary>A region's households with a named helper in a year, by assisting unit.</summary>
public sealed record HouseholdHelpers(int Year, IReadOnlyList<HouseholdHelperUnit> Units)
{
    public int Households => Units.Sum(u => u.Households);
}

public sealed record HouseholdHelperUnit(int OrganizationId, int Households);

public sealed class HouseholdHelpersType : ObjectGraphType<HouseholdHelpers>
{
    public HouseholdHelpersType()
    {
        Name = "HouseholdHelpers";
        Description = "How many households had a named helper (帮扶责任人) in a year, by assisting unit: counts only, never a list of helpers or households. Above village level, the sum of the villages below.";
        Field(h => h.Year).Description("The year counted.");
        Field(h => h.Households).Description("Households with a named helper, all units together.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HouseholdHelperUnitType>>>>("units").Description("The count of each assisting unit, most households first.")
            .ListSize(HouseholdHelperCount.MaxUnits)
            .Resolve(ctx => ctx.Source.Units);
    }
}

public sealed class HouseholdHelperUnitType : ObjectGraphType<HouseholdHelperUnit>
{
    public HouseholdHelperUnitType()
    {
        Name = "HouseholdHelperUnit";
        Description = "One assisting unit's households with a named helper from it.";
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The assisting unit.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field(u => u.Households).Description("Households with a named helper from the unit.");
    }
}

/// <summary>Who helps a place: the answer of Region.whoHelps.</summary>
public sealed record WhoHelps(Region Region);

/// <summary>A pairing that helps a place, and the level it helps at: the place itself or a unit above it.</summary>
public sealed record PlacePairing(Pairing Pairing, RegionLevel Level, bool Inherited);

public sealed class PlacePairingType : ObjectGraphType<PlacePairing>
{
    public PlacePairingType()
    {
        Name = "PlacePairing";
        Description = "A pairing that helps a place: paired with the place itself, or with its township, county, city or province (a 粤桂 city pairing helps every village below the city).";
        Field(p => p.Level, type: typeof(NonNullGraphType<EnumerationGraphType<RegionLevel>>)).Description("The level of the helped region the pairing names.");
        Field(p => p.Inherited).Description("True when the pairing names a unit above the place rather than the place itself.");
        Field<NonNullGraphType<PairingType>>("pairing").Description("The pairing.").Resolve(ctx => ctx.Source.Pairing);
    }
}

public sealed class WhoHelpsType : ObjectGraphType<WhoHelps>
{
    public WhoHelpsType(TimeProvider clock)
    {
        Name = "WhoHelps";
        Description = "Who helps a place this year: its pairings and those of every unit above it, its resident work team and first secretary, and its assisting units.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacePairingType>>>>("pairings")
            .Description("The pairings running this year that name the place or a unit above it, the place's own first, then up the levels.")
            // A place's own pairings and those of four levels above; a handful each.
            .ListSize(WhoHelpsLoader.MaxPairings)
            .Resolve(ctx => WhoHelpsLoader.Pairings(ctx, ctx.Source.Region.Code, clock.Today().Year));
        Field<WorkTeamType>("workTeam").Description("The village's active work team; null above village level or when it has none.")
            .Resolve(ctx => WhoHelpsLoader.ActiveTeam(ctx, ctx.Source.Region.Code));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("assistingUnits")
            .Description("The assisting units (帮扶单位): the organisations of those pairings and of the active work team (and its first secretary), by code.")
            .ListSize(WhoHelpsLoader.MaxPairings + 2)
            .Resolve(ctx => WhoHelpsLoader.Units(ctx, ctx.Source.Region.Code, clock.Today().Year));
    }
}

/// <summary>The batched reads behind who helps a place: each a fixed number of queries for any number of places.</summary>
public static class WhoHelpsLoader
{
    public const int MaxPairings = 100;

    public static IDataLoaderResult<PlacePairing[]?> Pairings(IResolveFieldContext ctx, long place, int year) =>
        ctx.Loader().LoadMany<long, PlacePairing>($"whoHelps:pairings:{year}", place, async (places, ct) =>
        {
            var pairings = await RunningAsync(ctx, places, year, ct);
            return places.SelectMany(p => PairingsOf(p, pairings).Select(pairing => (Place: p, Pairing: pairing))).ToLookup(x => x.Place, x => x.Pairing);
        });

    public static IDataLoaderResult<WorkTeam?> ActiveTeam(IResolveFieldContext ctx, long village) =>
        ctx.Loader().Load<long, WorkTeam>("region:workTeam", village, async (villages, ct) =>
            await ctx.Db().WorkTeams.Where(t => t.ActiveVillageCode != null && villages.Contains(t.ActiveVillageCode.Value)).ToDictionaryAsync(t => t.VillageCode, ct));

    public static IDataLoaderResult<Organization[]?> Units(IResolveFieldContext ctx, long place, int year) =>
        ctx.Loader().LoadMany<long, Organization>($"whoHelps:units:{year}", place, async (places, ct) =>
        {
            var db = ctx.Db();
            var pairings = await RunningAsync(ctx, places, year, ct);
            var teams = await db.WorkTeams.Where(t => t.ActiveVillageCode != null && places.Contains(t.ActiveVillageCode.Value)).ToListAsync(ct);
            var idsOf = places.ToDictionary(p => p, p => PairingsOf(p, pairings).Select(x => x.Pairing.HelperOrganizationId)
                .Concat(teams.Where(t => t.VillageCode == p).SelectMany(t => new int?[] { t.OrganizationId, t.FirstSecretaryOrganizationId }))
                .OfType<int>().Distinct().ToList());
            var ids = idsOf.Values.SelectMany(i => i).Distinct().ToList();
            var organizations = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
            return idsOf.SelectMany(p => p.Value.Select(id => organizations[id]).OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => (p.Key, o)))
                .ToLookup(x => x.Key, x => x.o);
        });

    /// <summary>The pairings running in <paramref name="year"/> that name any of the places or a unit above one.</summary>
    private static async Task<List<Pairing>> RunningAsync(IResolveFieldContext ctx, IReadOnlyCollection<long> places, int year, CancellationToken ct)
    {
        var lineage = places.SelectMany(p => RegionCode.Of(p).Lineage()).Distinct().ToList();
        return await ctx.Db().Pairings
            .Where(p => lineage.Contains(p.HelpedRegionCode) && p.EndedOn == null && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year))
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
    }

    private static IEnumerable<PlacePairing> PairingsOf(long place, List<Pairing> pairings)
    {
        var code = RegionCode.Of(place);
        var lineage = code.Lineage().ToHashSet();
        return pairings.Where(p => lineage.Contains(p.HelpedRegionCode))
            .Select(p => new PlacePairing(p, RegionCode.LevelOf(p.HelpedRegionCode)!.Value, p.HelpedRegionCode != place))
            .OrderByDescending(p => p.Level).ThenBy(p => p.Pairing.Id)
            .Take(MaxPairings);
    }
}

/// <summary>The people on the ground, on every region.</summary>
public static class WorkTeamRegionFields
{
    public static void AddTo(ObjectGraphType<Region> region)
    {
        region.Field<WorkTeamType>("workTeam").Description("The village's active resident work team (驻村工作队); null above village level or when it has none.")
            .Resolve(ctx => WhoHelpsLoader.ActiveTeam(ctx, ctx.Source.Code));
        region.Field<NonNullGraphType<ConnectionType<WorkTeamType, WorkTeam>>>("workTeams")
            .Description("The work teams of the region's villages, current and ended, newest first: a village's history, or every village below a county.")
            .Argument<BooleanGraphType>("active", "Only active teams (true) or only ended ones (false).")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var code = ctx.Source.RegionCode;
                var teams = ctx.Db().WorkTeams.InSubtree(code, t => t.VillageCode);
                if (ctx.GetArgument<bool?>("active") is { } active)
                {
                    teams = active ? teams.Where(t => t.EndedOn == null) : teams.Where(t => t.EndedOn != null);
                }

                return await ctx.PageAsync(teams, t => t.Id);
            });
        region.Field<HouseholdHelpersType>("householdHelpers")
            .Description("Households with a named helper (帮扶责任人) in a year, by assisting unit: the village's counts, or the sum of the villages below; null when none were recorded.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<int>("year");
                return ctx.Loader().Load<long, HouseholdHelpers>($"region:householdHelpers:{year}", ctx.Source.Code, async (codes, ct) =>
                {
                    var within = RegionScopes.Within<HouseholdHelperCount>(c => c.VillageCode, codes.Select(c => new ActorGrant("", RegionCode.Of(c), null)));
                    var rows = await ctx.Db().HouseholdHelperCounts.Where(c => c.Year == year && c.Households > 0).Where(within).ToListAsync(ct);
                    return codes.Select(c => (Code: c, Rows: rows.Where(r => RegionCode.Of(c).Contains(r.VillageCode)).ToList()))
                        .Where(x => x.Rows.Count > 0)
                        .ToDictionary(x => x.Code, x => new HouseholdHelpers(year, [.. x.Rows.GroupBy(r => r.OrganizationId)
                            .Select(g => new HouseholdHelperUnit(g.Key, g.Sum(r => r.Households)))
                            .OrderByDescending(u => u.Households).ThenBy(u => u.OrganizationId)]));
                });
            });
        region.Field<NonNullGraphType<WhoHelpsType>>("whoHelps")
            .Description("Who helps the place: its own pairings and those of its township, county, city and province, its work team and first secretary, and its assisting units.")
            .Resolve(ctx => new WhoHelps(ctx.Source));
    }
}

/// <summary>The places an organisation helps.</summary>
public static class WorkTeamOrganizationFields
{
    public static void AddTo(ObjectGraphType<Organization> organization) =>
        organization.Field<NonNullGraphType<ConnectionType<RegionType, Region>>>("placesHelped")
            .Description("The places the organisation helps or helped: those its pairings name and the villages of its work teams, by code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var id = ctx.Source.Id;
                var places = db.Regions.Where(r => db.Pairings.Any(p => p.HelperOrganizationId == id && p.HelpedRegionCode == r.Code)
                    || db.WorkTeams.Any(t => t.OrganizationId == id && t.VillageCode == r.Code));
                return await ctx.PageAsync(places, r => r.Code, descending: false);
            });
}

public sealed class WorkTeamNodes() : IdNodeSource<WorkTeam>(WorkTeamType.TypeName, db => db.WorkTeams, t => t.Id);
