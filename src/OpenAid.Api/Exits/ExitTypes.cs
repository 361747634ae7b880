using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Organizations;
using OpenAid.Api.Regions;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Exits;

public sealed class ExitType : ObjectGraphType<RegionExit>
{
    public const string TypeName = "Exit";

    public ExitType()
    {
        Name = TypeName;
        Description = "A village's exit (出列) or a county's (摘帽): the assessment it was proposed on, stored as it stood, its EXIT notice, who verifies it, and whether it was confirmed or withdrawn. Public, and never edited in place.";
        Field(e => e.Code).Description("Stable public code, e.g. \"TC-451021-2026-0001\".");
        this.NodeId(TypeName, e => e.Id);
        Field<NonNullGraphType<RegionType>>("region").Description("The village or county that exits.")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(e => e.Level, type: typeof(NonNullGraphType<EnumerationGraphType<RegionLevel>>)).Description("VILLAGE (出列) or COUNTY (摘帽).");
        Field(e => e.Year).Description("The year whose figures were assessed: the exit year once confirmed.");
        Field(e => e.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ExitStatus>>)).Description("Proposed, confirmed or withdrawn.");
        Field<NonNullGraphType<ExitAssessmentType>>("assessment").Description("The assessment at proposal – figures and each check – as stored then; later corrections of the figures do not change it.")
            .Resolve(ctx => new ThenResult<ExitCriterion, RegionExitAssessment>(
                ctx.Loader().Load<int, ExitCriterion>(
                    "exit:criterion", ctx.Source.CriterionId,
                    async (ids, ct) => await ctx.Db().ExitCriteria.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct)),
                criterion => new RegionExitAssessment(ctx.Source.Assessment, criterion)));
        Field<NonNullGraphType<NoticeType>>("notice").Description("The EXIT notice that published the exit and runs its notice period.")
            .Resolve(ctx => ctx.LoadNode(NoticeType.TypeName, ctx.Source.NoticeId));
        Field<NonNullGraphType<OrganizationType>>("verifyingOrganization").Description("The unit that verifies the exit and answers for it (验收单位).")
            .Resolve(ctx => ctx.LoadNode(OrganizationType.TypeName, ctx.Source.VerifyingOrganizationId));
        Field(e => e.ResponsibleRole).Description("The role or title that signs for the verifying unit (谁验收、谁签字、谁负责).");
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("verifyingLevel").Description("The level that confirms or withdraws the exit: COUNTY for a village, PROVINCE for a county.")
            .Resolve(ctx => ExitOperations.VerifyingLevel(ctx.Source.Level));
        Field(e => e.ProposedOn).Description("The day the exit was proposed and its notice published.");
        Field(e => e.NoticePeriodDays).Description("Days open for objections from the day of proposal.");
        Field(e => e.NoticePeriodEndsOn).Description("The last day of the notice period; the exit can be confirmed from the day after.");
        Field(e => e.ConfirmedOn, nullable: true).Description("The day the exit was confirmed; null unless it was.");
        Field(e => e.WithdrawnOn, nullable: true).Description("The day the exit was withdrawn; null unless it was.");
        Field(e => e.WithdrawalReason, nullable: true).Description("Why the exit was withdrawn (public).");
        Field(e => e.IsDemo).Description("True for generated demonstration data, which is not real.");
    }
}

public sealed class ExitQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<ExitType, RegionExit>("exit", "An exit by its code; null when none has it.", "The exit code, e.g. \"TC-451021-2026-0001\".", db => db.Exits);
        query.Field<NonNullGraphType<ConnectionType<ExitType, RegionExit>>>("exits")
            .Description("Exits of villages and counties, newest first. A region includes everything below it: a county's exits include its villages'.")
            .RegionArgument()
            .Argument<IntGraphType>("year", "Only exits of this exit year (the year assessed).")
            .Argument<EnumerationGraphType<ExitStatus>>("status", "Only exits in this status.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var exits = ctx.Db().Exits.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    exits = exits.InSubtree(region, e => e.RegionCode);
                }

                if (ctx.GetArgument<int?>("year") is { } year)
                {
                    exits = exits.Where(e => e.Year == year);
                }

                if (ctx.GetArgument<ExitStatus?>("status") is { } status)
                {
                    exits = exits.Where(e => e.Status == status);
                }

                return await ctx.PageAsync(exits, e => e.Id);
            });
    }

    /// <summary>The exits of one region, newest first, for Region.exits.</summary>
    public static IDataLoaderResult<RegionExit[]?> OfRegion(IResolveFieldContext<Region> ctx) =>
        ctx.Loader().LoadMany<long, RegionExit>(
            "region:exits", ctx.Source.Code,
            async (codes, ct) => (await ctx.Db().Exits.Where(e => codes.Contains(e.RegionCode)).OrderByDescending(e => e.Id).ToListAsync(ct)).ToLookup(e => e.RegionCode));

    /// <summary>The exit a notice published, for Notice.exit.</summary>
    public static IDataLoaderResult<RegionExit?> OfNotice(IResolveFieldContext ctx, int noticeId) =>
        ctx.Loader().Load<int, RegionExit>(
            "notice:exit", noticeId,
            async (ids, ct) => await ctx.Db().Exits.Where(e => ids.Contains(e.NoticeId)).ToDictionaryAsync(e => e.NoticeId, ct));
}

public sealed class ExitNodes() : IdNodeSource<RegionExit>(ExitType.TypeName, db => db.Exits, e => e.Id);
