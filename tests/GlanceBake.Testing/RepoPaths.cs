namespace GlanceBake.Testing;

/// <summary>Where the repository is, for tests that read shipped files (examples/, tests/scenarios/).</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds GlanceBake.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GlanceBake.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no GlanceBake.sln above {AppContext.BaseDirectory}");
    }
}
