using System.Security.Cryptography;
using OpenAid.Data.Audit;

namespace OpenAid.Data.Tests.Audit;

/// <summary>
/// The checkpoint message pinned to vectors computed with Python's hashlib from FORMAT.md, and the verifier's trust
/// rules over published forms: first-use trust, rotations, retired and unknown keys, and earlier checkpoints.
/// </summary>
public sealed class CheckpointVerifierTests : IDisposable
{
    private const string At = "2026-12-02T01:00:00.0000000+00:00";

    private readonly ECDsa _k1 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _k2 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    // A chain of 30 entries whose hash at n is "n" padded; what matters here is only whether it matches.
    private static string HashOf(long n) => n.ToString("D64", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _k1.Dispose();
        _k2.Dispose();
    }

    [Theory]
    [InlineData(null, "37ee59aa82ca4f6d5180774e0fdbe29e8b187bb6c279101e2bb9391cbb5984c5")]
    [InlineData("fedcba9876543210", "75882f41b06fc64a3135490ac7afe8f6005e6d859f3f701345269e590420510d")]
    public void The_checkpoint_message_matches_the_published_vectors(string? nextKeyId, string sha256)
    {
        var message = AuditSignatures.Message(1, "bca895d8ea194b05cd0f5c6da70ced257b8454ebfb77c125fd3b669a4c9e8375", At, "0123456789abcdef", nextKeyId);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(message)));
    }

    [Fact]
    public void A_rotated_chain_verifies_trusting_the_first_key_on_first_use()
    {
        var result = Verify([Sign(_k1, 10), Sign(_k1, 20, next: _k2), Sign(_k2, 30)]);

        Assert.Null(result.Problem);
        Assert.Equal(3, result.CheckpointsChecked);
        Assert.Equal(30, result.LastCheckpoint?.Sequence);
        Assert.Equal(Id(_k1), result.TrustedOnFirstUse);
    }

    [Fact]
    public void A_retired_key_that_signs_after_its_rotation_is_UNTRUSTED_KEY()
    {
        var result = Verify([Sign(_k1, 10, next: _k2), Sign(_k1, 20)]);

        Assert.Equal((CheckpointVerifier.UntrustedKey, 20L), (result.Problem?.Code, result.Problem?.Sequence));
    }

    [Fact]
    public void A_key_no_rotation_introduced_is_UNTRUSTED_KEY_and_one_not_published_too()
    {
        Assert.Equal(CheckpointVerifier.UntrustedKey, Verify([Sign(_k1, 10), Sign(_k2, 20)]).Problem?.Code);
        var unpublished = CheckpointVerifier.Verify([Sign(_k1, 10)], Keys(_k2), HashOf, 30);
        Assert.Equal(CheckpointVerifier.UntrustedKey, unpublished.Problem?.Code);
        Assert.Contains("not published", unpublished.Problem?.Message, StringComparison.Ordinal);

        // Pinning the second key: a chain whose checkpoints the first signed is not trusted.
        var pinned = CheckpointVerifier.Verify([Sign(_k1, 10)], Keys(_k1, _k2), HashOf, 30, new CheckpointTrust(TrustedKeys: Keys(_k2).Keys));
        Assert.Equal((CheckpointVerifier.UntrustedKey, 10L), (pinned.Problem?.Code, pinned.Problem?.Sequence));
        Assert.Null(pinned.TrustedOnFirstUse);
    }

    [Fact]
    public void A_changed_checkpoint_is_BAD_SIGNATURE_and_one_over_other_entries_TRUNCATED_or_CHECKPOINT_MISMATCH()
    {
        Assert.Equal(CheckpointVerifier.BadSignature, Verify([Sign(_k1, 10) with { At = "2026-12-02T02:00:00.0000000+00:00" }]).Problem?.Code);
        Assert.Equal(CheckpointVerifier.BadSignature, Verify([Sign(_k1, 10) with { Signature = "not base64" }]).Problem?.Code);
        Assert.Equal((CheckpointVerifier.Truncated, 31L), Problem(Verify([Sign(_k1, 10), Sign(_k1, 31)])));
        Assert.Equal((CheckpointVerifier.CheckpointMismatch, 10L), Problem(Verify([Sign(_k1, 10, head: new string('e', 64))])));
    }

    [Fact]
    public void Earlier_checkpoints_must_be_extended_REWRITTEN_or_TRUNCATED_otherwise()
    {
        var published = new List<PublishedCheckpoint> { Sign(_k1, 10), Sign(_k1, 20) };
        Assert.Null(Verify(published, earlier: [published[0]]).Problem);

        var before = Sign(_k1, 20, head: new string('e', 64));
        var rewritten = Verify(published, earlier: [published[0], before]);
        Assert.Equal((CheckpointVerifier.Rewritten, 20L), Problem(rewritten));
        Assert.Contains("after #10 and up to #20", rewritten.Problem?.Message, StringComparison.Ordinal);

        Assert.Equal((CheckpointVerifier.Truncated, 40L), Problem(Verify(published, earlier: [Sign(_k1, 40)])));
        // The chain still has the head, but the checkpoint itself is gone from what is published.
        Assert.Equal((CheckpointVerifier.Rewritten, 15L), Problem(Verify(published, earlier: [Sign(_k1, 15)])));
    }

    private static (string?, long?) Problem(CheckpointVerification result) => (result.Problem?.Code, result.Problem?.Sequence);

    private CheckpointVerification Verify(IReadOnlyList<PublishedCheckpoint> checkpoints, IReadOnlyList<PublishedCheckpoint>? earlier = null) =>
        CheckpointVerifier.Verify(checkpoints, Keys(_k1, _k2), HashOf, 30, new CheckpointTrust(Earlier: earlier));

    private static AuditKeySet Keys(params ECDsa[] keys) =>
        new(AuditSignatures.Algorithm, Id(keys[^1]), [.. keys.Select(k => new AuditPublicKey(Id(k), Convert.ToBase64String(k.ExportSubjectPublicKeyInfo()), k.ExportSubjectPublicKeyInfoPem(), At))]);

    private static string Id(ECDsa key) => AuditSignatures.KeyId(key.ExportSubjectPublicKeyInfo());

    private static PublishedCheckpoint Sign(ECDsa key, long sequence, ECDsa? next = null, string? head = null)
    {
        var unsigned = new PublishedCheckpoint(sequence, head ?? HashOf(sequence), At, Id(key), next is null ? null : Id(next), "");
        return unsigned with { Signature = AuditSignatures.Sign(key, unsigned.Message()) };
    }
}
