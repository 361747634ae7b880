using System.Globalization;
using System.Net;
using System.Text.Json;
using OpenAid.Api.Exports;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Exports;

/// <summary>The XLSX exports over real HTTP on the demo data, read back with MiniExcel and from the sheet's XML.</summary>
[Collection(SharedDemoApiServer.Name)]
public class XlsxExportTests(DemoApiServer server)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [InlineData("deliveries", "region=45")]
    [InlineData("objections", "")]
    [InlineData("notices", "region=45&kind=FUND")]
    [InlineData("funds", "region=45")]
    [InlineData("organizations", "region=45")]
    [InlineData("needs", "region=45")]
    public async Task An_XLSX_export_read_back_with_MiniExcel_holds_the_rows_of_the_NDJSON_export_of_the_same_filters(string list, string query)
    {
        var ndjson = ExportFiles.NdjsonRows(await server.Client.GetStringAsync($"export/{list}.ndjson?{query}"));
        using var response = await server.Client.GetAsync($"export/{list}.xlsx?{query}");
        var body = await response.Content.ReadAsByteArrayAsync();
        var rows = ExportFiles.XlsxRows(body);
        var columns = new OpenData(server.Services).Lists[list].Columns;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(ndjson.Count > 0, $"the demo data has {list} for {query}");
        Assert.Equal(ndjson.Count, rows.Count);
        foreach (var (json, row) in ndjson.Zip(rows))
        {
            Assert.Equal(columns.Select(c => c.Name), row.Keys);
            foreach (var column in columns)
            {
                AssertSameValue(json.GetProperty(column.Name), row[column.Name], $"{list} {json.GetProperty("id")} {column.Name}");
            }
        }
    }

    [Fact]
    public async Task Codes_are_text_cells_and_amounts_numbers_in_the_sheet()
    {
        var deliveries = ExportFiles.XlsxCells(await server.Client.GetByteArrayAsync("export/deliveries.xlsx?region=45"));
        var organizations = ExportFiles.XlsxCells(await server.Client.GetByteArrayAsync("export/organizations.xlsx?region=45"));
        var regions = ExportFiles.XlsxCells(await server.Client.GetByteArrayAsync("export/regions.xlsx?region=451027&level=VILLAGE"));

        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, row =>
        {
            Assert.Matches(@"^45\d{10}$", row["region_code"].Value);
            Assert.All(new[] { "region_code", "pledge_code", "organization_code", "id", "delivered_on" }, c => Assert.Equal("str", row[c].Type));
            Assert.Equal("n", row["delivered_quantity"].Type);
            Assert.Equal("b", row["is_received"].Type);
        });
        Assert.Contains(deliveries, row => row["delivered_yuan"].Type == "n" && row["delivered_yuan"].Value.Length > 0);
        Assert.Contains(organizations, row => row["credit_code"].Value.Length == 18);
        Assert.All(organizations.Where(row => row["credit_code"].Value.Length > 0), row => Assert.Equal("str", row["credit_code"].Type));
        Assert.True(regions.Count > 50, $"the villages of 451027: {regions.Count}");
        Assert.All(regions, row =>
        {
            Assert.Matches(@"^451027\d{6}$", row["code"].Value);
            Assert.Equal("str", row["code"].Type);
            Assert.Equal("str", row["short_code"].Type);
            Assert.Equal("str", row["parent_code"].Type);
        });
        Assert.DoesNotContain(deliveries.Concat(organizations).Concat(regions), row => row.Values.Any(c => c.IsFormula));
    }

    [Fact]
    public async Task The_header_row_holds_the_column_names_or_with_lang_the_Chinese_or_English_headers()
    {
        var columns = new OpenData(server.Services).Lists["deliveries"].Columns;

        var names = ExportFiles.XlsxRows(await server.Client.GetByteArrayAsync("export/deliveries.xlsx?region=45"))[0].Keys;
        var zh = ExportFiles.XlsxRows(await server.Client.GetByteArrayAsync("export/deliveries.xlsx?region=45&lang=zh"))[0].Keys;
        var en = ExportFiles.XlsxRows(await server.Client.GetByteArrayAsync("export/deliveries.xlsx?region=45&lang=en"))[0].Keys;
        var csv = ExportFiles.ParseCsv(System.Text.Encoding.UTF8.GetString(await server.Client.GetByteArrayAsync("export/deliveries.csv?region=45&lang=zh"))[1..])[0];

        Assert.Equal(columns.Select(c => c.Name), names);
        Assert.Equal(columns.Select(c => c.Header.Zh), zh);
        Assert.Equal(columns.Select(c => c.Header.En), en);
        Assert.Equal(columns.Select(c => c.Header.Zh), csv);
        Assert.Contains("地区代码", zh);
        Assert.Contains("Region code", en);
    }

    [Fact]
    public async Task An_XLSX_export_is_a_named_streamed_attachment_and_an_empty_one_still_has_its_header_row()
    {
        using var response = await server.Client.GetAsync("export/deliveries.xlsx?region=45&year=1990", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("openaid-deliveries-region-45-year-1990.xlsx", ExportFiles.Disposition(response)?.FileName?.Trim('"'));
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Empty(ExportFiles.XlsxCells(body));
        Assert.Empty(ExportFiles.XlsxRows(body));
        Assert.Contains(">pledge_code<", ExportFiles.ZipText(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deliveries_export_matches_the_GraphQL_field_value_by_value()
    {
        var graphQL = await server.PostAsync(
            "{ pledgeDeliveries(region: \"45\", first: 100) { totalCount nodes { id deliveredOn evidence isReceived receivedBy quantity { quantity unit } pledge { code kind need { code } organization { code } region { code } } } } }");
        var nodes = graphQL.Get("data", "pledgeDeliveries", "nodes").EnumerateArray().ToList();
        var rows = ExportFiles.NdjsonRows(await server.Client.GetStringAsync("export/deliveries.ndjson?region=45")).ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal(graphQL.Get("data", "pledgeDeliveries", "totalCount").GetInt32(), rows.Count);
        Assert.Equal(100, nodes.Count);
        foreach (var node in nodes)
        {
            var row = rows[node.GetProperty("id").GetString()!];
            var pledge = node.GetProperty("pledge");
            Assert.Equal(pledge.GetProperty("code").GetString(), row.GetProperty("pledge_code").GetString());
            Assert.Equal(pledge.GetProperty("kind").GetString(), row.GetProperty("pledge_kind").GetString());
            Assert.Equal(pledge.GetProperty("organization").GetProperty("code").GetString(), row.GetProperty("organization_code").GetString());
            Assert.Equal(pledge.GetProperty("region").GetProperty("code").GetString(), row.GetProperty("region_code").GetString());
            Assert.Equal(pledge.GetProperty("need").ValueKind == JsonValueKind.Null ? null : pledge.GetProperty("need").GetProperty("code").GetString(), row.GetProperty("need_code").GetString());
            Assert.Equal(node.GetProperty("quantity").GetProperty("quantity").GetInt64(), row.GetProperty("delivered_quantity").GetInt64());
            Assert.Equal(node.GetProperty("quantity").GetProperty("unit").GetString(), row.GetProperty("delivered_unit").GetString());
            Assert.Equal(node.GetProperty("deliveredOn").GetString(), row.GetProperty("delivered_on").GetString());
            Assert.Equal(node.GetProperty("evidence").GetString(), row.GetProperty("evidence").GetString());
            Assert.Equal(node.GetProperty("isReceived").GetBoolean(), row.GetProperty("is_received").GetBoolean());
            Assert.Equal(node.GetProperty("receivedBy").GetString(), row.GetProperty("received_by").GetString());
        }
    }

    /// <summary>An XLSX cell as MiniExcel reads it holds the NDJSON value: text as text, numbers and booleans as such.</summary>
    private static void AssertSameValue(JsonElement json, object? cell, string what)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.True(cell is null || cell is string { Length: 0 }, $"{what}: empty, not {cell}");
                break;
            case JsonValueKind.Array:
                Assert.Equal(string.Join("; ", json.EnumerateArray().Select(v => v.GetString())), cell as string ?? "");
                break;
            case JsonValueKind.Number:
                Assert.Equal(json.GetDouble(), Convert.ToDouble(cell, CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.Equal(json.GetBoolean(), Convert.ToBoolean(cell, CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.String when what.EndsWith("_yuan", StringComparison.Ordinal):
                Assert.Equal(decimal.Parse(json.GetString()!, CultureInfo.InvariantCulture), Convert.ToDecimal(cell, CultureInfo.InvariantCulture));
                break;
            default:
                Assert.True(cell is string, $"{what}: '{json.GetString()}' is text in the sheet, not {cell?.GetType().Name}");
                Assert.Equal(json.GetString(), (string)cell!);
                break;
        }
    }
}
