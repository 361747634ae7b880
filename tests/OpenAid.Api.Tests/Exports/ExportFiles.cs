using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Exports;

/// <summary>Reads export files the way a reporter's tools would: an RFC 4180 CSV parser and an NDJSON reader.</summary>
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
