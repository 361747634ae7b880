using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Exports;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;

namespace OpenAid.Api.Tests.Exports;

/// <summary>A server of its own: the tests count the dump's builds and advance the data version.</summary>
public sealed class DumpServer() : ApiServer(seedDemoData: false, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });

/// <summary>/export/dump.zip is built once per data version into a file and served from it, with ETag and Range.</summary>
public sealed class DumpFileTests(DumpServer server) : IClassFixture<DumpServer>, IDisposable
{
    // A build reads every region at every level, which takes longer than the shared client waits on a busy machine.
    private readonly HttpClient _client = new() { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task The_dump_is_built_once_per_data_version_and_served_with_ETag_and_Range()
    {
        var dumps = server.Services.GetRequiredService<DumpStore>();
        var builds = dumps.Builds;

        // Requests that arrive while it is built wait for the same build.
        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DownloadAsync()));
        Assert.All(first, d => Assert.Equal(HttpStatusCode.OK, d.Status));
        Assert.Equal(builds + 1, dumps.Builds);
        var etag = first[0].ETag;
        Assert.NotNull(etag);
        Assert.All(first, d => Assert.Equal(etag, d.ETag));
        Assert.All(first, d => Assert.Equal(first[0].Body, d.Body));
        Assert.Equal(first[0].Body.Length, first[0].ContentLength);

        // Later requests are served from the file.
        var again = await DownloadAsync();
        Assert.Equal(first[0].Body, again.Body);
        Assert.Equal(builds + 1, dumps.Builds);

        var notModified = await DownloadAsync(r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag)));
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
        Assert.Empty(notModified.Body);

        var range = await DownloadAsync(r => r.Headers.Range = new RangeHeaderValue(100, 1099));
        Assert.Equal(HttpStatusCode.PartialContent, range.Status);
        Assert.Equal(first[0].Body[100..1100], range.Body);

        var resumed = await DownloadAsync(r =>
        {
            r.Headers.Range = new RangeHeaderValue(1000, null);
            r.Headers.IfRange = new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(etag));
        });
        Assert.Equal(HttpStatusCode.PartialContent, resumed.Status);
        Assert.Equal(first[0].Body[1000..], resumed.Body);

        // A write makes a new version: a new build, a new tag, the old file gone.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            await db.DataVersions.ExecuteUpdateAsync(v => v.SetProperty(d => d.Version, d => d.Version + 1));
        }

        var stale = await DownloadAsync(r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag)));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.NotEqual(etag, stale.ETag);
        Assert.Equal(builds + 2, dumps.Builds);
        Assert.Single(Directory.EnumerateFiles(dumps.Directory));

        // A range of the old file is not spliced onto the new one: If-Range no longer matches, so the whole file comes.
        var mismatched = await DownloadAsync(r =>
        {
            r.Headers.Range = new RangeHeaderValue(1000, null);
            r.Headers.IfRange = new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(etag));
        });
        Assert.Equal(HttpStatusCode.OK, mismatched.Status);
        Assert.Equal(stale.Body, mismatched.Body);
    }

    private async Task<Download> DownloadAsync(Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "export/dump.zip");
        configure?.Invoke(request);
        using var response = await _client.SendAsync(request);
        return new Download(response.StatusCode, response.Headers.ETag?.ToString(), response.Content.Headers.ContentLength, await response.Content.ReadAsByteArrayAsync());
    }

    private sealed record Download(HttpStatusCode Status, string? ETag, long? ContentLength, byte[] Body);
}
