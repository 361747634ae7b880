using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Tests.Publishing;

namespace OpenAid.Api.Tests.Audit;

/// <summary>Many writers at once keep one linear chain: none fails for contention, none forks it.</summary>
[Collection(SharedPublishingServer.Name)]
public class ConcurrentWritersTests(PublishingServer server)
{
    private const int Writers = 50;

    [Fact]
    public async Task Fifty_concurrent_writers_all_succeed_and_the_chain_stays_linear_and_verifies()
    {
        var samples = server.Samples;
        var fund = await samples.FundAsync(100_000_000);
        var project = await samples.ProjectAsync();
        var publisher = samples.Publisher;
        var before = await server.ReadAsync(db => db.AuditEntries.MaxAsync(e => e.Id));

        // Half anonymous misuse reports (each numbered from one register sequence), half allocations of one fund by one
        // publisher (each rewriting the fund's row): every writer contends for the same rows and the chain's head.
        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => i % 2 == 0
            ? server.SendMutationAsync("fileObjection", samples.MisuseReportInput(), null, "objection { code }")
            : server.SendMutationAsync("allocateFund", new { fund, project, amountFen = 1_000, decidedOn = Samples.Today }, publisher, "allocation { id }"))));

        Assert.All(responses, r =>
        {
            Assert.True(r.Errors.Count == 0, r.ToString());
            Assert.Equal(0, r.Data.EnumerateObject().Single().Value.GetProperty("errors").GetArrayLength());
        });
        var written = await server.ReadAsync(db => db.AuditEntries.Where(e => e.Id > before).OrderBy(e => e.Id).Select(e => new { e.Id, e.PreviousHash, e.Hash }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, written.Count).Select(i => before + i), written.Select(e => e.Id));
        Assert.All(written.Skip(1).Zip(written), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.True(written.Count >= Writers, $"{written.Count} entries for {Writers} writes");

        var verified = await server.GraphQLAsync("{ verifyAuditChain { valid code message } }");
        Assert.True(verified.Get("data", "verifyAuditChain").GetProperty("valid").GetBoolean(), verified.ToString());
    }
}
