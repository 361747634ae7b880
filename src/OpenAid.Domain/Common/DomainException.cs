namespace OpenAid.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable and machine-readable, one of
/// <see cref="Errors"/>; <see cref="Field"/> names the input field at fault, when there is one.
/// </summary>
public sealed class DomainException(ErrorCode error, string message, string? field = null) : Exception(message)
{
    public ErrorCode Error { get; } = error;

    public string Code => Error.Code;

    public string? Field { get; } = field;
}
