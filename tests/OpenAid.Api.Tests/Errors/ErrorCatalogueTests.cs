using System.Reflection;
using System.Text.RegularExpressions;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Http;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Errors;

/// <summary>
/// Every error code is documented once: mutation errors in <see cref="OpenAid.Domain.Common.Errors"/> and warnings in
/// <see cref="Warnings"/>, whose tables in the README must equal them row for row; resolver and HTTP codes in ApiErrors and HttpErrorCodes, each of which the README names.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void The_readme_table_of_mutation_errors_is_the_catalogue() =>
        AssertTable("mutation-errors", "OpenAid.Domain.Common.Errors", ["code", "meaning", "field", "params"], Catalogue().Select(e => new[] { $"`{e.Code}`", e.Meaning, e.Field, e.Params }));

    [Fact]
    public void The_readme_table_of_mutation_warnings_is_the_catalogue() =>
        AssertTable("mutation-warnings", "OpenAid.Domain.Common.Warnings", ["code", "meaning", "field"], WarningCatalogue().Select(w => new[] { $"`{w.Code}`", w.Meaning, w.Field }));

    private static void AssertTable(string section, string catalogue, string[] head, IEnumerable<string[]> rows)
    {
        var (tableStart, tableEnd) = ($"<!-- {section}:start -->", $"<!-- {section}:end -->");
        var start = Readme.IndexOf(tableStart, StringComparison.Ordinal);
        var end = Readme.IndexOf(tableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no {tableStart} … {tableEnd} section.");
        var actual = Readme[(start + tableStart.Length)..end].Trim();

        var expected = string.Join('\n', [
            $"| {string.Join(" | ", head)} |",
            $"|{string.Concat(head.Select(_ => "---|"))}",
            .. rows.Select(cells => $"| {string.Join(" | ", cells)} |")]);

        Assert.True(expected == actual, $"The README's {section} table differs from {catalogue}. Replace it with:\n\n{expected}\n");
    }

    [Fact]
    public void Codes_are_unique_and_upper_snake_case()
    {
        var codes = Catalogue().Select(e => e.Code).Concat(WarningCatalogue().Select(w => w.Code)).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(UpperSnakeCase(), code));
    }

    [Fact]
    public void The_readme_names_every_resolver_and_http_error_code()
    {
        var codes = Constants(typeof(ApiErrors)).Concat(Constants(typeof(HttpErrorCodes))).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"`{code}`", Readme, StringComparison.Ordinal));
    }

    /// <summary>
    /// Every parameter a refusal passes is one its code documents (Errors.cs, and so the README): the source of every
    /// <c>DomainException</c> is read, each call's <c>("name", value)</c> pairs taken, and compared with the code's Params.
    /// </summary>
    [Fact]
    public void Every_parameter_a_refusal_passes_is_documented_for_its_code()
    {
        var documented = typeof(OpenAid.Domain.Common.Errors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorCode))
            .ToDictionary(f => f.Name, f => ((ErrorCode)f.GetValue(null)!).Params.Split(", ").ToHashSet(StringComparer.Ordinal));
        var calls = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            foreach (Match call in RefusalStart().Matches(source))
            {
                calls++;
                var arguments = Balanced(source, source.IndexOf('(', call.Index));
                Assert.True(documented.TryGetValue(call.Groups["code"].Value, out var names), $"{file}: Errors.{call.Groups["code"].Value} is not in the catalogue.");
                foreach (Match pair in ParameterPair().Matches(arguments))
                {
                    Assert.True(names.Contains(pair.Groups[1].Value), $"{Path.GetFileName(file)}: Errors.{call.Groups["code"].Value} passes '{pair.Groups[1].Value}', which its Params in Errors.cs do not name.");
                }
            }
        }

        Assert.True(calls > 100, $"found only {calls} refusals in the source");
    }

    /// <summary>The text from the parenthesis at <paramref name="start"/> to its match (messages hold balanced parentheses).</summary>
    private static string Balanced(string source, int start)
    {
        var depth = 0;
        for (var i = start; i < source.Length; i++)
        {
            depth += source[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return source[start..(i + 1)];
            }
        }

        return source[start..];
    }

    [GeneratedRegex(@"(?:DomainException|new)\(\s*Errors\.(?<code>\w+)")]
    private static partial Regex RefusalStart();

    [GeneratedRegex(@"(?<!\w)\(""(\w+)"", ")]
    private static partial Regex ParameterPair();

    private static IEnumerable<ErrorCode> Catalogue() =>
        typeof(OpenAid.Domain.Common.Errors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorCode))
            .Select(f => (ErrorCode)f.GetValue(null)!);

    private static IEnumerable<WarningCode> WarningCatalogue() =>
        typeof(Warnings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(WarningCode))
            .Select(f => (WarningCode)f.GetValue(null)!);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex("^[A-Z]+(_[A-Z]+)*$")]
    private static partial Regex UpperSnakeCase();
}
