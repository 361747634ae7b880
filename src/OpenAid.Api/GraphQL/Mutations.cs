using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Data;
using OpenAid.Domain.Common;

namespace OpenAid.Api.GraphQL;

/// <summary>A feature folder's mutations; the root <see cref="MutationType"/> is composed of every implementation.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Writes, for signed-in officials, reviewers and donors (objections also anonymously). Each takes one input and returns a payload whose 'errors' say why nothing was written.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal))
        {
            feature.AddTo(this);
        }
    }
}

/// <summary>A business rule that refused a mutation; nothing was written.</summary>
public sealed record UserError(string Code, string Message, string? Field);

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a mutation wrote nothing: a stable code, a message for people, and the input field at fault.";
        Field(e => e.Code).Description("Stable, machine-readable code, e.g. \"AMOUNT_EXCEEDS_FUND\".");
        Field(e => e.Message).Description("What went wrong and what to do about it.");
        Field(e => e.Field, nullable: true).Description("The input field at fault, e.g. \"amountFen\"; null when no single field is.");
    }
}

/// <summary>What a mutation returns: its result, or the errors that stopped it.</summary>
public sealed record Payload(object? Result, IReadOnlyList<UserError> Errors);

/// <summary>The payload type of one mutation: a nullable result field and the errors.</summary>
public abstract class PayloadType<TResultType> : ObjectGraphType<Payload>
    where TResultType : IGraphType
{
    protected PayloadType(string name, string resultField, string resultDescription)
    {
        Name = name;
        Description = $"The result of {char.ToLowerInvariant(name[0])}{name[1..^"Payload".Length]}: {resultField}, or errors when nothing was written.";
        Field<TResultType>(resultField).Description(resultDescription).Resolve(ctx => ctx.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Why nothing was written; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}

public static class MutationRunner
{
    private const int Attempts = 3;

    public static Actor Actor(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<Actor>();

    /// <summary>
    /// Runs a write in one transaction with its audit entries, acting in <paramref name="role"/>. A
    /// <see cref="DomainException"/> becomes a payload error with nothing written; a concurrent write that
    /// got there first (concurrency token or audit chain collision) makes the whole write run again.
    /// </summary>
    public static async Task<Payload> MutateAsync<T>(
        this IResolveFieldContext context,
        string role,
        Func<OpenAidDbContext, Actor, CancellationToken, Task<T>> write)
    {
        var db = context.Db();
        var actor = context.Actor();
        var ct = context.CancellationToken;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        db.Actor = actor.ToAuditActor(actor.IsAuthenticated ? role : "Anonymous");
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await write(db, actor, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new Payload(result, []);
            }
            catch (DomainException e)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new Payload(null, [new UserError(e.Code, e.Message, e.Field)]);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }
}
