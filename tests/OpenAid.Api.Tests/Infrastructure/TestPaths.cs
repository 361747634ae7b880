namespace OpenAid.Api.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The folder holding OpenAid.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenAid.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("OpenAid.sln not found above " + AppContext.BaseDirectory);
    }
}
