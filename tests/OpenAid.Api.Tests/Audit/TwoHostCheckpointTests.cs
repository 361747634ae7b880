using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAid.Api.Audit;
using OpenAid.Data;
using OpenAid.Data.Audit;

namespace OpenAid.Api.Tests.Audit;

/// <summary>Two instances on one database and one key file sign the same head at the same moment: one checkpoint, which both publish.</summary>
public sealed class TwoHostCheckpointTests : IAsyncLifetime
{
    private readonly AuditSigningServer _first = new(new FakeTimeProvider(DateTimeOffset.UtcNow));
    private AuditSigningServer? _second;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new AuditSigningServer(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = _first.ConnectionString,
            [AuditSetup.SigningKeyPathSetting] = _first.KeyFile,
        });
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Two_hosts_on_one_database_never_sign_two_checkpoints_for_one_sequence()
    {
        for (var round = 0; round < 8; round++)
        {
            var head = await (round % 2 == 0 ? _first : _second!).WriteEntriesAsync(1);

            // Both at once, each with many callers (dumps being built, the checkpoint service).
            var signed = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => EnsureAsync(i % 2 == 0 ? _first : _second!)));

            Assert.All(signed, c => Assert.Equal(head, c.Sequence));
            Assert.Single(signed.Select(c => c.Signature).Distinct());
        }

        var checkpoints = await _first.CheckpointsAsync();
        Assert.Equal(8, checkpoints.Count);
        Assert.Equal(checkpoints.Count, checkpoints.Select(c => c.Sequence).Distinct().Count());
        Assert.True((await _second!.VerifyAsync()).GetProperty("valid").GetBoolean());
    }

    private static async Task<PublishedCheckpoint> EnsureAsync(AuditSigningServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        return PublishedCheckpoint.From((await server.Services.GetRequiredService<AuditCheckpoints>().EnsureAtHeadAsync(db))!);
    }
}
