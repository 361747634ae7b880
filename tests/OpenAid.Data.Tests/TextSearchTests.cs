using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Search;

namespace OpenAid.Data.Tests;

/// <summary>
/// The FTS5 indexes of the lists' search exist after the migrations, each with its three triggers, and hold exactly the
/// text of their tables after the demo data went in through the bulk writer, and forget deleted text at once. A later migration that rebuilds one of
/// these tables (EF does so on SQLite for some column changes) drops its triggers: this test is what notices it.
/// </summary>
[Collection("demo")]
public class TextSearchTests(DemoDatabaseFixture fixture)
{
    public static TheoryData<string> Indexes => [.. TextSearch.Indexes.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task Each_index_is_kept_by_its_triggers_and_matches_its_table(string name)
    {
        var index = TextSearch.Indexes.Single(i => i.Name == name);
        await using var db = fixture.Open();

        var triggers = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = {index.Table} ORDER BY name").ToListAsync();
        Assert.Equal([$"{name}_delete", $"{name}_insert", $"{name}_update"], triggers.Where(t => t.StartsWith(name + "_", StringComparison.Ordinal)));

        // Names from TextSearch.Indexes, not input: raw SQL is safe here.
        var columnsSql = $"SELECT name AS Value FROM pragma_table_info('{name}')";
        var checkSql = $"INSERT INTO \"{name}\"(\"{name}\", rank) VALUES ('integrity-check', 1)";
        var countSql = $"SELECT count(*) AS Value FROM \"{index.Table}\"";
        var secureDeleteSql = $"SELECT v AS Value FROM \"{name}_config\" WHERE k = 'secure-delete'";
        var columns = await db.Database.SqlQueryRaw<string>(columnsSql).ToListAsync();
        Assert.Equal(index.Columns, columns);

        // With rank 1, integrity-check compares the index with the content table itself (an error if they differ).
        await db.Database.ExecuteSqlRawAsync(checkSql);
        var rows = await db.Database.SqlQueryRaw<int>(countSql).SingleAsync();
        // Deleted text leaves the index at once (an audit redaction relies on it), not at some later merge.
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>(secureDeleteSql).SingleAsync());
        Assert.True(rows > 0, $"{index.Table} is empty in the demo, so its index was not checked");
    }
}
