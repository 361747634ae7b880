using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.PublicApi;

/// <summary>
/// A list's search finds a record by its code as well as by its title, whatever the case typed: a notice, project,
/// fund or need code, an organisation's code or credit code; a fund's document number (文号) or code, or a project's
/// code, finds the notices about it.
/// </summary>
[Collection(SharedDemoApiServer.Name)]
public class SearchTests(DemoApiServer server)
{
    [Theory]
    [InlineData("notices", "code")]
    [InlineData("projects", "code")]
    [InlineData("funds", "code")]
    [InlineData("needs", "code")]
    [InlineData("organizations", "code")]
    [InlineData("organizations", "creditCode", "kind: PRIVATE_ENTERPRISE, ")]
    public async Task A_code_typed_as_the_search_finds_its_record(string list, string field, string filter = "")
    {
        var sample = await server.PostAsync($"{{ {list}({filter}first: 1) {{ nodes {{ code {field} }} }} }}");
        var record = sample.Get("data", list, "nodes")[0];
        var code = record.GetProperty("code").GetString()!;
        var typed = $" {record.GetProperty(field).GetString()!.ToLowerInvariant()} ";

        var found = await server.PostAsync($"query($s: String) {{ {list}(search: $s, first: 100) {{ nodes {{ code }} }} }}", new { s = typed });

        Assert.Contains(found.Get("data", list, "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_funds_document_number_or_a_projects_code_finds_the_notices_about_it()
    {
        var sample = await server.PostAsync("{ notices(kind: FUND, first: 1) { nodes { code funds { code documentNumber } } } p: notices(kind: PROJECT, first: 1) { nodes { code projects { code } } } }");
        var fundNotice = sample.Get("data", "notices", "nodes")[0];
        var fund = fundNotice.GetProperty("funds")[0];
        var projectNotice = sample.Get("data", "p", "nodes")[0];

        foreach (var (search, notice) in new[]
        {
            (fund.GetProperty("documentNumber").GetString()!, fundNotice),
            (fund.GetProperty("code").GetString()!.ToLowerInvariant(), fundNotice),
            (projectNotice.GetProperty("projects")[0].GetProperty("code").GetString()!, projectNotice),
        })
        {
            var found = await server.PostAsync("query($s: String) { notices(search: $s, first: 100) { nodes { code } } }", new { s = search });
            Assert.Contains(found.Get("data", "notices", "nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == notice.GetProperty("code").GetString());
        }
    }
}
