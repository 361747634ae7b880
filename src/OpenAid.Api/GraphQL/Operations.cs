using System.Globalization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Data;
using OpenAid.Domain.Common;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// A feature folder's operations. Each is declared once – name, role, input record, result, handler – and
/// <see cref="OperationCatalog"/> builds the rest: the input type from the record, the payload type, the role check
/// and the transaction.
/// </summary>
public interface IOperations
{
    void DeclareIn(OperationCatalog operations);
}

/// <summary>What a handler works with: the request's database, the caller, the role it acts in and the clock.</summary>
public sealed class WriteContext(OpenAidDbContext db, Actor actor, string role, TimeProvider clock, CancellationToken cancellation)
{
    public OpenAidDbContext Db { get; } = db;

    public Actor Actor { get; } = actor;

    /// <summary>The role the operation needs, which the caller holds (or <see cref="Roles.Anyone"/>).</summary>
    public string Role { get; } = role;

    public TimeProvider Clock { get; } = clock;

    public CancellationToken Cancellation { get; } = cancellation;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Today where the service runs, as notices, needs and objections are dated.</summary>
    public DateOnly Today => Clock.Today();

    private readonly List<DomainWarning> _warnings = [];

    /// <summary>What the payload of the write says besides its result, once the write is saved.</summary>
    public IReadOnlyList<DomainWarning> Warnings => _warnings;

    /// <summary>Adds a rule's warning (none when null) to the payload, should the write succeed.</summary>
    public void Warn(DomainWarning? warning)
    {
        if (warning is not null)
        {
            _warnings.Add(warning);
        }
    }

    private readonly List<Func<Task>> _afterCommit = [];

    /// <summary>
    /// Work that must follow the commit, once the write is durable (erasing copies of what it removed outside the
    /// database); it runs only if the write committed, after the transaction, and is never retried with the write.
    /// </summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    internal IReadOnlyList<Func<Task>> Committed => _afterCommit;

    /// <summary>A write that runs again (a concurrent write got there first) says and does only what its last run found.</summary>
    internal void ForgetRun()
    {
        _warnings.Clear();
        _afterCommit.Clear();
    }

    // The rules for what an input may name, each written once; every reference of every mutation goes through one:
    // - a region, and a fund, project, notice or need that belongs to one: within the caller's grant (InScopeAsync);
    // - a fund a notice reports: within the grant, or allocated to a project within it (FundInReachAsync);
    // - an implementing organisation: the caller's own, one within the grant, or the helper of a pairing that helps
    //   the place (NameableOrganizationAsync);
    // - what the domain decides from the records themselves: a transaction's fund is allocated to its project and its
    //   provider region follows from the fund or a pairing (MoneyTransaction), a fund goes only to projects in its
    //   region (Fund.Allocate), a need's project and pairing cover its place (Need), a donor pledges only for its own
    //   organisation and programs it joined (Pledge).

    /// <summary>The region <paramref name="code"/> names, once the caller's grant for <see cref="Role"/> is known to cover it.</summary>
    public async Task<Region> RegionInScopeAsync(string code, string field)
    {
        var region = await Lookups.RegionAsync(Db, code, field, Cancellation);
        RequireReference(Covers(region.Code), field, $"region {region.RegionCode.ShortForm}");
        return region;
    }

    /// <summary>
    /// The record <paramref name="code"/> names in <paramref name="field"/>, once the caller's grant for <see cref="Role"/>
    /// is known to cover its region – or, when <paramref name="orReaches"/> is given, once that says the grant reaches it
    /// another way. Fails with NOT_FOUND, or FORBIDDEN naming the field.
    /// </summary>
    public async Task<T> InScopeAsync<T>(IQueryable<T> set, string code, string field, Func<T, Task<bool>>? orReaches = null)
        where T : class, IPlaced
    {
        var record = await Lookups.ByCodeAsync(set, code, field, Cancellation);
        RequireReference(
            Covers(record.RegionCode) || (orReaches is not null && await orReaches(record)),
            field,
            $"{typeof(T).Name.ToLowerInvariant()} {code} of region {RegionCode.Of(record.RegionCode).ShortForm}");
        return record;
    }

