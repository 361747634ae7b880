using Microsoft.EntityFrameworkCore;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>Concurrent writes cannot break the money rules: parallel allocations never take more than the fund.</summary>
[Collection(SharedPublishingServer.Name)]
public class ConcurrencyTests(PublishingServer server)
{
    [Fact]
    public async Task Twenty_parallel_allocations_of_a_tenth_each_allocate_the_fund_exactly_once()
    {
        const long fundFen = 1_000_000;
        var samples = server.Samples;
        var fund = await samples.FundAsync(fundFen);
        var project = await samples.ProjectAsync();
        var publisher = samples.Publisher;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            server.SendMutationAsync("allocateFund", new { fund, project, amountFen = fundFen / 10, decidedOn = Samples.Today }, publisher, "allocation { id }"))));

        Assert.All(responses, r => Assert.True(r.Errors.Count == 0, r.ToString()));
        var codes = responses.Select(r => r.Get("data", "allocateFund", "errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).SingleOrDefault()).ToList();
        Assert.Equal(10, codes.Count(c => c is null));
        Assert.All(codes.Where(c => c is not null), c => Assert.Equal("AMOUNT_EXCEEDS_FUND", c));
        var allocated = await server.ReadAsync(db => db.FundAllocations.Where(a => db.Funds.Any(f => f.Id == a.FundId && f.Code == fund)).SumAsync(a => a.AmountFen));
        Assert.Equal(fundFen, allocated);
    }
}
