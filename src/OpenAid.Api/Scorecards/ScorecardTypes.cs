using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Organizations;
using OpenAid.Api.Programs;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Pledges;
using OpenAid.Domain.Programs;
using OpenAid.Domain.Regions;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Scorecards;

public sealed record ScorecardGroup(int? Year, int? ProgramId, PledgeTally Figures);

public sealed record OrganizationScorecard(
    Organization Organization, PledgeTally Total, IReadOnlyList<ScorecardGroup> ByYear, IReadOnlyList<ScorecardGroup> ByProgram, IReadOnlyList<ScorecardGroup> ByYearAndProgram);

public sealed record OrganizationFigures(int OrganizationId, PledgeTally Figures);

public sealed record ProgramScorecard(
    AidProgram Program, long? RegionCode, int? Year, int Organizations, int Enterprises, int Villages, int NeedsPledged, int NeedsMet,
    PledgeTally Figures, IReadOnlyList<OrganizationFigures> ByOrganization);

public sealed class PledgeFiguresType : ObjectGraphType<PledgeTally>
{
    public PledgeFiguresType()
    {
        Name = "PledgeFigures";
        Description = "Scorecard figures over a set of pledges: how many reached each step, and the money (money and purchases) promised, confirmed, delivered and received by the village. Other units are counted by pledge, never added.";
        Field(t => t.Pledges).Description("Pledges made.");
        Field(t => t.Confirmed).Description("Pledges that reached an agreement.");
        Field(t => t.Delivered).Description("Pledges with at least one delivery.");
        Field(t => t.Received).Description("Pledges with at least one delivery the village confirmed.");
        Field(t => t.Completed).Description("Pledges delivered and received in full.");
        Field(t => t.Cancelled).Description("Pledges the donor cancelled.");
        Field(t => t.Lapsed).Description("Pledges not confirmed in time.");
        Field(t => t.Open).Description("Pledges still under way.");
        Field(t => t.OnTime).Description("Pledges completed by their deadline (the need's deadline or the project's planned end).");
        Field(t => t.Late).Description("Pledges completed after their deadline, overdue, cancelled or lapsed.");
        Field<StringGraphType>("onTimeSharePercent").Description("On time as a share of on time and late, in percent with two decimals; null when no pledge has a deadline that counts yet.")
            .Resolve(ctx => ctx.Source.OnTimeShare is { } share ? (share * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : null);
        this.MoneyField("moneyPledged", "Money promised (money and purchase pledges).", t => t.MoneyPledgedFen);
        this.MoneyField("moneyConfirmed", "Money of pledges that reached an agreement.", t => t.MoneyConfirmedFen);
        this.MoneyField("moneyDelivered", "Money delivered.", t => t.MoneyDeliveredFen);
        this.MoneyField("moneyReceived", "Money the village confirmed it received.", t => t.MoneyReceivedFen);
        this.MoneyField("moneyWithdrawn", "Money promised and then withdrawn: the undelivered part of cancelled pledges and all of lapsed ones.", t => t.MoneyWithdrawnFen);
    }
}

public sealed class ScorecardGroupType : ObjectGraphType<ScorecardGroup>
{
    public ScorecardGroupType()
    {
        Name = "ScorecardGroup";
        Description = "Scorecard figures of one year, one program, or one program in one year.";
        Field(g => g.Year, nullable: true).Description("The year the pledges were made; null when not grouped by year.");
        Field<ProgramType>("program").Description("The program the pledges count for; null for pledges outside any program, or when not grouped by program.")
            .Resolve(ctx => ctx.LoadNode(ProgramType.TypeName, ctx.Source.ProgramId));
        Field<NonNullGraphType<PledgeFiguresType>>("figures").Description("The figures.").Resolve(ctx => ctx.Source.Figures);
    }
}

public sealed class OrganizationScorecardType : ObjectGraphType<OrganizationScorecard>
{
    public OrganizationScorecardType()
    {
        Name = "OrganizationScorecard";
        Description = "The public scorecard of an organisation: what it pledged, confirmed, delivered and what the villages confirmed they received, on time or not.";
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation.").Resolve(ctx => ctx.Source.Organization);
        Field<NonNullGraphType<PledgeFiguresType>>("total").Description("All its pledges.").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScorecardGroupType>>>>("byYear").Description("By the year pledged, oldest first.").Resolve(ctx => ctx.Source.ByYear);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScorecardGroupType>>>>("byProgram").Description("By program; pledges outside any program last.").Resolve(ctx => ctx.Source.ByProgram);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScorecardGroupType>>>>("byYearAndProgram").Description("By year, then program.").Resolve(ctx => ctx.Source.ByYearAndProgram);
    }
}

public sealed class OrganizationFiguresType : ObjectGraphType<OrganizationFigures>
{
    public OrganizationFiguresType()
    {
        Name = "OrganizationFigures";
        Description = "One organisation's figures within a program scorecard.";
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation.")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.OrganizationId));
        Field<NonNullGraphType<PledgeFiguresType>>("figures").Description("Its figures.").Resolve(ctx => ctx.Source.Figures);
    }
}

public sealed class ProgramScorecardType : ObjectGraphType<ProgramScorecard>
{
    public ProgramScorecardType()
    {
        Name = "ProgramScorecard";
        Description = "A program's scorecard, e.g. 万企帮万村 in Guangxi in 2019: who took part, where, how many needs were met, and money pledged against money received.";
        Field<NonNullGraphType<ProgramType>>("program").Description("The program.").Resolve(ctx => ctx.Source.Program);
        Field<RegionType>("region").Description("The region the figures are limited to (with everything below it); null for everywhere.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(s => s.Year, nullable: true).Description("The year the figures are limited to (the year pledged); null for all years.");
        Field(s => s.Organizations).Description("Organisations that pledged.");
        Field(s => s.Enterprises).Description("Of them, enterprises (state-owned or private).");
        Field(s => s.Villages).Description("Villages pledged to.");
        Field(s => s.NeedsPledged).Description("Needs pledged against.");
        Field(s => s.NeedsMet).Description("Of them, needs met: everything asked received by the village.");
        Field<NonNullGraphType<PledgeFiguresType>>("figures").Description("The figures of all the pledges, money pledged against money received among them.").Resolve(ctx => ctx.Source.Figures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationFiguresType>>>>("byOrganization")
            .Description("Each organisation's figures, most money pledged first.")
            .Resolve(ctx => ctx.Source.ByOrganization);
    }
}

public sealed class ScorecardQueries(TimeProvider clock) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<OrganizationScorecardType>("organizationScorecard")
            .Description("An organisation's public scorecard; null when no organisation has the code.")
            .Argument<NonNullGraphType<StringGraphType>>("organization", "The organisation's code (\"ORG-000123\") or credit code.")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("organization").Trim();
                var db = ctx.Db();
                var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code || o.CreditCode == code, ctx.CancellationToken);
                if (organization is null)
                {
                    return null;
                }

