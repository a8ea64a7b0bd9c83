using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>util-linux blkid (what cloud-init's NoCloud probe relies on) sees an iso9660 volume labelled CIDATA.</summary>
public sealed class BlkidReaderTests : IDisposable
{
    private readonly SeedImage _seed = new();

    public void Dispose() => _seed.Dispose();

    [SkippableFact]
    public void Build_DefaultSeed_BlkidReportsCidataLabel()
    {
        var blkid = ExternalTool.Require("blkid", "util-linux");
        var label = ExternalTool.Run(blkid, ["-o", "value", "-s", "LABEL", _seed.ImagePath]).ShouldSucceed("blkid LABEL");
        Assert.Equal("CIDATA", label.StandardOutput.Trim());
    }

    [SkippableFact]
    public void Build_DefaultSeed_BlkidReportsIso9660Type()
    {
        var blkid = ExternalTool.Require("blkid", "util-linux");
        var type = ExternalTool.Run(blkid, ["-o", "value", "-s", "TYPE", _seed.ImagePath]).ShouldSucceed("blkid TYPE");
        Assert.Equal("iso9660", type.StandardOutput.Trim());
    }
}
