using OpenAid.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// Any real client's introspection is answered: graphql-js 16's getIntrospectionQuery with every option on, the
/// schema rebuilt from the answer by graphql-js equal to schema/schema.graphql (tests/audit/introspection.mjs).
/// </summary>
[Collection(SharedApiServer.Name)]
public class IntrospectionTests(ApiServer server, ITestOutputHelper output)
{
    private static readonly string AuditFolder = Path.Combine(TestPaths.RepositoryRoot, "tests", "audit");

    [Fact]
    public async Task Graphql_js_introspection_with_every_option_rebuilds_the_schema_file()
    {
        await GraphQLHttpAuditTests.InstallAuditPackagesAsync();

        var run = await ExternalProcess.RunAsync(
            "node", ["introspection.mjs", server.GraphQLUri.ToString(), Path.Combine(TestPaths.RepositoryRoot, "schema", "schema.graphql")], AuditFolder, TimeSpan.FromMinutes(2));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("equals", run.Output, StringComparison.Ordinal);
    }
}
