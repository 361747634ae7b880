using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Api.Tests.SignIn;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// Whatever bytes arrive, the answer is never a 5xx and never shows a stack trace: each hostile request below gets the
/// status and stable extensions.code written next to it (200 where the request is odd but valid). Run against the
/// test host and against one in Production, where an unhandled exception would be a bare 500.
/// </summary>
public abstract class HostileInputTests(ApiServer server)
{
    /// <summary>A hostile request and what it must get: the status and, for an error, the first error's code.</summary>
    private sealed record Hostile(Func<HttpRequestMessage> Request, HttpStatusCode Status, string? Code);

    private const string Accept = "application/graphql-response+json";
    private static readonly string TwoToThe70 = "1180591620717411303424";

    private static readonly Dictionary<string, Hostile> Cases = new()
    {
        // ---- Encodings
        ["invalid UTF-8 in the query"] = Post(Bytes("{\"query\":\"{ __typename \u00FF }\"}"), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["invalid UTF-8 in a variable"] = Post(Bytes("{\"query\":\"query($s: String) { notices(search: $s) { totalCount } }\",\"variables\":{\"s\":\"\u00C3\u0028\"}}"), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["invalid UTF-8 in a property name"] = Post(Bytes("{\"qu\u00FFery\":\"{ __typename }\"}"), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["overlong UTF-8"] = Post(Bytes("{\"query\":\"{ __typename \u00C0\u00AF }\"}"), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["a lone surrogate escaped in the query"] = Post("""{"query":"{ __typename } # \ud800"}""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["a lone surrogate escaped in a variable"] = Post("""{"query":"query($s: String) { notices(search: $s) { totalCount } }","variables":{"s":"\udc00"}}""", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["UTF-16 with a byte order mark"] = Post([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("""{"query":"{ __typename }"}""")], HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["UTF-16 without a byte order mark"] = Post(Encoding.Unicode.GetBytes("""{"query":"{ __typename }"}"""), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["UTF-16 big-endian with a byte order mark"] = Post([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("""{"query":"{ __typename }"}""")], HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["UTF-32 with a byte order mark"] = Post([0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes("""{"query":"{ __typename }"}""")], HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["charset=utf-16"] = Post(Encoding.Unicode.GetBytes("""{"query":"{ __typename }"}"""), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/json; charset=utf-16"),
        ["charset=latin1"] = Post(Encoding.Latin1.GetBytes("""{"query":"{ notices(search: \"é\") { totalCount } }"}"""), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/json; charset=latin1"),
        ["charset=iso-8859-1"] = Post("""{"query":"{ __typename }"}""", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/json; charset=iso-8859-1"),
        ["a charset without a value"] = Post("""{"query":"{ __typename }"}""", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/json; charset="),
        ["a raw NUL byte"] = Post(Bytes("{\"query\":\"{ __typename \0 }\"}"), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["an escaped NUL in the query"] = Post("""{"query":"{ __typename \u0000 }"}""", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["an escaped NUL in a variable"] = Post("""{"query":"query($s: String) { notices(search: $s) { totalCount } }","variables":{"s":"a\u0000b"}}""", HttpStatusCode.OK, null),
        ["a byte order mark inside the body"] = Post(Bytes("{\"query\":\"{ __typename }\"}\u00EF\u00BB\u00BF"), HttpStatusCode.BadRequest, "INVALID_JSON"),

        // ---- Malformed and ambiguous JSON
        ["truncated JSON"] = Post("""{"query": "{ __typ""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["truncated after a key"] = Post("""{"query":""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["only white space"] = Post("  \r\n\t ", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["an empty body"] = Post("", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["two JSON values"] = Post("""{"query":"{ __typename }"} {"query":"{ __typename }"}""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["comments in JSON"] = Post("""{"query":"{ __typename }" /* hi */}""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["a trailing comma"] = Post("""{"query":"{ __typename }",}""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["single quotes"] = Post("{'query':'{ __typename }'}", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["JSON nested 10,000 deep"] = Post(new string('[', 10_000) + new string(']', 10_000), HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["variables nested 10,000 deep"] = Post("""{"query":"{ __typename }","variables":{"a":""" + new string('[', 10_000) + new string(']', 10_000) + "}}", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["variables nested 60 deep"] = Post("""{"query":"query($s: String) { notices(search: $s) { totalCount } }","variables":{"s":""" + string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "1" + new string('}', 60) + "}}", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["a duplicate key"] = Post("""{"query":"{ __typename }","query":"{ __typename }"}""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["a duplicate key in variables"] = Post("""{"query":"query($y: Int) { notices(year: $y) { totalCount } }","variables":{"y":1,"y":2}}""", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["a key differing only in case"] = Post("""{"Query":"{ __typename }"}""", HttpStatusCode.BadRequest, "QUERY_MISSING"),
        ["query is a number"] = Post("""{"query":1e999999}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["query is an array"] = Post("""{"query":["{ __typename }"]}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["query is an object"] = Post("""{"query":{"kind":"Document"}}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["query is true"] = Post("""{"query":true}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["the body is a string"] = Post("\"{ __typename }\"", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["the body is null"] = Post("null", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["the body is a huge number"] = Post("1e999999", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["an empty batch"] = Post("[]", HttpStatusCode.BadRequest, "BATCHING_NOT_SUPPORTED"),
        ["variables is the string null"] = Post("""{"query":"{ __typename }","variables":"null"}""", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["variables is a string of JSON"] = Post("""{"query":"{ __typename }","variables":"{\"a\":1}"}""", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["variables is false"] = Post("""{"query":"{ __typename }","variables":false}""", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["extensions is a number"] = Post("""{"query":"{ __typename }","extensions":1e999999}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["operationName is a number"] = Post("""{"query":"{ __typename }","operationName":12}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["an unknown operationName"] = Post("""{"query":"query A { __typename }","operationName":"B"}""", HttpStatusCode.BadRequest, null),
        ["documentId is an object"] = Post("""{"documentId":{"sha256":"x"}}""", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["documentId is garbage"] = Post("""{"documentId":"md5:\u0000../../etc/passwd"}""", HttpStatusCode.BadRequest, null),
        ["documentId is long"] = Post("""{"documentId":"sha256:""" + new string('f', 50_000) + "\"}", HttpStatusCode.BadRequest, null),
        ["a persisted query extension of the wrong shape"] = Post("""{"query":"{ __typename }","extensions":{"persistedQuery":{"version":"x","sha256Hash":[1]}}}""", HttpStatusCode.OK, null),

        // ---- Numbers
        ["1e999999 for an Int variable"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", """{"y":1e999999}""", "INVALID_VALUE"),
        ["-1e999999 for an Int variable"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", """{"y":-1e999999}""", "INVALID_VALUE"),
        ["2^70 for an Int variable"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", "{\"y\":" + TwoToThe70 + "}", "INVALID_VALUE"),
        ["1e999999 for a String variable"] = Variables("query($s: String) { notices(search: $s) { totalCount } }", """{"s":1e999999}""", "INVALID_VALUE"),
        ["1e-999999 for an Int variable"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", """{"y":1e-999999}""", "INVALID_VALUE"),
        ["a number with 10,000 digits"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", "{\"y\":" + new string('9', 10_000) + "}", "INVALID_VALUE"),
        ["2^70 for an unused variable"] = Variables("{ __typename }", "{\"n\":" + TwoToThe70 + "}", null),
        ["1e999999 for an unused variable"] = Variables("{ __typename }", """{"n":1e999999}""", null),
        ["the largest Int for a year"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", """{"y":2147483647}""", null),
        ["the smallest Int for a year"] = Variables("query($y: Int) { notices(year: $y) { totalCount } }", """{"y":-2147483648}""", null),
        // A field error: the document ran, so 200 with data null and the resolver's code.
        ["the largest Int for first"] = Post("""{"query":"query($n: Int) { notices(first: $n) { totalCount } }","variables":{"n":2147483647}}""", HttpStatusCode.OK, "PAGE_SIZE_EXCEEDED"),
        ["1e999999 as a literal"] = Post("""{"query":"{ notices(year: 1e999999) { totalCount } }"}""", HttpStatusCode.BadRequest, "ARGUMENTS_OF_CORRECT_TYPE"),
        ["2^70 as a literal"] = Post("{\"query\":\"{ notices(year: " + TwoToThe70 + ") { totalCount } }\"}", HttpStatusCode.BadRequest, "ARGUMENTS_OF_CORRECT_TYPE"),
        ["2^70 as a literal for first"] = Post("{\"query\":\"{ notices(first: " + TwoToThe70 + ") { totalCount } }\"}", HttpStatusCode.BadRequest, "ARGUMENTS_OF_CORRECT_TYPE"),
        ["2^70 as a literal default value"] = Post("{\"query\":\"query($y: Int = " + TwoToThe70 + ") { notices(year: $y) { totalCount } }\"}", HttpStatusCode.BadRequest, "DEFAULT_VALUES_OF_CORRECT_TYPE"),
        ["the largest Int as a literal year"] = Post("""{"query":"{ notices(year: 2147483647) { totalCount } }"}""", HttpStatusCode.OK, null),
        ["a far date"] = Variables("query($d: DateOnly) { notices(from: $d, to: $d) { totalCount } }", """{"d":"9999-12-31"}""", null),
        ["a date past the calendar"] = Variables("query($d: DateOnly) { notices(from: $d) { totalCount } }", """{"d":"10000-01-01"}""", "INVALID_VALUE"),
        ["a date as a huge number"] = Variables("query($d: DateOnly) { notices(from: $d) { totalCount } }", """{"d":1e999999}""", "INVALID_VALUE"),

        // ---- GraphQL documents
        ["a list literal nested 5,000 deep"] = Post("{\"query\":\"{ notices(search: " + new string('[', 5_000) + new string(']', 5_000) + ") { totalCount } }\"}", HttpStatusCode.BadRequest, "DOCUMENT_TOO_DEEP"),
        ["an object literal nested 5,000 deep"] = Post("{\"query\":\"{ notices(search: " + string.Concat(Enumerable.Repeat("{a:", 5_000)) + "1" + new string('}', 5_000) + ") { totalCount } }\"}", HttpStatusCode.BadRequest, "DOCUMENT_TOO_DEEP"),
        ["a document of 99 KB of braces"] = Post("{\"query\":\"" + new string('{', 99_000) + "\"}", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["an unterminated string in the document"] = Post("""{"query":"{ notices(search: \"abc) { totalCount } }"}""", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["a block string never closed"] = Post("{\"query\":\"{ notices(search: \\\"\\\"\\\"abc) { totalCount } }\"}", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["a unicode escape out of range in the document"] = Post("""{"query":"{ notices(search: \"\\u{110000}\") { totalCount } }"}""", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["a lone surrogate escaped in the document"] = Post("""{"query":"{ notices(search: \"\\ud800\") { totalCount } }"}""", HttpStatusCode.OK, null),
        ["a thousand aliases"] = Post("{\"query\":\"{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"a{i}: __typename ")) + "}\"}", HttpStatusCode.BadRequest, "TOO_MANY_ALIASES"),
        ["fragments spread in a cycle"] = Post("{\"query\":\"{ ...F0 } " + string.Concat(Enumerable.Range(0, 200).Select(i => $"fragment F{i} on Query {{ ...F{(i + 1) % 200} }} ")) + "\"}", HttpStatusCode.BadRequest, "NO_FRAGMENT_CYCLES"),
        ["a directive on every field"] = Post("{\"query\":\"{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 500)) + "}\"}", HttpStatusCode.BadRequest, "UNIQUE_DIRECTIVES_PER_LOCATION"),

        // ---- Sizes and media types
        ["a body over the cap"] = Post("{\"query\":\"{ __typename }\",\"variables\":{\"s\":\"" + new string('a', 200_000) + "\"}}", HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"),
        ["a string of 90 KB of escapes"] = Variables("query($s: String) { notices(search: $s) { totalCount } }", "{\"s\":\"" + string.Concat(Enumerable.Repeat("\\u4e2d", 15_000)) + "\"}", null),
        ["text/plain"] = Post("""{"query":"{ __typename }"}""", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "text/plain"),
        ["application/graphql"] = Post("{ __typename }", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/graphql"),
        ["a form"] = Post("query=%7B__typename%7D", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/x-www-form-urlencoded"),
        ["multipart"] = new(() => new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new MultipartFormDataContent { { new StringContent("""{"query":"{ __typename }"}"""), "operations" }, { new ByteArrayContent([1, 2, 3]), "0", "a.bin" } },
        }, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
        ["a garbage Content-Type"] = Post("""{"query":"{ __typename }"}""", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", ";;;=\"\\"),
        ["application/json-seq"] = Post("""{"query":"{ __typename }"}""", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "application/json-seq"),
        ["no Content-Type"] = Post("""{"query":"{ __typename }"}""", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", contentType: null),
        ["gzip content encoding"] = new(() =>
        {
            var request = PostRequest(Gzip("""{"query":"{ __typename }"}"""), "application/json");
            request.Content!.Headers.ContentEncoding.Add("gzip");
            return request;
        }, HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["a gzip bomb"] = new(() =>
        {
            var request = PostRequest(Gzip(new string(' ', 20_000_000)), "application/json");
            request.Content!.Headers.ContentEncoding.Add("gzip");
            return request;
        }, HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["an odd Accept header"] = new(() =>
        {
            var request = PostRequest(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}"""), "application/json");
            request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json;q=1e999999, */*;q=NaN, ;;;");
            return request;
        }, HttpStatusCode.OK, null),
        ["an odd method"] = new(() => new HttpRequestMessage(new HttpMethod("PROPFIND"), "graphql"), HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"),

        // ---- GET
        ["GET with a broken percent escape"] = Get("graphql?query=%ZZ%7B", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["GET with invalid UTF-8 escaped"] = Get("graphql?query=%7B__typename%FF%7D", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["GET with invalid UTF-8 in variables"] = Get("graphql?query=query(%24s%3AString)%7Bnotices(search%3A%24s)%7BtotalCount%7D%7D&variables=%7B%22s%22%3A%22%C3%28%22%7D", HttpStatusCode.OK, null),
        ["GET with an escaped NUL"] = Get("graphql?query=%7B__typename%00%7D", HttpStatusCode.BadRequest, "SYNTAX_ERROR"),
        ["GET with only separators"] = Get("graphql?&&&=&=", HttpStatusCode.BadRequest, "QUERY_MISSING"),
        ["GET with query[]"] = Get("graphql?query[]=%7B__typename%7D", HttpStatusCode.BadRequest, "QUERY_MISSING"),
        ["GET with variables=null"] = Get("graphql?query=%7B__typename%7D&variables=null", HttpStatusCode.OK, null),
        ["GET with variables as the string null"] = Get("graphql?query=%7B__typename%7D&variables=%22null%22", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["GET with variables 1e999999"] = Get("graphql?query=%7B__typename%7D&variables=1e999999", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["GET with a huge number in variables"] = Get("graphql?query=query(%24y%3AInt)%7Bnotices(year%3A%24y)%7BtotalCount%7D%7D&variables=%7B%22y%22%3A1e999999%7D", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["GET with deep variables"] = Get("graphql?query=%7B__typename%7D&variables=%7B%22a%22%3A" + string.Concat(Enumerable.Repeat("%5B", 1000)) + string.Concat(Enumerable.Repeat("%5D", 1000)) + "%7D", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["GET with duplicate keys in variables"] = Get("graphql?query=%7B__typename%7D&variables=%7B%22a%22%3A1%2C%22a%22%3A2%7D", HttpStatusCode.BadRequest, "INVALID_VARIABLES"),
        ["GET with extensions as a string"] = Get("graphql?query=%7B__typename%7D&extensions=%22x%22", HttpStatusCode.BadRequest, "INVALID_REQUEST"),
        ["GET with an odd documentId"] = Get("graphql?documentId=%00%FF", HttpStatusCode.BadRequest, null),
        ["GET with a query of 7 KB"] = Get("graphql?query=" + Uri.EscapeDataString("{ " + string.Concat(Enumerable.Repeat("__typename ", 600)) + "}"), HttpStatusCode.BadRequest, "TOO_MANY_ROOT_FIELDS"),

        // ---- Exports
        ["an export with a year past Int"] = Get("export/notices.csv?year=99999999999", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["an export with the largest Int year"] = Get("export/notices.csv?year=2147483647", HttpStatusCode.OK, null),
        ["an export with the smallest Int year"] = Get("export/funds.ndjson?year=-2147483648", HttpStatusCode.OK, null),
        ["an export with year 1e999999"] = Get("export/notices.csv?year=1e999999", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["an export with a far date"] = Get("export/notices.csv?from=0001-01-01&to=9999-12-31", HttpStatusCode.OK, null),
        ["an export with a date past the calendar"] = Get("export/transactions.csv?from=99999-01-01", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["an export with a date of nonsense"] = Get("export/transactions.csv?to=2020-13-45", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["an export with NUL in a filter"] = Get("export/notices.csv?region=%00", HttpStatusCode.BadRequest, "INVALID_REGION_CODE"),
        ["an export with a region of 5,000 digits"] = Get("export/notices.ndjson?region=" + new string('4', 5_000), HttpStatusCode.BadRequest, "INVALID_REGION_CODE"),
        ["an export with invalid UTF-8 in search"] = Get("export/notices.csv?search=%FF%FE", HttpStatusCode.OK, null),
        ["an export with a search of 6 KB"] = Get("export/notices.csv?search=" + new string('a', 6_000), HttpStatusCode.BadRequest, "INVALID_ARGUMENT"),
        ["an export with an unknown enum"] = Get("export/notices.csv?kind=%3Cscript%3E", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["an export with a Boolean of nonsense"] = Get("export/notices.csv?late=maybe", HttpStatusCode.BadRequest, "INVALID_VALUE"),
        ["an export with a filter given twice"] = Get("export/notices.csv?year=2019&year=2020", HttpStatusCode.BadRequest, "INVALID_ARGUMENT"),
        ["an export with an unknown filter"] = Get("export/notices.csv?%00=1", HttpStatusCode.BadRequest, "INVALID_ARGUMENT"),
        ["an export with first"] = Get("export/notices.csv?first=2147483647", HttpStatusCode.BadRequest, "INVALID_ARGUMENT"),
        ["an export after a garbage cursor"] = Get("export/notices.csv?after=%FF%00garbage", HttpStatusCode.BadRequest, "INVALID_CURSOR"),
        ["the changes feed after a negative sequence"] = Get("export/changes.ndjson?after=-5", HttpStatusCode.BadRequest, "INVALID_CURSOR"),
        ["the changes feed after a sequence past Long"] = Get("export/changes.ndjson?after=9223372036854775808", HttpStatusCode.BadRequest, "INVALID_CURSOR"),
        ["the changes feed after 1e999999"] = Get("export/changes.ndjson?after=1e999999", HttpStatusCode.BadRequest, "INVALID_CURSOR"),
        ["the changes feed after the largest Long"] = Get("export/changes.ndjson?after=9223372036854775807", HttpStatusCode.OK, null),
        // Kestrel refuses a NUL in the path before the application sees it: a bare 400.
        ["an export of no list"] = Get("export/%00.csv", HttpStatusCode.BadRequest, null),
        ["an export of an unknown format"] = Get("export/notices.xls", HttpStatusCode.NotFound, "EXPORT_NOT_FOUND"),
        ["an export with two extensions"] = Get("export/notices.csv.csv", HttpStatusCode.NotFound, "EXPORT_NOT_FOUND"),
        ["an export path that climbs"] = Get("export/..%2F..%2Fappsettings.json", HttpStatusCode.NotFound, "EXPORT_NOT_FOUND"),
        ["an export posted"] = new(() => new HttpRequestMessage(HttpMethod.Post, "export/notices.csv") { Content = new StringContent("x") }, HttpStatusCode.NotFound, null),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_request_gets_its_4xx_and_code_and_never_a_5xx_or_a_stack_trace(string name)
    {
        var expected = Cases[name];
        using var request = expected.Request();
        if (!request.Headers.Contains("Accept"))
        {
            request.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.True(expected.Status == response.StatusCode, $"{name}: expected {(int)expected.Status}, got {(int)response.StatusCode} {body}");
        var codes = ErrorCodes(body);
        if (expected.Code is not null)
        {
            Assert.True(codes.FirstOrDefault() == expected.Code, $"{name}: expected {expected.Code}, got {body}");
        }
        else if ((int)expected.Status >= 400 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            // An error without a code written here still carries one.
            Assert.True(codes.Count > 0 && codes.All(c => !string.IsNullOrEmpty(c)), $"{name}: {body}");
        }
    }

    [Fact]
    public async Task A_URL_longer_than_Kestrel_takes_is_414_not_a_5xx()
    {
        using var response = await server.Client.GetAsync("graphql?query=" + new string('a', 20_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Headers_larger_than_Kestrel_takes_are_431_not_a_5xx()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7B__typename%7D");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 40_000));

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_broken_chunked_body_is_400_BAD_REQUEST()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseUri.Host, server.BaseUri.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
            "ZZ\r\n{\"query\":\"{ __typename }\"}\r\n0\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"BAD_REQUEST\"", response, StringComparison.Ordinal);
    }

    private static List<string?> ErrorCodes(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors)
                ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Bytes exactly as written: each char below 256 is one byte, so "\u00FF" is the byte 0xFF.</summary>
    private static byte[] Bytes(string text) => [.. text.Select(c => checked((byte)c))];

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static HttpRequestMessage PostRequest(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
    }

    private static Hostile Post(byte[] body, HttpStatusCode status, string? code, string? contentType = "application/json") =>
        new(() => PostRequest(body, contentType), status, code);

    private static Hostile Post(string body, HttpStatusCode status, string? code, string? contentType = "application/json") =>
        Post(Encoding.UTF8.GetBytes(body), status, code, contentType);

    private static Hostile Variables(string query, string variablesJson, string? code) =>
        Post("{\"query\":" + JsonSerializer.Serialize(query) + ",\"variables\":" + variablesJson + "}", code is null ? HttpStatusCode.OK : HttpStatusCode.BadRequest, code);

    private static Hostile Get(string uri, HttpStatusCode status, string? code) =>
        new(() => new HttpRequestMessage(HttpMethod.Get, uri), status, code);
}

/// <summary>The table against the test host.</summary>
[Collection(SharedApiServer.Name)]
public sealed class HostileInputOnTheTestHostTests(ApiServer server) : HostileInputTests(server);

/// <summary>The table against a host in Production, where nothing would print a developer's error page but a 500 stays a 500.</summary>
public sealed class HostileInputInProductionTests(ProductionApiServer server) : HostileInputTests(server), IClassFixture<ProductionApiServer>;
