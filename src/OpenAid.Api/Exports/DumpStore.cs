using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OpenAid.Api.Caching;

namespace OpenAid.Api.Exports;

/// <summary>A built dump: the file, what it was built from, and its validator.</summary>
/// <param name="ETag">The data version and a hash of the bytes: two instances that built the same version apart
/// wrote different bytes (their generatedAt), and a range of one must never be spliced onto the other's.</param>
public sealed record DumpFile(long Version, string Path, string DataAsOf, long Rows, DateTimeOffset LastModified, string ETag);

/// <summary>
/// /export/dump.zip, built at most once per data version into a file in <see cref="ExportOptions.DataDirectory"/> and
/// served from it, with ETag (If-None-Match: 304) and Range (206). The first request after a write builds the new
/// version while the requests that arrive meanwhile wait for that same build; a build takes one of the export slots
/// (<see cref="ExportGate"/>), waiting for one does not. The file of the previous version is deleted once the new one
/// is in place. Each instance builds its own (the bytes differ, so does the ETag).
/// </summary>
public sealed class DumpStore
{
    private const string Prefix = "openaid-dump-v";

    private readonly OpenData _openData;
    private readonly ExportGate _gate;
    private readonly DataVersionSource _versions;
    private readonly CancellationToken _stopping;
    private readonly ILogger<DumpStore> _logger;
    private readonly IServiceProvider _services;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Task<DumpFile>> _building = [];
    private DumpFile? _current;
    private long _discardBelow;
    private long _builds;

    public DumpStore(OpenData openData, ExportGate gate, string directory, IServiceProvider services)
    {
        _openData = openData;
        _gate = gate;
        Directory = directory;
        _versions = services.GetRequiredService<DataVersionSource>();
        _stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _logger = services.GetRequiredService<ILogger<DumpStore>>();
        _services = services;
    }

    public string Directory { get; }

    /// <summary>How many dumps this instance has built.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>The dump of the current data version, or null when it has to be built and every export slot is taken.</summary>
    /// <exception cref="ExportFailedException">The build failed.</exception>
    public async Task<DumpFile?> CurrentAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        while (true)
        {
            var file = await CurrentOnceAsync(requestServices, ct);
            // A redaction discarded the dump while it was being built: build the version that followed it.
            if (file is null || File.Exists(file.Path))
            {
                return file;
            }
        }
    }

    /// <summary>
    /// Deletes every dump built from a version before <paramref name="version"/> at once, and each such build still
    /// under way as soon as it ends, instead of when the next build replaces it: a redaction took something out of
    /// what they hold. The next request builds the current version.
    /// </summary>
    public void DiscardBefore(long version)
    {
        lock (_lock)
        {
            _discardBelow = Math.Max(_discardBelow, version);
            if (_current is not null && _current.Version < version)
            {
                _current = null;
            }
        }

        if (System.IO.Directory.Exists(Directory))
        {
            DeleteOlderThan(version);
        }
    }

    private async Task<DumpFile?> CurrentOnceAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        var (version, _) = await _versions.CurrentAsync(requestServices, ct);
        Task<DumpFile> build;
        lock (_lock)
        {
            if (_current?.Version == version && File.Exists(_current.Path))
            {
                return _current;
            }

            if (!_building.TryGetValue(version, out build!))
            {
                if (Existing(version) is { } existing)
                {
                    return _current = existing;
                }

                if (_gate.TryEnter() is not { } slot)
                {
                    return null;
                }

                // Not in the request's execution context: the build outlives a client that goes away, and reads as
                // no one (the scoped Actor comes from the HTTP context, which must not flow into it).
                using (ExecutionContext.SuppressFlow())
                {
                    build = Task.Run(() => BuildAsync(version, slot));
                }

                _building[version] = build;
            }
        }

        return await build.WaitAsync(ct);
    }

    private async Task<DumpFile> BuildAsync(long version, IDisposable slot)
    {
        var temporary = Path.Combine(Directory, $"{Prefix}{version}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            Interlocked.Increment(ref _builds);
            (string DataAsOf, long Rows) built;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            {
                built = await DumpArchive.BuildAsync(output, _openData, _services, _stopping);
            }

            var path = PathOf(version);
            File.Move(temporary, path, overwrite: true);
            var file = Describe(version, path, built.DataAsOf, built.Rows);
            lock (_lock)
            {
                if (version < _discardBelow)
                {
                    File.Delete(path);
                    return file;
                }

                if (_current is null || _current.Version <= version)
                {
                    _current = file;
                }
            }

            DeleteOlderThan(version);
            return file;
        }
        finally
        {
            slot.Dispose();
            File.Delete(temporary);
            lock (_lock)
            {
                _building.Remove(version);
            }
        }
    }

    /// <summary>A dump of this version left by an earlier run of this instance (or another on the same folder).</summary>
    private DumpFile? Existing(long version)
    {
        var path = PathOf(version);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            using var metadata = JsonDocument.Parse(zip.GetEntry(DumpArchive.MetadataFile)?.Open() ?? throw new InvalidDataException("no metadata"));
            var rows = metadata.RootElement.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("rows").GetInt64());
            return Describe(version, path, metadata.RootElement.GetProperty("dataAsOf").GetString() ?? throw new InvalidDataException("no dataAsOf"), rows);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _logger.LogWarning(exception, "Ignoring the unreadable dump {Path}; it will be built again.", path);
            return null;
        }
    }

    private static DumpFile Describe(long version, string path, string dataAsOf, long rows)
    {
        byte[] hash;
        using (var stream = File.OpenRead(path))
        {
            hash = SHA256.HashData(stream);
        }

        return new DumpFile(version, path, dataAsOf, rows, File.GetLastWriteTimeUtc(path), $"\"{version}-{Convert.ToHexStringLower(hash)[..16]}\"");
    }

    private void DeleteOlderThan(long version)
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*.zip"))
        {
            var name = Path.GetFileNameWithoutExtension(path)[Prefix.Length..];
            if (long.TryParse(name, out var old) && old < version)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Still being sent to someone (Windows); the next build tries again.
                }
            }
        }
    }

    private string PathOf(long version) => Path.Combine(Directory, $"{Prefix}{version}.zip");

    /// <summary>The default folder: one per database under the temporary directory, so that two hosts on one machine never share a dump.</summary>
    public static string DefaultDirectory(string? connectionString) =>
        Path.Combine(Path.GetTempPath(), "openaid-dumps", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(connectionString ?? "")))[..16]);
}
