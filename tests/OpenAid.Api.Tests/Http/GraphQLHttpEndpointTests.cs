using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Http;

/// <summary>
/// The endpoint's answers to good and bad requests: status code, media type, and a stable extensions.code on every
/// error. The codes are written out here, not taken from constants, because they are the public contract.
/// </summary>
[Collection(SharedApiServer.Name)]
public partial class GraphQLHttpEndpointTests(ApiServer server)
{
    private const string GraphQLResponse = "application/graphql-response+json; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";

    // ---- Requests that run

    [Fact]
    public async Task Post_runs_a_query()
    {
        var response = await server.PostAsync("{ regions { totalCount } }");

        AssertOk(response, GraphQLResponse);
        Assert.Equal(JsonValueKind.Number, response.Get("data", "regions", "totalCount").ValueKind);
        Assert.Contains("Accept", response.Vary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_runs_a_query_with_variables_and_operation_name()
    {
        var response = await server.GetAsync(
            "query Other { __typename } query Regions($first: Int) { regions(first: $first) { totalCount } }",
            variables: new { first = 5 },
            operationName: "Regions");

        AssertOk(response, GraphQLResponse);
        Assert.Equal(JsonValueKind.Number, response.Get("data", "regions", "totalCount").ValueKind);
    }

    [Theory]
    [InlineData(null, Json)] // no Accept header: the spec's legacy default
    [InlineData("*/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Json)]
    [InlineData("text/html, application/*;q=0.8", Json)]
    public async Task The_response_media_type_follows_the_Accept_header(string? accept, string expected)
    {
        var response = await server.PostAsync("{ __typename }", accept: accept);

        AssertOk(response, expected);
        Assert.Equal("Query", response.Get("data", "__typename").GetString());
    }

    [Fact]
    public async Task A_request_body_with_a_charset_and_a_byte_order_mark_is_read_as_UTF8()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"query": "{ __type(name: \"Run🏃\") { name } }"}""")).ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

        var response = await server.SendAsync(request, "application/graphql-response+json");

        AssertOk(response, GraphQLResponse);
    }

    // ---- Field errors: the document ran, so 200 with data, and the resolver's code

    [Theory]
    [InlineData("""{ region(code: "4x") { name } }""", "INVALID_REGION_CODE")]
    [InlineData("""{ node(id: "garbage") { id } }""", "INVALID_ID")]
    [InlineData("""{ regions(first: 1000) { totalCount } }""", "PAGE_SIZE_EXCEEDED")]
    public async Task A_field_error_is_200_with_data_and_the_resolver_code(string query, string code)
    {
        var response = await server.PostAsync(query);

        AssertError(response, HttpStatusCode.OK, GraphQLResponse, code);
        Assert.True(response.HasData, $"A document that ran has a data entry: {response}");
    }

    // ---- The document failed: 400 without data with application/graphql-response+json, 200 with application/json

    [Fact]
    public async Task A_malformed_document_is_400_SYNTAX_ERROR()
    {
        var response = await server.PostAsync("{ regions { totalCount }");

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "SYNTAX_ERROR");
        Assert.False(response.HasData, $"A document that did not run has no data entry: {response}");
    }

    [Fact]
    public async Task A_malformed_document_is_200_for_application_json_clients()
    {
        var response = await server.PostAsync("{ regions { totalCount }", accept: "application/json");

        AssertError(response, HttpStatusCode.OK, Json, "SYNTAX_ERROR");
    }

    [Fact]
    public async Task An_unknown_field_is_400_FIELDS_ON_CORRECT_TYPE()
    {
        var response = await server.PostAsync("{ regions { totalCount } noSuchField }");

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "FIELDS_ON_CORRECT_TYPE");
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task An_unknown_field_is_200_for_application_json_clients()
    {
        var response = await server.GetAsync("{ noSuchField }", accept: "application/json");

        AssertError(response, HttpStatusCode.OK, Json, "FIELDS_ON_CORRECT_TYPE");
    }

    [Fact]
    public async Task A_variable_value_of_the_wrong_type_is_400_INVALID_VALUE()
    {
        var response = await server.PostAsync("query ($code: String!) { region(code: $code) { name } }", variables: new { code = 45 });

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "INVALID_VALUE");
    }

    [Fact]
    public async Task A_variable_declared_with_the_wrong_type_is_400_VARIABLES_IN_ALLOWED_POSITION()
    {
        var response = await server.PostAsync("query ($code: Int!) { region(code: $code) { name } }", variables: new { code = 45 });

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "VARIABLES_IN_ALLOWED_POSITION");
    }

    [Fact]
    public async Task A_query_nested_deeper_than_the_limit_is_400_COMPLEXITY()
    {
        // region > 16 x parent > name: 18 levels against a limit of 15, at a trivial complexity.
        var parents = string.Concat(Enumerable.Repeat("parent { ", 16));
        var query = $$"""{ region(code: "45") { {{parents}} name {{new string('}', 16)}} } }""";

        var response = await server.PostAsync(query);

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "COMPLEXITY");
        Assert.Contains("nested", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_over_the_complexity_limit_is_400_COMPLEXITY()
    {
        // Lists within lists multiply: 100 × 100 × 100 rows is within the depth limit and far beyond the complexity limit.
        const string query = "{ regions(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { name code } } } } } } }";

        var response = await server.PostAsync(query);

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "COMPLEXITY");
        Assert.Contains("complex", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_nested_beyond_what_the_parser_takes_is_400_DOCUMENT_TOO_DEEP()
    {
        var query = "{ regions { nodes { " + string.Concat(Enumerable.Repeat("parent { ", 300)) + "name" + new string('}', 300) + " } } }";

        var response = await server.PostAsync(query);

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "DOCUMENT_TOO_DEEP");
    }

    // ---- Malformed HTTP requests: 4xx whatever the media type

    [Theory]
    [InlineData("""{"notquery": "{ __typename }"}""")]
    [InlineData("""{"query": null}""")]
    [InlineData("""{"query": "   "}""")]
    public async Task A_missing_query_is_400_QUERY_MISSING(string body)
    {
        var response = await server.SendAsync(HttpMethod.Post, body, "application/json", accept: "application/json");

        AssertError(response, HttpStatusCode.BadRequest, Json, "QUERY_MISSING");
    }

    [Fact]
    public async Task A_GET_without_query_is_400_QUERY_MISSING()
    {
        var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?operationName=A"), GraphQLResponseMediaType);

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "QUERY_MISSING");
    }

    [Theory]
    [InlineData("""{ "query": "{ __typename }" """)]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"query": "{ __typename }", "query": "{ regions { totalCount } }"}""")]
    public async Task A_body_that_is_not_JSON_is_400_INVALID_JSON(string body)
    {
        var response = await server.SendAsync(HttpMethod.Post, body, "application/json");

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "INVALID_JSON");
    }

    [Theory]
    [InlineData("""{"query": 1}""")]
    [InlineData("""{"query": ["{ __typename }"]}""")]
    [InlineData("""{"query": "{ __typename }", "operationName": {}}""")]
    [InlineData("""{"query": "{ __typename }", "operationName": false}""")]
    [InlineData("""{"query": "{ __typename }", "extensions": "persisted"}""")]
    [InlineData("""{"query": "{ __typename }", "extensions": [1]}""")]
    [InlineData("\"{ __typename }\"")]
    public async Task A_parameter_of_the_wrong_type_is_400_INVALID_REQUEST(string body)
    {
        var response = await server.SendAsync(HttpMethod.Post, body, "application/json");

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "INVALID_REQUEST");
    }

