using GraphQL;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// Errors raised while resolving a field. Each carries a stable <c>extensions.code</c> that clients can
/// switch on; the message says what to do about it.
/// </summary>
public static class ApiErrors
{
    public const string InvalidIdCode = "INVALID_ID";
    public const string InvalidRegionCodeCode = "INVALID_REGION_CODE";
    public const string RegionNotFoundCode = "REGION_NOT_FOUND";
    public const string InvalidCursorCode = "INVALID_CURSOR";
    public const string PageSizeCode = "PAGE_SIZE_EXCEEDED";
    public const string InvalidArgumentCode = "INVALID_ARGUMENT";
    public const string UnauthenticatedCode = "UNAUTHENTICATED";
    public const string ForbiddenCode = "FORBIDDEN";

    public static ExecutionError InvalidId(string id, string argument, string? expectedType = null) =>
        Error(InvalidIdCode, expectedType is null
            ? $"'{id}' in argument '{argument}' is not an OpenAid ID. Use the 'id' field of a record."
            : $"'{id}' in argument '{argument}' is not the ID of a {expectedType}.");

    public static ExecutionError InvalidRegionCode(string code, string argument) =>
        Error(InvalidRegionCodeCode, $"'{code}' in argument '{argument}' is not a statistical region code. Give 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village) digits, e.g. \"45\" or \"451021\".");

    public static ExecutionError RegionNotFound(string code, string argument) =>
        Error(RegionNotFoundCode, $"No region has the code '{code}' (argument '{argument}'). OpenAid holds Liaoning (21), Hunan (43), Guangdong (44), Guangxi (45) and Yunnan (53).");

    public static ExecutionError InvalidArgument(string argument, string message) =>
        Error(InvalidArgumentCode, $"Argument '{argument}': {message}");

    public static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
