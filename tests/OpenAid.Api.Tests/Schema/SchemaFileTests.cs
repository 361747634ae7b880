using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Schema;

/// <summary>
/// schema/schema.graphql is the published contract. It must equal the running schema; regenerate it with
/// `dotnet run --project src/OpenAid.Api -- print-schema "$PWD/schema/schema.graphql"`.
/// </summary>
public class SchemaFileTests
{
    private static readonly ISchema Schema = BuildSchema();

    [Fact]
    public void The_schema_file_matches_the_running_schema()
    {
        var file = Path.Combine(TestPaths.RepositoryRoot, "schema", "schema.graphql");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");

        var actual = OpenAidCommands.PrintSchema(Schema);

        Assert.True(expected == actual, $"schema/schema.graphql differs from the running schema. Regenerate it: dotnet run --project src/OpenAid.Api -- print-schema \"$PWD/schema/schema.graphql\"\n\n{FirstDifference(expected, actual)}");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_is_described()
    {
        var missing = new List<string>();
        foreach (var type in Schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsBuiltInScalar(t.Name)))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }

                    missing.AddRange((field.Arguments ?? []).Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})"));
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.Empty(missing);
    }

    private static ISchema BuildSchema()
    {
        var app = OpenAidHost.Build([]);
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private static bool IsBuiltInScalar(string name) => name is "String" or "Int" or "Float" or "Boolean" or "ID" or "Long";

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var (left, right) = (i < e.Length ? e[i] : "<end>", i < a.Length ? a[i] : "<end>");
            if (left != right)
            {
                return $"line {i + 1}:\n  file:    {left}\n  running: {right}";
            }
        }

        return "";
    }
}
