using GlanceBake.Iso9660;
using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

public sealed class IsoImageBuilderBuildTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("glancebake-iso-build-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Build_SourceFileChangedLength_ThrowsIOExceptionAndLeavesNoImage()
    {
        var source = Path.Combine(_directory, "source.bin");
        File.WriteAllBytes(source, new byte[10_000]);
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("data.bin", source);
        File.WriteAllBytes(source, new byte[10]);
        var image = Path.Combine(_directory, "seed.iso");

        var e = Assert.Throws<IOException>(() => builder.Build(image));
        Assert.Contains("source.bin", e.Message);
        Assert.False(File.Exists(image));
    }

    [Fact]
    public void Build_FileStreamedFromDisk_ContentLandsAtItsExtent()
    {
        var content = new byte[70_000];
        new Random(7).NextBytes(content);
        var source = Path.Combine(_directory, "source.bin");
        File.WriteAllBytes(source, content);
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("data.bin", source);
        using var stream = new MemoryStream();
        builder.Build(stream);
        var image = stream.ToArray();

        IsoBytes.AssertSizeMatchesVolumeSpace(image);
        var at = image.AsSpan().IndexOf(content.AsSpan(0, 64));
        Assert.True(at > 0 && at % IsoBytes.BlockSize == 0, "file data starts on a block boundary");
        Assert.True(image.AsSpan(at, content.Length).SequenceEqual(content));
    }

    [Fact]
    public void Build_Twice_GivesIdenticalBytes()
    {
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("user-data", "#cloud-config\n"u8.ToArray());
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        builder.Build(first);
        builder.Build(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void BuildWithSha256_NewPathAndExistingLongerFile_WriteTheSameImageAndHash()
    {
        // A new file is created without truncation (CreateNew); an existing one, even longer, is replaced whole.
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("user-data", "#cloud-config\n"u8.ToArray());
        var fresh = Path.Combine(_directory, "fresh.iso");
        var replaced = Path.Combine(_directory, "replaced.iso");
        File.WriteAllBytes(replaced, new byte[1 << 20]);

        var freshHash = builder.BuildWithSha256(fresh);
        var replacedHash = builder.BuildWithSha256(replaced);

        Assert.Equal(File.ReadAllBytes(fresh), File.ReadAllBytes(replaced));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(fresh))), freshHash);
        Assert.Equal(freshHash, replacedHash);
    }

    [Fact]
    public void BuildWithSha256_DiskFileOfSeveralHashBuffers_HashesTheImageWrittenWithTheSameHolesAsBuild()
    {
        // The image file is read into the hash's 2 MiB buffers and hashed on a second thread (issue 10): the hash
        // must be of exactly the bytes written, and zero runs must stay holes as Build(string) leaves them.
        var source = Path.Combine(_directory, "disk.raw");
        var content = new byte[3 * PipelinedSha256.BufferSize + 3 * 256 * 1024 + 77];
        System.Security.Cryptography.RandomNumberGenerator.Fill(content.AsSpan(0, PipelinedSha256.BufferSize));
        content[^1] = 1; // between: a zero run of more than two buffers
        File.WriteAllBytes(source, content);
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("user-data", "#cloud-config\n"u8.ToArray());
        builder.AddFile("glancebake/verify-image.raw", source);
        var hashed = Path.Combine(_directory, "hashed.iso");
        var plain = Path.Combine(_directory, "plain.iso");
        var inMemory = new MemoryStream();

        var hash = builder.BuildWithSha256(hashed);
        builder.Build(plain);
        builder.Build(inMemory);

        Assert.Equal(inMemory.ToArray(), File.ReadAllBytes(hashed));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(inMemory.ToArray())), hash);
        Assert.Equal(AllocatedSize.Of(plain), AllocatedSize.Of(hashed));
        Assert.True(AllocatedSize.Of(hashed) < inMemory.Length - 4 * 1024 * 1024, "the zero run is a hole");
    }
}
