using System.Text.RegularExpressions;
using GlanceBake.Core.Seed;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Issue 9: a verification image above 4 GiB. It used to be hashed for ~30 s and then end in exit 70 (an
/// ArgumentException from the ISO writer). Now it is carried as a multi-extent file; above what every reader reads
/// back (<see cref="SeedImage.MaxLength"/>) it is a validation error at <c>image_file</c>, before any hashing.
/// Image files are sparse: no test writes gigabytes of real data to the image file.
/// </summary>
public sealed class LargeImageFileTests
{
    [Fact]
    public void Validate_ImageFileAboveTwoSections_IsGB2016AtImageFileBeforeReadingIt()
    {
        var dir = CliHarness.NewTempDir();
        var image = Sparse(dir, "huge.raw", SeedImage.MaxLength + 1);
        var parameters = WriteParams(dir, image);

        var started = DateTime.UtcNow;
        var r = CliHarness.Run("bake", parameters, "-o", Path.Combine(dir, "out"));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the image must not be read before it is refused");
        Assert.Equal(1, r.ExitCode);
        var (line, column) = ImageFilePosition(parameters);
        Assert.Matches(new Regex($@"controller\.yaml\({line},{column}\): error GB2016: image file '.*huge\.raw' is {SeedImage.MaxLength + 1} bytes"), r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    /// <summary>The issue's own case: a 4700 MiB sparse raw image bakes (exit 0) into a seed bsdtar lists at full size.</summary>
    [SkippableFact]
    [Trait("Category", "Heavy")]
    public void Bake_SparseRawImageOf4700MiB_ExitsZeroAndSeedCarriesItWhole()
    {
        var bsdtar = ExternalTool.Require("bsdtar", "libarchive-tools");
        var dir = CliHarness.NewTempDir();
        const long length = 4700L << 20;
        var image = Sparse(dir, "big-disk.raw", length);
        var output = Path.Combine(dir, "out");

        var r = CliHarness.Run("bake", WriteParams(dir, image), "-o", output);

        Assert.True(r.ExitCode == 0, r.Stderr);
        var listing = ExternalTool.Run(bsdtar, ["-tvf", Path.Combine(output, "seed.iso")]).ShouldSucceed("bsdtar -tv");
        Assert.Matches(new Regex($@" {length} .* glancebake/verify-image\.raw$", RegexOptions.Multiline), listing.StandardOutput);
        // Our own reader sums the file's two sections (ECMA-119 9.1.6 Multi-Extent) in both trees.
        var inspected = CliHarness.Run("inspect", Path.Combine(output, "seed.iso"));
        Assert.True(inspected.ExitCode == 0, inspected.Stderr);
        Assert.Equal(2, Regex.Matches(inspected.Stdout, $@" {length}  glancebake/verify-image\.raw  \(2 extents\)$", RegexOptions.Multiline).Count);
        Directory.Delete(dir, recursive: true);
    }

    private static string Sparse(string dir, string name, long length)
    {
        var path = Path.Combine(dir, name);
        using var stream = File.Create(path);
        stream.SetLength(length);
        return path;
    }

    private static string WriteParams(string dir, string image)
    {
        var text = File.ReadAllText(CliHarness.Example).TrimEnd('\n');
        text = Regex.Replace(text, @"^verification:\n(?:  .*\n?)*", "", RegexOptions.Multiline).TrimEnd('\n');
        text += $"\nverification:\n  disk_format: raw\n  image_file: {image}\n";
        var path = Path.Combine(dir, "controller.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Line, int Column) ImageFilePosition(string parameters)
    {
        var lines = File.ReadAllLines(parameters);
        var index = Array.FindIndex(lines, l => l.StartsWith("  image_file: ", StringComparison.Ordinal));
        return (index + 1, "  image_file: ".Length + 1);
    }
}
