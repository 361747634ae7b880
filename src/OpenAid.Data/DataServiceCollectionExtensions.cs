using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAid.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OpenAidDbContext"/> on the configured provider.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">Provider and connection string.</param>
    /// <param name="interceptors">Scoped interceptors to attach to every context, e.g. a per-request command counter.</param>
    public static IServiceCollection AddOpenAidData(this IServiceCollection services, DatabaseOptions options, params Type[] interceptors)
    {
        services.AddSingleton(options);
        void AddInterceptors(IServiceProvider scope, DbContextOptionsBuilder builder) =>
            builder.AddInterceptors(interceptors.Select(t => (IInterceptor)scope.GetRequiredService(t)));

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(options.ConnectionString);
                services.AddDbContext<OpenAidDbContext, SqliteOpenAidDbContext>((sp, o) =>
                {
                    ConfigureSqlite(o, options.ConnectionString);
                    AddInterceptors(sp, o);
                });
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<OpenAidDbContext, SqlServerOpenAidDbContext>((sp, o) =>
                {
                    ConfigureSqlServer(o, options.ConnectionString);
                    AddInterceptors(sp, o);
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(120).ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d)))
            .AddInterceptors(SqlitePragmas.Instance)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static void ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
