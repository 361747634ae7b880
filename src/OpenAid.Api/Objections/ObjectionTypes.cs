using GraphQL;
using GraphQL.Types;
using OpenAid.Api.Auth;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Notices;
using OpenAid.Api.Regions;
using OpenAid.Domain.Objections;

namespace OpenAid.Api.Objections;

public sealed class ObjectionType : ObjectGraphType<Objection>
{
    public const string TypeName = "Objection";

    public ObjectionType(TimeProvider clock)
    {
        Name = TypeName;
        Description = "An objection (异议) to a notice, or a report (举报) of misuse, and its public answer. Who filed it is never public.";
        Field(o => o.Code).Description("Stable public code, e.g. \"YY-451021-2026-0001\".").Exported();
        Field<NoticeType>("notice").Description("The notice objected to; null for a misuse report.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(NoticeType.TypeName, ctx.Source.NoticeId));
        Field<NonNullGraphType<RegionType>>("region").Description("The region concerned: the notice's, or the one the report names.").Exported("code", "name")
            .Resolve(ctx => ctx.LoadNode(RegionType.TypeName, ctx.Source.RegionCode));
        Field(o => o.Category, type: typeof(NonNullGraphType<EnumerationGraphType<ObjectionCategory>>)).Description("The kind of violation alleged.").Exported();
        Field(o => o.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ObjectionStatus>>)).Description("Received, under investigation, answered or rejected.").Exported();
        Field<NonNullGraphType<DateOnlyGraphType>>("filedAt")
            .Description("The day the objection was filed, where the service runs. Only the day is kept, never the time, so that it cannot single out the complainant.")
            .Exported()
            .Resolve(ctx => DateOnly.FromDateTime(ctx.Source.FiledAt.DateTime));
        Field(o => o.InvestigationStartedAt, nullable: true).Description("When a reviewer started investigating.").Exported();
        Field(o => o.AnsweredAt, nullable: true).Description("When it was answered or rejected.").Exported();
        Field(o => o.AnsweredBy, nullable: true).Description("The answering unit and role (never a private person).").Exported();
        Field(o => o.Answer, nullable: true).Description("The public answer, or the reason for rejecting.").Exported();
        Field<FloatGraphType>("daysToRespond").Description("Days from the start of the filing day to the answer or rejection, to one decimal; null while open.")
            .Exported()
            .Resolve(ctx => ObjectionRules.DaysToRespond(ctx.Source.FiledAt, ctx.Source.AnsweredAt) is { } days ? Math.Round(days, 1) : null);
        Field<NonNullGraphType<BooleanGraphType>>("isOverdue")
            .Description($"Answered after, or still open beyond, the {ObjectionRules.ResponseDeadlineDays}-day response deadline.")
            .Exported()
            .Resolve(ctx => ObjectionRules.IsOverdue(ctx.Source.FiledAt, ctx.Source.AnsweredAt, clock.GetUtcNow()));
        Field<StringGraphType>("description")
            .Description("What the complainant reports (public, free of personal data); null once a reviewer hid it (see descriptionHiddenReason).")
            .Exported()
            .Resolve(ctx => ctx.Source.IsDescriptionHidden ? null : ctx.Source.Description);
        Field(o => o.DescriptionHiddenReason, nullable: true).Description("Why a reviewer hid the description, e.g. for abuse; null while it is shown.").Exported();
        Field(o => o.DescriptionHiddenAt, nullable: true).Description("When the description was hidden.").Exported();
        Field(o => o.DescriptionHiddenBy, nullable: true).Description("The unit and role that hid it (never a private person).").Exported();
        this.NodeId(TypeName, o => o.Id).Exported();
        Field(o => o.Finding, type: typeof(EnumerationGraphType<ObjectionFinding>)).Description("What the answer found: upheld, partly upheld or not upheld; null when it states none.").Exported();
        this.MoneyField("moneyRecovered", "Money recovered because of the objection (追回资金); 0 when none.", o => o.MoneyRecoveredFen).Exported("yuan", "fen");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<ObjectionMeasure>>>>>("measures")
            .Description("The measures taken because of the objection, in a fixed order; empty when none.")
            .ListSize(Enum.GetValues<ObjectionMeasure>().Length)
            .Exported()
            .Resolve(ctx => ctx.Source.Measures);
        Field<NoticeType>("correctingNotice").Description("The notice published to correct what was objected to; null when none.").Exported("code")
            .Resolve(ctx => ctx.LoadNode(NoticeType.TypeName, ctx.Source.CorrectingNoticeId));
        // Restricted: an object field, so never a column unless declared one, and this one must never be.
        Field<ObjectionContactType>("contact")
            .Description("RESTRICTED: the contact the complainant chose to leave; null when none. Auditors read it anywhere, the Reviewer of the objection's region while it is under investigation; anyone else gets a FORBIDDEN or UNAUTHENTICATED error. Every read is recorded (contactReads).")
            .ResolveAsync(async ctx => await ContactReads.ReadAsync(ctx, ctx.Source, clock));
    }
}

/// <summary>The complainant's contact: never public, read by auditors only.</summary>
public sealed class ObjectionContactType : ObjectGraphType<Objection>
{
    public ObjectionContactType()
    {
        Name = "ObjectionContact";
        Description = "How to reach a complainant who chose to leave a contact. Restricted to auditors.";
        Field("name", o => o.ContactName, nullable: true).Description("The name the complainant gave, if any.");
        Field("phone", o => o.ContactPhone, nullable: true).Description("The phone number the complainant gave, if any.");
    }
}

public sealed class ObjectionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ByCodeField<ObjectionType, Objection>(
            "objection", "An objection or misuse report by its public code; null when none has it.", "The objection code, e.g. \"YY-451021-2026-0001\".", db => db.Objections);
        query.Field<NonNullGraphType<ConnectionType<ObjectionType, Objection>>>("objections")
            .Description("Objections and misuse reports with their answers, newest first. A region includes everything below it.")
            .RegionArgument()
            .Argument<StringGraphType>("notice", "Only objections to this notice (its code).")
            .Argument<EnumerationGraphType<ObjectionStatus>>("status", "Only objections in this status.")
            .Argument<EnumerationGraphType<ObjectionCategory>>("category", "Only objections of this category.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var objections = ctx.Db().Objections.AsQueryable();
                if (await ctx.RegionArgumentAsync() is { } region)
                {
                    objections = objections.InSubtree(region, o => o.RegionCode);
                }

                if (ctx.GetArgument<string?>("notice") is { } notice)
                {
                    objections = objections.Where(o => NoticeQueries.Public(ctx.Db()).Any(n => n.Id == o.NoticeId && n.Code == notice));
                }

                if (ctx.GetArgument<ObjectionStatus?>("status") is { } status)
                {
                    objections = objections.Where(o => o.Status == status);
                }

                if (ctx.GetArgument<ObjectionCategory?>("category") is { } category)
                {
                    objections = objections.Where(o => o.Category == category);
                }

                return await ctx.PageAsync(objections, o => o.Id);
            });
    }
}

/// <summary>Objections are public records (their contact field aside), so node(id:) and history(id:) reach them.</summary>
public sealed class ObjectionNodes() : IdNodeSource<Objection>(ObjectionType.TypeName, db => db.Objections, o => o.Id);
