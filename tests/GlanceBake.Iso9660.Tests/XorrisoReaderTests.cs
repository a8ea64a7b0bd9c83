using System.Text.RegularExpressions;
using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>libisofs (through xorriso) reads the seed's Rock Ridge tree without complaint.</summary>
public sealed class XorrisoReaderTests : IDisposable
{
    private static readonly Regex Complaint = new(@"\b(WARNING|SORRY|FAILURE|MISHAP|FATAL|ABORT|ERROR)\b");
    private readonly SeedImage _seed = new();

    public void Dispose() => _seed.Dispose();

    [SkippableFact]
    public void Build_DefaultSeed_XorrisoListsExactNamesWithoutComplaints()
    {
        var xorriso = ExternalTool.Require("xorriso", "xorriso");
        var result = ExternalTool.Run(xorriso, ["-indev", _seed.ImagePath, "-find", "/", "-exec", "lsdl"])
            .ShouldSucceed("xorriso -find");
        var all = result.StandardOutput + result.StandardError;
        Assert.False(Complaint.IsMatch(all), all);
        Assert.Contains("Volume id    : 'CIDATA'", all);
        foreach (var path in _seed.Files.Keys)
        {
            var mode = path.EndsWith(".sh", StringComparison.Ordinal) ? "-rwxr-xr-x" : "-r--r--r--";
            Assert.Matches(new Regex($"^{Regex.Escape(mode)} .*'/{Regex.Escape(path)}'$", RegexOptions.Multiline), all);
        }

        Assert.Matches(new Regex("^dr-xr-xr-x .*'/glancebake'$", RegexOptions.Multiline), all);
    }

    [SkippableFact]
    public void Build_DefaultSeed_XorrisoExtractsByteEqualFiles()
    {
        var xorriso = ExternalTool.Require("xorriso", "xorriso");
        var target = Path.Combine(_seed.Directory, "xorriso-out");
        var result = ExternalTool.Run(xorriso, ["-osirrox", "on", "-indev", _seed.ImagePath, "-extract", "/", target])
            .ShouldSucceed("xorriso -extract");
        Assert.False(Complaint.IsMatch(result.StandardOutput + result.StandardError), result.StandardError);
        _seed.AssertTreeEquals(target);
    }
}