    /// <summary>
    /// Whether <paramref name="fund"/> is allocated to a project, or transferred to a fund, within the caller's grant:
    /// a county reports the provincial money it got.
    /// </summary>
    public async Task<bool> FundReachesScopeAsync(Fund fund)
    {
        var projects = Db.Projects.Where(RegionScopes.Within<Project>(p => p.RegionCode, Actor.GrantsOf(Role)));
        var funds = Db.Funds.Where(RegionScopes.Within<Fund>(f => f.RegionCode, Actor.GrantsOf(Role)));
        return await Db.FundAllocations.AnyAsync(a => a.FundId == fund.Id && projects.Any(p => p.Id == a.ProjectId), Cancellation)
            || await Db.FundTransfers.AnyAsync(t => t.FromFundId == fund.Id && funds.Any(f => f.Id == t.ToFundId), Cancellation);
    }

    /// <summary>
    /// The organisation <paramref name="code"/> names, if the caller may name it for work in <paramref name="place"/>:
    /// its own, one registered within its grant, or the helper of a pairing that helps the place (an enterprise of
    /// 万企帮万村 that builds in its paired village).
    /// </summary>
    public async Task<Organization> NameableOrganizationAsync(string code, string field, long place)
    {
        var organization = await Lookups.ByCodeAsync(Db.Organizations.AsNoTracking(), code, field, Cancellation);
        var lineage = RegionCode.Of(place).Lineage().ToList();
        RequireReference(
            Actor.GrantsOf(Role).Any(g => g.OrganizationCode == organization.Code)
                || (organization.RegionCode is { } home && Covers(home))
                || await Db.Pairings.AnyAsync(p => p.HelperOrganizationId == organization.Id && lineage.Contains(p.HelpedRegionCode), Cancellation),
            field,
            $"organisation {code}, neither yours, nor within your region, nor paired with region {RegionCode.Of(place).ShortForm},");
        return organization;
    }

    /// <summary>Fails with FORBIDDEN unless the caller's grant for <see cref="Role"/> covers <paramref name="regionCode"/>.</summary>
    public void RequireInScope(long regionCode) => Actor.RequireInRegion(Role, regionCode);

    private bool Covers(long regionCode) => Actor.Covers(Role, regionCode);

    /// <summary>The code of the organisation the caller acts for in <paramref name="regionCode"/> (see <see cref="Actor.OrganizationFor"/>).</summary>
    public string? OrganizationFor(long regionCode) => Actor.OrganizationFor(Role, regionCode);

    private void RequireReference(bool allowed, string field, string what)
    {
        if (!allowed)
        {
            throw ApiErrors.Error(
                ApiErrors.ForbiddenCode,
                $"'{field}' names {what} which your {Role} grant for region {Actor.RegionsOf(Role)} does not reach; nothing was written.",
                ("field", field), ("role", Role), ("grantRegion", Actor.RegionsOf(Role)));
        }
    }

    /// <summary>
    /// The next register number, e.g. "GS-451021-2026-0031", from the register's sequence: never given twice.
    /// <paramref name="existingCodes"/> are the codes of the register's table, read only the first time a prefix is used.
    /// </summary>
    public async Task<string> NextCodeAsync(string kind, long regionCode, int year, IQueryable<string> existingCodes)
    {
        var prefix = RegisterNumbers.Prefix(kind, regionCode, year);
        return RegisterNumbers.Format(prefix, await RegisterSequence.TakeAsync(Db, prefix, existingCodes, Cancellation));
    }

    /// <summary>
    /// The next code of a register numbered without region or year, e.g. "ORG-000124" for <paramref name="prefix"/>
    /// "ORG-" and six <paramref name="digits"/>: from the register's sequence, as <see cref="NextCodeAsync"/>.
    /// </summary>
    public async Task<string> NextSerialAsync(string prefix, int digits, IQueryable<string> existingCodes)
    {
        var number = await RegisterSequence.TakeAsync(Db, prefix, existingCodes, Cancellation);
        return prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}

/// <summary>The operations of every feature folder, collected once for the schema.</summary>
public sealed class OperationCatalog
{
    private readonly List<IOperationDeclaration> _declared = [];

    public OperationCatalog(IEnumerable<IOperations> features)
    {
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal))
        {
            feature.DeclareIn(this);
        }

