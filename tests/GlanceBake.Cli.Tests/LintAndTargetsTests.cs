using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// <c>glancebake lint</c>, <c>--strict</c> and <c>glancebake targets</c>. Issue 6, failing input 6: zed-debian12.yaml
/// with <c>keystone.auth_url: http://10.0.0.11:35357</c> baked without a word; port 35357 is gone from Queens on.
/// </summary>
public sealed class LintAndTargetsTests
{
    private static string Zed35357()
    {
        var text = File.ReadAllText(Path.Combine(CliHarness.RepoRoot, "examples", "zed-debian12.yaml"))
            .Replace("  auth_url: http://10.0.0.11:5000", "  auth_url: http://10.0.0.11:35357", StringComparison.Ordinal);
        var path = Path.Combine(CliHarness.NewTempDir(), "zed.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static int LineOf(string path, string needle) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(needle, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Lint_Port35357OnZed_WarnsAtTheValueAndExitsZero()
    {
        var path = Zed35357();
        var r = CliHarness.Run("lint", path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"{path}({LineOf(path, "35357")},13): warning GB2017: 'keystone.auth_url' uses port 35357", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 warning(s) for OpenStack zed on debian-12", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Strict_MakesTheFindingAnErrorAndExitsOne()
    {
        var path = Zed35357();
        var r = CliHarness.Run("lint", path, "--strict");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error GB2017:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bake_Port35357OnZed_PrintsTheSameWarningAndStrictRefusesWithoutWriting()
    {
        var path = Zed35357();
        var output = Path.Combine(CliHarness.NewTempDir(), "out");
        var r = CliHarness.Run("bake", path, "-o", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning GB2017:", r.Stderr, StringComparison.Ordinal);

        var strictOut = Path.Combine(CliHarness.NewTempDir(), "out");
        var strict = CliHarness.Run("bake", path, "-o", strictOut, "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error GB2017:", strict.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(strictOut));
    }

    [Fact]
    public void Lint_Port35357OnPike_IsTheGuidesOwnAndNotReported()
    {
        var r = CliHarness.Run("lint", Path.Combine(CliHarness.RepoRoot, "examples", "pike-ubuntu1604.yaml"));
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("GB2017", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing deprecated or removed for OpenStack pike on ubuntu-16.04", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_IdentityV2InWwwAuthenticateUriOnQueensOrLater_Warns()
    {
        var text = File.ReadAllText(CliHarness.Example)
            .Replace("  www_authenticate_uri: http://10.0.0.11:5000 ", "  www_authenticate_uri: http://10.0.0.11:5000/v2.0 ", StringComparison.Ordinal);
        var path = Path.Combine(CliHarness.NewTempDir(), "v2.yaml");
        File.WriteAllText(path, text);
        var r = CliHarness.Run("lint", path);
        Assert.Contains("warning GB2017: 'keystone.www_authenticate_uri' names Identity v2.0", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_ListsEveryPairWithItsSourceAndProof()
    {
        var r = CliHarness.Run("targets");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"(?m)^zed +debian-12 +bookworm \(the distro's own\) +22\.4 +real services", r.Stdout);
        Assert.Matches(@"(?m)^2025\.1 +ubuntu-24\.04 +Cloud Archive noble-updates/epoxy +24\.1 +snapshot", r.Stdout);
        Assert.Contains("not offered: rocky-9", r.Stdout, StringComparison.Ordinal);
    }
}
