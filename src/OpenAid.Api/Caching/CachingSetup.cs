using OpenAid.Api.Health;
using OpenAid.Api.PersistedDocuments;
using OpenAid.Api.RateLimiting;

namespace OpenAid.Api.Caching;

/// <summary>Registers what makes public reads cheap: the result cache, persisted documents, rate limits and /health.</summary>
public static class CachingSetup
{
    public static WebApplicationBuilder AddOpenAidCaching(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(builder.Configuration.GetSection(CacheOptions.SectionName).Get<CacheOptions>() ?? new CacheOptions());
        services.AddSingleton(builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<DataVersionSource>();
        services.AddSingleton<DataVersionPublisher>();
        services.AddSingleton<ParsedDocuments>();
        services.AddSingleton<GraphQLResponseCache>();
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<PersistedDocumentResolver>();
        services.AddSingleton<RateLimitCounters>();
        services.AddOpenAidHealth();
        return builder;
    }

    /// <summary>Rate limits (after authentication, which decides the budget), /health, and the benchmark's ceiling.</summary>
    public static WebApplication UseOpenAidCaching(this WebApplication app)
    {
        // Connect at start-up rather than on the first request.
        _ = app.Services.GetRequiredService<RedisConnection>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.MapOpenAidHealth();
        if (app.Configuration.GetValue<bool>("Bench:Ceiling"))
        {
            BenchCeiling.Map(app);
        }

        return app;
    }
}

/// <summary>
/// The benchmark's ceiling (bench/run.sh, only with "Bench:Ceiling" on): the same size of JSON response as a GraphQL
/// answer, from memory, through the same host and middleware but without GraphQL or any cache lookup.
/// </summary>
internal static class BenchCeiling
{
    public static void Map(WebApplication app)
    {
        var bodies = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
        app.MapGet("/bench/ceiling", (HttpContext http, int? bytes) =>
        {
            var size = Math.Clamp(bytes ?? 2048, 16, 1024 * 1024);
            var body = bodies.GetOrAdd(size, n =>
            {
                var filler = new byte[n];
                Array.Fill(filler, (byte)'x');
                "{\"data\":\""u8.CopyTo(filler);
                "\"}"u8.CopyTo(filler.AsSpan(n - 2));
                return filler;
            });
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body).AsTask();
        });
    }
}