        var unfinished = _declared.Where(d => !d.HasHandler).Select(d => d.Name).ToList();
        if (unfinished.Count > 0)
        {
            throw new InvalidOperationException($"Operations without a handler: {string.Join(", ", unfinished)}.");
        }
    }

    public IReadOnlyList<IOperationDeclaration> Declared => _declared;

    /// <summary>
    /// Declares a mutation: its input is <typeparamref name="TInput"/> (a record whose properties carry their
    /// descriptions), its payload has the nullable <paramref name="resultField"/> of <typeparamref name="TResultType"/>
    /// and the errors. Only callers holding <paramref name="role"/> get to the handler; <see cref="Roles.Anyone"/> lets
    /// anonymous callers in.
    /// </summary>
    public OperationDeclaration<TInput> Mutation<TInput, TResultType>(
        string name, string role, string description, string inputDescription, string resultField, string resultDescription)
        where TResultType : IGraphType
    {
        var declaration = new OperationDeclaration<TInput>(name, role, description, inputDescription, resultField, resultDescription, typeof(TResultType));
        _declared.Add(declaration);
        return declaration;
    }
}

public interface IOperationDeclaration
{
    string Name { get; }

    string Role { get; }

    bool HasHandler { get; }

    FieldType ToField();
}

public sealed class OperationDeclaration<TInput>(
    string name, string role, string description, string inputDescription, string resultField, string resultDescription, Type resultType)
    : IOperationDeclaration
{
    private Func<WriteContext, TInput, Task<object?>>? _handler;

    public string Name { get; } = name;

    public string Role { get; } = role;

    public bool HasHandler => _handler is not null;

    /// <summary>The handler: it loads what it needs, calls one domain method and returns the result; the catalogue saves.</summary>
    public void Handle<TResult>(Func<WriteContext, TInput, Task<TResult>> handler) =>
        _handler = async (write, input) => await handler(write, input);

    public FieldType ToField()
    {
        var payload = new PayloadType(Name, resultField, resultDescription, resultType);
        return new FieldType
        {
            Name = Name,
            Description = description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<AutoRegisteringInputObjectGraphType<TInput>>>
            {
                Name = "input",
                Description = inputDescription,
            }),
            Resolver = new FuncFieldResolver<object>(async ctx => await MutationRunner.RunAsync(ctx, Role, write => _handler!(write, ctx.GetArgument<TInput>("input")))),
        };
    }
}

/// <summary>The root Mutation type: one field per declared operation.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(OperationCatalog operations)
    {
        Name = "Mutation";
        Description = "Writes, for signed-in officials, reviewers and donors (objections also anonymously). Each takes one input and returns a payload whose 'errors' say why nothing was written.";
        foreach (var operation in operations.Declared)
        {
            AddField(operation.ToField());
        }

    }
}

/// <summary>A business rule that refused a mutation; nothing was written.</summary>
public sealed record UserError(string Code, string Message, string? Field, IReadOnlyList<ErrorParameter> Params);

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a mutation wrote nothing: a stable code, its parameters, a message in English, and the input field at fault.";
        Field(e => e.Code).Description("Stable, machine-readable code, e.g. \"AMOUNT_EXCEEDS_FUND\".");
        Field(e => e.Message).Description("What went wrong and what to do about it, in English (for logs and API clients); word it for your readers from code and params.");
        Field(e => e.Field, nullable: true).Description("The input field at fault, e.g. \"amountFen\"; null when no single field is.");
        Field(e => e.Params, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ErrorParameterType>>>))
            .Description("The values the message is made of, by name (the README lists them per code), e.g. remainingFen: \"800000\"; the same list as extensions.params of a top-level error.");
    }
}

public sealed class ErrorParameterType : ObjectGraphType<ErrorParameter>
{
    public ErrorParameterType()
    {
        Name = "ErrorParameter";
        Description = "One value of an error, by name. Values are text: integers in plain digits (amounts in fen, which may pass 2^53), dates as yyyy-MM-dd, enum values as the schema spells them.";
        Field(p => p.Name).Description("The parameter's name, e.g. \"remainingFen\", \"kind\", \"max\".");
        Field(p => p.Value).Description("Its value as text, e.g. \"800000\", \"MOBILE_PHONE_NUMBER\", \"2026-03-31\".");
    }
}

