using OpenAid.Api.Audit;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Audit;

/// <summary>A Production host with a signing key path set as given (null: not set at all).</summary>
internal sealed class ProductionAuditServer(string? signingKeyPath)
    : ApiServer(seedDemoData: false, new Dictionary<string, string?> { ["environment"] = "Production", [AuditSetup.SigningKeyPathSetting] = signingKeyPath });

/// <summary>Outside Development the server never makes its own signing key: without one configured and present it does not start.</summary>
public sealed class AuditKeyStartupTests
{
    [Fact]
    public async Task A_production_host_without_its_signing_key_refuses_to_start_naming_the_setting()
    {
        var unset = new ProductionAuditServer(null);
        var notSet = await Assert.ThrowsAsync<InvalidOperationException>(unset.InitializeAsync);
        await unset.DisposeAsync();
        Assert.Contains($"{AuditSetup.SigningKeyPathSetting} is not set", notSet.Message, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), "openaid-tests", Guid.NewGuid().ToString("N"), "audit-signing-key.pem");
        var missing = new ProductionAuditServer(path);
        var absent = await Assert.ThrowsAsync<InvalidOperationException>(missing.InitializeAsync);
        await missing.DisposeAsync();
        Assert.Contains("does not exist", absent.Message, StringComparison.Ordinal);
        Assert.Contains("rotate-audit-key", absent.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