                var today = clock.Today();
                var pledges = await LoadAsync(db, db.Pledges.Where(p => p.OrganizationId == organization.Id), ctx.CancellationToken);
                return new OrganizationScorecard(
                    organization,
                    Tally(pledges, today),
                    Groups(pledges, p => (Clock.DayOf(p.PledgedAt).Year, (int?)null), today),
                    Groups(pledges, p => ((int?)null, p.ProgramId), today),
                    Groups(pledges, p => (Clock.DayOf(p.PledgedAt).Year, p.ProgramId), today));
            });
        query.Field<ProgramScorecardType>("programScorecard")
            .Description("A program's scorecard, optionally for one region and one year, e.g. programScorecard(program: \"WQBWC\", region: \"45\", year: 2019); null when no program has the code.")
            .Argument<NonNullGraphType<StringGraphType>>("program", "The program's code, e.g. \"WQBWC\".")
            .RegionArgument()
            .YearArgument("Only pledges made in this year.")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("program");
                var db = ctx.Db();
                var ct = ctx.CancellationToken;
                var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
                if (program is null)
                {
                    return null;
                }

                var region = await ctx.RegionArgumentAsync();
                var year = ctx.GetArgument<int?>("year");
                var query = db.Pledges.Where(p => p.ProgramId == program.Id);
                if (region is { } r)
                {
                    query = query.InSubtree(r, p => p.RegionCode);
                }

                // The year is picked after loading: SQLite cannot compare date-time-offsets.
                var pledges = (await LoadAsync(db, query, ct)).Where(p => year is null || Clock.DayOf(p.Pledge.PledgedAt).Year == year).ToList();
                var organizationIds = pledges.Select(p => p.Pledge.OrganizationId).Distinct().ToList();
                var enterprises = await db.Organizations.CountAsync(
                    o => organizationIds.Contains(o.Id) && (o.Kind == OrganizationKind.PrivateEnterprise || o.Kind == OrganizationKind.StateOwnedEnterprise), ct);
                var needIds = pledges.Select(p => p.Pledge.NeedId).OfType<int>().Distinct().ToList();
                var needsMet = await db.Needs.CountAsync(
                    n => needIds.Contains(n.Id) && (n.Status == NeedStatus.Fulfilled || (n.Status == NeedStatus.Closed && n.Received >= n.Requested)), ct);
                var today = clock.Today();
                var byOrganization = pledges.GroupBy(p => p.Pledge.OrganizationId)
                    .Select(g => new OrganizationFigures(g.Key, Tally(g, today)))
                    .OrderByDescending(o => o.Figures.MoneyPledgedFen).ThenBy(o => o.OrganizationId)
                    .ToList();
                return new ProgramScorecard(
                    program, region?.Value, year, organizationIds.Count, enterprises,
                    pledges.Select(p => p.Pledge.RegionCode).Where(c => RegionCode.LevelOf(c) == RegionLevel.Village).Distinct().Count(),
                    needIds.Count, needsMet, Tally(pledges, today), byOrganization);
            });
    }

    /// <summary>The pledges with their deliveries and the date each is due: its need's deadline, else its project's planned end.</summary>
    private static async Task<List<(Pledge Pledge, DateOnly? Due)>> LoadAsync(OpenAidDbContext db, IQueryable<Pledge> query, CancellationToken ct)
    {
        var pledges = await query.AsNoTracking().Include(p => p.Deliveries).OrderBy(p => p.Id).ToListAsync(ct);
        var needIds = pledges.Select(p => p.NeedId).OfType<int>().Distinct().ToList();
        var projectIds = pledges.Select(p => p.ProjectId).OfType<int>().Distinct().ToList();
        var deadlines = await db.Needs.Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Deadline, ct);
        var plannedEnds = await db.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.PlannedEnd, ct);
        return [.. pledges.Select(p => (p, p.NeedId is { } need ? deadlines[need] : p.ProjectId is { } project ? plannedEnds[project] : (DateOnly?)null))];
    }

    private static PledgeTally Tally(IEnumerable<(Pledge Pledge, DateOnly? Due)> pledges, DateOnly today)
    {
        var tally = new PledgeTally();
        foreach (var (pledge, due) in pledges)
        {
            tally.Add(pledge, due, today);
        }

        return tally;
    }

    private static List<ScorecardGroup> Groups(List<(Pledge Pledge, DateOnly? Due)> pledges, Func<Pledge, (int? Year, int? ProgramId)> key, DateOnly today) =>
        [.. pledges.GroupBy(p => key(p.Pledge))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.ProgramId is null).ThenBy(g => g.Key.ProgramId)
            .Select(g => new ScorecardGroup(g.Key.Year, g.Key.ProgramId, Tally(g, today)))];
}