/// <summary>Something worth a second look about a write that was made all the same.</summary>
public sealed record UserWarning(string Code, string Message, string? Field);

public sealed class UserWarningType : ObjectGraphType<UserWarning>
{
    public UserWarningType()
    {
        Name = "Warning";
        Description = "Something worth a second look about a write that was made all the same: a stable code, a message for people, and the input field concerned.";
        Field(e => e.Code).Description("Stable, machine-readable code, e.g. \"OVER_BUDGET\".");
        Field(e => e.Message).Description("What was found and why it may matter.");
        Field(e => e.Field, nullable: true).Description("The input field concerned, e.g. \"amountFen\"; null when no single field is.");
    }
}

/// <summary>What a mutation returns: its result and any warnings, or the errors that stopped it.</summary>
public sealed record Payload(object? Result, IReadOnlyList<UserError> Errors, IReadOnlyList<UserWarning> Warnings);

/// <summary>The payload type of one mutation, e.g. CreateFundPayload: a nullable result field and the errors.</summary>
[DoNotRegister] // built by the catalogue, one per operation; not a service
public sealed class PayloadType : ObjectGraphType<Payload>
{
    public PayloadType(string mutation, string resultField, string resultDescription, Type resultType)
    {
        Name = $"{char.ToUpperInvariant(mutation[0])}{mutation[1..]}Payload";
        Description = $"The result of {mutation}: {resultField} and any warnings, or errors when nothing was written.";
        Field(resultField, resultType).Description(resultDescription).Resolve(ctx => ctx.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Why nothing was written; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserWarningType>>>>("warnings")
            .Description("What was written but is worth a second look (e.g. allocations past a project's budget); empty when nothing is, and whenever nothing was written.")
            .Resolve(ctx => ctx.Source.Warnings);
    }
}

public static class MutationRunner
{
    private const int Attempts = 3;

    public static Actor Actor(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<Actor>();

    /// <summary>
    /// Checks the role, then runs the handler and its save in one write transaction (on SQLite in turn with the
    /// process's other writers, see <see cref="WriteTransactions"/>) inside the execution strategy, so that
    /// it works under SQL Server's retrying strategy; the save appends the audit entries and advances the data version
    /// in the same transaction. A <see cref="DomainException"/> becomes a payload error with nothing written; a
    /// concurrent write that got there first (concurrency token, unique code or audit chain collision) makes the whole
    /// write run again on fresh data. What the handler asked to do after the commit runs once the write committed.
    /// </summary>
    public static async Task<Payload> RunAsync(IResolveFieldContext context, string role, Func<WriteContext, Task<object?>> handler)
    {
        var actor = context.Actor();
        if (role != Roles.Anyone)
        {
            actor.Require(role);
        }

        var db = context.Db();
        var write = new WriteContext(db, actor, role, context.RequestServices!.GetRequiredService<TimeProvider>(), context.CancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        db.Actor = actor.ToAuditActor(actor.IsAuthenticated && role != Roles.Anyone ? role : Roles.Anyone);
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var payload = await strategy.ExecuteAsync(
                    (Db: db, Write: write, Handler: handler),
                    static async (_, state, ct) =>
                    {
                        state.Db.ChangeTracker.Clear();
                        state.Write.ForgetRun();
                        await using var transaction = await state.Db.Database.BeginWriteTransactionAsync(ct);
                        try
                        {
                            var result = await state.Handler(state.Write);
                            await state.Db.SaveChangesAsync(ct);
                            await transaction.CommitAsync(ct);
                            return new Payload(result, [], [.. state.Write.Warnings.Select(w => new UserWarning(w.Code, w.Message, w.Field))]);
                        }
                        catch (DomainException e)
                        {
                            await transaction.RollbackAsync(ct);
                            state.Db.ChangeTracker.Clear();
                            return new Payload(null, [new UserError(e.Code, e.Message, e.Field, e.Parameters)], []);
                        }
                    },
                    verifySucceeded: null,
                    context.CancellationToken);
                if (payload.Errors.Count == 0)
                {
                    foreach (var action in write.Committed)
                    {
                        await action();
                    }
                }

                return payload;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
