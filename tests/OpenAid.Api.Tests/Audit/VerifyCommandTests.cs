using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using OpenAid.Api.Audit;
using OpenAid.Api.Tests.Infrastructure;
using OpenAid.Data.Tests.Audit;

namespace OpenAid.Api.Tests.Audit;

/// <summary>
/// `verify` as a user runs it: over dump files on disk and over HTTP from a site, with its exit codes and its lines —
/// OK or FAILED with the first broken place, the trust-on-first-use note, and a plain message for unusable input.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly PublishedTrail _trail = PublishedTrail.Sample();
    private readonly string _folder = Directory.CreateTempSubdirectory("openaid-verify-tests-").FullName;

    public void Dispose()
    {
        _trail.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_untouched_dump_verifies_with_exit_0_and_says_its_key_was_trusted_on_first_use()
    {
        var run = await RunAsync(Save("dump.zip", _trail.ToZip()));

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            [
                $"OK: 12 entries, 3 checkpoints, 6 records; last checkpoint #12 at 2026-12-02T13:00:00.0000000+00:00 (key {PublishedTrail.KeyId(_trail.Key)})",
                $"Key {PublishedTrail.KeyId(_trail.Key)} was trusted on first use: nothing but this dump vouches for it. Give --against <earlier dump.zip> or --key <PEM file> to check it against a copy you kept.",
            ],
            run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task A_changed_entry_fails_with_exit_1_naming_the_entry()
    {
        _trail.Field(6, "after.Name")["value"] = "假冒的机构";

        var run = await RunAsync(Save("dump.zip", _trail.ToZip()));

        Assert.Equal(1, run.Exit);
        Assert.Equal("FAILED: HASH_MISMATCH at entry 6: Entry 6 was changed after it was written: its hash does not match its content.", run.Output[0]);
    }

    [Fact]
    public async Task A_record_edited_behind_the_api_fails_naming_the_record_and_property()
    {
        _trail.Record("Notice", "1")["fields"]!["Title"] = "改过的标题";

        var run = await RunAsync(Save("dump.zip", _trail.ToZip()));

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("FAILED: RECORD_MISMATCH at record Notice 1 (Title): Notice 1 has Title = \"改过的标题\"", run.Output[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_an_earlier_dump_or_a_pinned_key_a_replaced_key_fails_and_nothing_is_trusted_on_first_use()
    {
        var earlier = Save("earlier.zip", _trail.EarlierDump(8));
        var pem = Save("audit-key.pem", System.Text.Encoding.ASCII.GetBytes(_trail.Key.ExportSubjectPublicKeyInfoPem()));
        var untouched = Save("dump.zip", _trail.ToZip());

        var extends = await RunAsync(untouched, "--against", earlier);
        Assert.Equal(0, extends.Exit);
        Assert.Single(extends.Output);
        Assert.Equal(0, (await RunAsync(untouched, "--key", pem)).Exit);

        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _trail.ResignAll(forger);
        var forged = Save("forged.zip", _trail.ToZip());
        foreach (var trust in new[] { new[] { "--against", earlier }, ["--key", pem] })
        {
            var run = await RunAsync([forged, .. trust]);
            Assert.Equal(1, run.Exit);
            Assert.StartsWith("FAILED: UNTRUSTED_KEY at checkpoint #4: ", run.Output[0], StringComparison.Ordinal);
            Assert.Single(run.Output);
        }

        // Alone, the forged dump is consistent: it verifies, and says on what trust.
        var alone = await RunAsync(forged);
        Assert.Equal(0, alone.Exit);
        Assert.StartsWith($"Key {PublishedTrail.KeyId(forger)} was trusted on first use", alone.Output[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unusable_input_exits_2_with_a_message_and_no_stack_trace()
    {
        var dump = Save("dump.zip", _trail.ToZip());
        var notZip = Save("notes.zip", "not a zip"u8.ToArray());
        var noAudit = Save("old.zip", _trail.ToZip("audit/entries.ndjson", "audit/keys.json"));
        var badKey = Save("key.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"u8.ToArray());
        var lines = _trail.ToZip();
        using (var archive = new ZipArchive(new MemoryStream(lines), ZipArchiveMode.Read))
        {
            lines = Rewritten(archive, "audit/checkpoints.ndjson", "{\"sequence\":\"four\"}\n");
        }

        var malformed = Save("malformed.zip", lines);
        (string[] Args, string Message)[] cases =
        [
            ([], VerifyCommand.Usage),
            ([dump, "--bogus"], "'--bogus' is not understood."),
            ([dump, "--against"], "'--against' is not understood."),
            ([dump, dump], $"'{dump}' is not understood."),
            ([Path.Combine(_folder, "missing.zip")], "Could not open"),
            ([notZip], $"{notZip} is not a zip file"),
            ([noAudit], $"{noAudit} is not a dump with an audit trail: audit/entries.ndjson, audit/keys.json are missing."),
            ([dump, "--key", badKey], $"--key {badKey}: not an ECDSA public key in PEM"),
            ([dump, "--key", Path.Combine(_folder, "nokey.pem")], $"--key {Path.Combine(_folder, "nokey.pem")}:"),
            ([malformed], $"{malformed}: audit/checkpoints.ndjson line 1 does not have the form of the audit format"),
        ];
        foreach (var (args, message) in cases)
        {
            var run = await RunAsync(args);
            Assert.True(run.Exit == 2, $"{string.Join(' ', args)}: exit {run.Exit}");
            Assert.Contains(run.Error, line => line.Contains(message, StringComparison.Ordinal));
            Assert.DoesNotContain(run.Error, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
            Assert.Empty(run.Output);
        }
    }

    [Fact]
    public async Task A_site_is_fetched_at_export_dump_zip_a_zip_address_as_it_is_with_progress_for_a_big_file()
    {
        // A big dump: the audit files and a megabyte and a half of other data.
        var big = _trail.ToZip();
        using (var archive = new ZipArchive(new MemoryStream(big), ZipArchiveMode.Read))
        {
            big = Rewritten(archive, "notices.ndjson", Convert.ToBase64String(RandomNumberGenerator.GetBytes(1_200_000)));
        }

        await using var site = await DumpSite.StartAsync(new Dictionary<string, byte[]>
        {
            ["/openaid/export/dump.zip"] = big,
            ["/files/latest.zip"] = _trail.ToZip(),
            ["/files/earlier.zip"] = _trail.EarlierDump(8),
        });

        var fromSite = await RunAsync($"{site.Root}/openaid/");
        Assert.Equal(0, fromSite.Exit);
        Assert.StartsWith("OK: 12 entries", fromSite.Output[0], StringComparison.Ordinal);
        Assert.Equal($"Downloading {site.Root}/openaid/export/dump.zip", fromSite.Error[0]);
        Assert.Contains(fromSite.Error, line => line.EndsWith("(100%)", StringComparison.Ordinal) && line.Contains(" MB of ", StringComparison.Ordinal));

        var direct = await RunAsync($"{site.Root}/files/latest.zip", "--against", $"{site.Root}/files/earlier.zip");
        Assert.Equal(0, direct.Exit);
        Assert.Equal([$"Downloading {site.Root}/files/latest.zip", $"Downloading {site.Root}/files/earlier.zip"], direct.Error);

        var missing = await RunAsync($"{site.Root}/elsewhere");
        Assert.Equal(2, missing.Exit);
        Assert.Equal($"Could not download {site.Root}/elsewhere/export/dump.zip: 404 Not Found.", missing.Error[^1]);
    }

    [Fact]
    public async Task The_program_runs_verify_without_a_database_or_a_host()
    {
        var dump = Save("dump.zip", _trail.ToZip());
        var api = Path.Combine(AppContext.BaseDirectory, "OpenAid.Api.dll");
        var workingFolder = Directory.CreateDirectory(Path.Combine(_folder, "cwd")).FullName;

        var run = await ExternalProcess.RunAsync("dotnet", [api, "verify", dump], workingFolder, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("OK: 12 entries, 3 checkpoints, 6 records;", run.Output, StringComparison.Ordinal);
        // No database file, no data folder: nothing was opened or migrated.
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingFolder));
    }

    private sealed record Run(int Exit, string[] Output, string[] Error);

    private static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await VerifyCommand.RunAsync(args, output, error);
        return new Run(exit, Lines(output), Lines(error));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string Save(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A copy of the zip with one file replaced or added.</summary>
    private static byte[] Rewritten(ZipArchive source, string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var copy = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != name))
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            using var added = copy.CreateEntry(name, CompressionLevel.NoCompression).Open();
            added.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>A tiny site on 127.0.0.1 that serves fixed files and answers 404 for everything else.</summary>
    private sealed class DumpSite : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private DumpSite(IReadOnlyDictionary<string, byte[]> files, int port)
        {
            Root = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Root + "/");
            _listener.Start();
            _serving = ServeAsync(files);
        }

        public string Root { get; }

        public static Task<DumpSite> StartAsync(IReadOnlyDictionary<string, byte[]> files)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return Task.FromResult(new DumpSite(files, port));
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
            _listener.Close();
        }

        private async Task ServeAsync(IReadOnlyDictionary<string, byte[]> files)
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var response = context.Response;
                if (files.TryGetValue(context.Request.Url!.AbsolutePath, out var content))
                {
                    response.ContentType = "application/zip";
                    response.ContentLength64 = content.Length;
                    await response.OutputStream.WriteAsync(content);
                }
                else
                {
                    response.StatusCode = 404;
                }
            }
        }
    }
}
