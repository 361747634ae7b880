namespace OpenAid.Api.Http;

/// <summary>
/// <c>extensions.code</c> of errors raised by the HTTP layer, before a GraphQL document runs. Clients switch on these,
/// so they never change. Errors from GraphQL.NET keep its own codes, derived from its error types, e.g.
/// <c>SYNTAX_ERROR</c> (malformed document), <c>FIELDS_ON_CORRECT_TYPE</c> (unknown field), <c>INVALID_VALUE</c> and
/// <c>VARIABLES_IN_ALLOWED_POSITION</c> (variable of the wrong type), <c>COMPLEXITY</c> (depth or price over the
/// limits in GraphQLSetup and GraphQLLimits, priced by QueryCost); resolvers use the codes in ApiErrors.
/// </summary>
public static class HttpErrorCodes
{
    /// <summary>405: a method other than GET or POST, or a mutation sent with GET.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>406: the Accept header allows neither application/graphql-response+json nor application/json.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>415: a POST body that is not application/json in UTF-8, or has no Content-Type.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>413: a POST body over <see cref="GraphQLHttpEndpoint.MaxRequestBodyBytes"/>.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>400: the body is empty or not JSON.</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>400: the body is not a JSON object, or a parameter has the wrong type or is given twice.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>400: no <c>query</c> parameter, or an empty one. The same code GraphQL.NET uses for this case.</summary>
    public const string QueryMissing = "QUERY_MISSING";

    /// <summary>400: <c>variables</c> is not a JSON object (in GET: not a JSON object once URL-decoded).</summary>
    public const string InvalidVariables = "INVALID_VARIABLES";

    /// <summary>400: the body is a JSON array of requests; see GraphQLHttpEndpoint for why batches are refused.</summary>
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";

    /// <summary>429: over the rate limit (RateLimitMiddleware); extensions also carry limit, windowSeconds and retryAfterSeconds.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>400: the document nests deeper than the parser allows, long before the depth limit is even measured.</summary>
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";

    /// <summary>400: Kestrel found the request malformed while the application read it (e.g. a broken chunked body).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>500: a fault on our side, never the input's (Http/ExceptionGuard); the details are in the log only.</summary>
    public const string InternalError = "INTERNAL_SERVER_ERROR";

    /// <summary>400: the document selects more fields, its fragments expanded, than GraphQLLimits.MaxFields; checked before validation.</summary>
    public const string TooManyFields = "TOO_MANY_FIELDS";

    /// <summary>400: an operation has more aliased fields than GraphQLLimits.MaxAliases.</summary>
    public const string TooManyAliases = "TOO_MANY_ALIASES";

    /// <summary>400: an operation has more root fields than GraphQLLimits.MaxRootFields.</summary>
    public const string TooManyRootFields = "TOO_MANY_ROOT_FIELDS";

    /// <summary>
    /// 503: the request ran out of its time budget (GraphQLLimits.RequestTimeoutMilliseconds). The code is GraphQL.NET's
    /// own (TimeoutError), used also when the budget runs out before execution starts.
    /// </summary>
    public const string Timeout = "TIMEOUT";
}
