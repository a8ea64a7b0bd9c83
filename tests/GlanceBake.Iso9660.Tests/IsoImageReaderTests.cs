using GlanceBake.Iso9660;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Iso9660.Tests;

/// <summary>
/// <see cref="IsoImageReader"/> reads back what <see cref="IsoImageBuilder"/> writes, in all three trees, including
/// files recorded as several file sections (ECMA-119 9.1.6 Multi-Extent; small injected sections stand in for the
/// real 4 GiB - 2048). Images by genisoimage, cloud-localds and xorriso: SeedImageInspectorTests.
/// </summary>
public sealed class IsoImageReaderTests
{
    private static readonly FileSections Small = new(4096, 4096);

    private static (string Image, Dictionary<string, byte[]> Files) Build()
    {
        var dir = TestTemp.NewDir("reader");
        var random = new Random(5);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glancebake/verify-image.raw"] = new byte[10_000],
            ["glancebake/exact.bin"] = new byte[8192],
            ["meta-data"] = "instance-id: i-1\n"u8.ToArray(),
            ["user-data"] = "#cloud-config\n"u8.ToArray(),
        };
        random.NextBytes(files["glancebake/verify-image.raw"]);
        random.NextBytes(files["glancebake/exact.bin"]);
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp, Small);
        foreach (var (path, content) in files)
        {
            builder.AddFile(path, content);
        }

        var image = Path.Combine(dir, "seed.iso");
        builder.Build(image);
        return (image, files);
    }

    [Theory]
    [InlineData(IsoNaming.RockRidge)]
    [InlineData(IsoNaming.Joliet)]
    public void Reader_OurImage_SumsMultiExtentFilesAndReadsTheirBytes(IsoNaming naming)
    {
        var (image, files) = Build();
        using var stream = File.OpenRead(image);
        var reader = new IsoImageReader(stream);
        Assert.Equal("CIDATA", reader.VolumeLabel);
        Assert.Equal("RRIP_1991A", reader.RockRidge);
        Assert.Equal(3, reader.JolietLevel());
        Assert.Equal([1, 2, 255], reader.Descriptors.Select(d => d.Type));

        var listed = reader.Files(naming);
        Assert.Equal(["glancebake", .. files.Keys.Order(StringComparer.Ordinal)], listed.Select(f => f.Path));
        foreach (var (path, content) in files)
        {
            var f = listed.Single(x => x.Path == path);
            Assert.Equal(content.Length, f.Size);
            Assert.Equal(content, reader.ReadFile(f, int.MaxValue));
        }

        Assert.Equal(3, listed.Single(f => f.Path == "glancebake/verify-image.raw").Extents.Count);
        Assert.Equal(2, listed.Single(f => f.Path == "glancebake/exact.bin").Extents.Count);
        if (naming == IsoNaming.RockRidge)
        {
            Assert.Equal(0x8000 | 0x124, listed.Single(f => f.Path == "user-data").Mode); // -r--r--r--
        }
    }

    [Fact]
    public void Reader_Iso9660Names_DropVersionAndDot()
    {
        var (image, _) = Build();
        using var stream = File.OpenRead(image);
        var names = new IsoImageReader(stream).Files(IsoNaming.Iso9660).Select(f => f.Path).ToList();
        Assert.DoesNotContain(names, n => n.Contains(';') || n.EndsWith('.'));
        Assert.Contains("GLANCEBA", names[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_NotAnImage_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => new IsoImageReader(new MemoryStream(new byte[20 * 2048])));
        Assert.Throws<InvalidDataException>(() => new IsoImageReader(new MemoryStream(new byte[100])));
    }
}
