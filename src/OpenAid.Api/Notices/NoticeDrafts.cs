using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.GraphQL;
using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;

namespace OpenAid.Api.Notices;

/// <summary>A draft with what publishing it today would record.</summary>
public sealed record NoticePublicationCheck(Notice Notice, PublicationPreview Preview);

public sealed class NoticePublicationCheckType : ObjectGraphType<NoticePublicationCheck>
{
    public NoticePublicationCheckType()
    {
        Name = "NoticePublicationCheck";
        Description = "What publishing a draft today would record, counted as publishNotice counts it. Nothing is changed.";
        Field<NonNullGraphType<NoticeType>>("notice").Description("The draft.").Resolve(ctx => ctx.Source.Notice);
        Field<NonNullGraphType<DateOnlyGraphType>>("publishedOn").Description("The publication date if published now: today.").Resolve(ctx => ctx.Source.Preview.PublishedOn);
        Field<NonNullGraphType<DateOnlyGraphType>>("onTimeUntil")
            .Description("The last day the notice is on time: 15 working days after its decision (and the days off right after).")
            .Resolve(ctx => ctx.Source.Preview.OnTimeUntil);
        Field<NonNullGraphType<BooleanGraphType>>("isLate").Description("Published today, the notice would be flagged late.").Resolve(ctx => ctx.Source.Preview.IsLate);
        Field<NonNullGraphType<IntGraphType>>("workingDaysLate").Description("Working days past the deadline if published today; 0 when on time.").Resolve(ctx => ctx.Source.Preview.WorkingDaysLate);
        Field<IntGraphType>("noticePeriodDays").Description("Days open for objections; null at county level and above, which stay public for good.").Resolve(ctx => ctx.Source.Notice.NoticePeriodDays);
        Field<DateOnlyGraphType>("noticePeriodEndsOn").Description("The last day of the notice period if published today; null without one.").Resolve(ctx => ctx.Source.Preview.NoticePeriodEndsOn);
    }
}

/// <summary>
/// A Publisher's own drafts: never public, so only a Publisher whose region holds them reads them (requests with a
/// token are never cached).
/// </summary>
public sealed class NoticeDraftQueries(TimeProvider clock, IConfiguration configuration) : IQueryFields
{
    private readonly WorkingDays _calendar = NoticeCalendar.From(configuration);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<NoticeType, Notice>>>("noticeDrafts")
            .Description("RESTRICTED (Publisher): the drafts of notices in the caller's region, newest first.")
            .PagingArguments()
            .NeverCached()
            .ResolveAsync(async ctx => await ctx.PageAsync(Drafts(ctx), n => n.Id));
        query.Field<NoticePublicationCheckType>("noticePublicationCheck")
            .Description("RESTRICTED (Publisher): what publishing a draft of the caller's region today would record – lateness, the last on-time day, the end of the notice period – before it is published; null when the caller's region holds no draft with the code.")
            .Argument<NonNullGraphType<StringGraphType>>("notice", "The draft's provisional code (CG-…).")
            .NeverCached()
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("notice").Trim();
                var draft = await Drafts(ctx).FirstOrDefaultAsync(n => n.Code == code, ctx.CancellationToken);
                return draft is null ? null : new NoticePublicationCheck(draft, draft.PreviewPublication(clock.Today(), _calendar));
            });
    }

    private static IQueryable<Notice> Drafts(IResolveFieldContext ctx)
    {
        var actor = ctx.Actor();
        actor.Require(Roles.Publisher);
        return ctx.Db().Notices.Where(n => n.Status == NoticeStatus.Draft).Where(RegionScopes.Within<Notice>(n => n.RegionCode, actor.GrantsOf(Roles.Publisher)));
    }
}
