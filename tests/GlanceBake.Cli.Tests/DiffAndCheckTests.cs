using Xunit;
using static GlanceBake.Cli.Tests.CliHarness;

namespace GlanceBake.Cli.Tests;

/// <summary><c>glancebake diff OLD NEW</c> and <c>glancebake bake --check DIR [PARAMS]</c> over review trees.</summary>
public sealed class DiffAndCheckTests
{
    private static string Changed(string dir)
    {
        var path = Path.Combine(dir, "controller.yaml"); // same file name: the generated-by lines stay equal
        File.WriteAllText(path, File.ReadAllText(Example).Replace("  user: glance\n", "  user: glance_x\n", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Diff_SameParameters_IsEmptyAndExitsZero()
    {
        var r = Run("diff", Example, Example);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Diff_ChangedUser_IsAUnifiedDiffOfTheReviewTreeAndExitsOne()
    {
        var changed = Changed(NewTempDir());
        var r = Run("diff", Example, changed);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--- a/rootfs/etc/glance/glance-api.conf\n+++ b/rootfs/etc/glance/glance-api.conf\n", r.Stdout);
        Assert.Contains("\n-connection = mysql+pymysql://glance:<secret:database.password>@10.0.0.11/glance\n+connection = mysql+pymysql://glance_x:<secret:database.password>@10.0.0.11/glance\n", r.Stdout);
        Assert.Contains("\n-username = glance\n+username = glance_x\n", r.Stdout);
        Assert.Matches(@"\n@@ -\d+,\d+ \+\d+,\d+ @@", r.Stdout);
    }

    [Fact]
    public void Diff_BakedFolderAgainstItsParameters_IsEmpty()
    {
        var output = Path.Combine(NewTempDir(), "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        Assert.Equal(0, Run("diff", output, Example).ExitCode);
        Assert.Equal(0, Run("diff", Path.Combine(output, "review"), Example).ExitCode);
    }

    [Fact]
    public void Diff_FileOnlyOnOneSide_ShowsDevNull()
    {
        var output = Path.Combine(NewTempDir(), "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        File.Delete(Path.Combine(output, "review", "meta-data"));
        var r = Run("diff", output, Example);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--- /dev/null\n+++ b/meta-data\n", r.Stdout);
    }

    [Fact]
    public void Check_UpToDate_ExitsZeroAndWritesNothing()
    {
        var dir = NewTempDir();
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        var before = Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order().ToList();
        var r = Run("bake", "--check", output, Example);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("up to date", r.Stdout);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void Check_CopiedReviewFolder_NamesEachDifferingFileAndExitsOne()
    {
        var dir = NewTempDir();
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        var committed = Path.Combine(dir, "repo", "review");
        Directory.CreateDirectory(committed);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(output, "review"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(committed, Path.GetRelativePath(Path.Combine(output, "review"), f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }

        Assert.Equal(0, Run("bake", "--check", committed, Example).ExitCode);
        var r = Run("bake", "--check", committed, Changed(NewTempDir()));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{Path.Combine(committed, "rootfs/etc/glance/glance-api.conf")}: error GB3004: differs from what ", r.Stderr);
        Assert.Contains($"{Path.Combine(committed, "user-data")}: error GB3004:", r.Stderr);
        Assert.DoesNotContain(Path.Combine(committed, "meta-data") + ":", r.Stderr);
    }

    [Fact]
    public void Check_DoesNotNeedTheRealSecrets()
    {
        // The review tree depends on no secret value: CI can check with throwaway secrets.
        var dir = NewTempDir();
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        var other = Path.Combine(NewTempDir(), "controller.yaml");
        File.WriteAllText(other, File.ReadAllText(Example).Replace("GLANCE_PASS", "{env: CI_THROWAWAY}", StringComparison.Ordinal));
        var r = Run(new Dictionary<string, string> { ["CI_THROWAWAY"] = "x9" }, "bake", "--check", output, other);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }
}
