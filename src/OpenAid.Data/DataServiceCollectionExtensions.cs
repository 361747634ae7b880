using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAid.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OpenAidDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddOpenAidData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(options.ConnectionString);
                services.AddDbContext<OpenAidDbContext, SqliteOpenAidDbContext>(o => ConfigureSqlite(o, options.ConnectionString));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<OpenAidDbContext, SqlServerOpenAidDbContext>(o => ConfigureSqlServer(o, options.ConnectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(120))
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
