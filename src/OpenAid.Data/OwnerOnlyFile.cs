namespace OpenAid.Data;

/// <summary>Secret files (signing keys) readable and writable by their owner only: 0600 where the system has modes.</summary>
public static class OwnerOnlyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes a new file, created with mode 0600 (never readable by others, not even for a moment); fails if it exists.</summary>
    public static void CreateNew(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }

    /// <summary>Puts a file from before the mode was enforced, or one loosened by hand, back to 0600.</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
