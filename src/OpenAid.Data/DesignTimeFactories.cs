using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenAid.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without the API host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpenAidDbContext>
{
    public SqliteOpenAidDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteOpenAidDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteOpenAidDbContext(builder.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOpenAidDbContext>
{
    public SqlServerOpenAidDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerOpenAidDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlServer(builder, "Server=(local);Database=OpenAid;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerOpenAidDbContext(builder.Options);
    }
}
