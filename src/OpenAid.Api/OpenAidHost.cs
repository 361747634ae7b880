using Microsoft.EntityFrameworkCore;
using OpenAid.Api.Auth;
using OpenAid.Api.Diagnostics;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Http;
using OpenAid.Data;

namespace OpenAid.Api;

/// <summary>Builds the web host: configuration, services and the HTTP pipeline.</summary>
public static class OpenAidHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddScoped<SqlCommandCounter>();
        builder.Services.AddOpenAidData(database, typeof(SqlCommandCounter));
        builder.Services.AddOpenAidGraphQL();
        builder.AddOpenAidAuth(database);
        builder.Services.AddSingleton(TimeProvider.System);

        var app = builder.Build();
        if (app.Configuration.GetValue<bool>("Diagnostics:SqlCommandHeader"))
        {
            SqlCommandCounter.UseSqlCommandHeader(app);
        }

        app.UseAuthentication();
        app.MapGraphQLEndpoint("/graphql");
        return app;
    }

    /// <summary>Migrates the database and, on the embedded default, imports places and demo data on first start.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var seedDemo = app.Configuration.GetValue("Database:SeedDemoData", true);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAid.Database");
        await db.Database.MigrateAsync();
        logger.LogInformation("Database ready (demo data: {SeedDemo}).", seedDemo);
    }
}
