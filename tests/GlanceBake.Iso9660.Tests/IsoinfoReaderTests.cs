using System.Text.RegularExpressions;
using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>genisoimage's isoinfo sees the label, both extensions and the exact names and modes.</summary>
public sealed class IsoinfoReaderTests : IDisposable
{
    private readonly SeedImage _seed = new();

    public void Dispose() => _seed.Dispose();

    [SkippableFact]
    public void Build_DefaultSeed_IsoinfoDetectsCidataJolietAndRockRidge()
    {
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var output = ExternalTool.Run(isoinfo, ["-d", "-i", _seed.ImagePath]).ShouldSucceed("isoinfo -d").StandardOutput;
        Assert.Contains("Volume id: CIDATA\n", output);
        Assert.Contains("Joliet with UCS level 3 found", output);
        Assert.Contains("Rock Ridge signatures version 1 found", output);
        Assert.Contains("Logical block size is: 2048", output);
    }

    [SkippableFact]
    public void Build_DefaultSeed_IsoinfoRockRidgeListingShowsExactNamesAndModes()
    {
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var output = ExternalTool.Run(isoinfo, ["-R", "-l", "-i", _seed.ImagePath]).ShouldSucceed("isoinfo -R -l").StandardOutput;
        foreach (var path in _seed.Files.Keys)
        {
            var mode = path.EndsWith(".sh", StringComparison.Ordinal) ? "-rwxr-xr-x" : "-r--r--r--";
            Assert.Matches(new Regex($@"^{Regex.Escape(mode)} .*\]  {Regex.Escape(Path.GetFileName(path))} *$", RegexOptions.Multiline), output);
        }

        Assert.Matches(new Regex(@"^dr-xr-xr-x .*\]  glancebake *$", RegexOptions.Multiline), output);
        Assert.Contains("Directory listing of /glancebake/", output);
    }

    [SkippableFact]
    public void Build_DefaultSeed_IsoinfoJolietListingShowsExactNames()
    {
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var output = ExternalTool.Run(isoinfo, ["-J", "-l", "-i", _seed.ImagePath]).ShouldSucceed("isoinfo -J -l").StandardOutput;
        foreach (var name in _seed.Files.Keys.Select(Path.GetFileName).Append("glancebake"))
        {
            Assert.Matches(new Regex($@"\]  {Regex.Escape(name!)} *$", RegexOptions.Multiline), output);
        }

        Assert.DoesNotContain(";1", output);
    }
}
