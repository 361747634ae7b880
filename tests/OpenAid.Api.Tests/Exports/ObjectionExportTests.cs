using System.Text;
using OpenAid.Api.Auth;

namespace OpenAid.Api.Tests.Exports;

/// <summary>
/// The objections export holds what the public GraphQL field shows: never a complainant's name or phone, never a
/// description a reviewer hid, in CSV, NDJSON or XLSX, even to the reviewer who can read the contact. It files
/// objections, so it has a demo-data server of its own.
/// </summary>
public class ObjectionExportTests(IsolatedDemoServer server) : IClassFixture<IsolatedDemoServer>
{
    [Fact]
    public async Task No_export_of_objections_holds_a_complainants_contact_or_a_hidden_description()
    {
        const string name = "举报人甲乙丙";
        const string phone = "0776-7654321";
        const string hidden = "这段描述含有辱骂内容，应当隐藏不再公开。";
        var reviewer = await TestPublisher.ForDemoCountyAsync(server, role: Roles.Reviewer);
        var villages = await server.PostAsync("query($r: String!) { regions(region: $r, level: VILLAGE, first: 1) { nodes { shortCode } } }", new { r = reviewer.County });
        var village = villages.Get("data", "regions", "nodes")[0].GetProperty("shortCode").GetString()!;
        var withContact = (await server.MutateOkAsync("fileObjection", new
        {
            region = village,
            category = "EMBEZZLEMENT",
            description = "村里修路的钱被挪作他用，道路至今未修。",
            contactName = name,
            contactPhone = phone,
        }, null, "objection { code }")).GetProperty("objection").GetProperty("code").GetString()!;
        var abusive = (await server.MutateOkAsync("fileObjection", new { region = village, category = "OTHER", description = hidden }, null, "objection { code }"))
            .GetProperty("objection").GetProperty("code").GetString()!;
        await reviewer.MutateAsync("hideObjectionDescription", new { objection = abusive, reason = "含有辱骂内容。" }, "objection { code }");
        await reviewer.MutateAsync("startInvestigation", new { objection = withContact }, "objection { code }");
        var contact = await server.GraphQLAsync("query($c: String!) { objection(code: $c) { contact { name } } }", new { c = withContact }, reviewer.Token);
        Assert.Equal(name, contact.Get("data", "objection", "contact", "name").GetString());

        string Path(string format) => $"export/objections.{format}?region={reviewer.County}";
        var csv = Encoding.UTF8.GetString(await GetAsync(Path("csv"), reviewer.Token));
        var ndjson = Encoding.UTF8.GetString(await GetAsync(Path("ndjson"), reviewer.Token));
        var xlsx = await GetAsync(Path("xlsx"), reviewer.Token);
        var sheet = ExportFiles.ZipText(xlsx);

        foreach (var (format, text) in new[] { ("csv", csv), ("ndjson", ndjson), ("xlsx", sheet) })
        {
            Assert.Contains(withContact, text, StringComparison.Ordinal);
            Assert.Contains(abusive, text, StringComparison.Ordinal);
            Assert.Contains("含有辱骂内容。", text, StringComparison.Ordinal);
            Assert.False(text.Contains(name, StringComparison.Ordinal), $"the {format} export holds the complainant's name");
            Assert.False(text.Contains(phone, StringComparison.Ordinal), $"the {format} export holds the complainant's phone");
            Assert.False(text.Contains(hidden, StringComparison.Ordinal), $"the {format} export holds the hidden description");
        }

        var row = ExportFiles.NdjsonRows(ndjson).Single(r => r.GetProperty("code").GetString() == abusive);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("description").ValueKind);
        Assert.Equal("含有辱骂内容。", row.GetProperty("description_hidden_reason").GetString());
        Assert.Equal("村里修路的钱被挪作他用，道路至今未修。", ExportFiles.XlsxRows(xlsx).Single(r => (string)r["code"] == withContact)["description"]);
    }

    private async Task<byte[]> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
