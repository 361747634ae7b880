using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Exports;

/// <summary>
/// The real API with demo data, for a test class of its own (use it as a class fixture): for tests that write, which
/// the shared demo server's read-only tests must not see, or that make many requests from one address (a browser
/// test's page costs several). Rate limiting, which would count them all against 127.0.0.1, is off; its own tests
/// cover it.
/// </summary>
public sealed class IsolatedDemoServer() : ApiServer(seedDemoData: true, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
