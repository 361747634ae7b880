using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OpenAid.Api.Audit;
using OpenAid.Api.Tests.Infrastructure;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// The server (verifyAuditChain), the offline command (./run.sh verify) and the independent JavaScript verifier
/// (web/tools/verify-audit.mjs) give the same verdict, with the same first broken place, on a real server's dump: as
/// downloaded, after an edit behind the API, and with an entry of the dump itself changed.
/// </summary>
public sealed class VerifiersAgreeTests : IAsyncLifetime
{
    private readonly AuditSigningServer _server = new(new FakeTimeProvider(DateTimeOffset.UtcNow));
    private readonly string _folder = Directory.CreateTempSubdirectory("openaid-verifiers-").FullName;

    public Task InitializeAsync() => _server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_three_verifiers_agree_on_a_dump_an_edit_behind_the_API_and_a_changed_entry()
    {
        await _server.WriteEntriesAsync(5);
        var dump = await DownloadDumpAsync("dump.zip");
        var server = await _server.VerifyAsync();
        Assert.True(server.GetProperty("valid").GetBoolean(), server.ToString());
        Assert.Equal((true, (string?)null, (long?)null), await JavaScriptAsync(dump));
        Assert.Equal((0, (string?)null), await CommandAsync(dump));

        // An edit behind the API: the server and both offline verifiers name the same record and property.
        await _server.ExecuteSqlAsync("UPDATE VillageStatistics SET Population = Population + 1");
        await _server.ExecuteSqlAsync("UPDATE DataVersions SET Version = Version + 1");
        var edited = await DownloadDumpAsync("edited.zip");
        var broken = await _server.VerifyAsync();
        Assert.Equal("RECORD_MISMATCH", broken.GetProperty("code").GetString());
        var record = broken.GetProperty("problem");
        var js = await JavaScriptRecordAsync(edited);
        Assert.Equal(
            (record.GetProperty("entityType").GetString(), record.GetProperty("entityKey").GetString(), record.GetProperty("field").GetString()),
            (js.Type, js.Key, js.Property));
        Assert.Equal("RECORD_MISMATCH", js.Code);
        Assert.Equal((1, "RECORD_MISMATCH"), await CommandAsync(edited));

        // A value changed inside the downloaded dump's entries: both offline verifiers stop at that entry.
        var changed = Path.Combine(_folder, "changed.zip");
        var sequence = ChangeLastPublicValue(dump, changed);
        Assert.Equal((false, "HASH_MISMATCH", sequence), await JavaScriptAsync(changed));
        var (exit, code) = await CommandAsync(changed);
        Assert.Equal((1, "HASH_MISMATCH"), (exit, code));
    }

    private async Task<string> DownloadDumpAsync(string name)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, await _server.DumpAsync());
        return path;
    }

    private static async Task<JsonElement> JavaScriptJsonAsync(string dump)
    {
        var run = await ExternalProcess.RunAsync("node", ["web/tools/verify-audit.mjs", dump, "--json"], TestPaths.RepositoryRoot, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode is 0 or 1, run.Output);
        return JsonDocument.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
    }

    private static async Task<(bool Valid, string? Code, long? Sequence)> JavaScriptAsync(string dump)
    {
        var result = await JavaScriptJsonAsync(dump);
        var problem = result.GetProperty("problem");
        return problem.ValueKind == JsonValueKind.Null
            ? (result.GetProperty("valid").GetBoolean(), null, null)
            : (result.GetProperty("valid").GetBoolean(), problem.GetProperty("code").GetString(), problem.GetProperty("sequence").ValueKind == JsonValueKind.Number ? problem.GetProperty("sequence").GetInt64() : null);
    }

    private static async Task<(string? Code, string? Type, string? Key, string? Property)> JavaScriptRecordAsync(string dump)
    {
        var problem = (await JavaScriptJsonAsync(dump)).GetProperty("problem");
        var record = problem.GetProperty("record");
        return (problem.GetProperty("code").GetString(), record.GetProperty("entityType").GetString(), record.GetProperty("entityKey").GetString(), record.GetProperty("property").GetString());
    }

    /// <summary>The command's exit code and the problem code on its FAILED line.</summary>
    private static async Task<(int Exit, string? Code)> CommandAsync(string dump)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await VerifyCommand.RunAsync([dump], output, error);
        var first = output.ToString().Split('\n')[0];
        return (exit, first.StartsWith("FAILED: ", StringComparison.Ordinal) ? first["FAILED: ".Length..].Split(' ')[0] : null);
    }

    /// <summary>Copies the dump with the value of the last public entry's last field in clear changed; returns that entry's sequence.</summary>
    private static long ChangeLastPublicValue(string dump, string copy)
    {
        File.Copy(dump, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.GetEntry("audit/entries.ndjson")!;
        string[] lines;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
        {
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        var index = Array.FindLastIndex(lines, l => l.Contains("\"visibility\":\"public\"", StringComparison.Ordinal));
        var line = JsonNode.Parse(lines[index])!.AsObject();
        var field = line["fields"]!.AsArray().Last(f => f!["salt"] is not null)!;
        field["value"] = (field["value"]?.GetValue<string>() ?? "") + "x";
        lines[index] = line.ToJsonString();
        entry.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry("audit/entries.ndjson").Open(), new UTF8Encoding(false)))
        {
            writer.Write(string.Join('\n', lines) + "\n");
        }

        return line["sequence"]!.GetValue<long>();
    }
}
