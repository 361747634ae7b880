using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Access;
using OpenAid.Api.Auth;
using OpenAid.Data;
using OpenAid.Domain.Access;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Api.Tests.SignIn;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.Browser;

/// <summary>
/// The web app's Entra ID sign-in in headless Chromium against a server configured for Entra ID
/// (<see cref="EntraWebServer"/>): runs <c>node --test web/tests/entra-signin.test.mjs</c>, whose page answers the
/// browser's requests to login.microsoftonline.com itself, with the access token this test signs for the API.
/// </summary>
public class EntraBrowserTests(EntraWebServer server, ITestOutputHelper output) : IClassFixture<EntraWebServer>
{
    private static readonly Guid Person = Guid.Parse("55555555-5555-4555-8555-555555555555");

    [Fact]
    public async Task The_web_app_signs_in_with_Entra_ID_sends_the_token_to_the_API_and_signs_out()
    {
        // Roles in an Entra token count for nothing but Admin: the person holds a Reviewer grant, by their pseudonym.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var pseudonym = ActorPseudonyms.From(server.Services.GetRequiredService<IConfiguration>()).Of(EntraServer.Tenant, Person);
            await LocalUsers.EnsureAsync(scope.ServiceProvider.GetRequiredService<OpenAidDbContext>(), pseudonym, "王芳", [new LocalGrant(Role.Reviewer, "45", null)], CancellationToken.None);
        }

        await SignInBrowserTest.RunAsync(server, output, new Dictionary<string, string>
        {
            ["OPENAID_ENTRA_ACCESS_TOKEN"] = server.Authority.Token(EntraServer.Tenant, Person, TestAuthority.ApiClientId.ToString("D"), [Roles.Reviewer], "45", name: "王芳"),
            ["OPENAID_ENTRA_TENANT"] = EntraServer.Tenant.ToString("D"),
            ["OPENAID_ENTRA_OBJECT"] = Person.ToString("D"),
        });
    }
}

/// <summary>A deployment without sign-in: the web app offers none, says it is read-only, and loads no MSAL.</summary>
public class ReadOnlyBrowserTests(ProductionApiServer server, ITestOutputHelper output) : IClassFixture<ProductionApiServer>
{
    [Fact]
    public Task The_web_app_offers_no_sign_in_and_says_the_deployment_is_read_only() => SignInBrowserTest.RunAsync(server, output, []);
}

/// <summary>Runs web/tests/entra-signin.test.mjs against a server (BrowserTests runs it against the development one too).</summary>
internal static class SignInBrowserTest
{
    public static async Task RunAsync(ApiServer server, ITestOutputHelper output, Dictionary<string, string> variables)
    {
        var root = TestPaths.RepositoryRoot;
        Assert.True(File.Exists(Path.Combine(root, "src", "OpenAid.Api", "webapp", "index.html")), "The web app is not built: run `npm ci && npm run build` in web/ (test.sh does).");
        Assert.True(Directory.Exists(Path.Combine(root, "web", "node_modules", "playwright-core")), "Run `npm ci` in web/ (test.sh does).");
        Assert.True(File.Exists("/usr/bin/chromium"), "Install Debian's chromium (test.sh does).");

        var environment = new Dictionary<string, string>(variables) { ["OPENAID_BASE_URL"] = server.BaseUri.ToString().TrimEnd('/') };
        var result = await ExternalProcess.RunAsync(
            "env",
            [.. environment.Select(e => $"{e.Key}={e.Value}"), "node", "--test", "--test-reporter=spec", "web/tests/entra-signin.test.mjs"],
            root,
            TimeSpan.FromMinutes(5));

        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"node --test web/tests/entra-signin.test.mjs exited with {result.ExitCode}:\n{result.Output}");
    }
}
