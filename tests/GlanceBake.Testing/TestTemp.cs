using System.Diagnostics;

namespace GlanceBake.Testing;

/// <summary>
/// Temporary folders for tests, all below <c>$TMPDIR/glancebake-tests/&lt;process id&gt;/</c>. The run's folder is
/// removed when the test process exits, and folders of test runs whose process is gone are removed on first use,
/// so repeated runs on a kept machine do not pile up bakes in /tmp.
/// </summary>
public static class TestTemp
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "glancebake-tests");
    private static readonly Lazy<string> RunDir = new(CreateRunDir);

    /// <summary>A fresh, empty folder; <paramref name="label"/> makes it recognisable (<c>zed-debian12-1a2b...</c>).</summary>
    public static string NewDir(string label = "t")
    {
        var dir = Path.Combine(RunDir.Value, $"{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string CreateRunDir()
    {
        Directory.CreateDirectory(Root);
        foreach (var stale in Directory.EnumerateDirectories(Root))
        {
            if (int.TryParse(Path.GetFileName(stale), out var pid) && !IsRunning(pid))
            {
                TryDelete(stale);
            }
        }

        var dir = Path.Combine(Root, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(dir);
        return dir;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // another run may hold it; the next run removes it
        }
    }
}
