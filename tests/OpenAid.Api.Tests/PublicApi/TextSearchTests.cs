using Microsoft.Data.Sqlite;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>
/// Search text is found in titles and bodies through the FTS5 trigram index (three characters or more) and by scanning
/// (shorter text), with the same answers as reading every row; what the user types is text, never index syntax.
/// </summary>
[Collection(SharedDemoApiServer.Name)]
public class TextSearchTests(DemoApiServer server)
{
    [Theory]
    [InlineData("扶贫资金")]
    [InlineData("产业发展")]
    [InlineData("资金")]
    [InlineData("村")]
    [InlineData("扶贫\" OR \"资金")]
    [InlineData("扶贫*")]
    [InlineData("NEAR(扶贫 资金)")]
    [InlineData("资金 -扶贫")]
    public async Task Notices_found_are_those_whose_title_or_body_contains_the_text(string text)
    {
        var expected = await CodesAsync(
            "SELECT Code FROM Notices WHERE Status <> $draft AND (instr(Title, $text) > 0 OR instr(Body, $text) > 0)",
            ("$draft", (int)NoticeStatus.Draft), ("$text", text));

        var found = await server.PostAsync("query($s: String) { notices(search: $s, first: 100) { totalCount nodes { code } } }", new { s = text });

        Assert.Equal(expected.Count, found.Get("data", "notices", "totalCount").GetInt32());
        Assert.All(found.Get("data", "notices", "nodes").EnumerateArray(), n => Assert.Contains(n.GetProperty("code").GetString()!, expected));
    }

    [Fact]
    public async Task Part_of_a_project_code_typed_in_lower_case_finds_the_notices_whose_text_names_it()
    {
        var project = await server.PostAsync("{ notices(kind: PROJECT, first: 1) { nodes { code projects { code } } } }");
        var notice = project.Get("data", "notices", "nodes")[0];
        var code = notice.GetProperty("projects")[0].GetProperty("code").GetString()!;
        var typed = code[..^5].ToLowerInvariant(); // "xm-533323-2021": no record has it as its code

        var found = await server.PostAsync("query($s: String) { notices(search: $s, first: 100) { nodes { code } } }", new { s = typed });

        Assert.Contains(found.Get("data", "notices", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == notice.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("projects", "Projects", "Name", "产业")]
    [InlineData("projects", "Projects", "Name", "村集体经济")]
    [InlineData("organizations", "Organizations", "Name", "有限公司")]
    [InlineData("needs", "Needs", "Title", "村")]
    [InlineData("needs", "Needs", "Title", "太阳能路灯")]
    [InlineData("regions", "Regions", "Name", "百色")]
    [InlineData("regions", "Regions", "Name", "村民委员会")]
    public async Task Other_lists_find_the_same_as_reading_every_row(string list, string table, string column, string text)
    {
        // Every project, organisation and place is public; needs only in their public states.
        var visible = list == "needs" ? $" AND Status IN ({string.Join(", ", NeedLifecycle.PublicStatuses.Select(s => (int)s))})" : "";
        var expected = await CodesAsync($"SELECT count(*) FROM \"{table}\" WHERE instr(\"{column}\", $text) > 0{visible}", ("$text", text));

        var found = await server.PostAsync($"query($s: String) {{ {list}(search: $s, first: 1) {{ totalCount }} }}", new { s = text });

        Assert.Equal(int.Parse(expected.Single(), System.Globalization.CultureInfo.InvariantCulture), found.Get("data", list, "totalCount").GetInt32());
    }

    private async Task<HashSet<string>> CodesAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var codes = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return codes;
    }
}
