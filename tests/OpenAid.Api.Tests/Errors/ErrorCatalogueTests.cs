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
        AssertTable("mutation-errors", "OpenAid.Domain.Common.Errors", Catalogue().Select(e => (e.Code, e.Meaning, e.Field)));

    [Fact]
    public void The_readme_table_of_mutation_warnings_is_the_catalogue() =>
        AssertTable("mutation-warnings", "OpenAid.Domain.Common.Warnings", WarningCatalogue().Select(w => (w.Code, w.Meaning, w.Field)));

    private static void AssertTable(string section, string catalogue, IEnumerable<(string Code, string Meaning, string Field)> rows)
    {
        var (tableStart, tableEnd) = ($"<!-- {section}:start -->", $"<!-- {section}:end -->");
        var start = Readme.IndexOf(tableStart, StringComparison.Ordinal);
        var end = Readme.IndexOf(tableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no {tableStart} … {tableEnd} section.");
        var actual = Readme[(start + tableStart.Length)..end].Trim();

        var expected = string.Join('\n', [
            "| code | meaning | field |",
            "|---|---|---|",
            .. rows.Select(e => $"| `{e.Code}` | {e.Meaning} | {e.Field} |")]);

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
