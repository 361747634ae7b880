using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using OpenAid.Data.Audit;
using OpenAid.Data.Migrations.SqlServer;
using OpenAid.Data.Regions;
using OpenAid.Domain.Regions;
using Xunit.Abstractions;

namespace OpenAid.Data.Tests;

/// <summary>What can be proven of the SQL Server provider without a server: the model, its migration and the bulk copy's rows.</summary>
[Collection("regions")]
public class SqlServerTests(RegionsFixture fixture, ITestOutputHelper output)
{
    private static SqlServerOpenAidDbContext SqlServer()
    {
        var builder = new DbContextOptionsBuilder<SqlServerOpenAidDbContext>();
        // Never opened: nothing here sends a command.
        DataServiceCollectionExtensions.ConfigureSqlServer(builder, "Server=sqlserver.invalid;Database=OpenAid");
        return new SqlServerOpenAidDbContext(builder.Options);
    }

    [Fact]
    public void A_SQL_Server_context_writes_with_SqlBulkCopy_unless_asked_for_the_provider_neutral_path()
    {
        using var db = SqlServer();

        var writer = BulkWriter.For(db, AuditActor.SystemRegionImport);
        Assert.IsType<SqlServerBulkWriter>(writer);
        Assert.Equal("sqlbulkcopy", writer.Mode);
        Assert.Equal("ef", BulkWriter.For(db, AuditActor.SystemRegionImport, providerNeutral: true).Mode);
    }

    [Fact]
    public async Task The_bulk_copy_rows_hold_every_column_of_the_table_with_the_values_the_SQLite_import_stored()
    {
        using var db = SqlServer();
        var cities = RegionSeed.ReadLevel(RegionLevel.City);
        using var table = SqlServerBulkWriter.ToDataTable(new TableMaps(db).MapOf(typeof(Region)), cities);

        await using var sqlite = fixture.Open();
        var connection = sqlite.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"Regions\" WHERE \"Level\" = 2 ORDER BY \"Code\"";
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<string, Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Text(reader.GetValue(i)));
            stored[row["Code"]] = row;
        }

        // The SQL Server model's columns are the SQLite table's, as the migrations of both providers made them.
        Assert.Equal(
            Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Order(),
            table.Columns.Cast<DataColumn>().Select(c => c.ColumnName).Order());
        Assert.Equal(79, table.Rows.Count);
        foreach (DataRow row in table.Rows)
        {
            var expected = stored[Text(row["Code"])];
            foreach (DataColumn column in table.Columns)
            {
                Assert.Equal(expected[column.ColumnName], Text(row[column]));
            }
        }
    }

    /// <summary>A value as SQLite gives it back: integers (and booleans, enums) as numbers, nulls as "NULL".</summary>
    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        bool b => b ? "1" : "0",
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IConvertible c => c.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [Fact]
    public void The_SQL_Server_model_collates_the_database_and_every_text_column_in_Chinese_and_SQLite_keeps_its_own()
    {
        using var db = SqlServer();
        var model = db.GetService<IDesignTimeModel>().Model;
        Assert.Equal("Chinese_PRC_100_CI_AS_SC", model.GetCollation());
        var text = model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(IsText).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, p => Assert.Equal(SqlServerOpenAidDbContext.ChineseCollation, p.GetCollation()));

        using var sqlite = fixture.Open();
        var sqliteModel = sqlite.GetService<IDesignTimeModel>().Model;
        Assert.Null(sqliteModel.GetCollation());
        Assert.All(sqliteModel.GetEntityTypes().SelectMany(e => e.GetProperties()), p => Assert.Null(p.GetCollation()));
    }

    [Fact]
    public void A_search_is_a_LIKE_over_the_collated_column_on_SQL_Server()
    {
        using var db = SqlServer();
        var search = "扶贫";

        var sql = db.Funds.Where(f => f.Name.Contains(search)).ToQueryString();

        // No function around the column, so the column's collation (case-insensitive, pinyin) decides the match.
        Assert.Matches(@"WHERE \[f\]\.\[Name\] LIKE ", sql);
        output.WriteLine(sql);
    }

    private static bool IsText(IProperty property) => (property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType) == typeof(string);

    [Fact]
    public void The_collation_migration_sets_the_database_default_and_converts_every_existing_text_column()
    {
        var migration = new ChineseCollation();
        var up = migration.UpOperations;

        Assert.Contains(up, o => o is AlterDatabaseOperation { Collation: SqlServerOpenAidDbContext.ChineseCollation });
        var altered = up.OfType<AlterColumnOperation>().Where(o => o.Collation == SqlServerOpenAidDbContext.ChineseCollation).Select(o => $"{o.Table}.{o.Name}").ToHashSet();
        // The text columns as they stood at this migration; tables created later take the collation from the model.
        var columns = migration.TargetModel!.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.GetColumnType() is { } type && type.Contains("char", StringComparison.Ordinal)).Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .ToHashSet();
        Assert.NotEmpty(columns);
        Assert.Equal(columns.Order(), altered.Order());
    }
}
