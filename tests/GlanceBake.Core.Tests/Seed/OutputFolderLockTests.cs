using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Cases;
using Xunit;

namespace GlanceBake.Core.Tests.Seed;

/// <summary>
/// Issue 9: two bakes into one output folder, and the leftovers of a killed one. The lock is an open file
/// description (flock on Linux), so two handles in one process exclude each other as two processes do; the
/// process-level tests are in GlanceBake.Cli.Tests (InterruptedAndConcurrentBakeTests).
/// </summary>
public sealed class OutputFolderLockTests
{
    [Fact]
    public void Acquire_WhileHeld_ThrowsBusyNamingTheLockFile_AndSucceedsOnceReleased()
    {
        var output = Path.Combine(TestBake.NewTempDir(), "out");
        var first = OutputFolderLock.Acquire(output);

        var busy = Assert.Throws<OutputFolderBusyException>(() => OutputFolderLock.Acquire(output));
        Assert.Equal(OutputFolderLock.LockFileFor(output), busy.LockFile);
        Assert.Contains("another bake is writing this output folder", busy.Message, StringComparison.Ordinal);

        first.Dispose();
        using var second = OutputFolderLock.Acquire(output);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(output)!, ".out.glancebake-lock"), second.LockFile);
    }

    [Fact]
    public void Write_WhileAnotherHoldsTheLock_ThrowsBusyAndTouchesNothing()
    {
        var dir = TestBake.NewTempDir();
        var output = Path.Combine(dir, "out");
        var bundle = TestBake.Bake(TestBake.ExampleText);
        BundleWriter.Write(bundle, output);
        var before = Snapshot(output);

        using (OutputFolderLock.Acquire(output))
        {
            Assert.Throws<OutputFolderBusyException>(() => BundleWriter.Write(bundle, output));
        }

        Assert.Equal(before, Snapshot(output));
        Assert.Equal([".out.glancebake-lock", "out"], Entries(dir));
    }

    /// <summary>A bake killed between its two renames leaves no <c>out/</c>, its old tree as <c>.out.glancebake-old</c>
    /// and possibly a staging folder; the next bake puts the old tree back, then replaces it and removes both.</summary>
    [Fact]
    public void Write_AfterABakeKilledBetweenItsRenames_RestoresThenReplacesAndLeavesNoLeftovers()
    {
        var dir = TestBake.NewTempDir();
        var output = Path.Combine(dir, "out");
        BundleWriter.Write(TestBake.Bake(TestBake.ExampleText), output);
        Directory.Move(output, Path.Combine(dir, ".out.glancebake-old"));
        Directory.CreateDirectory(Path.Combine(dir, ".out.glancebake-new", "cidata"));
        File.WriteAllText(Path.Combine(dir, ".out.glancebake-new", "seed.iso"), "half");

        var sums = BundleWriter.Write(TestBake.Bake(TestBake.ExampleText.Replace("hostname: controller", "hostname: other", StringComparison.Ordinal)), output);

        Assert.Equal([".out.glancebake-lock", "out"], Entries(dir));
        Assert.Equal(string.Join("\n", sums) + "\n", File.ReadAllText(Path.Combine(output, "SHA256SUMS")));
        Assert.Contains("local-hostname: other", File.ReadAllText(Path.Combine(output, "cidata", "meta-data")), StringComparison.Ordinal);
    }

    private static string[] Entries(string dir) =>
        [.. Directory.EnumerateFileSystemEntries(dir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);
}
