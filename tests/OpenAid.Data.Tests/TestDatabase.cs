using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenAid.Data.Tests;

/// <summary>A real SQLite file in a temporary folder, deleted with the folder.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openaid-data-tests-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class TestDatabase
{
    public static SqliteOpenAidDbContext Open(string file)
    {
        var builder = new DbContextOptionsBuilder<SqliteOpenAidDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, $"Data Source={file}");
        return new SqliteOpenAidDbContext(builder.Options);
    }

    /// <summary>Copies a closed database file (with its WAL, if any) so that a test can write to its own copy.</summary>
    public static void Copy(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            if (System.IO.File.Exists(from + suffix))
            {
                System.IO.File.Copy(from + suffix, to + suffix, overwrite: true);
            }
        }
    }
}

/// <summary>Collects progress lines (IProgress&lt;T&gt; from Progress would post them asynchronously).</summary>
public sealed class ProgressLog : IProgress<string>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Report(string value)
    {
        lock (_lines)
        {
            _lines.Add(value);
        }

        Debug.WriteLine(value);
    }
}
