using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using OpenAid.Api.Exports;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Exports;

/// <summary>The CSV and NDJSON exports, the dump and the citable links over real HTTP, on the demo data.</summary>
[Collection(SharedDemoApiServer.Name)]
public class ExportTests(DemoApiServer server)
{
    /// <summary>Each export with filters, and the same filters as GraphQL arguments.</summary>
    public static TheoryData<string, string, string> FilteredLists => new()
    {
        { "notices", DemoYears.Dated("region=45&year={2019}"), DemoYears.Dated("region: \"45\", year: {2019}") },
        { "notices", DemoYears.Dated("region=45&year={2019}&kind=&search="), DemoYears.Dated("region: \"45\", year: {2019}") },
        { "notices", "region=43&kind=EXIT&late=true", "region: \"43\", kind: EXIT, late: true" },
        { "notices", "search=" + Uri.EscapeDataString("道路"), "search: \"道路\"" },
        { "funds", DemoYears.Dated("region=45&year={2019}"), DemoYears.Dated("region: \"45\", year: {2019}") },
        { "projects", "region=43&status=IMPLEMENTING", "region: \"43\", status: IMPLEMENTING" },
        { "transactions", DemoYears.Dated("region=45&year={2019}&kind=DISBURSEMENT"), DemoYears.Dated("region: \"45\", year: {2019}, kind: DISBURSEMENT") },
        { "transactions", DemoYears.Dated("from={2020}-06-01&to={2020}-06-30"), DemoYears.Dated("from: \"{2020}-06-01\", to: \"{2020}-06-30\"") },
        { "organizations", "region=45", "region: \"45\"" },
        { "regions", "region=451022", "region: \"451022\"" },
        { "regions", "", "" },
        { "programs", "", "" },
        { "pairings", DemoYears.Dated("year={2019}"), DemoYears.Dated("year: {2019}") },
        { "deliveries", "region=45", "region: \"45\"" },
        { "deliveries", DemoYears.Dated("year={2020}&received=true"), DemoYears.Dated("year: {2020}, received: true") },
        { "objections", "region=45", "region: \"45\"" },
        { "objections", "status=ANSWERED", "status: ANSWERED" },
    };

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task A_CSV_export_holds_exactly_what_the_GraphQL_list_returns_in_the_same_order(string list, string query, string arguments)
    {
        var (ids, total) = await ExportFiles.GraphQLIdsAsync(server, ExportFiles.FieldOf(server, list), arguments);

        using var response = await server.Client.GetAsync($"export/{list}.csv?{query}");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = ExportFiles.CsvRows(body);
        Assert.True(total > 0, $"the demo data should have {list} for {query}");
        Assert.Equal(total, rows.Count);
        Assert.Equal(ids, rows.Select(r => r["id"]));
    }

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task An_NDJSON_export_holds_exactly_what_the_GraphQL_list_returns_in_the_same_order(string list, string query, string arguments)
    {
        var (ids, _) = await ExportFiles.GraphQLIdsAsync(server, ExportFiles.FieldOf(server, list), arguments);

        using var response = await server.Client.GetAsync($"export/{list}.ndjson?{query}");
        var rows = ExportFiles.NdjsonRows(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ids, rows.Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Values_match_the_GraphQL_answer_field_by_field_with_amounts_in_yuan_and_fen()
    {
        var graphQL = await server.PostAsync(
            DemoYears.Dated("{ transactions(region: \"45\", year: {2019}, first: 100) { nodes { id code kind date amount { yuan fen } fund { code } project { code } receiverRegion { code name } } } }"));
        var expected = graphQL.Get("data", "transactions", "nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);

        using var csv = await server.Client.GetAsync(DemoYears.Dated("export/transactions.csv?region=45&year={2019}"));
        var ndjson = ExportFiles.NdjsonRows(await server.Client.GetStringAsync(DemoYears.Dated("export/transactions.ndjson?region=45&year={2019}")));
        var rows = ExportFiles.CsvRows(await csv.Content.ReadAsByteArrayAsync()).ToDictionary(r => r["id"]);

        Assert.Equal(100, expected.Count);
        foreach (var (id, node) in expected)
        {
            var row = rows[id];
            Assert.Equal(node.GetProperty("code").GetString(), row["code"]);
            Assert.Equal(node.GetProperty("kind").GetString(), row["kind"]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row["date"]);
            Assert.Equal(node.GetProperty("date").GetString(), row["date"]);
            Assert.Equal(node.GetProperty("amount").GetProperty("yuan").GetString(), row["amount_yuan"]);
            Assert.Matches(@"^-?\d+\.\d{2}$", row["amount_yuan"]);
            Assert.Equal(node.GetProperty("amount").GetProperty("fen").GetInt64().ToString(CultureInfo.InvariantCulture), row["amount_fen"]);
            Assert.Equal(decimal.Parse(row["amount_yuan"], CultureInfo.InvariantCulture) * 100, decimal.Parse(row["amount_fen"], CultureInfo.InvariantCulture));
            Assert.Equal(node.GetProperty("receiverRegion").GetProperty("name").GetString(), row["receiver_region_name"]);
            Assert.Equal(node.TryGetProperty("fund", out var fund) && fund.ValueKind == JsonValueKind.Object ? fund.GetProperty("code").GetString() : "", row["fund_code"]);
        }

        var json = ndjson.Single(r => r.GetProperty("id").GetString() == expected.Keys.First());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("amount_fen").ValueKind);
        Assert.Equal(JsonValueKind.String, json.GetProperty("amount_yuan").ValueKind);
        Assert.Equal(expected.Values.First().GetProperty("amount").GetProperty("fen").GetInt64(), json.GetProperty("amount_fen").GetInt64());
    }

    [Fact]
    public async Task A_CSV_export_is_RFC_4180_with_a_BOM_and_keeps_Chinese_commas_quotes_and_line_breaks()
    {
        using var response = await server.Client.GetAsync(DemoYears.Dated("export/notices.csv?region=45&year={2019}"));
        var body = await response.Content.ReadAsByteArrayAsync();
        var rows = ExportFiles.CsvRows(body);
        var graphQL = await server.PostAsync(
            "query($code: String!) { notice(code: $code) { title body } }", new { code = rows[0]["code"] });

        Assert.Equal(0xEF, body[0]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(graphQL.Get("data", "notice", "title").GetString(), rows[0]["title"]);
        Assert.Equal(graphQL.Get("data", "notice", "body").GetString(), rows[0]["body"]);
        Assert.Contains(rows, r => r["body"].Contains('，', StringComparison.Ordinal) || r["body"].Contains(',', StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains(r["is_late"], (string[])["true", "false"]));
    }

    [Fact]
    public async Task Exports_say_when_the_data_is_from_and_name_the_file_after_the_list_and_filters()
    {
        var dataAsOf = await ExportFiles.DataAsOfAsync(server);

        using var response = await server.Client.GetAsync(DemoYears.Dated("export/notices.csv?region=45&year={2019}"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(dataAsOf, ExportFiles.Header(response, "X-Data-As-Of"));
        var disposition = ExportFiles.Disposition(response);
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(DemoYears.Dated("openaid-notices-region-45-year-{2019}.csv"), disposition?.FileName?.Trim('"'));
        // Streamed: the length is not known when the headers go out.
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Several_values_of_a_list_field_are_joined_in_CSV_and_an_array_in_NDJSON()
    {
        var ndjson = ExportFiles.NdjsonRows(await server.Client.GetStringAsync(DemoYears.Dated("export/notices.ndjson?region=45&kind=FUND&year={2019}")));
        var row = ndjson.First(r => r.GetProperty("fund_codes").GetArrayLength() > 0);
        var code = row.GetProperty("code").GetString();
        var graphQL = await server.PostAsync("query($code: String!) { notice(code: $code) { funds { code } } }", new { code });
        var csv = ExportFiles.CsvRows(await server.Client.GetByteArrayAsync(DemoYears.Dated("export/notices.csv?region=45&kind=FUND&year={2019}"))).Single(r => r["code"] == code);

        var expected = graphQL.Get("data", "notice", "funds").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal(expected, row.GetProperty("fund_codes").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(string.Join("; ", expected), csv["fund_codes"]);
    }

    [Theory]
    [InlineData("notices.csv?region=4", HttpStatusCode.BadRequest, "INVALID_REGION_CODE")]
    [InlineData("notices.ndjson?region=99", HttpStatusCode.BadRequest, "REGION_NOT_FOUND")]
    [InlineData("funds.csv?year=abc", HttpStatusCode.BadRequest, "INVALID_VALUE")]
    [InlineData("notices.csv?kind=LETTER", HttpStatusCode.BadRequest, "INVALID_VALUE")]
    [InlineData("transactions.csv?from=2020-02-01&to=2020-01-01", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("notices.csv?after=bm90IGEgY3Vyc29y", HttpStatusCode.BadRequest, "INVALID_CURSOR")]
    [InlineData("notices.csv?colour=red", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("notices.csv?first=10", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("notices.csv?year=2019&year=2020", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("grants.csv", HttpStatusCode.NotFound, "EXPORT_NOT_FOUND")]
    [InlineData("notices.xls", HttpStatusCode.NotFound, "EXPORT_NOT_FOUND")]
    [InlineData("notices.xlsx?region=4", HttpStatusCode.BadRequest, "INVALID_REGION_CODE")]
    [InlineData("notices.xlsx?lang=fr", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("notices.csv?lang=zh&lang=en", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("notices.ndjson?lang=zh", HttpStatusCode.BadRequest, "INVALID_ARGUMENT")]
    [InlineData("deliveries.csv?region=4", HttpStatusCode.BadRequest, "INVALID_REGION_CODE")]
    [InlineData("deliveries.xlsx?year=abc", HttpStatusCode.BadRequest, "INVALID_VALUE")]
    [InlineData("deliveries.ndjson?received=maybe", HttpStatusCode.BadRequest, "INVALID_VALUE")]
    [InlineData("objections.csv?status=LOST", HttpStatusCode.BadRequest, "INVALID_VALUE")]
    [InlineData("objections.xlsx?region=99", HttpStatusCode.BadRequest, "REGION_NOT_FOUND")]
    [InlineData("notices", HttpStatusCode.NotFound, "EXPORT_NOT_FOUND")]
    public async Task Bad_filters_are_a_JSON_error_with_the_GraphQL_code(string path, HttpStatusCode status, string code)
    {
        using var response = await server.Client.GetAsync("export/" + path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(code, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(errors[0].TryGetProperty("locations", out _), "locations would point into the export's own document");
    }

    [Theory]
    [InlineData("notices", "region: \"4\"", "notices.csv?region=4")]
    [InlineData("notices", "region: \"4\"", "notices.xlsx?region=4")]
    [InlineData("pledgeDeliveries", "region: \"4\"", "deliveries.csv?region=4")]
    [InlineData("pledgeDeliveries", "region: \"99\"", "deliveries.xlsx?region=99")]
    [InlineData("objections", "region: \"99\"", "objections.xlsx?region=99")]
    public async Task A_bad_filter_gives_the_same_code_as_the_GraphQL_field(string field, string arguments, string path)
    {
        var graphQL = await server.PostAsync($"{{ {field}({arguments}) {{ totalCount }} }}");

        using var export = await server.Client.GetAsync("export/" + path);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());

        Assert.Equal(graphQL.ErrorCodes.Single(), json.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(graphQL.Errors[0].GetProperty("message").GetString(), json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_index_documents_every_list_with_its_filters_and_described_columns()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("export"));
        var lists = json.RootElement.GetProperty("lists").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);

        Assert.Superset(
            new HashSet<string>(["changes", "deliveries", "funds", "notices", "objections", "organizations", "pairings", "programs", "projects", "regions", "transactions"]),
            lists.Keys.ToHashSet());
        Assert.Equal(new OpenData(server.Services).Lists.Keys.Order(StringComparer.Ordinal), lists.Keys.Order(StringComparer.Ordinal));
        foreach (var list in lists.Values)
        {
            var columns = list.GetProperty("columns").EnumerateArray().ToList();
            Assert.Contains(columns, c => c.GetProperty("name").GetString() == "id");
            Assert.All(columns, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString()), $"{list.GetProperty("name")}.{c.GetProperty("name")} has no description"));
            Assert.Equal(columns.Count, columns.Select(c => c.GetProperty("name").GetString()).Distinct().Count());
        }

        var notices = lists["notices"];
        Assert.Equal(["region", "year", "from", "to", "kind", "status", "late", "search"], notices.GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var kind = notices.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "kind");
        Assert.Contains("EXIT", kind.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        var fundColumns = lists["funds"].GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("amount_yuan", fundColumns);
        Assert.Contains("amount_fen", fundColumns);
        Assert.Equal("CC BY 4.0", json.RootElement.GetProperty("license").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_export_shows_what_the_public_sees_even_to_a_signed_in_official()
    {
        if (!new OpenData(server.Services).Lists.ContainsKey("needs"))
        {
            return; // Needs are the list whose drafts officials see; nothing to compare before the API has them.
        }

        // A county with needs the public does not see: drafts (1), pending review (2), rejected (8).
        var county = OpenAid.Api.Tests.PublicApi.Sql.Scalar(server.ConnectionString, "SELECT RegionCode / 1000000 FROM Needs WHERE Status IN (1, 2, 8) GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1");
        Assert.True(county > 0, "the demo data has needs that are not public");
        var publisher = await TestPublisher.ForDemoCountyAsync(server, county.ToString(CultureInfo.InvariantCulture));
        var officialCount = (await server.GraphQLAsync($"{{ needs(region: \"{publisher.County}\") {{ totalCount }} }}", token: publisher.Token))
            .Get("data", "needs", "totalCount").GetInt32();
        var publicCount = await ExportFiles.TotalCountAsync(server, "needs", $"region: \"{publisher.County}\"");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"export/needs.ndjson?region={publisher.County}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", publisher.Token);

        using var response = await server.Client.SendAsync(request);
        var rows = ExportFiles.NdjsonRows(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(officialCount > publicCount, $"the official sees more needs ({officialCount}) than the public ({publicCount})");
        Assert.Equal(publicCount, rows.Count);
        Assert.DoesNotContain(rows, r => r.GetProperty("status").GetString() is "DRAFT" or "PENDING_REVIEW" or "REJECTED");
    }

    [Fact]
    public void The_readme_documents_every_column()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api", "Exports", "README.md"));
        var openData = new OpenData(server.Services);

        foreach (var list in openData.Lists.Values)
        {
            var start = readme.IndexOf($"\n### {list.Name}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"Exports/README.md has no section '### {list.Name}'");
            var end = readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
            var section = end < 0 ? readme[start..] : readme[start..end];
            Assert.All(list.Columns, c => Assert.Contains($"| `{c.Name}` |", section, StringComparison.Ordinal));
            Assert.All(list.Filters, f => Assert.Contains($"`{f.Name}`", section, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("n/GS-451021-2019-0031", "/#/notices/GS-451021-2019-0031")]
    [InlineData("p/XM-451021-2019-0007", "/#/projects/XM-451021-2019-0007")]
    [InlineData("v/451021100201", "/#/villages/451021100201")]
    [InlineData("o/ORG-000123", "/#/organizations/ORG-000123")]
    [InlineData("y/YY-451021-2026-0001", "/#/objections/YY-451021-2026-0001")]
    public async Task Citable_links_redirect_to_the_record_page(string path, string location)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseUri };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// Constant memory, checked without timing or GC sampling: the export is run in process into a stream that records
    /// each flush. Every page goes out before the next is fetched, a page is disposed as soon as the next one is asked
    /// for, and the most ever held between flushes (one page) is the same for a short and a long export. XLSX, which
    /// MiniExcel writes on a thread of its own into the page's buffer, flushes once more for the end of the workbook.
    /// </summary>
    [Theory]
    [InlineData("ndjson", 0)]
    [InlineData("csv", 0)]
    [InlineData("xlsx", 1)]
    public async Task An_export_is_streamed_one_page_at_a_time_whatever_its_length(string extension, int closingFlushes)
    {
        var format = ExportFormat.Find(extension)!;
        var openData = new OpenData(server.Services);
        var list = openData.Lists["transactions"];
        var total = await ExportFiles.TotalCountAsync(server, "transactions", "");
        var shortTotal = await ExportFiles.TotalCountAsync(server, "transactions", DemoYears.Dated("year: {2016}"));

        var full = await RecordAsync(openData, list, [], format);
        var partial = await RecordAsync(openData, list, new() { ["year"] = DemoYears.Year(2016) }, format);

        Assert.True(total > 5_000, $"expected thousands of demo transactions, found {total}");
        Assert.Equal(total, full.Rows);
        Assert.Equal((total + 99) / 100 + closingFlushes, full.Flushes);
        Assert.Equal((shortTotal + 99) / 100 + closingFlushes, partial.Flushes);
        Assert.True(full.Flushes > 5 * partial.Flushes, "the long export has many more pages");

        // One page of transactions is some tens of KB; the whole export is several MB.
        Assert.True(full.MaxBetweenFlushes < 200_000, $"{full.MaxBetweenFlushes} bytes were held before a flush");
        Assert.True(full.Bytes > 20 * full.MaxBetweenFlushes, $"{full.Bytes} bytes in all, at most {full.MaxBetweenFlushes} at once");
        Assert.True(full.MaxBetweenFlushes < 2 * partial.MaxBetweenFlushes, $"what is held at once does not grow with the number of rows: {full.MaxBetweenFlushes} against {partial.MaxBetweenFlushes}");
        Assert.Equal(1, full.MaxPagesAlive);
    }

    [Fact]
    public async Task The_dump_holds_every_list_with_a_licence_and_metadata()
    {
        var dataAsOf = await ExportFiles.DataAsOfAsync(server);
        var notices = await ExportFiles.TotalCountAsync(server, "notices", "");
        var transactions = await ExportFiles.TotalCountAsync(server, "transactions", "");

        // The dump is built before its first byte is sent, which takes longer than the shared client waits on a busy machine.
        using var client = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        using var response = await client.GetAsync("export/dump.zip", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(dataAsOf, ExportFiles.Header(response, "X-Data-As-Of"));
        Assert.EndsWith(".zip", ExportFiles.Disposition(response)?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);

        string Read(string name)
        {
            var entry = zip.GetEntry(name);
            Assert.True(entry is not null, $"the dump has no {name}");
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var lists = new OpenData(server.Services).Lists.Keys;
        Assert.Contains("transactions", lists);
        Assert.Equal(
            lists.Select(l => l + ".ndjson").Concat(["LICENSE.txt", "README.txt", "metadata.json", .. new[] { "checkpoints.ndjson", "entries.ndjson", "keys.json", "records.ndjson", "redactions.ndjson" }.Select(f => "audit/" + f)]).Order(StringComparer.Ordinal),
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var license = Read("LICENSE.txt");
        Assert.Contains("CC BY 4.0", license, StringComparison.Ordinal);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", license, StringComparison.Ordinal);
        Assert.Contains("not real", license, StringComparison.OrdinalIgnoreCase);

        using var metadata = JsonDocument.Parse(Read("metadata.json"));
        Assert.Equal(dataAsOf, metadata.RootElement.GetProperty("dataAsOf").GetString());
        Assert.True(metadata.RootElement.GetProperty("consistent").GetBoolean());
        var files = metadata.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        foreach (var (name, file) in files)
        {
            var lines = ExportFiles.NdjsonRows(Read(name));
            Assert.Equal(file.GetProperty("rows").GetInt64(), lines.Count);
            var columns = file.GetProperty("list").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.All(lines.Take(5), l => Assert.Equal(columns, l.EnumerateObject().Select(p => p.Name)));
        }

        Assert.Equal(notices, files["notices.ndjson"].GetProperty("rows").GetInt32());
        Assert.Equal(await ExportFiles.TotalCountAsync(server, "pledgeDeliveries", ""), files["deliveries.ndjson"].GetProperty("rows").GetInt32());
        Assert.Equal(await ExportFiles.TotalCountAsync(server, "objections", ""), files["objections.ndjson"].GetProperty("rows").GetInt32());
        Assert.Equal(transactions, files["transactions.ndjson"].GetProperty("rows").GetInt32());
        var regions = ExportFiles.NdjsonRows(Read("regions.ndjson"));
        Assert.Equal(["PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE"], regions.Select(r => r.GetProperty("level").GetString()).Distinct());
        Assert.True(regions.Count > 100_000, $"every region at every level: {regions.Count}");
    }

    private static async Task<Recording> RecordAsync(OpenData openData, BoundExportList list, Dictionary<string, object?> variables, ExportFormat format)
    {
        var (start, failure) = await openData.Runner.StartAsync(list, variables, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
        Assert.Null(failure);
        var pages = new List<ExportPage>();
        var maxAlive = 0;

        // Watches the pages as the writer reads them: each earlier page must be disposed by the time the next arrives.
        async IAsyncEnumerable<ExportPage> Watched()
        {
            await foreach (var page in start!.Pages)
            {
                pages.Add(page);
                maxAlive = Math.Max(maxAlive, pages.Count(IsAlive));
                yield return page;
            }
        }

        var sink = new RecordingStream();
        var totals = await ExportWriter.WriteAsync(sink, format, list.Columns, Watched(), CancellationToken.None);
        return new Recording(totals.Rows, sink.Flushes, sink.Bytes, sink.MaxBetweenFlushes, maxAlive);
    }

    private static bool IsAlive(ExportPage page)
    {
        try
        {
            _ = page.Nodes.GetArrayLength();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private sealed record Recording(long Rows, int Flushes, long Bytes, long MaxBetweenFlushes, int MaxPagesAlive);

    /// <summary>A write-only stream that keeps nothing: it counts bytes, flushes and the most written between two flushes.</summary>
    private sealed class RecordingStream : Stream
    {
        private long _sinceFlush;

        public int Flushes { get; private set; }

        public long Bytes { get; private set; }

        public long MaxBetweenFlushes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Count(count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
            Flushes++;
            _sinceFlush = 0;
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flush();
            return Task.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Count(int count)
        {
            Bytes += count;
            _sinceFlush += count;
            MaxBetweenFlushes = Math.Max(MaxBetweenFlushes, _sinceFlush);
        }
    }
}
