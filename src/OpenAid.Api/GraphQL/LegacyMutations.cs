using GraphQL;
using GraphQL.Types;
using OpenAid.Api.Auth;
using OpenAid.Data;

namespace OpenAid.Api.GraphQL;

// TRANSITIONAL: removed once every feature declares its operations through IOperations.
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}

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

public static class LegacyMutationRunner
{
    public static Task<Payload> MutateAsync<T>(this IResolveFieldContext context, string role, Func<OpenAidDbContext, Actor, CancellationToken, Task<T>> write) =>
        MutationRunner.RunAsync(context, role == "Anonymous" ? Roles.Anyone : role, async w => await write(w.Db, w.Actor, w.Cancellation));
}
