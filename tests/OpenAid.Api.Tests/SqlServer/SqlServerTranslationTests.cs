using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
/// every field three levels down, so that the loaders below the rows NoServer makes up run too. A query
/// that only works on SQLite (a LINQ shape or function SQL Server cannot translate) fails with the field named;
/// so does a field that sends no SQL at all unless it is listed in <see cref="ReadsNothingAnonymously"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the test through IAsyncLifetime.DisposeAsync.")]
public sealed class SqlServerTranslationTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Fields that send no SQL of their own for an anonymous caller: refused before any read (restricted), read in a
    /// scope of their own, or not from the database. The signed-in reads are not covered here (NoServer holds no grants): see the README.
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

    [Fact]
    public async Task Every_query_field_with_each_of_its_arguments_translates_to_SQL_Server_SQL()
    {
        var schema = new SchemaShape((await PostAsync(SchemaShape.Introspection)).body.GetProperty("data").GetProperty("__schema"));
        // What a request that reads nothing sends anyway (the data version the result cache checks).
        var (_, baseline) = await PostAsync("{ __typename }");
        var untranslated = new List<string>();
        var silent = new List<string>();
        foreach (var field in schema.RootFields("Query"))
        {
            var (commands, requests) = (0, 0);
            foreach (var request in schema.Requests(field))
            {
                requests++;
                _log.Clear();
                var (body, sent) = await PostAsync(request);
                commands += sent;
                var failures = _log.Exceptions.Where(DidNotTranslate).ToList();
                if (failures.Count > 0)
                {
                    untranslated.Add($"{Unselected(request)}\n{string.Join("\n", failures.Select(f => f.Message))}");
                }

                var codes = body.TryGetProperty("errors", out var errors) ? string.Join(",", errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) ? code.GetString() : "?")) : "";
                output.WriteLine($"{sent,3} commands {codes,-20} {Unselected(request)}");
            }

            var name = field.GetProperty("name").GetString()!;
            if (commands <= baseline * requests && !ReadsNothingAnonymously.ContainsKey(name))
            {
                silent.Add(name);
            }
        }

        Assert.True(untranslated.Count == 0, "Queries that SQL Server cannot translate:\n" + string.Join("\n\n", untranslated));
        Assert.True(silent.Count == 0, "Fields that sent no SQL, so were not checked: " + string.Join(", ", silent));
        Assert.NotEmpty(_noServer.Commands);
    }

    /// <summary>The request without its selection, for the log.</summary>
    private static string Unselected(string request) => request.IndexOf(" {", 3, StringComparison.Ordinal) is var at and >= 0 ? request[..at] + " }" : request;

    /// <summary>An error of EF Core's query pipeline (translation or SQL generation), not of the empty answers.</summary>
    private static bool DidNotTranslate(Exception exception) =>
        exception.ToString() is var text
        && (text.Contains("could not be translated", StringComparison.Ordinal)
            || text.Contains("QueryCompilationContext.CreateQueryExecutor", StringComparison.Ordinal)
            || text.Contains("QuerySqlGenerator", StringComparison.Ordinal)
            || text.Contains("RelationalCommandCache", StringComparison.Ordinal));

    private async Task<(JsonElement body, int commands)> PostAsync(string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _client!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var commands = response.Headers.TryGetValues(SqlCommandCounter.HeaderName, out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        using var document = JsonDocument.Parse(text);
        return (document.RootElement.Clone(), commands);
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
