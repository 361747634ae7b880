using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Exports;
using OpenAid.Api.Funds;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Organizations;
using OpenAid.Api.Projects;
using OpenAid.Api.Regions;
using OpenAid.Data;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Common;
using OpenAid.Data.Search;

namespace OpenAid.Api.Notices;

public sealed class NoticeType : ObjectGraphType<Notice>
{
    public const string TypeName = "Notice";

    public NoticeType(TimeProvider clock)
    {
        Name = TypeName;
        Description = "A public notice (公告公示) about funds, projects, pledges or an exit. Immutable once published: corrections supersede it.";
        Field(n => n.Code).Description("Stable, citable notice number, e.g. \"GS-451021-2019-0031\".").Exported();
        Field(n => n.Title).Description("The notice's title.").Exported();
        Field(n => n.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<NoticeKind>>)).Description("What the notice is about.").Exported();
        Field(n => n.Status, type: typeof(NonNullGraphType<EnumerationGraphType<NoticeStatus>>)).Description("Published, superseded by a correction, or withdrawn; all stay visible.").Exported();
        Field<NonNullGraphType<RegionType>>("region").Description("The region the notice is for.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field<NonNullGraphType<OrganizationType>>("publisher").Description("The government unit that published the notice.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.PublisherOrganizationId));
        Field(n => n.DecidedOn).Description("The date of the fund allocation or decision the notice reports.").Exported();
        Field(n => n.PublishedOn, nullable: true).Description("The publication date.").Exported();
        Field(n => n.NoticePeriodDays, nullable: true).Description("Days open for objections (at least 10 for township and village notices); null for county level and above, which stay public for good.").Exported();
        Field(n => n.NoticePeriodEndsOn, nullable: true).Description("The last day of the notice period.").Exported();
        Field<NonNullGraphType<BooleanGraphType>>("isOpenForObjections")
            .Description("Whether objections to the notice are taken today: during the notice period of a township or village notice, and while a county or higher notice is in force.").NotExported("Computed for today; the notice period columns give it for any day.")
            .Resolve(ctx => ObjectionRules.AcceptsObjections(ctx.Source, clock.Today()));
        Field(n => n.IsLate).Description("Published later than 15 working days after the decision it reports (a compliance indicator).").Exported();
        Field(n => n.WorkingDaysLate).Description("Working days past the 15-working-day deadline; 0 when on time.").Exported();
        Field<NoticeType>("supersedes").Description("The notice this one corrects, if it is a correction.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(TypeName, ctx.Source.SupersedesNoticeId));
        Field<NoticeType>("supersededBy").Description("The correction that replaced this notice, if any.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(TypeName, ctx.Source.SupersededByNoticeId));
        Field(n => n.CorrectionReason, nullable: true).Description("Why this notice corrects the one it supersedes.").Exported();
        Field(n => n.WithdrawalReason, nullable: true).Description("Why the notice was withdrawn, if it was.").Exported();
        Field(n => n.SupervisionPhone).Description("The national supervision hotline, 12317.").Exported();
        Field(n => n.LocalSupervisionPhone, nullable: true).Description("The publisher's local supervision number (an office line).").Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundType>>>>("funds").Description("The funds the notice is about.")
            .ExportedAs(new ExportColumn("code", "fund_codes", "The codes of the funds the notice is about."))
            .Resolve(ctx => ctx.Loader().LoadMany<int, Fund>(
                "notice:funds",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().NoticeFunds.Where(x => ids.Contains(x.NoticeId))
                        .Join(ctx.Db().Funds, x => x.FundId, f => f.Id, (x, f) => new { x.NoticeId, Fund = f }).ToListAsync(ct))
                    .ToLookup(x => x.NoticeId, x => x.Fund)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectType>>>>("projects").Description("The projects the notice is about.")
            .ExportedAs(new ExportColumn("code", "project_codes", "The codes of the projects the notice is about."))
            .Resolve(ctx => ctx.Loader().LoadMany<int, Project>(
                "notice:projects",
                ctx.Source.Id,
                async (ids, ct) => (await ctx.Db().NoticeProjects.Where(x => ids.Contains(x.NoticeId))
                        .Join(ctx.Db().Projects, x => x.ProjectId, p => p.Id, (x, p) => new { x.NoticeId, Project = p }).ToListAsync(ct))
                    .ToLookup(x => x.NoticeId, x => x.Project)));
        Field<Exits.ExitType>("exit").Description("For an EXIT notice, the exit it publishes; null otherwise.").NotExported("The exits list links each exit to its notice.")
            .Resolve(ctx => Exits.ExitQueries.OfNotice(ctx, ctx.Source.Id));
        Field(n => n.Body).Description("The full text of the notice.").Exported();
        Field(n => n.IsDemo).Description("True for generated demonstration data, which is not real.").Exported();
        this.NodeId(TypeName, n => n.Id).Exported();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeType>>>>("supersessionChain")
            .Description("Every version of this notice, from the first to the latest correction.")
            .ResolveAsync(async ctx => await SupersessionChainAsync(ctx.Db(), ctx.Source, ctx.CancellationToken));
    }

    private const int MaxChainLength = 100;

    private static async Task<List<Notice>> SupersessionChainAsync(OpenAidDbContext db, Notice notice, CancellationToken ct)
    {
        var chain = new LinkedList<Notice>([notice]);
        while (chain.First!.Value.SupersedesNoticeId is { } earlier && chain.Count < MaxChainLength)
        {
            chain.AddFirst(await db.Notices.SingleAsync(n => n.Id == earlier, ct));
        }

        while (chain.Last!.Value.SupersededByNoticeId is { } later && chain.Count < MaxChainLength)
        {
            chain.AddLast(await db.Notices.SingleAsync(n => n.Id == later, ct));
        }

        return [.. chain];
    }
}

public sealed class NoticeQueries : IQueryFields
{
    /// <summary>Notices the public may see: everything ever published, never drafts.</summary>
    public static IQueryable<Notice> Public(OpenAidDbContext db) => db.Notices.Where(n => n.Status != NoticeStatus.Draft);

    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<NoticeType, Notice>("notice", "A notice by its notice number; null when none has it.", "The notice number, e.g. \"GS-451021-2019-0031\".", Public);
        query.Field<NonNullGraphType<ConnectionType<NoticeType, Notice>>>("notices")
            .Description("Public notices, newest first. A region includes everything below it: a county's notices include its villages'.")
            .RegionArgument()
            .YearArgument("Only notices published in this year.")
            .DateRangeArguments("published")
            .Argument<EnumerationGraphType<NoticeKind>>("kind", "Only notices of this kind.")
            .Argument<EnumerationGraphType<NoticeStatus>>("status", "Only notices in this status.")
            .Argument<BooleanGraphType>("late", "true: only notices published late; false: only those on time.")
            .SearchArgument("Part of the title, the notice's code, or the code or document number (文号) of a fund or the code of a project it is about.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.PageAsync(await FilterAsync(ctx), n => n.Id));
    }

    /// <summary>The notices filters, shared by the list and the compliance report.</summary>
    public static async Task<IQueryable<Notice>> FilterAsync(IResolveFieldContext ctx)
    {
        var notices = Public(ctx.Db());
        if (await ctx.RegionArgumentAsync() is { } region)
        {
            notices = notices.InSubtree(region, n => n.RegionCode);
        }

        if (ctx.GetArgument<int?>("year") is { } year)
        {
            var (start, end) = (new DateOnly(Math.Clamp(year, 1, 9998), 1, 1), new DateOnly(Math.Clamp(year, 1, 9998) + 1, 1, 1));
            notices = notices.Where(n => n.PublishedOn >= start && n.PublishedOn < end);
        }

        var (from, to) = ctx.DateRange();
        if (from is not null)
        {
            notices = notices.Where(n => n.PublishedOn >= from);
        }

        if (to is not null)
        {
            notices = notices.Where(n => n.PublishedOn <= to);
        }

        if (ctx.GetArgument<NoticeKind?>("kind") is { } kind)
        {
            notices = notices.Where(n => n.Kind == kind);
        }

        if (ctx.GetArgument<NoticeStatus?>("status") is { } status)
        {
            notices = notices.Where(n => n.Status == status);
        }

        if (ctx.GetArgument<bool?>("late") is { } late)
        {
            notices = late ? notices.Where(n => n.WorkingDaysLate > 0) : notices.Where(n => n.WorkingDaysLate == 0);
        }

        if (ctx.SearchText() is { } search)
        {
            // A code or document number finds the notice it names or the notices about the fund or project it names.
            // Those parts join the text match only when they name something: OR-ed in, they would make SQLite gather
            // and sort every notice containing a common text instead of reading the index's newest keys.
            var code = search.ToUpperInvariant();
            var db = ctx.Db();
            var namedFunds = db.Funds.Where(f => f.Code == code || f.DocumentNumber == search).Select(f => f.Id);
            var aboutFunds = db.NoticeFunds.Where(l => namedFunds.Contains(l.FundId)).Select(l => l.NoticeId);
            var namedProjects = db.Projects.Where(p => p.Code == code).Select(p => p.Id);
            var aboutProjects = db.NoticeProjects.Where(l => namedProjects.Contains(l.ProjectId)).Select(l => l.NoticeId);
            Expression<Func<Notice, bool>> named = n => n.Code == code || aboutFunds.Contains(n.Id) || aboutProjects.Contains(n.Id);
            var text = db.TextContains<Notice, int>(search, n => n.Id, n => n.Title.Contains(search) || n.Body.Contains(search));
            notices = notices.Where(await db.Notices.AnyAsync(named, ctx.CancellationToken) ? text.Or(named) : text);
        }

        return notices;
    }
}

/// <summary>Drafts are not public, so node(id:) cannot reach them either.</summary>
public sealed class NoticeNodes() : IdNodeSource<Notice>(NoticeType.TypeName, NoticeQueries.Public, n => n.Id);
