using OpenAid.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// graphql-http's server audit (the conformance suite for GraphQL over HTTP) against the running API, through
/// tests/audit/audit.mjs. test.sh runs `npm ci` in tests/audit first; when node_modules is missing (a plain
/// `dotnet test`), this test runs it itself.
/// </summary>
[Collection(SharedApiServer.Name)]
public class GraphQLHttpAuditTests(ApiServer server, ITestOutputHelper output)
{
    private static readonly string AuditFolder = Path.Combine(TestPaths.RepositoryRoot, "tests", "audit");

    [Fact]
    public async Task The_endpoint_passes_every_MUST_and_SHOULD_of_the_graphql_http_server_audit()
    {
        await InstallAuditPackagesAsync();

        var audit = await ExternalProcess.RunAsync("node", ["audit.mjs", server.GraphQLUri.ToString()], AuditFolder, TimeSpan.FromMinutes(2));
        output.WriteLine(audit.Output);

        Assert.True(audit.ExitCode == 0, $"The graphql-http audit failed (exit code {audit.ExitCode}):\n{audit.Output}");
        // Guard against an audit that ran nothing: both levels must have been checked, without failures.
        Assert.Matches(@"MUST\s+[1-9]\d* passed, 0 failed", audit.Output);
        Assert.Matches(@"SHOULD\s+[1-9]\d* passed, 0 failed", audit.Output);
    }

    internal static async Task InstallAuditPackagesAsync()
    {
        if (File.Exists(Path.Combine(AuditFolder, "node_modules", "graphql-http", "package.json")))
        {
            return;
        }

        var install = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], AuditFolder, TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, $"npm ci in tests/audit failed:\n{install.Output}");
    }
}
