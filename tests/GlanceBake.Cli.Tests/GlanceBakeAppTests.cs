using System.Text.RegularExpressions;
using GlanceBake.Cli;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>The command line through <see cref="GlanceBakeApp.Run"/>: verbs, exit codes, diagnostics, output safety.</summary>
public sealed class GlanceBakeAppTests
{
    private const string Secret = "Zq7SECRETvalue";

    private static string Example => CliHarness.Example;

    private static Outcome Run(IDictionary<string, string>? env, params string[] args) => CliHarness.Run(env, args);

    private static Outcome Run(params string[] args) => CliHarness.Run(args);

    private static string NewTempDir() => CliHarness.NewTempDir();

    private static string WriteParams(string dir, string text, string name = "controller.yaml")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string WithSecrets() => File.ReadAllText(Example)
        .Replace("GLANCE_DBPASS", Secret + "db", StringComparison.Ordinal)
        .Replace("GLANCE_PASS", Secret + "glance", StringComparison.Ordinal)
        .Replace("ADMIN_PASS", Secret + "admin", StringComparison.Ordinal);

    [Fact]
    public void Bake_ExampleFile_ExitsZeroAndWritesSeedIso()
    {
        var output = Path.Combine(NewTempDir(), "out");
        var r = Run("bake", Example, "-o", output);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(new FileInfo(Path.Combine(output, "seed.iso")).Length > 0);
        Assert.True(File.Exists(Path.Combine(output, "cidata", "user-data")));
        Assert.True(File.Exists(Path.Combine(output, "cidata", "meta-data")));
        Assert.True(File.Exists(Path.Combine(output, "SHA256SUMS")));
        // The derived instance-id hashes user-data, secrets included: not printed (a guess could be tested against it).
        Assert.Contains("instance-id derived, in cidata/meta-data", r.Stdout);
        Assert.DoesNotContain("iid-", r.Stdout);
        // The example keeps the install guide's placeholder passwords: each is a warning (GB2019), nothing else.
        Assert.All(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.Contains(": warning GB2019: ", l));
    }

    [Fact]
    public void Validate_ExampleFile_ExitsZero()
    {
        var r = Run("validate", Example);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("valid", r.Stdout);
    }

