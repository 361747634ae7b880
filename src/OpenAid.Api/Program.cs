using OpenAid.Api;

var app = OpenAidHost.Build(args);
await OpenAidHost.PrepareDatabaseAsync(app);
await app.RunAsync();

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
