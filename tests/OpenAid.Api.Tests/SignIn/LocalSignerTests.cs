using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenAid.Api.Auth;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.SignIn;

/// <summary>A host in <paramref name="environment"/>, with or without Auth:LocalSigner.</summary>
public abstract class SignInServer(string environment, bool localSigner, TimeProvider? clock = null)
    : ApiServer(seedDemoData: false, new Dictionary<string, string?> { ["environment"] = environment, [AuthSetup.LocalSignerSetting] = localSigner ? "true" : null }, clock)
{
    /// <summary>A Reviewer token signed with the key file a Development host of this database would use.</summary>
    public string ForgedToken() =>
        LocalTokens.ForKeyFile(Path.Combine(DataFolder, "dev-signing-key"), TimeProvider.System)
            .Mint("forger", null, TimeSpan.FromHours(1));
}

public sealed class StagingServer() : SignInServer("Staging", localSigner: false);

public sealed class UnsignedDevelopmentServer() : SignInServer("Development", localSigner: false);

/// <summary>Development with the local signer, on a clock the tests move.</summary>
public sealed class LocalSignerServer() : SignInServer("Development", localSigner: true, new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public LocalTokens Tokens => Services.GetRequiredService<LocalTokens>();

    /// <summary>A Reviewer token with the server's key but dates and algorithm of the test's choosing.</summary>
    public string HandMade(TimeSpan notBefore, TimeSpan expires, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalTokens.Issuer,
            Audience = LocalTokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "hand-made", ["roles"] = new[] { Roles.Reviewer }, ["region"] = "45" },
            IssuedAt = now + notBefore,
            NotBefore = now + notBefore,
            Expires = now + expires,
            SigningCredentials = new SigningCredentials(Tokens.Key, algorithm),
        });
    }
}

/// <summary>The local signer is off wherever it was not asked for in Development: a Staging host once accepted a forged token.</summary>
public class StagingSignInTests(StagingServer server) : IClassFixture<StagingServer>
{
    [Fact]
    public async Task A_locally_signed_token_is_not_accepted_in_Staging_and_nothing_mints_one()
    {
        Assert.False(await SignInProbe.AcceptsAsync(server, server.ForgedToken()));
        Assert.Null(server.Services.GetService<LocalTokens>());
    }
}

public class UnsignedDevelopmentTests(UnsignedDevelopmentServer server) : IClassFixture<UnsignedDevelopmentServer>
{
    [Fact]
    public async Task Development_without_Auth_LocalSigner_accepts_no_local_token()
    {
        Assert.False(await SignInProbe.AcceptsAsync(server, server.ForgedToken()));

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await server.ReadAsync(db => TokenCommand.RunAsync(["--role", Roles.Reviewer], server.Services.GetService<LocalTokens>(), db, output, error, CancellationToken.None)));
        Assert.Contains(AuthSetup.LocalSignerSetting, error.ToString(), StringComparison.Ordinal);
    }
}

public class LocalSignerStartTests
{
    private static readonly string[] Host =
    [
        "--applicationName=OpenAid.Api",
        $"--contentRoot={Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api")}",
        $"--Database:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), "openaid-tests", "never-opened.db")}",
    ];

    [Theory]
    [InlineData("--environment=Staging", "--urls=http://127.0.0.1:0")]
    [InlineData("--environment=Production", "--urls=http://127.0.0.1:0")]
    [InlineData("--environment=Development", "--urls=http://0.0.0.0:5000")]
    [InlineData("--environment=Development", "--urls=http://127.0.0.1:5000;http://+:5001")]
    [InlineData("--environment=Development", "--urls=http://[::]:5000")]
    [InlineData("--environment=Development", "--http_ports=8080")]
    [InlineData("--environment=Development", "--Kestrel:Endpoints:Public:Url=http://192.168.1.10:5000")]
    [InlineData("--environment=Development", "--AzureAd:ClientId=00000000-0000-0000-0000-000000000001")]
    public void The_local_signer_refuses_to_start_outside_Development_or_reachable_from_other_machines(string environment, string setting)
    {
        var e = Assert.Throws<InvalidOperationException>(() => OpenAidHost.Build([.. Host, environment, setting, "--Auth:LocalSigner=true"]));

        Assert.Contains(AuthSetup.LocalSignerSetting, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_starts_in_Development_on_loopback_addresses()
    {
        await using var app = OpenAidHost.Build([.. Host, "--environment=Development", "--urls=http://127.0.0.1:5000;http://[::1]:5000;http://localhost:5001", "--Auth:LocalSigner=true"]);

        Assert.NotNull(app.Services);
    }
}

public class LocalSignerTests(LocalSignerServer server) : IClassFixture<LocalSignerServer>
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_key_file_is_readable_by_its_owner_only_and_a_loose_one_is_tightened()
    {
        _ = server.Tokens;
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(server.DataFolder, "dev-signing-key")));

        var loose = Path.Combine(server.DataFolder, "loose-key");
        File.WriteAllText(loose, Convert.ToBase64String(new byte[32]));
        File.SetUnixFileMode(loose, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        LocalTokens.ForKeyFile(loose, TimeProvider.System);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(loose));
    }

    [Fact]
    public async Task Only_HS256_is_accepted()
    {
        // The key is 256 bits, which no longer HMAC can use; the list itself is what rules out algorithm confusion.
        Assert.Equal([SecurityAlgorithms.HmacSha256], server.Tokens.ValidationParameters().ValidAlgorithms);
        Assert.True(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.Zero, TimeSpan.FromHours(1))));

        var signed = server.HandMade(TimeSpan.Zero, TimeSpan.FromHours(1)).Split('.');
        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{signed[1]}.";
        Assert.False(await SignInProbe.AcceptsAsync(server, unsigned));
    }

    [Fact]
    public async Task A_token_lives_at_most_24_hours_and_expiry_tolerates_30_seconds_of_skew()
    {
        Assert.True(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.Zero, TimeSpan.FromHours(24))));
        Assert.False(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.Zero, TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1))));
        Assert.False(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.FromHours(-30), TimeSpan.FromHours(1))));
        Assert.True(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.FromHours(-1), TimeSpan.FromSeconds(-20))));
        Assert.False(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.FromHours(-1), TimeSpan.FromSeconds(-45))));
        Assert.False(await SignInProbe.AcceptsAsync(server, server.HandMade(TimeSpan.FromSeconds(45), TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task Tokens_are_dated_and_checked_on_the_hosts_clock()
    {
        var token = server.Tokens.Mint("clocked", null, TimeSpan.FromHours(1));
        Assert.True(await SignInProbe.AcceptsAsync(server, token));

        server.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(31));

        Assert.False(await SignInProbe.AcceptsAsync(server, token));
        Assert.True(await SignInProbe.AcceptsAsync(server, server.Tokens.Mint("clocked", null, TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task The_token_command_mints_for_at_most_24_hours()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await TokenAsync(["--role", Roles.Auditor, "--hours", "25"], output, error));
        Assert.Equal(0, await TokenAsync(["--role", Roles.Auditor, "--hours", "24"], output, error));
        Assert.Throws<ArgumentOutOfRangeException>(() => server.Tokens.Mint("x", null, TimeSpan.FromHours(25)));
    }

    private Task<int> TokenAsync(string[] args, TextWriter output, TextWriter error) =>
        server.ReadAsync(db => TokenCommand.RunAsync(args, server.Tokens, db, output, error, CancellationToken.None));
}
