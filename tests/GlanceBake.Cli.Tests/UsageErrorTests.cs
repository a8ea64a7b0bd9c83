using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Usage errors (System.CommandLine's parse errors, and an unknown option where a positional argument goes) exit 2
/// with <c>glancebake: error GB0002: MESSAGE</c> lines and a pointer to the verb's help on standard error, nothing on
/// standard output; no verb prints the verb index on standard error, exit 2.
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("Unrecognized command or argument 'frobnicate'.", "--help", "frobnicate")]
    [InlineData("Unrecognized option '--no-such-option'.", "bake --help", "bake", "--no-such-option")]
    [InlineData("Unrecognized option '--no-such-option'.", "init --help", "init", "--no-such-option")]
    [InlineData("Required argument 'PARAMS' missing for command: 'validate'.", "validate --help", "validate")]
    [InlineData("Required argument 'NEW' missing for command: 'diff'.", "diff --help", "diff", "a.yaml")]
    [InlineData("Required argument missing for option: '-o'.", "bake --help", "bake", "a.yaml", "-o")]
    [InlineData("Required argument missing for option: '--check'.", "bake --help", "bake", "--check")]
    [InlineData("Required argument missing for option: '--files-dir'.", "bake --help", "bake", "--files-dir")]
    [InlineData("Unrecognized command or argument 'other.yaml'.", "bake --help", "bake", "a.yaml", "other.yaml")]
    [InlineData("Unrecognized command or argument 'b.iso'.", "inspect --help", "inspect", "a.iso", "b.iso")]
    public void UsageError_ExitsTwo_NamesTheProblem(string message, string help, params string[] args)
    {
        var r = CliHarness.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal($"glancebake: error GB0002: {message}\nRun 'glancebake {help}' for usage.\n", r.Stderr);
    }

    [Fact]
    public void NoVerb_PrintsVerbIndexOnStderr_ExitsTwo()
    {
        var r = CliHarness.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("Commands:", r.Stderr);
        Assert.Contains("  bake <PARAMS>", r.Stderr);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("version")]
    public void Version_PrintsOurVersion(string arg)
    {
        var r = CliHarness.Run(arg);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"glancebake {GlanceBakeApp.Version}\n", r.Stdout);
        Assert.Matches(@"^\d+\.\d+\.\d+$", GlanceBakeApp.Version);
    }

    [Fact]
    public void HelpVerb_IsTheVerbsHelp()
    {
        Assert.Equal(CliHarness.Run("lint", "--help").Stdout, CliHarness.Run("help", "lint").Stdout);
        Assert.Equal(CliHarness.Run("--help").Stdout, CliHarness.Run("help").Stdout);
    }

    /// <summary>README "Command line": the option value forms System.CommandLine accepts.</summary>
    [Theory]
    [InlineData("-o", " ")]
    [InlineData("-o", "=")]
    [InlineData("--output", " ")]
    [InlineData("--output", ":")]
    public void OutputOption_EveryValueForm(string option, string separator)
    {
        var output = Path.Combine(CliHarness.NewTempDir(), "out");
        string[] args = separator == " "
            ? ["bake", CliHarness.Example, option, output]
            : ["bake", CliHarness.Example, option + separator + output];
        var r = CliHarness.Run(args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Path.Combine(output, "seed.iso")));
    }

    [Fact]
    public void DashFile_NeedsDotSlash()
    {
        var dir = CliHarness.NewTempDir();
        var r = CliHarness.Run("validate", Path.Combine(dir, "-x.yaml"));
        Assert.Equal(1, r.ExitCode); // a path, read and not found
        Assert.Contains("GB1001", r.Stderr);
    }
}
