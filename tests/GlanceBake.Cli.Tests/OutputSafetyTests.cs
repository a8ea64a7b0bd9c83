using GlanceBake.Cli;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// bake replaces its output folder whole, so it must never be pointed at a folder holding anything else:
/// the working folder, a parent of it, a folder with the user's files. Found by trying `bake -o .`.
/// </summary>
public sealed class OutputSafetyTests
{
    private static string Example => CliHarness.Example;

    [Fact]
    public void Bake_OutputFolderHoldsOtherFiles_RefusesWithGB3002AndKeepsThem()
    {
        var dir = NewTempDir();
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
        var (code, _, err) = Run("bake", Example, "-o", dir);

        Assert.Equal(3, code);
        Assert.Contains("error GB3002:", err);
        Assert.Contains("'keep.txt'", err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "keep.txt")));
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Bake_OutputFolderIsTheWorkingFolderOrItsParent_Refuses()
    {
        var dir = NewTempDir();
        var work = Directory.CreateDirectory(Path.Combine(dir, "work")).FullName;
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = work;
            foreach (var output in new[] { ".", "..", work })
            {
                var (code, _, err) = Run("bake", Example, "-o", output);
                Assert.Equal(3, code);
                Assert.Contains("GB3002", err);
            }
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }

        Assert.True(Directory.Exists(work));
    }

    [Fact]
    public void Bake_PreviousOutput_IsReplaced()
    {
        var output = Path.Combine(NewTempDir(), "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        Assert.Equal(["SHA256SUMS", "cidata", "packer", "review", "seed.iso"],
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bake_SecretBearingOutputs_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var output = Path.Combine(NewTempDir(), "out");
        Assert.Equal(0, Run("bake", Example, "-o", output).ExitCode);
        foreach (var f in new[] { "seed.iso", "cidata/user-data", "cidata/meta-data", "cidata/glancebake/verify-image.qcow2" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(output, f)));
        }
    }

    [Theory]
    [InlineData("5999999999")]
    [InlineData("9999999999")]
    [InlineData("-1")]
    [InlineData("1e9")]
    public void Bake_SourceDateEpochOutsideIsoDates_IsAUsageErrorNotACrash(string epoch)
    {
        var output = Path.Combine(NewTempDir(), "out");
        var (code, _, err) = Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch }, "bake", Example, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("GB0001", err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Bake_SourceDateEpochAtTheEndOf2155_Bakes()
    {
        var output = Path.Combine(NewTempDir(), "out");
        var (code, _, err) = Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "5869583999" }, "bake", Example, "-o", output);
        Assert.True(code == 0, err);
    }

    [Theory]
    [InlineData("bake")]
    [InlineData("validate")]
    public void Verb_SecondParameterFile_IsAUsageError(string verb)
    {
        var (code, _, err) = Run(verb, Example, "other.yaml");
        Assert.Equal(2, code);
        Assert.Contains("GB0002", err);
        Assert.Contains("'other.yaml'", err);
    }

    private static Outcome Run(params string[] args) => CliHarness.Run(args);

    private static Outcome Run(IDictionary<string, string>? env, params string[] args) => CliHarness.Run(env, args);

    private static string NewTempDir() => CliHarness.NewTempDir();
}
