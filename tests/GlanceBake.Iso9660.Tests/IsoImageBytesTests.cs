using System.Buffers.Binary;
using System.Text;
using GlanceBake.Iso9660;

namespace GlanceBake.Iso9660.Tests;

/// <summary>Byte-level checks of the default seed against ECMA-119, Joliet, SUSP 1.12 and RRIP 1.12 (no tools).</summary>
public sealed class IsoImageBytesTests : IDisposable
{
    private readonly SeedImage _seed = new();
    private readonly byte[] _image;

    public IsoImageBytesTests() => _image = _seed.ReadImage();

    public void Dispose() => _seed.Dispose();

    [Fact]
    public void Build_DefaultSeed_PrimaryDescriptorHasCidataPaddedWithSpaces()
    {
        var pvd = _image.AsSpan(IsoBytes.PrimaryOffset, IsoBytes.BlockSize);
        Assert.Equal(1, pvd[0]);
        Assert.Equal("CD001", Encoding.ASCII.GetString(pvd.Slice(1, 5)));
        Assert.Equal(1, pvd[6]);
        Assert.Equal("CIDATA".PadRight(32), Encoding.ASCII.GetString(pvd.Slice(40, 32)));
        Assert.Equal(2048, BinaryPrimitives.ReadUInt16LittleEndian(pvd[128..]));
        Assert.Equal(2048, BinaryPrimitives.ReadUInt16BigEndian(pvd[130..]));
        Assert.Equal(1, pvd[881]);
    }

    [Fact]
    public void Build_DefaultSeed_JolietDescriptorHasEscapesAndUcs2Cidata()
    {
        var svd = _image.AsSpan(IsoBytes.JolietOffset, IsoBytes.BlockSize);
        Assert.Equal(2, svd[0]);
        Assert.Equal("CD001", Encoding.ASCII.GetString(svd.Slice(1, 5)));
        Assert.Equal("%/E", Encoding.ASCII.GetString(svd.Slice(88, 3)));
        var expected = Encoding.BigEndianUnicode.GetBytes("CIDATA".PadRight(16));
        Assert.Equal(expected, svd.Slice(40, 32).ToArray());
        Assert.Equal(0x00, svd[52]); // first UCS-2 space after "CIDATA" (6 x 2 bytes)
        Assert.Equal(0x20, svd[53]);
    }

    [Fact]
    public void Build_DefaultSeed_TerminatorFollowsDescriptors()
    {
        var vdst = _image.AsSpan(18 * IsoBytes.BlockSize, 7);
        Assert.Equal(255, vdst[0]);
        Assert.Equal("CD001", Encoding.ASCII.GetString(vdst.Slice(1, 5)));
        Assert.Equal(1, vdst[6]);
    }

    [Theory]
    [InlineData(IsoBytes.PrimaryOffset, false)]
    [InlineData(IsoBytes.PrimaryOffset, true)]
    [InlineData(IsoBytes.JolietOffset, false)]
    [InlineData(IsoBytes.JolietOffset, true)]
    public void Build_DefaultSeed_PathTableRootIdentifierIsOneZeroByte(int descriptorOffset, bool typeM)
    {
        var (length, identifier, extent, parent) = IsoBytes.FirstPathTableRecord(_image, descriptorOffset, typeM);
        Assert.Equal(1, length);
        Assert.Equal(new byte[] { 0x00 }, identifier);
        Assert.Equal(IsoBytes.RootExtent(_image, descriptorOffset), extent);
        Assert.Equal(1, parent);
    }

    [Fact]
    public void Build_DefaultSeed_RootDotRecordStartsWithSharingProtocolEntry()
    {
        var entries = IsoBytes.RootDotSystemUse(_image);
        var (signature, sp) = entries[0];
        Assert.Equal("SP", signature);
        Assert.Equal(new byte[] { (byte)'S', (byte)'P', 7, 1, 0xBE, 0xEF, 0 }, sp);
    }

    [Fact]
    public void Build_DefaultSeed_RootDotRecordAnnouncesRripInExtensionsReference()
    {
        var entries = IsoBytes.RootDotSystemUse(_image);
        var er = Assert.Single(entries, e => e.Signature == "ER").Entry;
        int lenId = er[4], lenDes = er[5], lenSrc = er[6];
        Assert.Equal(1, er[7]);
        Assert.Equal("RRIP_1991A", Encoding.ASCII.GetString(er, 8, lenId));
        Assert.StartsWith("THE ROCK RIDGE INTERCHANGE PROTOCOL", Encoding.ASCII.GetString(er, 8 + lenId, lenDes));
        Assert.Equal(er.Length, 8 + lenId + lenDes + lenSrc);
        var px = Assert.Single(entries, e => e.Signature == "PX").Entry;
        Assert.Equal(44, px.Length);
        Assert.Equal(0x416Du, BinaryPrimitives.ReadUInt32LittleEndian(px.AsSpan(4))); // S_IFDIR | 0555
    }

    [Fact]
    public void Build_DefaultSeed_ImageSizeEqualsVolumeSpaceSize() => IsoBytes.AssertSizeMatchesVolumeSpace(_image);

    [Fact]
    public void Build_EmptyImage_ImageSizeEqualsVolumeSpaceSize()
    {
        using var stream = new MemoryStream();
        new IsoImageBuilder("CIDATA", SeedImage.Timestamp).Build(stream);
        IsoBytes.AssertSizeMatchesVolumeSpace(stream.ToArray());
    }

    [Fact]
    public void Build_SameCallsInDifferentOrder_GivesIdenticalBytes()
    {
        byte[] Build(bool reversed)
        {
            var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
            var calls = new List<Action>
            {
                () => builder.AddFile("user-data", "a"u8.ToArray()),
                () => builder.AddFile("meta-data", "b"u8.ToArray()),
                () => builder.AddFile("network-config", "c"u8.ToArray()),
                () => builder.AddFile("glancebake/verify-image.qcow2", new byte[5000]),
                () => builder.AddDirectory("glancebake", 0x1C0),
                () => builder.AddFile("user_data", "d"u8.ToArray()),
                () => builder.AddFile("USER-DATA", "e"u8.ToArray()),
                () => builder.AddDirectory("x/y/z"),
            };
            if (reversed)
            {
                calls.Reverse();
            }

            calls.ForEach(c => c());
            using var stream = new MemoryStream();
            builder.Build(stream);
            return stream.ToArray();
        }

        Assert.Equal(Build(false), Build(true));
    }

    [Fact]
    public void Build_CollidingFallbackNames_GetsDistinctIsoIdentifiers()
    {
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("user-data", "a"u8.ToArray());
        builder.AddFile("user_data", "b"u8.ToArray());
        builder.AddFile("USER-DATA", "c"u8.ToArray());
        using var stream = new MemoryStream();
        builder.Build(stream);
        var text = Encoding.ASCII.GetString(stream.ToArray());
        Assert.Contains("USER_DAT.;1", text);
        Assert.Contains("USER_DA1.;1", text);
        Assert.Contains("USER_DA2.;1", text);
    }
}
