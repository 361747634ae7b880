using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>holdsDemoData says whether the database holds generated records, which the web app's banner announces.</summary>
public class DemoDataFlagTests
{
    [Collection(SharedDemoApiServer.Name)]
    public class WithDemoData(DemoApiServer server)
    {
        [Fact]
        public async Task A_database_with_demo_data_says_so() =>
            Assert.True((await server.PostAsync("{ holdsDemoData }")).Get("data", "holdsDemoData").GetBoolean());
    }

    [Collection(SharedApiServer.Name)]
    public class WithoutDemoData(ApiServer server)
    {
        [Fact]
        public async Task A_database_of_real_places_only_says_it_holds_none() =>
            Assert.False((await server.PostAsync("{ holdsDemoData }")).Get("data", "holdsDemoData").GetBoolean());
    }
}
