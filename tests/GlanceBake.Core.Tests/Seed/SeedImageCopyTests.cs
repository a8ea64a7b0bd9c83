using System.Security.Cryptography;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Cases;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Seed;

/// <summary>
/// <see cref="SeedImage.CopyFromFile"/> reads the user's image once into the hash's buffers, copies them and hashes
/// them on a second thread (issue 10): the checksum is of the bytes copied, and the copy has the holes a plain
/// sparse copy leaves (every all-zero MiB).
/// </summary>
public sealed class SeedImageCopyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2 << 20)]             // exactly one hash buffer
    [InlineData((5 << 20) + 4097)]    // buffers and a remainder
    public void CopyFromFile_AnySize_HashesTheBytesCopiedAndKeepsTheHoles(int length)
    {
        var dir = TestBake.NewTempDir();
        var source = Path.Combine(dir, "disk.raw");
        var bytes = new byte[length];
        RandomNumberGenerator.Fill(bytes.AsSpan(0, Math.Min(length, 1 << 20)));
        if (length > 0)
        {
            bytes[^1] = 9; // between: zero MiBs, left as holes
        }

        File.WriteAllBytes(source, bytes);

        var image = SeedImage.CopyFromFile(source, "raw", Path.Combine(dir, "staged", "verify-image.raw"));
        var plain = Path.Combine(dir, "plain.raw");
        SeedImage.CopySparse(source, plain, null);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), image.Sha256);
        Assert.Equal(length, image.Length);
        Assert.Equal(bytes, File.ReadAllBytes(image.SourceFile!));
        Assert.Equal(AllocatedSize.Of(plain), AllocatedSize.Of(image.SourceFile!));
        if (length > 3 << 20)
        {
            Assert.True(AllocatedSize.Of(image.SourceFile!) < length - (2 << 20), "zero MiBs are holes");
        }
    }
}
