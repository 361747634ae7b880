using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAid.Api.Auth;
using OpenAid.Api.Diagnostics;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.SqlServer;

/// <summary>
/// Every query field of the schema, found by introspection (a new field is covered without touching this test), runs
/// through the real API over HTTP on the SQL Server provider without a server (<see cref="NoServer"/>): once with its
/// required arguments only, then once more for each optional argument (every filter, the paging cursor), selecting
/// every field three levels down, so that the loaders below the rows NoServer makes up run too; once anonymously and
/// once more signed in as a caller holding every role (<see cref="EveryRole"/>), which reaches the restricted reads.
/// Every mutation runs the same way, signed in, with made-up input (<see cref="SchemaShape"/>) chosen to get past
/// input validation into its reads; one whose write goes through also runs its payload's reads. A query
/// that only works on SQLite (a LINQ shape or function SQL Server cannot translate) fails with the field named;
/// so does a field that sends no SQL at all unless it is listed with a reason (<see cref="ReadsNothingAnonymously"/>,
/// <see cref="ReadsNothingSignedIn"/>, <see cref="MutationsReadingNothing"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync.")]
public sealed class SqlServerTranslationTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Fields that send no SQL of their own for an anonymous caller: refused before any read (restricted), read in a
    /// scope of their own, or not from the database. The restricted ones read when signed in (<see cref="ReadsNothingSignedIn"/>).
    /// </summary>
    private static readonly Dictionary<string, string> ReadsNothingAnonymously = new()
    {
        ["me"] = "null for an anonymous caller",
        ["needCaps"] = "read from the configuration",
        ["grants"] = "Admin only",
        ["contactReads"] = "Auditor only",
        ["restrictedAuditEntries"] = "Auditor only",
        ["noticeDrafts"] = "Publisher only",
        ["noticePublicationCheck"] = "Publisher only",
        ["verifyAuditChain"] = "reads in a scope of its own (AuditVerifications), not counted on the request",
    };

    /// <summary>Fields that send no SQL of their own for the caller holding every role.</summary>
    private static readonly Dictionary<string, string> ReadsNothingSignedIn = new()
    {
        ["needCaps"] = "read from the configuration",
        ["verifyAuditChain"] = "reads in a scope of its own (AuditVerifications), not counted on the request",
    };

    /// <summary>
    /// Mutations that send no SQL for the caller holding every role, with why: none today, every mutation gets past
    /// its input validation to a read. One that cannot (a check no made-up value passes) goes here, with the reason.
    /// </summary>
    private static readonly Dictionary<string, string> MutationsReadingNothing = new()
    {
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "openaid-tests", Guid.NewGuid().ToString("N"));
    private readonly NoServer _noServer = new();
    private readonly ExceptionLog _log = new();
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = OpenAidHost.Build(
            [
                "--environment=Development",
                "--applicationName=OpenAid.Api",
                $"--contentRoot={Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api")}",
                $"--staticWebAssets={Path.Combine(_folder, "no-static-web-assets.json")}",
                "--urls=http://127.0.0.1:0",
                "--Database:Provider=SqlServer",
                // Never connected to: NoServer answers every command.
                "--Database:ConnectionString=Server=sqlserver.invalid;Database=OpenAid;Encrypt=True",
                "--Database:SeedDemoData=false",
                $"--Audit:SigningKeyPath={Path.Combine(_folder, "audit-signing-key.pem")}",
                $"--Exports:DataDirectory={Path.Combine(_folder, "exports")}",
                "--Diagnostics:SqlCommandHeader=true",
                "--RateLimiting:Enabled=false",
                "--GraphQL:MaxFields=100000",
                "--GraphQL:MaxComplexity=2000000000",
                "--Logging:LogLevel:Default=Warning",
            ],
            services: services =>
            {
                services.ConfigureDbContext<SqlServerOpenAidDbContext>(o => o.AddInterceptors(_noServer.Interceptors));
                services.AddSingleton<ILoggerProvider>(_log);
                services.AddSingleton<IStartupFilter, EveryRole>();
            });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_query_field_with_each_of_its_arguments_translates_to_SQL_Server_SQL(bool signedIn)
    {
        var schema = await SchemaAsync();
        await CheckAsync(schema, "Query", signedIn, signedIn ? ReadsNothingSignedIn : ReadsNothingAnonymously);
        if (signedIn)
        {
            // EveryRole stands in for the read of the caller's grants that every signed-in request starts with: translate that one here.
            await using var scope = _app!.Services.CreateAsyncScope();
            var before = _noServer.Commands.Count;
            await ActorResolution.ResolveAsync(scope.ServiceProvider.GetRequiredService<OpenAidDbContext>(), "sqlserver-test", new ClaimsPrincipal(), CancellationToken.None);
            Assert.True(_noServer.Commands.Count > before, "Resolving a caller sent no SQL.");
        }
    }

    [Fact]
    public async Task Every_mutation_with_each_of_its_input_fields_translates_its_reads_to_SQL_Server_SQL()
    {
        var schema = await SchemaAsync();
        await CheckAsync(schema, "Mutation", signedIn: true, MutationsReadingNothing);
    }

    private async Task<SchemaShape> SchemaAsync() =>
        new((await PostAsync(SchemaShape.Introspection)).body.GetProperty("data").GetProperty("__schema"));

    /// <summary>
    /// Runs every request of every field of <paramref name="root"/>; fails on a query SQL Server cannot translate, and
    /// on a field none of whose requests sent more SQL than a request that reads nothing, unless <paramref name="readsNothing"/> lists it.
    /// </summary>
    private async Task CheckAsync(SchemaShape schema, string root, bool signedIn, Dictionary<string, string> readsNothing)
    {
        // What a request that reads nothing sends anyway (a query: the data version the result cache checks).
        var (_, baseline) = await PostAsync($"{root.ToLowerInvariant()} {{ __typename }}", signedIn);
        var untranslated = new List<string>();
        var silent = new List<string>();
        var reading = 0;
        var fields = schema.RootFields(root).ToList();
        foreach (var field in fields)
        {
            var name = field.GetProperty("name").GetString()!;
            var reads = false;
            foreach (var request in schema.Requests(field, root.ToLowerInvariant()))
            {
                // Each request from made-up rows of its own, so that one field's reads do not leave the next with none.
                _noServer.ForgetAnswers();
                _log.Clear();
                var (body, sent) = await PostAsync(request.Text, signedIn);
                reads |= sent > baseline;
                var failures = _log.Exceptions.Where(DidNotTranslate).ToList();
                if (failures.Count > 0)
                {
                    untranslated.Add($"{request.Label}\n{string.Join("\n", failures.Select(f => f.Message))}");
                }

                output.WriteLine($"{sent,3} commands {Errors(body),-40} {request.Label}");
                // Why a request stopped short (often a made-up row failing a check), for whoever tunes the samples.
                foreach (var other in _log.Exceptions.Except(failures).Take(1))
                {
                    output.WriteLine($"    {other.GetType().Name}: {other.Message.ReplaceLineEndings(" ")}");
                }
            }

            if (reads)
            {
                reading++;
            }
            else if (!readsNothing.ContainsKey(name))
            {
                silent.Add(name);
            }
        }

        output.WriteLine($"{reading} of {fields.Count} {root} fields sent SQL beyond the baseline of {baseline} commands; listed as reading nothing: {readsNothing.Count}.");
        Assert.True(untranslated.Count == 0, "Queries that SQL Server cannot translate:\n" + string.Join("\n\n", untranslated));
        Assert.True(silent.Count == 0, "Fields that sent no SQL, so were not checked: " + string.Join(", ", silent));
        Assert.NotEmpty(_noServer.Commands);
    }

    /// <summary>The codes and the first message of the request's errors and its payload's (a mutation's user errors), for the log: why it stopped before its reads.</summary>
    private static string Errors(JsonElement body)
    {
        var payloads = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.EnumerateObject().Select(p => p.Value) : [];
        var errors = (body.TryGetProperty("errors", out var top) ? top.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Concat(payloads.SelectMany(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("errors", out var user) && user.ValueKind == JsonValueKind.Array ? user.EnumerateArray() : Enumerable.Empty<JsonElement>()))
            .ToList();
        static string? Code(JsonElement e) =>
            e.TryGetProperty("code", out var code) ? code.GetString() : e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out code) ? code.GetString() : "?";
        return errors.Count == 0 ? "" : string.Join(",", errors.Select(Code)) + " " + errors[0].GetProperty("message").GetString();
    }

    /// <summary>An error of EF Core's query pipeline (translation or SQL generation), not of the empty answers.</summary>
    private static bool DidNotTranslate(Exception exception) =>
        exception.ToString() is var text
        && (text.Contains("could not be translated", StringComparison.Ordinal)
            || text.Contains("QueryCompilationContext.CreateQueryExecutor", StringComparison.Ordinal)
            || text.Contains("QuerySqlGenerator", StringComparison.Ordinal)
            || text.Contains("RelationalCommandCache", StringComparison.Ordinal));

    private async Task<(JsonElement body, int commands)> PostAsync(string query, bool signedIn = false)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (signedIn)
        {
            request.Headers.Add(EveryRole.Header, "1");
        }

        using var response = await _client!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var commands = response.Headers.TryGetValues(SqlCommandCounter.HeaderName, out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        using var document = JsonDocument.Parse(text);
        return (document.RootElement.Clone(), commands);
    }

    /// <summary>
    /// Signs in, for a request carrying <see cref="Header"/>, a caller holding every role nationwide, as
    /// ActorResolution would from grants (no token: NoServer could not answer the grants' read with real ones). It acts
    /// for organisation "1", the code NoServer's made-up rows carry, so that "your own organisation" checks pass.
    /// </summary>
    private sealed class EveryRole : IStartupFilter
    {
        public const string Header = "X-Test-Every-Role";

        private static readonly Actor Caller = new(
            "sqlserver-test",
            [.. Roles.All.Select(role => new ActorGrant(role, null, role == Roles.Donor ? "1" : null))],
            "SQL Server test");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.ContainsKey(Header))
                {
                    context.Features.Set(Caller);
                }

                return following(context);
            });
            next(app);
        };
    }

    /// <summary>Every exception the host logs (GraphQL.NET's unhandled-exception hook logs each resolver's).</summary>
    private sealed class ExceptionLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<Exception> _exceptions = new();

        public IReadOnlyCollection<Exception> Exceptions => _exceptions;

        public void Clear() => _exceptions.Clear();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null)
            {
                _exceptions.Enqueue(exception);
            }
        }

        public void Dispose()
        {
        }
    }
}
