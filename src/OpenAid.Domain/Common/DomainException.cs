namespace OpenAid.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable and machine-readable;
/// <see cref="Field"/> names the input field at fault, when there is one.
/// </summary>
public sealed class DomainException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
