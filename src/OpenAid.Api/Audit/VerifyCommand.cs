using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using OpenAid.Data.Audit.Verification;

namespace OpenAid.Api.Audit;

/// <summary>
/// `verify &lt;URL or dump.zip&gt; [--against &lt;earlier dump.zip&gt;] [--key &lt;PEM file&gt;]`: verifies a published audit
/// trail offline, as anyone can — no host is built and no database opened. A site's URL fetches its
/// /export/dump.zip, a URL ending in .zip that file. Exit 0 when everything verifies, 1 at the first broken place,
/// 2 when the command, a download or a file is unusable.
/// </summary>
public static class VerifyCommand
{
    public const string Usage = "usage: verify <URL or dump.zip> [--against <earlier dump.zip>] [--key <PEM file>]";

    public const int Verified = 0;
    public const int Failed = 1;
    public const int Unusable = 2;

    /// <summary>Below this a download is quick enough to need no progress.</summary>
    private const long ProgressThreshold = 1 << 20;

    /// <param name="http">Where downloads go; a fresh client when null.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? http = null, CancellationToken ct = default)
    {
        if (!TryParse(args, out var source, out var against, out var keyFile, out var complaint))
        {
            error.WriteLine(complaint);
            error.WriteLine(Usage);
            return Unusable;
        }

        using var client = new HttpClient(http ?? new SocketsHttpHandler(), disposeHandler: http is null) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var pinned = keyFile is null ? null : ReadKey(keyFile);
            using var dump = await Dump.OpenAsync(source, client, error, ct);
            using var earlier = against is null ? null : await Dump.OpenAsync(against, client, error, ct);
            var result = await AuditVerifier.VerifyAsync(dump.Audit, new AuditVerificationOptions(earlier?.Audit, pinned), ct);
            output.WriteLine(Summary(result));
            if (result.Trust == KeyTrustBasis.FirstUse)
            {
                output.WriteLine($"Key {string.Join(", ", result.TrustedKeys)} was trusted on first use: nothing but this dump vouches for it. "
                    + "Give --against <earlier dump.zip> or --key <PEM file> to check it against a copy you kept.");
            }

            return result.Valid ? Verified : Failed;
        }
        catch (Exception exception) when (exception is UnusableException or PublishedFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(exception is UnusableException or PublishedFormatException ? exception.Message : $"Could not read {source}: {exception.Message}");
            return Unusable;
        }
    }

    /// <summary>The OK or FAILED line, as FORMAT.md gives it.</summary>
    public static string Summary(AuditVerificationResult result) => result.Problem is { } problem
        ? $"FAILED: {problem.Code} at {AuditVerifier.Place(problem)}: {problem.Message}"
        : $"OK: {N(result.EntriesChecked)} entries, {N(result.CheckpointsChecked)} checkpoints, {N(result.RecordsChecked)} records; "
            + (result.LastCheckpoint is { } last ? $"last checkpoint #{N(last.Sequence)} at {last.At} (key {last.KeyId})" : "no checkpoint");

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static bool TryParse(string[] args, out string source, out string? against, out string? keyFile, out string complaint)
    {
        (source, against, keyFile, complaint) = ("", null, null, "");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--against" when value is not null && against is null:
                    against = value;
                    i++;
                    break;
                case "--key" when value is not null && keyFile is null:
                    keyFile = value;
                    i++;
                    break;
                case var positional when !positional.StartsWith("--", StringComparison.Ordinal) && source.Length == 0:
                    source = positional;
                    break;
                default:
                    complaint = $"'{args[i]}' is not understood.";
                    return false;
            }
        }

        complaint = source.Length == 0 ? "Give the URL of a site or a dump.zip to verify." : "";
        return source.Length > 0;
    }

    /// <summary>The SubjectPublicKeyInfo of a PEM public key.</summary>
    private static byte[] ReadKey(string file)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(file));
            return ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            throw new UnusableException($"--key {file}: not an ECDSA public key in PEM (-----BEGIN PUBLIC KEY-----).");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UnusableException($"--key {file}: {exception.Message}");
        }
    }

    /// <summary>Bad arguments, a failed download or a file that cannot be opened: exit 2 with a message, never a trace.</summary>
    private sealed class UnusableException(string message) : Exception(message);

    /// <summary>A dump opened as a zip: a local file, or a download into a temporary file that goes when the dump is closed.</summary>
    private sealed class Dump(Stream file, ZipArchive archive, IPublishedAudit audit) : IDisposable
    {
        public IPublishedAudit Audit { get; } = audit;

        public static async Task<Dump> OpenAsync(string source, HttpClient client, TextWriter error, CancellationToken ct)
        {
            var file = Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? await DownloadAsync(DumpAddress(url), client, error, ct)
                : OpenLocal(source);
            try
            {
                var archive = new ZipArchive(file, ZipArchiveMode.Read);
                return new Dump(file, archive, NdjsonPublishedAudit.FromDump(archive, source));
            }
            catch (InvalidDataException exception)
            {
                await file.DisposeAsync();
                throw new UnusableException($"{source} is not a zip file ({exception.Message}).");
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        }

        public void Dispose()
        {
            archive.Dispose();
            file.Dispose();
        }

        /// <summary>A direct .zip address as it is; a site's address gets /export/dump.zip under it.</summary>
        private static Uri DumpAddress(Uri url) =>
            url.AbsolutePath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? url : new UriBuilder(url) { Path = url.AbsolutePath.TrimEnd('/') + "/export/dump.zip" }.Uri;

        private static FileStream OpenLocal(string path)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new UnusableException($"Could not open {path}: {exception.Message}");
            }
        }

        private static async Task<FileStream> DownloadAsync(Uri url, HttpClient client, TextWriter error, CancellationToken ct)
        {
            error.WriteLine($"Downloading {url}");
            var file = new FileStream(
                Path.Combine(Path.GetTempPath(), $"openaid-verify-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new UnusableException($"Could not download {url}: {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await CopyWithProgressAsync(body, file, response.Content.Headers.ContentLength, error, ct);
                file.Position = 0;
                return file;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                await file.DisposeAsync();
                throw new UnusableException($"Could not download {url}: {exception.Message}");
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        }

        /// <summary>Copies, saying on stderr how far it got at every tenth of a big file (every 8 MB when its size is not known).</summary>
        private static async Task CopyWithProgressAsync(Stream from, Stream to, long? length, TextWriter error, CancellationToken ct)
        {
            var buffer = new byte[1 << 16];
            long copied = 0, reported = 0;
            var step = length is { } total ? Math.Max(total / 10, 1) : 8L << 20;
            int read;
            while ((read = await from.ReadAsync(buffer, ct)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), ct);
                copied += read;
                if (copied - reported >= step && (length ?? copied) >= ProgressThreshold)
                {
                    reported = copied;
                    Report(copied, length, error);
                }
            }

            if (copied >= ProgressThreshold && reported != copied)
            {
                Report(copied, length, error);
            }
        }

        private static void Report(long copied, long? length, TextWriter error) =>
            error.WriteLine(length is { } size and > 0 ? $"  {Megabytes(copied)} of {Megabytes(size)} ({copied * 100 / size}%)" : $"  {Megabytes(copied)}");

        private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0 MB", CultureInfo.InvariantCulture);
    }
}
