using GraphQL;
using GraphQL.Execution;
using OpenAid.Domain.Common;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// Errors raised while resolving a field. Each carries a stable <c>extensions.code</c> that clients can
/// switch on and <c>extensions.params</c>, the values its English message is made of; the message says what to do about it.
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
            : $"'{id}' in argument '{argument}' is not the ID of a {expectedType}.",
            ("id", id), ("argument", argument), ("expected", expectedType));

    public static ExecutionError InvalidRegionCode(string code, string argument) =>
        Error(InvalidRegionCodeCode, $"'{code}' in argument '{argument}' is not a statistical region code. Give 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village) digits, e.g. \"45\" or \"451021\".",
            ("code", code), ("argument", argument));

    public static ExecutionError RegionNotFound(string code, string argument) =>
        Error(RegionNotFoundCode, $"No region has the code '{code}' (argument '{argument}'). OpenAid holds Liaoning (21), Hunan (43), Guangdong (44), Guangxi (45) and Yunnan (53).",
            ("code", code), ("argument", argument));

    public static ExecutionError InvalidArgument(string argument, string message) =>
        Error(InvalidArgumentCode, $"Argument '{argument}': {message}", ("argument", argument));

    public static ExecutionError Error(string code, string message, params IEnumerable<(string Name, object? Value)> parameters) =>
        new ApiError(message, [.. parameters.Where(p => p.Value is not null).Select(p => new ErrorParameter(p.Name, ErrorParameter.Format(p.Value!)))]) { Code = code };
}

/// <summary>A top-level error with the values its message is made of, written to <c>extensions.params</c>.</summary>
public sealed class ApiError(string message, IReadOnlyList<ErrorParameter> parameters) : ExecutionError(message)
{
    public IReadOnlyList<ErrorParameter> Parameters { get; } = parameters;
}

/// <summary>
/// Gives every top-level error <c>extensions.params</c> next to <c>extensions.code</c>, the same
/// <c>[{name, value}]</c> list as a payload error's <c>params</c> (empty when the error has none, e.g. GraphQL.NET's own).
/// </summary>
public sealed class ParameterizedErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var parameters = executionError is ApiError api ? api.Parameters : [];
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions["params"] = Wire(parameters);
        return new ErrorInfo { Message = info.Message, Extensions = extensions };
    }

    /// <summary>The JSON form of parameters: objects with "name" and "value", as in the schema's ErrorParameter.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Wire(IEnumerable<ErrorParameter> parameters) =>
        [.. parameters.Select(p => new Dictionary<string, string> { ["name"] = p.Name, ["value"] = p.Value })];
}
