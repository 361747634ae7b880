using GraphQL;
using GraphQL.Types;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.GraphQL;
using OpenAid.Data;
using OpenAid.Domain.Objections;

namespace OpenAid.Api.Objections;

/// <summary>Who may read a complainant's contact, and the restricted log of every read.</summary>
public static class ContactReads
{
    /// <summary>
    /// The contact of <paramref name="objection"/> for a caller allowed to read it (<see cref="Objection.ContactReadableBy"/>),
    /// after the read is recorded: a read that cannot be recorded does not happen.
    /// </summary>
    public static async Task<Objection?> ReadAsync(IResolveFieldContext ctx, Objection objection, TimeProvider clock)
    {
        var actor = ctx.Actor();
        if (!actor.IsAuthenticated)
        {
            throw ApiErrors.Error(ApiErrors.UnauthenticatedCode, "Sign in as an Auditor, or as the Reviewer of the objection's region while it is under investigation, to read the contact.", ("role", $"{Roles.Auditor},{Roles.Reviewer}"));
        }

        var auditor = actor.Has(Roles.Auditor);
        var reviewer = actor.Covers(Roles.Reviewer, objection.RegionCode);
        if (!objection.ContactReadableBy(auditor, reviewer))
        {
            throw ApiErrors.Error(ApiErrors.ForbiddenCode, $"The contact of {objection.Code} is read by Auditors, and by the Reviewer of its region while it is under investigation; it is {objection.Status.ToString().ToLowerInvariant()}.", ("objection", objection.Code), ("status", objection.Status));
        }

        if (objection.ContactName is null && objection.ContactPhone is null)
        {
            return null;
        }

        // Its own scope and save: the request's context belongs to the query, and the record must be saved before the contact leaves.
        await using var scope = ctx.RequestServices!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        db.ContactReads.Add(ContactRead.Of(objection, actor.Subject, auditor ? Roles.Auditor : Roles.Reviewer, actor.OrganizationFor(auditor ? Roles.Auditor : Roles.Reviewer, objection.RegionCode), clock.GetUtcNow()));
        await db.SaveChangesAsync(ctx.CancellationToken);
        return objection;
    }
}

public sealed class ContactReadType : ObjectGraphType<ContactRead>
{
    public ContactReadType()
    {
        Name = "ContactRead";
        Description = "RESTRICTED (Auditor only): one read of a complainant's contact.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The read's position in the log.").Resolve(ctx => ctx.Source.Id);
        Field(r => r.ObjectionCode).Description("The code of the objection whose contact was read.");
        Field(r => r.At).Description("When it was read.");
        Field(r => r.ActorSubject).Description("The reader's actor ID, as in the audit trail.");
        Field(r => r.ActorRole).Description("The role the contact was read in: Auditor or Reviewer.");
        Field(r => r.ActorOrganizationCode, nullable: true).Description("The code of the organisation the reader acts for.");
    }
}

public sealed class ContactReadQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<ContactReadType, ContactRead>>>("contactReads")
            .Description("RESTRICTED (Auditor only): every read of a complainant's contact, newest first: who, when, which objection.")
            .Argument<StringGraphType>("objection", "Only reads of this objection's contact (its code).")
            .PagingArguments()
            .NeverCached()
            .ResolveAsync(async ctx =>
            {
                ctx.Actor().Require(Roles.Auditor);
                var reads = ctx.Db().ContactReads.AsQueryable();
                if (ctx.GetArgument<string?>("objection") is { } code)
                {
                    reads = reads.Where(r => r.ObjectionCode == code);
                }

                return await ctx.PageAsync(reads, r => r.Id);
            });
    }
}
