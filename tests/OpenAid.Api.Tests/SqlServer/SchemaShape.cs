using System.Text;
using System.Text.Json;
using OpenAid.Api.GraphQL;

namespace OpenAid.Api.Tests.SqlServer;

/// <summary>
/// The schema as introspection tells it, and requests built from it: each root field with representative argument
/// values and a selection of every field below it (three levels down) that needs no argument.
/// </summary>
internal sealed class SchemaShape
{
    public const string Introspection = """
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        query {
          __schema {
            types {
              kind name
              fields { name type { ...T } args { name defaultValue type { ...T } } }
              inputFields { name defaultValue type { ...T } }
              enumValues { name }
              interfaces { name }
            }
          }
        }
        """;

    private const int Depth = 3;

    /// <summary>Values for arguments by name where any value of the type would be refused before a read (a region code, a date range).</summary>
    private static readonly Dictionary<string, string> ByName = new()
    {
        ["region"] = "\"451021\"",
        ["year"] = "2020",
        ["from"] = "\"2020-01-01\"",
        ["to"] = "\"2020-12-31\"",
        ["first"] = "5",
        // A cursor as Paging writes them: the key of the last row seen.
        ["after"] = "\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("k:5")) + "\"",
        ["search"] = "\"扶贫\"",
    };

    /// <summary>Values for one field's argument where its name alone says too little ("field.argument").</summary>
    private static readonly Dictionary<string, string> ByField = new()
    {
        ["region.code"] = "\"451021\"",
        ["village.code"] = "\"451021101001\"",
    };

    private readonly Dictionary<string, JsonElement> _types;

    public SchemaShape(JsonElement schema) =>
        _types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

    public IEnumerable<JsonElement> RootFields(string typeName) => _types[typeName].GetProperty("fields").EnumerateArray();

    /// <summary>The field with its required arguments, then once more with each optional one; an ID argument once per type of record.</summary>
    public IEnumerable<string> Requests(JsonElement field)
    {
        var name = field.GetProperty("name").GetString()!;
        var args = field.GetProperty("args").EnumerateArray().ToList();
        var required = args.Where(IsRequired).ToList();
        var optional = args.Where(a => !IsRequired(a)).ToList();
        var selection = Selection(field.GetProperty("type"), 0);
        foreach (var values in Combinations(name, required))
        {
            yield return $"{{ {name}{Arguments(values)} {selection} }}";
        }

        var baseline = Combinations(name, required).First();
        foreach (var arg in optional)
        {
            foreach (var value in Values(name, arg))
            {
                yield return $"{{ {name}{Arguments([.. baseline, value])} {selection} }}";
            }
        }
    }

    private static bool IsRequired(JsonElement input) =>
        input.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL" && input.GetProperty("defaultValue").ValueKind == JsonValueKind.Null;

    private IEnumerable<List<string>> Combinations(string field, List<JsonElement> args)
    {
        // Only ID arguments have more than one value; the others' single values combine with each.
        IEnumerable<List<string>> combinations = [[]];
        foreach (var arg in args)
        {
            var values = Values(field, arg).ToList();
            combinations = combinations.SelectMany(c => values.Select(v => new List<string>(c) { v })).ToList();
        }

        return combinations;
    }

    private static string Arguments(List<string> values) => values.Count == 0 ? "" : $"({string.Join(", ", values)})";

    private IEnumerable<string> Values(string field, JsonElement arg)
    {
        var name = arg.GetProperty("name").GetString()!;
        if (ByField.TryGetValue($"{field}.{name}", out var known) || ByName.TryGetValue(name, out known))
        {
            return [$"{name}: {known}"];
        }

        return Literals(arg.GetProperty("type")).Select(v => $"{name}: {v}");
    }

    private IEnumerable<string> Literals(JsonElement type)
    {
        switch (type.GetProperty("kind").GetString())
        {
            case "NON_NULL":
                return Literals(type.GetProperty("ofType"));
            case "LIST":
                return Literals(type.GetProperty("ofType")).Select(v => $"[{v}]");
        }

        var named = _types[type.GetProperty("name").GetString()!];
        return named.GetProperty("kind").GetString() switch
        {
            "ENUM" => [named.GetProperty("enumValues")[0].GetProperty("name").GetString()!],
            "INPUT_OBJECT" => [InputObject(named)],
            _ => Scalar(named.GetProperty("name").GetString()!),
        };
    }

    private string InputObject(JsonElement type) =>
        "{ " + string.Join(", ", type.GetProperty("inputFields").EnumerateArray()
            .Where(IsRequired)
            .Select(f => $"{f.GetProperty("name").GetString()}: {Literals(f.GetProperty("type")).First()}")) + " }";

    private IEnumerable<string> Scalar(string name) => name switch
    {
        // One global ID of each kind of record.
        "ID" => _types.Values
            .Where(t => t.GetProperty("interfaces").ValueKind == JsonValueKind.Array && t.GetProperty("interfaces").EnumerateArray().Any(i => i.GetProperty("name").GetString() == "Node"))
            .Select(t => $"\"{GlobalId.Encode(t.GetProperty("name").GetString()!, 1)}\""),
        "String" => ["\"ZJ-450000-2019-0001\""],
        "Int" or "Long" or "Float" or "Decimal" => ["1"],
        "Boolean" => ["true"],
        "DateOnly" => ["\"2020-01-01\""],
        "DateTimeOffset" => ["\"2020-01-01T00:00:00Z\""],
        _ => throw new InvalidOperationException($"No representative value for the scalar {name}: add one."),
    };

    private string Selection(JsonElement type, int depth)
    {
        while (type.GetProperty("kind").GetString() is "NON_NULL" or "LIST")
        {
            type = type.GetProperty("ofType");
        }

        var named = _types[type.GetProperty("name").GetString()!];
        switch (named.GetProperty("kind").GetString())
        {
            case "OBJECT":
                var fields = named.GetProperty("fields").EnumerateArray()
                    .Where(f => !f.GetProperty("args").EnumerateArray().Any(IsRequired))
                    .Select(f => (Name: f.GetProperty("name").GetString()!, Sub: Selection(f.GetProperty("type"), depth + 1)))
                    .Where(f => f.Sub != "-")
                    .Select(f => f.Name + (f.Sub.Length > 0 ? " " + f.Sub : ""));
                return depth > Depth ? "-" : "{ __typename " + string.Join(" ", fields) + " }";
            case "INTERFACE" or "UNION":
                return depth > Depth ? "-" : "{ __typename }";
            default:
                return "";
        }
    }
}
