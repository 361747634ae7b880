using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using OpenAid.Api.Http;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// MapWebApp on a host of its own, over a temporary content root: with a built SPA in webapp/, and without one.
/// (The real host's webapp/ depends on whether web/ was built, so it cannot pin either case.)
/// </summary>
public sealed class WebAppTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "openaid-tests", "webapp-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_built_SPA_is_served_with_graphiql_and_client_side_routes()
    {
        WriteApp();
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var index = await client.GetAsync("/");
        var route = await client.GetAsync("/regions/45/projects");
        var graphiql = await client.GetAsync("/graphiql");
        var asset = await client.GetAsync("/assets/main-abc123.js");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("<title>SPA</title>", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.Contains("<title>SPA</title>", await route.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<title>GraphiQL</title>", await graphiql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/html", graphiql.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Script, await asset.Content.ReadAsStringAsync());
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData("", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("br;q=bogus", null)]
    public async Task An_asset_goes_out_in_the_best_precompressed_encoding_the_browser_accepts(string acceptEncoding, string? expected)
    {
        WriteApp();
        WritePrecompressed("main-abc123.js");
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/main-abc123.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(Script, await DecodeAsync(response));
    }

    [Fact]
    public async Task An_asset_without_a_precompressed_copy_goes_out_as_it_is()
    {
        WriteApp();
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/main-abc123.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        var response = await client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(Script, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/graphql/extra")]
    [InlineData("/api/anything")]
    [InlineData("/health/ready")]
    [InlineData("/assets/missing.js")]
    public async Task API_paths_and_missing_files_are_404_not_the_SPA(string path)
    {
        WriteApp();
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_GraphQL_endpoint_is_not_shadowed_by_the_SPA()
    {
        WriteApp();
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var response = await client.GetAsync("/graphql");

        Assert.Equal("graphql", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_built_SPA_the_root_says_how_to_build_it()
    {
        Directory.CreateDirectory(_contentRoot);
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var root = await client.GetAsync("/");
        var graphiql = await client.GetAsync("/graphiql");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        var page = await root.Content.ReadAsStringAsync();
        Assert.Contains("npm ci &amp;&amp; npm run build", page, StringComparison.Ordinal);
        Assert.Contains("web/", page, StringComparison.Ordinal);
        Assert.Contains("npm run build", await graphiql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    private void WriteApp()
    {
        var app = Path.Combine(_contentRoot, "webapp");
        Directory.CreateDirectory(Path.Combine(app, "assets"));
        File.WriteAllText(Path.Combine(app, "index.html"), "<!doctype html><title>SPA</title>");
        File.WriteAllText(Path.Combine(app, "graphiql.html"), "<!doctype html><title>GraphiQL</title>");
        File.WriteAllText(Path.Combine(app, "assets", "main-abc123.js"), Script);
    }

    private const string Script = "console.log(1);";

    /// <summary>The .br and .gz copies the web app's build writes beside an asset.</summary>
    private void WritePrecompressed(string asset)
    {
        var path = Path.Combine(_contentRoot, "webapp", "assets", asset);
        var data = File.ReadAllBytes(path);
        using (var br = new BrotliStream(File.Create(path + ".br"), CompressionLevel.SmallestSize))
        {
            br.Write(data);
        }

        using var gz = new GZipStream(File.Create(path + ".gz"), CompressionLevel.SmallestSize);
        gz.Write(data);
    }

    /// <summary>The body as the browser reads it, decoded by its Content-Encoding.</summary>
    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        using var decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    private async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _contentRoot, EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        // Stands in for the GraphQL endpoint, mapped before the SPA as in OpenAidHost.
        app.Map("/graphql", (HttpContext _) => Results.Text("graphql"));
        app.MapWebApp();
        await app.StartAsync();
        return app;
    }
}
