using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>libarchive (bsdtar) and 7-Zip extract the seed with exact names and equal bytes.</summary>
public sealed class ArchiveExtractorTests : IDisposable
{
    private readonly SeedImage _seed = new();

    public void Dispose() => _seed.Dispose();

    [SkippableFact]
    public void Build_DefaultSeed_BsdtarExtractsExactNamesAndBytes()
    {
        var bsdtar = ExternalTool.Require("bsdtar", "libarchive-tools");
        var target = _seed.NewDirectory("bsdtar-out");
        ExternalTool.Run(bsdtar, ["-xf", _seed.ImagePath, "-C", target]).ShouldSucceed("bsdtar -x");
        _seed.AssertTreeEquals(target);
    }

    [SkippableFact]
    public void Build_DefaultSeed_SevenZipExtractsExactNamesAndBytes()
    {
        var sevenZip = ExternalTool.Require("7z", "p7zip-full");
        var target = _seed.NewDirectory("7z-out");
        var result = ExternalTool.Run(sevenZip, ["x", "-y", "-o" + target, _seed.ImagePath]).ShouldSucceed("7z x");
        Assert.DoesNotContain("WARNING", result.StandardOutput + result.StandardError, StringComparison.OrdinalIgnoreCase);
        _seed.AssertTreeEquals(target);
    }
}
