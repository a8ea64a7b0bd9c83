using System.Globalization;

namespace GlanceBake.Testing;

/// <summary>How much of a file is stored on disk: tests of sparse copies compare it, since holes read as zeros.</summary>
public static class AllocatedSize
{
    /// <summary>
    /// Bytes the file system allocated for <paramref name="path"/>: <c>st_blocks</c> * 512 (stat(2)), read with
    /// coreutils' <c>stat -c %b</c> because .NET does not expose st_blocks.
    /// </summary>
    public static long Of(string path)
    {
        var stat = ExternalTool.Run("stat", ["-c", "%b", path]).ShouldSucceed("stat");
        return long.Parse(stat.StandardOutput.Trim(), CultureInfo.InvariantCulture) * 512;
    }
}
