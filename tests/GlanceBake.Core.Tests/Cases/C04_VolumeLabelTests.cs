using System.Text;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C04: volume identifier CIDATA (PVD padded with spaces, Joliet in UCS-2 BE), root path table id 0x00.</summary>
public sealed class C04_VolumeLabelTests
{
    private static readonly Lazy<string> IsoPath = new(() =>
        Path.Combine(TestBake.Write(TestBake.Bake(TestBake.ExampleText)), "seed.iso"));

    [Fact]
    public void Bake_DefaultSeed_PrimaryVolumeIdIsCidataPaddedWithSpaces()
    {
        var iso = new IsoImage(File.ReadAllBytes(IsoPath.Value));
        Assert.Equal(Encoding.ASCII.GetBytes("CIDATA".PadRight(32, ' ')), iso.VolumeIdentifier(iso.Pvd));
    }

    [Fact]
    public void Bake_DefaultSeed_JolietVolumeIdIsCidataInUcs2BigEndian()
    {
        var iso = new IsoImage(File.ReadAllBytes(IsoPath.Value));
        var id = iso.VolumeIdentifier(iso.Joliet);
        Assert.Equal(Encoding.BigEndianUnicode.GetBytes("CIDATA"), id[..12]);
        Assert.Equal("CIDATA", Encoding.BigEndianUnicode.GetString(id).TrimEnd(' ', '\0'));
        // The rest is padding: UCS-2 spaces (00 20), never ASCII spaces read as U+2020.
        Assert.DoesNotContain('\u2020', Encoding.BigEndianUnicode.GetString(id));
    }

    [Fact]
    public void Bake_DefaultSeed_RootPathTableIdentifierIsOneZeroByteInAllFourTables()
    {
        var iso = new IsoImage(File.ReadAllBytes(IsoPath.Value));
        var tables = 0;
        foreach (var d in new[] { iso.Pvd, iso.Joliet })
        {
            var (size, l, _, m, _) = iso.PathTables(d);
            Assert.True(size > 0);
            foreach (var (lba, bigEndian) in new[] { (l, false), (m, true) })
            {
                var (len, id, extent) = iso.FirstPathTableRecord(lba, bigEndian);
                Assert.Equal(1, len);
                Assert.Equal(new byte[] { 0 }, id);
                Assert.Equal(iso.Root(d).Extent, extent);
                tables++;
            }
        }

        Assert.Equal(4, tables);
    }

    [SkippableFact]
    public void Bake_DefaultSeed_BlkidReadsLabelCidata()
    {
        var blkid = ExternalTool.Require("blkid", "util-linux");
        var result = ExternalTool.Run(blkid, ["-p", "-o", "value", "-s", "LABEL", IsoPath.Value]).ShouldSucceed("blkid");
        Assert.Equal("CIDATA", result.StandardOutput.Trim());
    }
}
