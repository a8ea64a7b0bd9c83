using System.Text.RegularExpressions;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Issue 9: a bake killed (SIGKILL) in the middle of writing a large seed.iso, and two bakes into one output folder
/// at the same time, with the real command line as separate processes (<see cref="RealCli"/>). The large image is
/// a sparse file: gigabytes long, nothing written to disk. Waits are bounded against a hung run; nothing is timed.
/// </summary>
public sealed class InterruptedAndConcurrentBakeTests
{
    private const long LargeImage = 2L << 30;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Heavy")]
    public async Task Bake_KilledWhileWritingALargeSeedIso_LeavesOutputAsItWas_AndTheNextBakeLeavesNoTemporaryFolder()
    {
        var dir = CliHarness.NewTempDir();
        var output = Path.Combine(dir, "out");
        var first = CliHarness.Run("bake", CliHarness.Example, "-o", output);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var before = RealCli.Snapshot(output);
        var large = WriteParams(dir, "large.yaml", "controller", Sparse(dir, "large.raw", LargeImage));
        var staging = Path.Combine(dir, ".out.glancebake-new");

        using (var bake = RealCli.Start("bake", large, "-o", output))
        {
            // Kill once the new seed.iso is being written: it exists in the staging folder, SHA256SUMS (written last) not yet.
            await WaitUntil(() => File.Exists(Path.Combine(staging, "seed.iso")) || bake.HasExited);
            if (!bake.HasExited)
            {
                bake.KillHard();
            }

            var killed = await bake.WaitAsync(Bound);
            Assert.True(killed.ExitCode != 0, $"the bake ended before it could be killed:\n{killed.Stderr}");
        }

        Assert.True(File.Exists(Path.Combine(staging, "seed.iso")), "killed before seed.iso was started");
        Assert.False(File.Exists(Path.Combine(staging, "SHA256SUMS")), "killed after seed.iso was finished");
        Assert.Equal(before, RealCli.Snapshot(output));                      // out/ exactly as before, nothing new in it
        Assert.Contains(".out.glancebake-new", RealCli.Entries(dir));        // the killed bake's leftover, until ...

        var next = CliHarness.Run("bake", CliHarness.Example, "-o", output); // ... the next bake into out/
        Assert.True(next.ExitCode == 0, next.Stderr);
        Assert.Equal([".out.glancebake-lock", "large.raw", "large.yaml", "out"], RealCli.Entries(dir));
        Assert.Equal(before, RealCli.Snapshot(output));                      // the same input bakes the same bytes
        RealCli.AssertCompleteBake(output);
    }

    [Fact]
    [Trait("Category", "Heavy")]
    public async Task Bake_SecondBakeWhileTheFirstWrites_FailsAtOnceWithGB3005_AndTheFirstCompletes()
    {
        var dir = CliHarness.NewTempDir();
        var output = Path.Combine(dir, "out");
        var slow = WriteParams(dir, "first.yaml", "first", Sparse(dir, "large.raw", LargeImage));
        var other = WriteParams(dir, "second.yaml", "second", image: null);

        using var firstBake = RealCli.Start("bake", slow, "-o", output);
        // The lock is taken before the image is hashed; the staging folder shows the first bake is well inside it.
        await WaitUntil(() => Directory.Exists(Path.Combine(dir, ".out.glancebake-new")) || firstBake.HasExited);
        Assert.False(firstBake.HasExited, "the first bake ended before the second started");

        using var secondBake = RealCli.Start("bake", other, "-o", output);
        var second = await secondBake.WaitAsync(Bound);
        var first = await firstBake.WaitAsync(Bound);

        Assert.Equal(3, second.ExitCode);
        // Besides the placeholder-password warnings every bake of the example prints, one error: GB3005 at the folder.
        var error = Assert.Single(second.Stderr.Split('\n'), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.Equal($"{output}: error GB3005: another bake is writing this output folder (it holds '{Path.Combine(dir, ".out.glancebake-lock")}'); wait for it to finish, or bake into another folder", error);
        Assert.Equal("", second.Stdout);
        Assert.True(first.ExitCode == 0, first.Stderr);
        RealCli.AssertCompleteBake(output);
        Assert.Contains("local-hostname: first", File.ReadAllText(Path.Combine(output, "cidata", "meta-data")), StringComparison.Ordinal);

        // Once the first is done, the second goes through and replaces the output whole.
        using var retry = RealCli.Start("bake", other, "-o", output);
        var again = await retry.WaitAsync(Bound);
        Assert.True(again.ExitCode == 0, again.Stderr);
        RealCli.AssertCompleteBake(output);
        Assert.Contains("local-hostname: second", File.ReadAllText(Path.Combine(output, "cidata", "meta-data")), StringComparison.Ordinal);
        Assert.Equal([".out.glancebake-lock", "first.yaml", "large.raw", "out", "second.yaml"], RealCli.Entries(dir));
    }

    /// <summary>Two processes started together, three times: each run ends in one bake's complete tree (byte for
    /// byte what that bake alone writes), never a mix; a bake that found the folder busy says so (GB3005, exit 3).</summary>
    [Fact]
    public async Task Bake_TwoBakesStartedTogether_EndInOneCompleteBakeNeverAMix()
    {
        var dir = CliHarness.NewTempDir();
        var output = Path.Combine(dir, "out");
        var a = WriteParams(dir, "a.yaml", "host-a", image: null);
        var b = WriteParams(dir, "b.yaml", "host-b", image: null);
        var alone = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var p in new[] { a, b })
        {
            var reference = Path.Combine(CliHarness.NewTempDir(), "out");
            Assert.Equal(0, CliHarness.Run("bake", p, "-o", reference).ExitCode);
            alone[p] = RealCli.Snapshot(reference);
        }

        for (var round = 0; round < 3; round++)
        {
            using var one = RealCli.Start("bake", a, "-o", output);
            using var two = RealCli.Start("bake", b, "-o", output);
            var results = new[] { await one.WaitAsync(Bound), await two.WaitAsync(Bound) };

            foreach (var r in results.Where(r => r.ExitCode != 0))
            {
                Assert.Equal(3, r.ExitCode);
                Assert.Contains("error GB3005: another bake is writing this output folder", r.Stderr, StringComparison.Ordinal);
            }

            Assert.Contains(results, r => r.ExitCode == 0);
            var tree = RealCli.Snapshot(output);
            Assert.True(tree.SequenceEqual(alone[a]) || tree.SequenceEqual(alone[b]), "out/ is neither bake's tree");
            Assert.Equal([".out.glancebake-lock", "a.yaml", "b.yaml", "out"], RealCli.Entries(dir));
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the awaited state never came");
            await Task.Delay(2);
        }
    }

    private static string Sparse(string dir, string name, long length)
    {
        var path = Path.Combine(dir, name);
        using var stream = File.Create(path);
        stream.SetLength(length);
        return path;
    }

    private static string WriteParams(string dir, string name, string hostname, string? image)
    {
        var text = File.ReadAllText(CliHarness.Example)
            .Replace("  hostname: controller", $"  hostname: {hostname}", StringComparison.Ordinal).TrimEnd('\n');
        if (image is not null)
        {
            text = Regex.Replace(text, @"^verification:\n(?:  .*\n?)*", "", RegexOptions.Multiline).TrimEnd('\n');
            text += $"\nverification:\n  disk_format: raw\n  image_file: {image}\n";
        }

        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