    [Theory]
    [InlineData("""{"query": "{ __typename }", "variables": "{}"}""")]
    [InlineData("""{"query": "{ __typename }", "variables": [1, 2]}""")]
    [InlineData("""{"query": "{ __typename }", "variables": 0}""")]
    public async Task Variables_that_are_not_a_map_are_400_INVALID_VARIABLES(string body)
    {
        var response = await server.SendAsync(HttpMethod.Post, body, "application/json");

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "INVALID_VARIABLES");
    }

    [Theory]
    [InlineData("%7Bnot%20json")]
    [InlineData("%5B1%5D")]
    public async Task GET_variables_that_are_not_a_JSON_map_are_400_INVALID_VARIABLES(string variables)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7B__typename%7D&variables=" + variables);

        var response = await server.SendAsync(request, "application/json");

        AssertError(response, HttpStatusCode.BadRequest, Json, "INVALID_VARIABLES");
    }

    [Fact]
    public async Task A_GET_parameter_given_twice_is_400_INVALID_REQUEST()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7B__typename%7D&query=%7Bregions%7BtotalCount%7D%7D");

        var response = await server.SendAsync(request, GraphQLResponseMediaType);

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "INVALID_REQUEST");
    }

    [Fact]
    public async Task A_batch_is_400_BATCHING_NOT_SUPPORTED()
    {
        var response = await server.SendAsync(HttpMethod.Post, """[{"query": "{ __typename }"}, {"query": "{ __typename }"}]""", "application/json");

        AssertError(response, HttpStatusCode.BadRequest, GraphQLResponse, "BATCHING_NOT_SUPPORTED");
    }

    [Fact]
    public async Task A_body_over_the_cap_is_413_PAYLOAD_TOO_LARGE()
    {
        var body = JsonSerializer.Serialize(new { query = "{ __typename }", variables = new { padding = new string('x', 101 * 1024) } });

        var response = await server.SendAsync(HttpMethod.Post, body, "application/json");

        AssertError(response, HttpStatusCode.RequestEntityTooLarge, GraphQLResponse, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_413_PAYLOAD_TOO_LARGE()
    {
        // A stream of unknown length goes out chunked: there is no Content-Length to check up front.
        var body = new UnknownLengthStream(Encoding.UTF8.GetBytes("{\"query\": \"{ __typename }\", \"variables\": {\"padding\": \"" + new string('x', 150 * 1024) + "\"}}"));
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var response = await server.SendAsync(request, GraphQLResponseMediaType);

        AssertError(response, HttpStatusCode.RequestEntityTooLarge, GraphQLResponse, "PAYLOAD_TOO_LARGE");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_body_that_is_not_JSON_in_UTF8_is_415_UNSUPPORTED_MEDIA_TYPE(string? contentType)
    {
        var response = await server.SendAsync(HttpMethod.Post, """{"query": "{ __typename }"}""", contentType);

        AssertError(response, HttpStatusCode.UnsupportedMediaType, GraphQLResponse, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_METHOD_NOT_ALLOWED(string method)
    {
        var response = await server.SendAsync(new HttpMethod(method), """{"query": "{ __typename }"}""", "application/json");

        AssertError(response, HttpStatusCode.MethodNotAllowed, GraphQLResponse, "METHOD_NOT_ALLOWED");
        Assert.Equal("GET, POST", response.Allow);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_405_with_Allow_POST()
    {
        // Decided from the document alone, before the schema is consulted: whether or not the schema has a
        // Mutation type, a mutation never runs over GET.
        var response = await server.GetAsync("mutation { __typename }");

        AssertError(response, HttpStatusCode.MethodNotAllowed, GraphQLResponse, "METHOD_NOT_ALLOWED");
        Assert.Equal("POST", response.Allow);
    }

    [Fact]
    public async Task A_GET_selecting_the_mutation_of_a_document_is_405_and_selecting_its_query_runs()
    {
        const string document = "query Read { __typename } mutation Write { __typename }";

        var write = await server.GetAsync(document, operationName: "Write", accept: "application/json");
        var read = await server.GetAsync(document, operationName: "Read");

        AssertError(write, HttpStatusCode.MethodNotAllowed, Json, "METHOD_NOT_ALLOWED");
        AssertOk(read, GraphQLResponse);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*;q=0.5")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0")]
    public async Task An_Accept_header_without_a_JSON_type_is_406_NOT_ACCEPTABLE(string accept)
    {
        var response = await server.PostAsync("{ __typename }", accept: accept);

        AssertError(response, HttpStatusCode.NotAcceptable, Json, "NOT_ACCEPTABLE");
    }

    // ---- Helpers

    private const string GraphQLResponseMediaType = "application/graphql-response+json";

    private static void AssertOk(GraphQLResponse response, string contentType)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200: {response}");
        Assert.Equal(contentType, response.ContentType);
        Assert.True(response.Errors.Count == 0, $"Expected no errors: {response}");
        AssertNoStackTrace(response);
    }

    private static void AssertError(GraphQLResponse response, HttpStatusCode status, string contentType, string code)
    {
        Assert.True(response.StatusCode == status, $"Expected {(int)status}: {response}");
        Assert.Equal(contentType, response.ContentType);
        Assert.True(response.Errors.Count > 0, $"Expected errors: {response}");
        Assert.Equal(code, response.ErrorCodes[0]);
        Assert.All(response.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        AssertNoStackTrace(response);
    }

    private static void AssertNoStackTrace(GraphQLResponse response)
    {
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.False(ExceptionTypeName().IsMatch(response.Body), $"The body names an exception type: {response.Body}");
    }

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionTypeName();

    /// <summary>A read-only stream that hides its length, so that HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;
    }
}
