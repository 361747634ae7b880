namespace OpenAid.Domain.Audit;

/// <summary>
/// A signed statement that the audit chain had <see cref="Head"/> as the hash of entry <see cref="Sequence"/> at
/// <see cref="At"/> (FORMAT.md, Checkpoints): once published, removing or rewriting entries up to it is caught.
/// A rotation (<see cref="NextKeyId"/> set) is signed by the old key and introduces the next one; it may share its
/// sequence with an ordinary checkpoint, so the key is (Sequence, IsRotation).
/// </summary>
public class AuditCheckpoint
{
    public long Sequence { get; set; }

    /// <summary>True for a rotation checkpoint; stored so that one sequence holds at most one of each kind.</summary>
    public bool IsRotation { get; set; }

    public required string Head { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The signing key: the first 16 hex chars of SHA-256 of its SubjectPublicKeyInfo.</summary>
    public required string KeyId { get; set; }

    /// <summary>On a rotation, the key that signs the checkpoints after this one.</summary>
    public string? NextKeyId { get; set; }

    /// <summary>ECDSA P-256 over SHA-256 of the checkpoint message, IEEE P1363 r‖s, base64.</summary>
    public required string Signature { get; set; }
}
