using OpenAid.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// The JavaScript audit verifier (web/tools/verify-audit.mjs, written from the format document alone) passes its own
/// tests: the format's pinned vectors, the tamper matrix and its command line (web/tools/verify-audit.test.mjs). It has
/// no npm dependencies, so it runs without <c>npm ci</c>.
/// </summary>
public class JavaScriptVerifierTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_javascript_audit_verifier_passes_its_tests()
    {
        var run = await ExternalProcess.RunAsync(
            "node", ["--test", "--test-reporter=spec", "web/tools/"], TestPaths.RepositoryRoot, TimeSpan.FromMinutes(5));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"node --test web/tools/ exited with {run.ExitCode}:\n{run.Output}");
        // Guard against a run that found no tests.
        Assert.Matches(@"pass [1-9]\d*", run.Output);
        Assert.Contains("fail 0", run.Output, StringComparison.Ordinal);
    }
}
