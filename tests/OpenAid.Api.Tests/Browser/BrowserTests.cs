using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAid.Api.Auth;
using OpenAid.Api.Regions;
using OpenAid.Api.Tests.Exports;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data;
using OpenAid.Domain.Exits;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Regions;
using Xunit.Abstractions;

namespace OpenAid.Api.Tests.Browser;

/// <summary>
/// The web app in headless Chromium against the real API with demo data: runs <c>node --test web/tests/</c> (see
/// web/README.md) with OPENAID_BASE_URL pointing at this server. It needs the built app (test.sh runs
/// <c>npm ci &amp;&amp; npm run build</c> in web/ first), Debian's chromium and web/node_modules.
/// <para>
/// The server is this class's own (<see cref="IsolatedDemoServer"/>): the browser tests write (an objection, later
/// pledges), which the shared demo server's read-only tests must not see. Tests of features that need records made
/// first get them here and find them in environment variables (see <see cref="ScenariosAsync"/>).
/// </para>
/// </summary>
public class BrowserTests(IsolatedDemoServer server, ITestOutputHelper output) : IClassFixture<IsolatedDemoServer>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_web_app_passes_its_browser_tests()
    {
        var root = TestPaths.RepositoryRoot;
        Assert.True(
            File.Exists(Path.Combine(root, "src", "OpenAid.Api", "webapp", "index.html")),
            "The web app is not built: run `npm ci && npm run build` in web/ (test.sh does).");
        Assert.True(Directory.Exists(Path.Combine(root, "web", "node_modules", "playwright-core")), "Run `npm ci` in web/ (test.sh does).");
        Assert.True(File.Exists("/usr/bin/chromium"), "Install Debian's chromium (test.sh does).");

        var downloads = Directory.CreateTempSubdirectory("openaid-downloads-");
        var environment = new Dictionary<string, string>
        {
            ["OPENAID_BASE_URL"] = server.BaseUri.ToString().TrimEnd('/'),
            ["OPENAID_DEMO_LAST_YEAR"] = DemoYears.Calendar.LastYear.ToString(CultureInfo.InvariantCulture),
            ["OPENAID_DOWNLOADS"] = downloads.FullName,
        };
        foreach (var (name, value) in await ScenariosAsync())
        {
            environment[name] = value;
        }

        // env(1) passes the variables to node alone, without changing this process's environment.
        var result = await ExternalProcess.RunAsync(
            "env",
            [.. environment.Select(e => $"{e.Key}={e.Value}"), "node", "--test", "--test-reporter=spec", "--test-concurrency=1", "web/tests/"],
            root,
            Timeout);

        output.WriteLine(result.Output);
        try
        {
            Assert.True(result.ExitCode == 0, $"node --test web/tests/ exited with {result.ExitCode}:\n{result.Output}");

            // This class provides every scenario, so a test that skips itself here is a missing scenario, not a pass.
            // Only the Entra ID test, which EntraBrowserTests runs against a server configured for it, may skip.
            var skipped = result.Output.Split('\n').Where(l => l.TrimStart().StartsWith('\uFE63') && !l.Contains("EntraBrowserTests", StringComparison.Ordinal)).ToList();
            Assert.True(skipped.Count == 0, $"browser tests skipped themselves:\n{string.Join('\n', skipped)}");
            await AssertDownloadsAsync(downloads.FullName);
        }
        finally
        {
            downloads.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The XLSX files the browser saved (xlsx.test.mjs, each with a manifest of its list and query), read back with
    /// MiniExcel: the rows of the NDJSON export of the same filters in the same order, headed in the page's language,
    /// and codes in text cells.
    /// </summary>
    private async Task AssertDownloadsAsync(string folder)
    {
        var manifests = Directory.GetFiles(folder, "*.json");
        Assert.True(manifests.Length >= 2, $"the browser saved {manifests.Length} XLSX downloads in {folder}");
        var openData = new OpenAid.Api.Exports.OpenData(server.Services);
        foreach (var manifestFile in manifests)
        {
            using var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(manifestFile));
            var (file, list, query) = (manifest.RootElement.GetProperty("file").GetString()!, manifest.RootElement.GetProperty("list").GetString()!, manifest.RootElement.GetProperty("query").GetString()!);
            var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
            var filters = string.Join('&', parameters.Where(p => p.Key != OpenAid.Api.Exports.ExportLanguage.Parameter).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value.ToString())}"));
            var columns = openData.Lists[list].Columns;
            var headers = OpenAid.Api.Exports.ExportLanguage.Headers(columns, parameters[OpenAid.Api.Exports.ExportLanguage.Parameter].ToString());
            var body = await File.ReadAllBytesAsync(Path.Combine(folder, file));
            var expected = ExportFiles.NdjsonRows(await server.Client.GetStringAsync($"export/{list}.ndjson?{filters}"));

            var rows = ExportFiles.XlsxRows(body);
            var cells = ExportFiles.XlsxCells(body);
            var id = headers[columns.ToList().FindIndex(c => c.Name == "id")];
            Assert.Equal(headers, rows[0].Keys);
            Assert.Contains("地区代码", headers);
            Assert.Equal(expected.Select(r => r.GetProperty("id").GetString()), rows.Select(r => (string)r[id]));
            foreach (var code in columns.Where(c => c.Name.EndsWith("code", StringComparison.Ordinal)).Select(c => headers[columns.ToList().IndexOf(c)]))
            {
                Assert.All(cells.Where(r => r.ContainsKey(code) && r[code].Value.Length > 0), r => Assert.Equal("str", r[code].Type));
            }
        }
    }

    /// <summary>
    /// Records that some browser tests need, made through the API when it has the feature: the name of an environment
    /// variable and its value. A test whose variable is missing skips itself. Add the donor's pledge scenario here.
    /// </summary>
    private async Task<Dictionary<string, string>> ScenariosAsync()
    {
        var scenarios = new Dictionary<string, string>();
        if (await SchemaHasAsync("Mutation", "fileObjection") && await SchemaHasAsync("Mutation", "publishNotice"))
        {
            var publisher = await TestPublisher.ForDemoCountyAsync(server);
            scenarios["OPENAID_OPEN_NOTICE"] = await publisher.PublishNoticeOpenForObjectionsAsync();

            // The Reviewer of the notice's county answers objections to it in the Reviewer workspace (desk.test.mjs).
            var countyOffice = await OfficeCodeAsync(publisher.County);
            scenarios["OPENAID_TOKEN_NOTICE_REVIEWER"] = server.MintToken([Roles.Reviewer], publisher.County, countyOffice);
        }

        if (await SchemaHasAsync("Mutation", "pledge") && await SchemaHasAsync("Mutation", "reviewNeed"))
        {
            // The pledge test registers and approves a need of a county's village, then pledges as an enterprise.
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var office = (await db.Organizations.Where(o => o.Kind == OrganizationKind.Government && o.Name.EndsWith("扶贫开发办公室")).OrderBy(o => o.Id).ToListAsync())
                .First(o => o.RegionCode is { } home && RegionCode.LevelOf(home) == RegionLevel.County);
            var village = await db.Regions.Where(r => r.Code > office.RegionCode && r.Code < office.RegionCode + 1_000_000 && r.Level == RegionLevel.Village).OrderBy(r => r.Code).FirstAsync();
            var donor = await db.Organizations.Where(o => o.Kind == OrganizationKind.PrivateEnterprise).OrderBy(o => o.Id).FirstAsync();
            var county = RegionCode.Of(office.RegionCode!.Value).ShortForm;
            scenarios["OPENAID_TOKEN_PUBLISHER"] = server.MintToken([Roles.Publisher], county, office.Code, subject: "browser-publisher");
            scenarios["OPENAID_TOKEN_REVIEWER"] = server.MintToken([Roles.Reviewer], county, office.Code, "李明", "browser-reviewer");
            scenarios["OPENAID_TOKEN_DONOR"] = server.MintToken([Roles.Donor], null, donor.Code, subject: "browser-donor");
            scenarios["OPENAID_NEED_VILLAGE"] = village.RegionCode.ShortForm;
            scenarios["OPENAID_DONOR_ORG"] = donor.Code;

            // The village side confirms agreements and receipts (desk.test.mjs): a Publisher of the village, acting for
            // its township's government where the demo data has one.
            var township = village.Code / 1000 * 1000;
            var townshipGovernment = await db.Organizations.Where(o => o.Kind == OrganizationKind.Government && o.RegionCode == township).Select(o => o.Code).FirstOrDefaultAsync();
            scenarios["OPENAID_TOKEN_VILLAGE"] = server.MintToken([Roles.Publisher], village.RegionCode.ShortForm, townshipGovernment ?? office.Code, subject: "browser-village");
            scenarios["OPENAID_TOKEN_AUDITOR"] = server.MintToken([Roles.Auditor], null, null, "王审计", "browser-auditor");
        }

        if (await SchemaHasAsync("Query", "noticePublicationCheck"))
        {
            // The Publisher workspace test: a county poverty office's official, and a village's officer acting for the
            // township government above it, in a county with demo data.
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var governments = await db.Organizations.Where(o => o.Kind == OrganizationKind.Government).OrderBy(o => o.Id).ToListAsync();
            var placed = governments.Where(o => o.RegionCode is not null).Select(o => (Organization: o, Region: o.RegionCode!.Value)).ToList();
            var (office, township) = placed
                .Where(o => o.Organization.Name.EndsWith("扶贫开发办公室", StringComparison.Ordinal) && RegionCode.LevelOf(o.Region) == RegionLevel.County)
                .SelectMany(o => placed.Where(t => RegionCode.LevelOf(t.Region) == RegionLevel.Township && RegionCode.Of(o.Region).Contains(t.Region)).Select(t => (o, t)))
                .First();
            var village = await db.Regions.Where(r => r.ParentCode == township.Region && r.Level == RegionLevel.Village).OrderBy(r => r.Code).FirstAsync();
            scenarios["OPENAID_PUBLISHER_COUNTY_TOKEN"] = server.MintToken([Roles.Publisher], RegionCode.Of(office.Region).ShortForm, office.Organization.Code, subject: "browser-county-publisher");
            scenarios["OPENAID_PUBLISHER_VILLAGE_TOKEN"] = server.MintToken([Roles.Publisher], village.RegionCode.ShortForm, township.Organization.Code, subject: "browser-village-publisher");
            scenarios["OPENAID_PUBLISHER_VILLAGE"] = village.RegionCode.ShortForm;
        }

        if (await SchemaHasAsync("Mutation", "proposeExit"))
        {
            // The exits test: the poverty office's official of a county with a poor village whose last figures meet the
            // criteria and whose exit is not under way; the test finds that village through the API.
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var year = DemoYears.Calendar.LastYear;
            var underWay = await db.Exits.Where(e => e.Status == ExitStatus.Proposed).Select(e => e.RegionCode).ToListAsync();
            var poor = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.PovertyStatus == PovertyStatus.Poor).OrderBy(r => r.Code).ToListAsync();
            foreach (var village in poor.Where(v => !underWay.Contains(v.Code)))
            {
                var county = RegionCode.Of(village.Code / 1_000_000 * 1_000_000).ShortForm;
                if (await ExitAssessments.AssessAsync(db, village, year, CancellationToken.None) is { Snapshot.Met: true } && await OfficeCodeAsync(county) is { } office)
                {
                    scenarios["OPENAID_EXIT_COUNTY"] = county;
                    scenarios["OPENAID_EXIT_COUNTY_TOKEN"] = server.MintToken([Roles.Publisher], county, office, subject: "browser-exit-publisher");
                    break;
                }
            }
        }

        if (await SchemaHasAsync("Mutation", "recordMicrocredit"))
        {
            // The microcredit test: a county poverty office's Publisher records the county's figures, its Reviewer
            // answers a misuse report in the county with what the answer changed.
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
            var office = (await db.Organizations.Where(o => o.Kind == OrganizationKind.Government && o.Name.EndsWith("扶贫开发办公室")).OrderByDescending(o => o.Id).ToListAsync())
                .First(o => o.RegionCode is { } home && RegionCode.LevelOf(home) == RegionLevel.County);
            var county = RegionCode.Of(office.RegionCode!.Value).ShortForm;
            scenarios["OPENAID_CREDIT_COUNTY"] = county;
            scenarios["OPENAID_CREDIT_PUBLISHER_TOKEN"] = server.MintToken([Roles.Publisher], county, office.Code, subject: "browser-credit-publisher");
            scenarios["OPENAID_CREDIT_REVIEWER_TOKEN"] = server.MintToken([Roles.Reviewer], county, office.Code, subject: "browser-credit-reviewer");
        }

        return scenarios;
    }

    private async Task<string?> OfficeCodeAsync(string county)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenAidDbContext>();
        var code = RegionCode.Parse(county).Value;
        return await db.Organizations.Where(o => o.RegionCode == code && o.Name.EndsWith("扶贫开发办公室")).Select(o => o.Code).FirstOrDefaultAsync();
    }

    private async Task<bool> SchemaHasAsync(string type, string field)
    {
        var response = await server.PostAsync("query($name: String!) { __type(name: $name) { fields { name } } }", new { name = type });
        var fields = response.Get("data", "__type");
        return fields.ValueKind == System.Text.Json.JsonValueKind.Object
            && fields.GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == field);
    }
}
