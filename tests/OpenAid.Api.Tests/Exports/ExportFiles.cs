using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MiniExcelLibs;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Exports;

/// <summary>One cell of an XLSX sheet as its XML holds it: its type attribute (t), whether it is a formula, its value.</summary>
internal sealed record XlsxCell(string? Type, bool IsFormula, string Value);

/// <summary>Reads export files the way a reporter's tools would: an RFC 4180 CSV parser, an NDJSON reader, MiniExcel for XLSX.</summary>
internal static class ExportFiles
{
    /// <summary>Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n' or '"', $"Unquoted {(int)c} in CSV field at {i}: RFC 4180 needs it quoted.");
                field.Append(c);
            }
        }

        Assert.False(quoted, "The CSV ends inside a quoted field.");
        Assert.True(field.Length == 0 && fields.Count == 0, "The last CSV record does not end in CRLF.");
        return records;
    }

    /// <summary>The rows of a CSV export as dictionaries by column name; checks the BOM and the header.</summary>
    public static List<Dictionary<string, string>> CsvRows(byte[] body)
    {
        Assert.True(body.AsSpan().StartsWith(Encoding.UTF8.Preamble), "A CSV export starts with the UTF-8 byte order mark.");
        var records = ParseCsv(Encoding.UTF8.GetString(body.AsSpan(Encoding.UTF8.Preamble.Length)));
        var header = records[0];
        Assert.All(records, r => Assert.Equal(header.Length, r.Length));
        return [.. records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    public static List<JsonElement> NdjsonRows(string body)
    {
        Assert.True(body.Length == 0 || body.EndsWith('\n'), "Every NDJSON record ends in a line feed.");
        return [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];
    }

    /// <summary>The rows of an XLSX export read back with MiniExcel, keyed by the header row.</summary>
    public static List<IDictionary<string, object>> XlsxRows(byte[] body)
    {
        using var stream = new MemoryStream(body);
        return [.. MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()];
    }

    /// <summary>The cells of an XLSX export's sheet as its XML holds them, by header, a dictionary per row under the header row.</summary>
    public static List<Dictionary<string, XlsxCell>> XlsxCells(byte[] body)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var rows = XDocument.Load(sheet).Descendants(main + "row").Select(row => row.Elements(main + "c").ToDictionary(
            c => new string([.. ((string)c.Attribute("r")!).TakeWhile(char.IsAsciiLetter)]),
            c => new XlsxCell((string?)c.Attribute("t"), c.Element(main + "f") is not null, c.Value))).ToList();
        var header = rows[0];
        return [.. rows.Skip(1).Select(row => header.Where(h => row.ContainsKey(h.Key)).ToDictionary(h => h.Value.Value, h => row[h.Key]))];
    }

    /// <summary>All the text of a zip's entries (an XLSX), decompressed: to look for what must not be in it.</summary>
    public static string ZipText(byte[] body)
    {
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }));
    }

    /// <summary>The GraphQL field an export list runs (deliveries: pledgeDeliveries).</summary>
    public static string FieldOf(ApiServer server, string list) => new OpenAid.Api.Exports.OpenData(server.Services).Lists[list].List.Field;

    /// <summary>Every id of a GraphQL list with the given arguments, paged through 100 at a time, and its totalCount.</summary>
    public static async Task<(List<string> Ids, int TotalCount)> GraphQLIdsAsync(ApiServer server, string field, string arguments)
    {
        var ids = new List<string>();
        string? after = null;
        int total;
        var separator = arguments.Length > 0 ? ", " : "";
        do
        {
            var response = await server.PostAsync(
                $"query($after: String) {{ list: {field}({arguments}{separator}first: 100, after: $after) {{ totalCount nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new { after });
            Assert.True(response.Errors.Count == 0, response.ToString());
            var list = response.Get("data", "list");
            total = list.GetProperty("totalCount").GetInt32();
            ids.AddRange(list.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            var pageInfo = list.GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        return (ids, total);
    }

    /// <summary>A GraphQL list's totalCount with the given arguments: one request, however long the list.</summary>
    public static async Task<int> TotalCountAsync(ApiServer server, string field, string arguments)
    {
        var response = await server.PostAsync($"{{ list: {field}{(arguments.Length > 0 ? $"({arguments})" : "")} {{ totalCount }} }}");
        Assert.True(response.Errors.Count == 0, response.ToString());
        return response.Get("data", "list", "totalCount").GetInt32();
    }

    public static async Task<string> DataAsOfAsync(ApiServer server) =>
        (await server.PostAsync("{ dataAsOf }")).Get("data", "dataAsOf").GetString()!;

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    public static ContentDispositionHeaderValue? Disposition(HttpResponseMessage response) => response.Content.Headers.ContentDisposition;
}
