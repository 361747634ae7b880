using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using OpenAid.Api.GraphQL;

namespace OpenAid.Api.Caching;

/// <summary>A parsed GraphQL document with the hash of its normalised (printed) form.</summary>
/// <param name="Document">The syntax tree; shared between requests, as GraphQL.NET's own document cache does.</param>
/// <param name="Hash">SHA-256 of the printed document: whitespace, commas and comments do not change it.</param>
/// <param name="Shareable">False when it selects a field whose result must never come from a cache.</param>
/// <param name="Size">Its size with fragments expanded, measured once with the parse and checked before validation.</param>
public sealed record ParsedDocument(GraphQLDocument Document, string Hash, bool Shareable, DocumentSize Size);

/// <summary>
/// Parses documents and remembers the result by their text, so that a repeated query (nearly every public request)
/// skips parsing and printing. Only short documents are remembered, and the memory is bounded by a count.
/// </summary>
public sealed class ParsedDocuments(IDocumentBuilder builder, ISchema schema)
{
    /// <summary>Fields never served from a cache, as their declarations say (<see cref="CacheMetadata.NeverCached"/>).</summary>
    private readonly Lazy<IReadOnlySet<string>> _neverCached = new(() =>
    {
        schema.Initialize();
        return CacheMetadata.NeverCachedFields(schema);
    });

    private const int MaxRemembered = 2000;
    private const int MaxRememberedLength = 16 * 1024;
    private readonly ConcurrentDictionary<string, ParsedDocument> _byText = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="query"/>; throws the parser's exceptions (syntax, nesting) as IDocumentBuilder does.</summary>
    public ParsedDocument Parse(string query)
    {
        if (_byText.TryGetValue(query, out var known))
        {
            return known;
        }

        var document = builder.Build(query);
        var printed = new SDLPrinter().Print(document);
        var parsed = new ParsedDocument(document, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(printed))), !SelectsAny(document, _neverCached.Value), DocumentShape.Measure(document));
        if (query.Length <= MaxRememberedLength)
        {
            if (_byText.Count >= MaxRemembered)
            {
                // Crude but bounded: real traffic has a few hundred distinct documents, an attacker unlimited ones.
                _byText.Clear();
            }

            _byText.TryAdd(query, parsed);
        }

        return parsed;
    }

    /// <summary>The cache key of one request: the normalised document, the operation name and the variables.</summary>
    public static string RequestKey(ParsedDocument document, string? operationName, Inputs? variables)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(document.Hash));
        hash.AppendData("\n"u8);
        hash.AppendData(Encoding.UTF8.GetBytes(operationName ?? ""));
        hash.AppendData("\n"u8);
        hash.AppendData(CanonicalJson(variables));
        return Convert.ToBase64String(hash.GetHashAndReset()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Variables as JSON with object keys sorted, so that {"a":1,"b":2} and {"b":2,"a":1} share an entry.</summary>
    internal static byte[] CanonicalJson(IReadOnlyDictionary<string, object?>? variables)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, variables);
        }

        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (name, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case int or long or short or byte or sbyte or uint or ulong or ushort or decimal or double or float or BigInteger:
                writer.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            default:
                // Other scalars (dates, GUIDs) by their invariant text; typed apart from strings by a marker.
                writer.WriteStringValue("\u0001" + Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static bool SelectsAny(GraphQLDocument document, IReadOnlySet<string> names)
    {
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    pending.Push(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    pending.Push(fragment.SelectionSet);
                    break;
            }
        }

        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (names.Contains(field.Name.StringValue))
                        {
                            return true;
                        }

                        if (field.SelectionSet is not null)
                        {
                            pending.Push(field.SelectionSet);
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return false;
    }
}
