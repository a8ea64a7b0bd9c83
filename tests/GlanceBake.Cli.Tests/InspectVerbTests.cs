using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary><c>glancebake inspect ISO</c>: listing on stdout, GB4xxx diagnostics on stderr, exit 0 / 1 / 2.</summary>
public sealed class InspectVerbTests
{
    [Fact]
    public void Inspect_BakedSeed_ListsItAndExitsZero()
    {
        var output = Path.Combine(CliHarness.NewTempDir(), "out");
        Assert.Equal(0, CliHarness.Run("bake", CliHarness.Example, "-o", output).ExitCode);
        var r = CliHarness.Run("inspect", Path.Combine(output, "seed.iso"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        Assert.Contains("volume label: CIDATA", r.Stdout);
        Assert.Contains("extensions: Rock Ridge (RRIP_1991A), Joliet (level 3)", r.Stdout);
        Assert.Contains("  meta-data", r.Stdout);
        Assert.EndsWith("NoCloud: ok\n", r.Stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Inspect_NotAnImage_IsGB4001AndExitsOne()
    {
        var path = Path.Combine(CliHarness.NewTempDir(), "seed.iso");
        File.WriteAllBytes(path, new byte[64 * 1024]);
        var r = CliHarness.Run("inspect", path);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"{path}: error GB4001: ", r.Stderr);
    }

    [Fact]
    public void Inspect_MissingFile_ExitsOne_NoImage_IsUsage()
    {
        Assert.Equal(1, CliHarness.Run("inspect", Path.Combine(CliHarness.NewTempDir(), "none.iso")).ExitCode);
        Assert.Equal(2, CliHarness.Run("inspect").ExitCode);
        Assert.Equal(2, CliHarness.Run("inspect", "a.iso", "b.iso").ExitCode);
    }
}
