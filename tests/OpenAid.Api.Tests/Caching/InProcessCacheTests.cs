using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.PersistedDocuments;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Tests.Caching;

/// <summary>The embedded default without Redis: the in-process cache keeps the same rules.</summary>
public class InProcessCacheTests(InProcessFixture fixture) : IClassFixture<InProcessFixture>
{
    private InstanceServer Server => fixture.Server;

    [Fact]
    public async Task Hundred_concurrent_identical_misses_execute_once()
    {
        var query = $"query Stampede{Guid.NewGuid():N} {{ regions(first: 50, level: COUNTY) {{ totalCount nodes {{ code name parent {{ name }} }} }} }}";
        var before = Server.Executions;

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Server.QueryAsync(query)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(responses[0].Body, r.Body));
        Assert.Equal(1, Server.Executions - before);
        var miss = Assert.Single(responses, r => r.Cache == "MISS");
        Assert.True(miss.SqlCommands > 1, miss.ToString());

        // Every other request read only the data version: one SQL command each.
        Assert.All(responses.Where(r => r != miss), r => Assert.Equal(1, r.SqlCommands));
    }

    [Fact]
    public async Task A_write_is_seen_by_the_next_read()
    {
        const string Query = "query($code: String!) { region(code: $code) { name } }";
        long regionCode;
        string code;
        string original;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var region = await db.Regions.OrderBy(r => r.Code).FirstAsync();
            regionCode = region.Code;
            code = OpenAid.Domain.Regions.RegionCode.Of(region.Code).ShortForm;
            original = region.Name;
        }

        Assert.Equal(original, (await Server.QueryAsync(Query, new { code })).Data("region", "name").GetString());
        Assert.Equal("HIT", (await Server.QueryAsync(Query, new { code })).Cache);

        await RenameAsync(regionCode, original + "（改）");
        try
        {
            var after = await Server.QueryAsync(Query, new { code });
            Assert.Equal(original + "（改）", after.Data("region", "name").GetString());
            Assert.Equal("MISS", after.Cache);
        }
        finally
        {
            await RenameAsync(regionCode, original);
        }
    }

    [Fact]
    public async Task Health_is_healthy_with_the_in_process_cache()
    {
        using var response = await Server.Client.GetAsync("health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("in-process", json.RootElement.GetProperty("cache").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task A_persisted_document_runs_by_its_id_with_GET_and_POST()
    {
        // A public, shareable query (GET runs queries only; the manifest holds the web app's mutations too).
        var (id, text) = Manifest().Single(d => d.Value.StartsWith("query DataAsOf ", StringComparison.Ordinal));
        Assert.Equal(id, PersistedDocumentStore.IdOf(text));

        var get = await Server.SendRequestAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?documentId=" + Uri.EscapeDataString(id)));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.ETag);
        var direct = await Server.QueryAsync(text);
        Assert.Equal(direct.Body, get.Body);

        var post = await Server.SendRequestAsync(new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { documentId = id }), Encoding.UTF8, "application/json"),
        });
        Assert.Equal(direct.Body, post.Body);
    }

    [Fact]
    public async Task Unknown_or_malformed_document_ids_are_refused_and_free_queries_stay_allowed()
    {
        var unknown = await Server.SendRequestAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?documentId=sha256:" + new string('0', 64)));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["DOCUMENT_NOT_FOUND"], unknown.ErrorCodes);

        var malformed = await Server.SendRequestAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?documentId=sha256:xyz"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["DOCUMENT_ID_INVALID"], malformed.ErrorCodes);

        var free = await Server.QueryAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    [Fact]
    public async Task The_persisted_document_manifest_matches_the_web_app_sources()
    {
        var root = TestPaths.RepositoryRoot;
        if (!File.Exists(Path.Combine(root, "web", "node_modules", "graphql", "package.json")))
        {
            // Plain `dotnet test` before `npm ci` in web/: test.sh installs it and runs this check.
            return;
        }

        var check = await ExternalProcess.RunAsync("node", ["src/OpenAid.Api/PersistedDocuments/extract-documents.mjs", "--check"], root, TimeSpan.FromMinutes(1));
        Assert.True(check.ExitCode == 0, check.Output);
    }

    private static Dictionary<string, string> Manifest() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api", PersistedDocumentStore.BundledManifest)))!;

    private async Task RenameAsync(long code, string name)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var region = await db.Regions.AsTracking().SingleAsync(r => r.Code == code);
        region.Name = name;

        // As an import of corrected names would write it: under an actor, like every write.
        await db.SaveChangesAsync(AuditActor.SystemRegionImport);
    }
}
