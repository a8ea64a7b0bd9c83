using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Inputs found by trying the product as a newcomer (2026-12-01): a file a user put inside a bake's review/ or
/// cidata/ was deleted by the next bake; an IPv4 address with a leading zero (which glibc reads as octal) was accepted
/// and written into the configs; port 0 passed as a URL port; folders followed the umask (000: world-writable cidata/).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NewcomerFindingsTests
{
    private static string ZedExample => Path.Combine(CliHarness.RepoRoot, "examples", "zed-debian12.yaml");

    [Theory]
    [InlineData("review/README.md")]
    [InlineData("cidata/notes.txt")]
    [InlineData("review/rootfs/etc/mine/a.conf")]
    public void Bake_FolderHoldsAFileBelowItsEntriesThatBakeDidNotWrite_IsGB3002AndTheFileStays(string file)
    {
        var output = Path.Combine(CliHarness.NewTempDir(), "out");
        Assert.Equal(0, CliHarness.Run("bake", ZedExample, "-o", output).ExitCode);
        var path = Path.Combine(output, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "mine\n");

        var r = CliHarness.Run("bake", ZedExample, "-o", output);

        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"error GB3002: refusing to replace the output folder: it holds '{file}'", r.Stderr);
        Assert.Equal("mine\n", File.ReadAllText(path));
    }

    [Fact]
    public void Bake_SameFolderAgain_ReplacesItsOwnTree() =>
        Assert.All(new[] { 0, 0 }, expected =>
        {
            var output = Path.Combine(CliHarness.NewTempDir(), "out");
            Assert.Equal(expected, CliHarness.Run("bake", ZedExample, "-o", output).ExitCode);
            Assert.Equal(expected, CliHarness.Run("bake", ZedExample, "-o", output).ExitCode);
        });

    [Theory]
    [InlineData("management_ip: 10.0.0.11", "management_ip: 010.0.0.11", "GB2002")]
    [InlineData("auth_url: http://10.0.0.11:5000", "auth_url: http://010.0.0.11:5000", "GB2003")]
    [InlineData("auth_url: http://10.0.0.11:5000", "auth_url: http://10.0.0.11:0", "GB2003")]
    public void Validate_AddressWithLeadingZeroOrPortZero_IsRefusedAtTheValue(string from, string to, string code)
    {
        var text = File.ReadAllText(ZedExample);
        Assert.Contains(from, text);
        var path = Path.Combine(CliHarness.NewTempDir(), "p.yaml");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains(from, StringComparison.Ordinal)) + 1;

        var r = CliHarness.Run("validate", path);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"p.yaml({line},", r.Stderr);
        Assert.Contains($"error {code}:", r.Stderr);
    }

    [Fact]
    public void Bake_FolderModes_CidataOwnerOnlyOthersReadableNoneWorldWritable()
    {
        var output = Path.Combine(CliHarness.NewTempDir(), "out");
        Assert.Equal(0, CliHarness.Run("bake", ZedExample, "-o", output).ExitCode);
        const UnixFileMode Rwx = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode Rx = UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Assert.Equal(Rwx | Rx, File.GetUnixFileMode(output));
        foreach (var dir in Directory.EnumerateDirectories(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, dir);
            Assert.Equal(relative.StartsWith("cidata", StringComparison.Ordinal) ? Rwx : Rwx | Rx, File.GetUnixFileMode(dir));
        }
    }
}
