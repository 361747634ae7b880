namespace OpenAid.Api.Caching;

/// <summary>Registers the result cache and what it keys by: parsed documents and the data version.</summary>
public static class CachingSetup
{
    /// <summary>Needs the Redis connection (Redis/RedisSetup).</summary>
    public static WebApplicationBuilder AddOpenAidCaching(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(builder.Configuration.GetSection(CacheOptions.SectionName).Get<CacheOptions>() ?? new CacheOptions());
        services.AddSingleton<DataVersionSource>();
        services.AddSingleton<DataVersionPublisher>();
        services.AddSingleton<ParsedDocuments>();
        services.AddSingleton<ResultCache>();
        services.AddSingleton<CountCache>();
        return builder;
    }
}
