using System.Text.RegularExpressions;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Caching;

/// <summary>
/// The infrastructure folders depend one way only (Caching/README.md): the HTTP endpoint on the rest, nothing back
/// on it, and the result cache on nothing but the Redis connection. Read from the sources, which also catches a type
/// named only inside a method body.
/// </summary>
public partial class InfrastructureDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Telemetry"] = [],
        ["Redis"] = ["Telemetry"],
        ["PersistedDocuments"] = [],
        ["Caching"] = ["Redis", "Telemetry"],
        ["RateLimiting"] = ["Redis"],
        ["Execution"] = ["Caching"],
        ["Health"] = ["Caching", "Redis"],
        ["Http"] = ["Execution", "Caching", "RateLimiting", "PersistedDocuments", "Telemetry"],
    };

    [Fact]
    public void Infrastructure_folders_import_each_other_in_one_direction_only()
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "src", "OpenAid.Api");
        var unexpected = new List<string>();
        foreach (var (folder, allowed) in Allowed)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                var referenced = Qualified().Matches(text).Select(m => m.Groups[1].Value)
                    .Concat(Sibling().Matches(text).Select(m => m.Groups[1].Value));
                unexpected.AddRange(referenced
                    .Where(name => name != folder && Allowed.ContainsKey(name) && !allowed.Contains(name))
                    .Distinct()
                    .Select(name => $"{folder}/{Path.GetFileName(file)} uses {name}"));
            }
        }

        Assert.Empty(unexpected);
    }

    [GeneratedRegex(@"\bOpenAid\.Api\.(\w+)")]
    private static partial Regex Qualified();

    /// <summary>A sibling namespace named without a using, e.g. Http.GraphQLMediaTypes inside OpenAid.Api.Caching.</summary>
    [GeneratedRegex(@"(?<![\w.])(Telemetry|Redis|PersistedDocuments|Caching|RateLimiting|Execution|Health|Http)\.[A-Z]")]
    private static partial Regex Sibling();
}
