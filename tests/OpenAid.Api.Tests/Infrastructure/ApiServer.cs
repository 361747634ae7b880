using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Audit;
using OpenAid.Api.Auth;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>
/// The real API over real HTTP: Kestrel on 127.0.0.1 with a free port, a SQLite file in a temporary folder, the same
/// start-up path as <c>OpenAid.Api serve</c> (OpenAidHost.Build, then PrepareDatabaseAsync). Disposing stops the server
/// and deletes the folder.
/// <para>
/// The host is started directly rather than through WebApplicationFactory: the factory stops Program at Build(), so
/// the database preparation that follows it in ServeAsync would never run and would have to be copied here.
/// </para>
/// Share one server between test classes with <c>[Collection(SharedApiServer.Name)]</c>; for demo data, derive a
/// fixture that calls the protected constructor with <c>seedDemoData: true</c>.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public partial class ApiServer : IAsyncLifetime
{
    private readonly bool _seedDemoData;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private WebApplication? _app;
    private HttpClient? _client;
    private Uri? _baseUri;

    public ApiServer()
        : this(seedDemoData: false)
    {
    }

    /// <param name="seedDemoData">Sets Database:SeedDemoData, so that start-up imports the demo data.</param>
    /// <param name="settings">More configuration, e.g. "Diagnostics:SqlCommandHeader" = "true"; these win over the defaults.</param>
    /// <param name="clock">The server's clock, e.g. a FakeTimeProvider a test moves; default: the system's.</param>
    protected ApiServer(bool seedDemoData, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        _seedDemoData = seedDemoData;
        _settings = settings ?? new Dictionary<string, string?>();
        _clock = clock;
        DataFolder = Path.Combine(Path.GetTempPath(), "openaid-tests", Guid.NewGuid().ToString("N"));
        ConnectionString = $"Data Source={DatabasePath}";
    }

    private string DatabasePath => Path.Combine(DataFolder, "openaid.db");

    /// <summary>The temporary folder holding the database (and the local signing key beside it).</summary>
    public string DataFolder { get; }

    public string ConnectionString { get; }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUri => _baseUri ?? throw NotStarted();

    /// <summary>The GraphQL endpoint.</summary>
    public Uri GraphQLUri => new(BaseUri, "graphql");

    /// <summary>A client whose BaseAddress is <see cref="BaseUri"/>.</summary>
    public HttpClient Client => _client ?? throw NotStarted();

    /// <summary>
    /// GET /export/dump.zip, asserted 200. Building a dump reads every region at every level, which takes longer than
    /// <see cref="Client"/> waits on a busy machine.
    /// </summary>
    public async Task<byte[]> DumpAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        using var response = await client.GetAsync("export/dump.zip");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The running host's services, e.g. to open a scope and look at the database.</summary>
    public IServiceProvider Services => _app?.Services ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        var settings = new Dictionary<string, string?>
        {
            // Development, as ./run.sh starts it, because the local token signer runs there only, and only when asked.
            ["environment"] = "Development",
            [AuthSetup.LocalSignerSetting] = "true",
            // Development would load the build's static web asset manifest, which breaks start-up when wwwroot/app was
            // built and then removed; a manifest path that does not exist turns that off.
            ["staticWebAssets"] = Path.Combine(DataFolder, "no-static-web-assets.json"),
            ["applicationName"] = "OpenAid.Api",
            ["contentRoot"] = Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api"),
            ["urls"] = "http://127.0.0.1:0",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = ConnectionString,
            ["Database:SeedDemoData"] = _seedDemoData ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test files from 127.0.0.1; the flood caps have tests of their own.
            ["Objections:MaxPerRegionPerDay"] = "1000000",
            ["Objections:MaxPerClientPerDay"] = "1000000",
            // verifyAuditChain rechecks every entry and live record of the demo data, seconds on a busy test machine;
            // the deadline has tests of its own.
            ["GraphQL:RequestTimeoutMilliseconds"] = "120000",
            // The dump is built into the test's folder, which is deleted with it.
            ["Exports:DataDirectory"] = Path.Combine(DataFolder, "exports"),
            // Tamper tests verify, change the database behind the API and verify again: no shared verdict between them.
            // Sharing has tests of its own (DeadlineTests).
            ["Audit:VerificationReuseSeconds"] = "0",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        // A host in another environment runs without the signer (it would refuse to start), unless a test asks for it.
        if (settings["environment"] != "Development" && !_settings.ContainsKey(AuthSetup.LocalSignerSetting))
        {
            settings[AuthSetup.LocalSignerSetting] = null;
        }

        // Outside Development the server never makes its audit signing key: an operator does (rotate-audit-key), here the fixture.
        if (settings["environment"] != "Development" && !_settings.ContainsKey(AuditSetup.SigningKeyPathSetting))
        {
            var keyring = new AuditKeyring(Path.Combine(DataFolder, AuditSetup.DefaultKeyFileName), TimeProvider.System);
            keyring.CreateFirst();
            settings[AuditSetup.SigningKeyPathSetting] = keyring.PrivateKeyPath;
        }

        if (_clock is null && !_settings.Keys.Any(k => k.StartsWith("Database:", StringComparison.Ordinal)))
        {
            await DatabaseTemplates.CopyToAsync(_seedDemoData, DatabasePath);
        }

        // Command-line arguments are the one source OpenAidHost.Build reads both as host settings and as configuration.
        Arguments = settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}").ToArray();
        await StartAsync();
    }

    /// <summary>The host's command-line arguments, e.g. to run a command (rotate-audit-key) against the same database and keys.</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    /// <summary>Stops the host and starts it again on the same folder, as a restart of the service would.</summary>
    public async Task RestartAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await StartAsync();
    }

    private async Task StartAsync()
    {
        _app = OpenAidHost.Build([.. Arguments], _clock);
        await OpenAidHost.PrepareDatabaseAsync(_app);
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        _baseUri = new Uri(address.TrimEnd('/') + "/");
        _client = new HttpClient { BaseAddress = _baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        // Pooled connections keep the file open, which blocks deleting it on Windows.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open elsewhere; the folder is under the temp directory and harmless to leave.
        }
    }

    /// <summary>POSTs a GraphQL request as JSON; Accept is application/graphql-response+json unless given.</summary>
    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null, string? accept = GraphQLResponse.GraphQLResponseJson)
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        return SendAsync(HttpMethod.Post, body, "application/json", accept);
    }

    /// <summary>Sends a query with GET, its parameters in the query string.</summary>
    public Task<GraphQLResponse> GetAsync(string query, object? variables = null, string? operationName = null, string? accept = GraphQLResponse.GraphQLResponseJson)
    {
        var parameters = new List<string> { "query=" + Uri.EscapeDataString(query) };
        if (variables is not null)
        {
            parameters.Add("variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        }

        if (operationName is not null)
        {
            parameters.Add("operationName=" + Uri.EscapeDataString(operationName));
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?" + string.Join('&', parameters)), accept);
    }

    /// <summary>Sends a raw body to /graphql, for requests a well-behaved client would not make.</summary>
    public Task<GraphQLResponse> SendAsync(HttpMethod method, string? body, string? contentType, string? accept = GraphQLResponse.GraphQLResponseJson)
    {
        var request = new HttpRequestMessage(method, "graphql");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return SendAsync(request, accept);
    }

    /// <summary>Sends any request; the response is read whole and parsed as JSON when it is JSON.</summary>
    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string? accept = null)
    {
        using (request)
        {
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            using var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new GraphQLResponse(response, body);
        }
    }

    private static InvalidOperationException NotStarted() => new("The API server has not started; use it as an xunit fixture.");
}

/// <summary>One server for every test class in the collection; classes in it run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedApiServer : ICollectionFixture<ApiServer>
{
    public const string Name = "API server";
}
