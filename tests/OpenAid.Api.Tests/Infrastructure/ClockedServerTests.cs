using Microsoft.Extensions.Time.Testing;

namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>
/// Tests that move time: a server of their own on a fake clock, started before each test and stopped after it. The
/// clock starts at the real time, because the local signer's tokens are dated by it.
/// </summary>
public abstract class ClockedServerTests<TServer> : IAsyncLifetime
    where TServer : IAsyncLifetime
{
    protected ClockedServerTests(Func<FakeTimeProvider, TServer> start) => Server = start(Clock);

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected TServer Server { get; }

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}