    [Fact]
    public void Validate_BadFile_ExitsOneWithMsBuildStyleLinesOnStderr()
    {
        var dir = NewTempDir();
        var text = File.ReadAllText(Example).Replace("  hostname: controller", "  hostname: ctl_01", StringComparison.Ordinal)
            .Replace("  management_ip: 10.0.0.11", "  management_ip: 10.0.0", StringComparison.Ordinal);
        var path = WriteParams(dir, text, "bad.yaml");
        var r = Run("validate", path);

        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))
            .Where(l => !l.Contains(": warning GB2019: ", StringComparison.Ordinal)).ToList(); // the guide's placeholders
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Matches($@"^{Regex.Escape(path)}\(\d+,\d+\): error GB\d{{4}}: .+", l));
        Assert.Contains(lines, l => l.Contains(": error GB2004: "));
        Assert.Contains(lines, l => l.Contains(": error GB2002: "));
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Validate_MissingFile_ExitsOne()
    {
        var r = Run("validate", Path.Combine(NewTempDir(), "nope.yaml"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error GB1001", r.Stderr);
    }

    [Fact]
    public void Validate_UnclosedFlowSequence_ExitsOneWithGB1001()
    {
        var dir = NewTempDir();
        var path = WriteParams(dir, File.ReadAllText(Example).Replace("  region: RegionOne", "  region: [RegionOne", StringComparison.Ordinal));
        var r = Run("validate", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error GB1001", r.Stderr);
    }

    [Fact]
    public void Bake_InvalidFile_LeavesOutputFolderUntouched()
    {
        var dir = NewTempDir();
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(output);
        var marker = Path.Combine(output, "marker.txt");
        File.WriteAllText(marker, "previous bake");
        var path = WriteParams(dir, File.ReadAllText(Example).Replace("schema: 1", "schema: 2", StringComparison.Ordinal));

        var r = Run("bake", path, "-o", output);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error GB1006", r.Stderr);
        Assert.Equal(["marker.txt"], Directory.EnumerateFileSystemEntries(output).Select(e => Path.GetFileName(e)!).ToArray());
        Assert.Equal("previous bake", File.ReadAllText(marker));
        Assert.Equal(["controller.yaml", "out"], Directory.EnumerateFileSystemEntries(dir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("bake", "--no-such-option")]
    [InlineData("validate")]
    [InlineData("init", "--no-such-option")]
    public void Run_UnknownVerbOrBadOption_ExitsTwo(params string[] args)
    {
        var r = Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.NotEqual("", r.Stderr);
    }

    [Fact]
    public void Run_OutputOptionWithoutValue_ExitsTwo()
    {
        var cwd = Environment.CurrentDirectory;
        var r = Run("bake", Example, "-o");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(cwd, Environment.CurrentDirectory);
    }

    [Fact]
    public void Run_NoArguments_ExitsTwo() => Assert.Equal(2, Run().ExitCode);

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("bake", "--help")]
    public void Run_Help_ExitsZero(params string[] args)
    {
        var r = Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("bake", r.Stdout);
    }

    [Fact]
    public void Run_Version_ExitsZeroAndPrintsVersion()
    {
        var r = Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\d+\.\d+\.\d+", r.Stdout);
    }

    [Fact]
    public void Init_NewPath_WritesAFileThatValidates()
    {
        var path = Path.Combine(NewTempDir(), "starter.yaml");
        var r = Run("init", path);
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(path));
        Assert.Equal(GlanceBake.Core.Parameters.StarterFile.Text, File.ReadAllText(path));
        Assert.Equal(0, Run("validate", path).ExitCode);
    }

    [Fact]
    public void Init_ExistingFile_RefusesWithoutForceAndOverwritesWithForce()
    {
        var path = Path.Combine(NewTempDir(), "mine.yaml");
        File.WriteAllText(path, "my edits");

        var refused = Run("init", path);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal("my edits", File.ReadAllText(path));

        var forced = Run("init", path, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(GlanceBake.Core.Parameters.StarterFile.Text, File.ReadAllText(path));
    }

    public static IEnumerable<object[]> UnwritableOutputs()
    {
        yield return ["/proc/glancebake-out"];
        yield return ["under-a-file"];
    }

    [Theory]
    [MemberData(nameof(UnwritableOutputs))]
    public void Bake_UnwritableOutput_ExitsThreeWithGB3001AndNoSecrets(string output)
    {
        var dir = NewTempDir();
        var path = WriteParams(dir, WithSecrets());
        if (output == "under-a-file")
        {
            var file = Path.Combine(dir, "a-file");
            File.WriteAllText(file, "x");
            output = Path.Combine(file, "out");
        }

        var r = Run("bake", path, "-o", output);

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("error GB3001", r.Stderr);
        Assert.StartsWith(output, r.Stderr);
        Assert.DoesNotContain("Zq7SECRET", r.Stderr + r.Stdout);
    }

    [Fact]
    public void Bake_SourceDateEpoch_ChangesIsoBytesButNotUserData()
    {
        var dir = NewTempDir();
        var a = Path.Combine(dir, "a");
        var b = Path.Combine(dir, "b");
        var c = Path.Combine(dir, "c");
        Assert.Equal(0, Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" }, "bake", Example, "-o", a).ExitCode);
        Assert.Equal(0, Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1800000000" }, "bake", Example, "-o", b).ExitCode);
        Assert.Equal(0, Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" }, "bake", Example, "-o", c).ExitCode);

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "seed.iso")), File.ReadAllBytes(Path.Combine(b, "seed.iso")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "seed.iso")), File.ReadAllBytes(Path.Combine(c, "seed.iso")));
        foreach (var name in new[] { "user-data", "meta-data" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, "cidata", name)), File.ReadAllBytes(Path.Combine(b, "cidata", name)));
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999")]
    public void Bake_BadSourceDateEpoch_ExitsTwo(string value)
    {
        var output = Path.Combine(NewTempDir(), "out");
        var r = Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = value }, "bake", Example, "-o", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("SOURCE_DATE_EPOCH", r.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Bake_AgainIntoSameFolder_ReplacesItWhole()
    {
        var output = Path.Combine(NewTempDir(), "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        // A file an earlier bake wrote (a line of its SHA256SUMS) that this bake no longer writes goes; a file nobody
        // listed is refused (NewcomerFindingsTests, OutputSafetyTests).
        File.WriteAllText(Path.Combine(output, "review", "stale.txt"), "x");
        File.AppendAllText(Path.Combine(output, "SHA256SUMS"), new string('0', 64) + "  review/stale.txt\n");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        Assert.False(File.Exists(Path.Combine(output, "review", "stale.txt")));
    }

    /// <summary>C17: vfat seeds are not offered, so no option selects one.</summary>
    [Theory]
    [InlineData("--format", "vfat")]
    [InlineData("--vfat")]
    [InlineData("--label", "cidata")]
    public void Bake_VfatOrLabelOption_IsNotOffered(params string[] extra)
    {
        var output = Path.Combine(NewTempDir(), "out");
        var r = Run(["bake", Example, "-o", output, .. extra]);
        Assert.Equal(2, r.ExitCode);
        Assert.False(Directory.Exists(output));
        Assert.DoesNotContain("vfat", Run("bake", "--help").Stdout, StringComparison.OrdinalIgnoreCase);
    }
}
