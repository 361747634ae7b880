using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;

namespace OpenAid.Api.GraphQL;

/// <summary>
/// Relay global IDs: "TypeName:key" in URL-safe base64, opaque to clients and stable for ever, because the
/// key of a public record never changes.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, long key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key.ToString(CultureInfo.InvariantCulture)}"));

    public static bool TryDecode(string? id, out string typeName, out long key)
    {
        typeName = "";
        key = 0;
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !Base64Url.IsValid(id))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out key))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>Decodes an ID that must name <paramref name="typeName"/>, or fails with INVALID_ID.</summary>
    public static long DecodeAs(string id, string typeName, string argument) =>
        TryDecode(id, out var actual, out var key) && actual == typeName
            ? key
            : throw ApiErrors.InvalidId(id, argument, typeName);
}
