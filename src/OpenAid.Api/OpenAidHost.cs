using OpenAid.Api.Access;
using OpenAid.Api.Audit;
using OpenAid.Api.Auth;
using OpenAid.Api.Caching;
using OpenAid.Api.Diagnostics;
using OpenAid.Api.Execution;
using OpenAid.Api.Exports;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Health;
using OpenAid.Api.Http;
using OpenAid.Api.PersistedDocuments;
using OpenAid.Api.RateLimiting;
using OpenAid.Api.Redis;
using OpenAid.Api.Telemetry;
using OpenAid.Data;
using OpenAid.Demo;
using OpenAid.Domain.Common;

namespace OpenAid.Api;

/// <summary>Builds the web host: configuration, services and the HTTP pipeline.</summary>
public static class OpenAidHost
{
    /// <param name="args">Command-line arguments: host settings and configuration.</param>
    /// <param name="clock">The one clock of the service; tests pass one they can move. Default: the system's.</param>
    /// <param name="services">Runs after every service is registered; tests change them, e.g. to attach an interceptor to the context.</param>
    public static WebApplication Build(string[] args, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.AddOpenAidTelemetry();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddScoped<SqlCommandCounter>();
        builder.Services.AddOpenAidData(database, typeof(SqlCommandCounter), typeof(DataVersionPublisher));
        builder.Services.AddOpenAidGraphQL(builder.Configuration);
        builder.AddOpenAidAuth(database);
        builder.Services.AddOpenAidRedis();
        builder.AddOpenAidCaching();
        builder.AddOpenAidRateLimiting();
        builder.Services.AddOpenAidPersistedDocuments();
        builder.Services.AddGraphQLExecutor();
        builder.Services.AddOpenAidHealth();
        builder.AddOpenAidExports();
        builder.AddOpenAidAudit(database);
        builder.Services.AddSingleton<OpenAid.Api.Audit.PublicCopies>();
        builder.AddOpenAidForwardedHeaders();
        if (builder.Environment.IsProduction())
        {
            builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        }
        var diagnostics = DiagnosticsOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(diagnostics);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        // Outermost, so that nothing below can answer with a stack trace.
        app.UseMiddleware<ExceptionGuard>();
        app.UseSecurityHeaders();
        // Before anything reads the client's address or scheme (rate limits, HSTS).
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        // After the forwarded headers (it answers loopback only by default), before the rate limits: scraping costs no budget.
        app.UseOpenAidMetricsEndpoint();

        if (diagnostics.SqlCommandHeader)
        {
            SqlCommandCounter.UseSqlCommandHeader(app);
        }

        app.ConnectOpenAidRedis();
        // At start-up, so that this instance hears the purges other instances publish.
        _ = app.Services.GetRequiredService<OpenAid.Api.Audit.PublicCopies>();
        app.UseAuthentication();
        // After authentication, which decides the budget.
        app.UseOpenAidRateLimits();
        // After the rate limits, so that a flood of signed-in requests is refused before it reads any grants.
        app.UseOpenAidActors();
        app.MapOpenAidHealth();
        if (app.Configuration.GetValue<bool>("Bench:Ceiling"))
        {
            app.MapBenchCeiling();
            app.MapBenchHandWritten();
        }

        app.MapGraphQLEndpoint("/graphql");
        app.MapSignInConfiguration();
        app.MapOpenData();
        app.MapDevSignIn();
        app.MapWebApp();
        return app;
    }

    /// <summary>Migrates the database and, on first start, imports the real places and (unless turned off) demo data.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var seedDemo = app.Configuration.GetValue("Database:SeedDemoData", true);
        // The demo ends today on the host's clock, or on a configured day, so that a fresh start is alive and a given day reproducible.
        var demo = new DemoDataSeeder(new DemoDataOptions
        {
            AsOf = app.Configuration.GetValue<DateOnly?>("Database:DemoDataAsOf") ?? app.Services.GetRequiredService<TimeProvider>().Today(),
        });
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAid.Database");
        await DatabaseInitializer.InitializeAsync(db, seedDemo ? demo : null, new LogProgress(logger), app.Lifetime.ApplicationStopping);
    }

    /// <summary>Reports progress as it happens (Progress&lt;T&gt; would post it later, out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => logger.LogInformation("{Step}", value);
    }
}
