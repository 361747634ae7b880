using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Schema;

/// <summary>
/// Development (what ./run.sh starts) validates every service registration when the host is built; this builds one
/// as ./run.sh does, with the local signer on.
/// </summary>
public sealed class HostTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "openaid-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_service_can_be_constructed_as_in_development()
    {
        Directory.CreateDirectory(_folder);

        await using var app = OpenAidHost.Build([
            "--environment=Development",
            "--Auth:LocalSigner=true",
            "--applicationName=OpenAid.Api",
            $"--contentRoot={Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api")}",
            $"--Database:ConnectionString=Data Source={Path.Combine(_folder, "openaid.db")}",
        ]);

        Assert.NotNull(app.Services);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
