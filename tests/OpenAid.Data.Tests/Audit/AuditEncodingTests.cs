using OpenAid.Data.Audit;

namespace OpenAid.Data.Tests.Audit;

/// <summary>
/// Pins the v2 encoding to vectors computed independently (Python's hashlib and hmac over FORMAT.md's definitions),
/// so that a verifier written in another language can check itself against the same numbers.
/// </summary>
public class AuditEncodingTests
{
    private const string Seed = "0000000000000000000000000000000000000000000000000000000000000001";

    [Theory]
    [InlineData("after.Title", "扶贫资金公告", "2e2a287caf1a10b575650f2398765e47", "bfcf1d5de6951190ca393bdd181f10832841f4e08facdafca87fe5f46b09b1f7")]
    [InlineData("actor.organization", null, "4c31ce9a90df79f22fba6dfb05dc7ba2", "f1f379999d939ee2ea9ace3443ae9145b5afff48a3aeb581a522771d90754b2b")]
    [InlineData("at", "2026-12-02T01:00:00.0000000+00:00", "1ed56c2ee6635fdfd55ee86187bcf456", "04a28d00cf95d95c3b7db948f81aafc1858e9596cf98c57041b980972dd191f9")]
    public void Field_salts_and_digests_match_the_published_vectors(string name, string? value, string salt, string digest)
    {
        Assert.Equal(salt, AuditEncoding.Salt(Seed, name));
        Assert.Equal(digest, AuditEncoding.FieldDigest(salt, name, value));
    }

    [Fact]
    public void Null_and_the_empty_string_digest_differently()
    {
        var salt = AuditEncoding.Salt(Seed, "x");
        Assert.Equal("03ae866b53affc73ff3de978c387b0643db384dde58a10d6f591353c3da1f78a", AuditEncoding.FieldDigest(salt, "x", ""));
        Assert.Equal("8813871c97d500847034e425187f30ab53afd9de9a95e259a86a595a4d7cdf44", AuditEncoding.FieldDigest(salt, "x", null));
    }

    [Fact]
    public void Content_digest_orders_fields_by_name_and_the_entry_hash_covers_it()
    {
        string[] names = ["after.Title", "actor.organization", "at"];
        string?[] values = ["扶贫资金公告", null, "2026-12-02T01:00:00.0000000+00:00"];
        var fields = names.Select((n, i) => (n, AuditEncoding.FieldDigest(AuditEncoding.Salt(Seed, n), n, values[i]))).Reverse();

        var content = AuditEncoding.ContentDigest(fields);

        Assert.Equal("a7cb6b31f6ddc4bc08c785ec8fa28b28e2354f52e8740a78b0936dbc270182ff", content);
        Assert.Equal("bca895d8ea194b05cd0f5c6da70ced257b8454ebfb77c125fd3b669a4c9e8375", AuditEncoding.EntryHash(1, AuditEncoding.GenesisHash, "public", content));
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_digest()
    {
        var salt = AuditEncoding.Salt(Seed, "a");
        Assert.NotEqual(AuditEncoding.FieldDigest(salt, "a", "bc"), AuditEncoding.FieldDigest(salt, "ab", "c"));
    }
}
