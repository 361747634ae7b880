using System.Reflection;
using System.Text.RegularExpressions;
using OpenAid.Api.GraphQL;
using OpenAid.Api.Http;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Tests.Errors;

/// <summary>
/// The web app words every error code the API declares, in Chinese and in English (web/src/i18n/errors.ts): a new
/// code without wording fails here, not in front of a reader. The compiler checks that both languages have the same codes.
/// </summary>
public sealed partial class ErrorWordingTests
{
    private static readonly string Source = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "web", "src", "i18n", "errors.ts")).ReplaceLineEndings("\n");

    public static TheoryData<string> Codes()
    {
        var codes = typeof(OpenAid.Domain.Common.Errors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorCode))
            .Select(f => ((ErrorCode)f.GetValue(null)!).Code)
            .Concat(Constants(typeof(ApiErrors)))
            .Concat(Constants(typeof(HttpErrorCodes)))
            .Distinct(StringComparer.Ordinal);
        return [.. codes];
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_wording_in_zh_and_en(string code)
    {
        Assert.Matches($@"\n  {code}:", Block("zhErrors"));
        Assert.Matches($@"\n  {code}:", Block("enErrors"));
    }

    [Fact]
    public void The_chinese_wordings_hold_no_english_sentence()
    {
        // Field names, codes and units (before.*, 12xxx, JSON) may appear; three English words in a row may not.
        var english = EnglishRun().Matches(Block("zhErrors")).Select(m => m.Value).ToList();
        Assert.True(english.Count == 0, "English in zh wordings: " + string.Join(" | ", english));
    }

    /// <summary>The object literal that starts at <c>const name = {</c>, up to its closing <c>};</c> or <c>} satisfies</c>.</summary>
    private static string Block(string name)
    {
        var start = Source.IndexOf($"const {name}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"errors.ts has no const {name}");
        var end = Source.IndexOf("\n}", start, StringComparison.Ordinal);
        return Source[start..end];
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    // Inside quoted wordings only: the keys and the code around them are English by nature.
    [GeneratedRegex(@"'[^'\n]*\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b[^'\n]*'")]
    private static partial Regex EnglishRun();
}
