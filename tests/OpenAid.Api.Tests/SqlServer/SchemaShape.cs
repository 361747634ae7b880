using System.Text;
using System.Text.Json;
using OpenAid.Api.GraphQL;

namespace OpenAid.Api.Tests.SqlServer;

/// <summary>
/// The schema as introspection tells it, and requests built from it: each root field with representative argument
/// values (an input object: its required fields, then each optional one, with values that pass validation) and a
/// selection of every field below it (three levels down) that needs no argument.
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

    /// <summary>
    /// Values for input fields by name, chosen to pass input validation so that a mutation reaches its reads. Record
    /// codes are looked up as given; NoServer's made-up rows carry "1" in every text column, so the caller's
    /// organisation is "1" too (<see cref="SqlServerTranslationTests"/>).
    /// </summary>
    private static readonly Dictionary<string, string> ByInputName = new()
    {
        ["region"] = "\"451021\"",
        ["year"] = "2020",
        ["fiscalYear"] = "2020",
        ["startYear"] = "2020",
        ["endYear"] = "2021",
        ["localSupervisionPhone"] = "\"12317\"",
        ["contactPhone"] = "\"13800000000\"",
        ["province"] = "\"45\"",
        ["organization"] = "\"1\"",
        ["village"] = "\"451021101001\"",
        ["owner"] = "\"451021101001\"",
        ["helpedRegion"] = "\"451021\"",
        ["helperRegion"] = "\"44\"",
        ["providerRegion"] = "\"45\"",
        // Within the coming 90 days (a pledge's confirmation), the coming two years (a need's deadline), on the host's clock.
        ["confirmBy"] = $"\"{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}\"",
        ["deadline"] = $"\"{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}\"",
        // A village's notice (NoServer's regions are villages) runs at least 10 days.
        ["noticePeriodDays"] = "10",
        ["outsideProvince"] = "11",
        ["delivery"] = Id("PledgeDelivery"),
        ["application"] = Id("ProgramApplication"),
        ["grant"] = Id("Grant"),
    };

    /// <summary>Values for one input type's field where its name alone says too little ("Type.field").</summary>
    private static readonly Dictionary<string, string> ByInputField = new()
    {
        // A recorded value of an audit entry, as the trail names it.
        ["RequestAuditRedactionInput.field"] = "\"after.Description\"",
        ["CreateProgramInput.code"] = "\"YGXZ\"",
        // Its first value, PLEDGE, is refused: pledges are made with 'pledge'.
        ["RecordTransactionInput.kind"] = "COMMITMENT",
    };

    private readonly Dictionary<string, JsonElement> _types;

    public SchemaShape(JsonElement schema) =>
        _types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

    public IEnumerable<JsonElement> RootFields(string typeName) => _types[typeName].GetProperty("fields").EnumerateArray();

    /// <summary>One request: the root field with its arguments (<paramref name="Label"/>, for messages) and the whole document.</summary>
    public sealed record Request(string Label, string Text);

    /// <summary>
    /// The field with its required arguments, then once more with each optional one; an ID argument once per type of
    /// record; an input object with its required fields, then once more with each optional one.
    /// </summary>
    public IEnumerable<Request> Requests(JsonElement field, string operation = "query")
    {
        var name = field.GetProperty("name").GetString()!;
        var args = field.GetProperty("args").EnumerateArray().ToList();
        var required = args.Where(IsRequired).ToList();
        var optional = args.Where(a => !IsRequired(a)).ToList();
        var selection = Selection(field.GetProperty("type"), 0);
        Request Of(List<string> values) => new($"{name}{Arguments(values)}", $"{operation} {{ {name}{Arguments(values)} {selection} }}");
        foreach (var values in Combinations(name, required))
        {
            yield return Of(values);
        }

        var baseline = Combinations(name, required).First();
        foreach (var arg in optional)
        {
            foreach (var value in Values(name, arg))
            {
                yield return Of([.. baseline, value]);
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
            "INPUT_OBJECT" => InputObjects(named),
            _ => Scalar(named.GetProperty("name").GetString()!),
        };
    }

    /// <summary>The object with its required fields, then once more with each optional one (mutations' inputs: each optional branch).</summary>
    private IEnumerable<string> InputObjects(JsonElement type)
    {
        var typeName = type.GetProperty("name").GetString()!;
        var fields = type.GetProperty("inputFields").EnumerateArray().ToList();
        var required = fields.Where(IsRequired).ToList();
        string Of(IEnumerable<JsonElement> chosen) =>
            "{ " + string.Join(", ", chosen.Select(f => $"{f.GetProperty("name").GetString()}: {InputValue(typeName, f)}")) + " }";
        yield return Of(required);
        foreach (var field in fields.Where(f => !IsRequired(f)))
        {
            yield return Of([.. required, field]);
        }
    }

    private string InputValue(string typeName, JsonElement field)
    {
        var name = field.GetProperty("name").GetString()!;
        return ByInputField.TryGetValue($"{typeName}.{name}", out var known) || ByInputName.TryGetValue(name, out known)
            ? known
            : Literals(field.GetProperty("type")).First();
    }

    private static string Id(string typeName) => $"\"{GlobalId.Encode(typeName, 1)}\"";

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
