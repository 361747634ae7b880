namespace OpenAid.Api.Tests.Infrastructure;

/// <summary>The real API on a database with the real places and the deterministic demo data, counting SQL commands.</summary>
public sealed class DemoApiServer() : ApiServer(seedDemoData: true, new Dictionary<string, string?> { ["Diagnostics:SqlCommandHeader"] = "true" });

/// <summary>One demo-data server for every test class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoApiServer : ICollectionFixture<DemoApiServer>
{
    public const string Name = "Demo API server";
}
