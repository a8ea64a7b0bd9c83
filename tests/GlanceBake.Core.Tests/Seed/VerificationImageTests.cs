using System.Security.Cryptography;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Cases;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Seed;

/// <summary>The verification image travels on the seed: generated when none is given, the user's file otherwise.</summary>
public sealed class VerificationImageTests
{
    [Fact]
    public void Bake_ImageFileGiven_CarriesItsExactBytesOnTheIsoAndChecksItsSha256()
    {
        var dir = TestBake.NewTempDir();
        var image = Path.Combine(dir, "my-image.qcow2");
        var bytes = VerificationImage.Generate("qcow2");
        bytes[100] = 7; // not the generated image
        File.WriteAllBytes(image, bytes);

        var bundle = TestBake.Bake(TestBake.With(("verification.image_file", image)));
        var outDir = TestBake.Write(bundle);

        Assert.Equal("glancebake/verify-image.qcow2", bundle.Image.SeedPath);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(outDir, "cidata/glancebake/verify-image.qcow2")));
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var verify = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/95-verify-image.sh");
        Assert.Contains($"seed_file 'glancebake/verify-image.qcow2' '{sha}' \"$file\"", verify, StringComparison.Ordinal);
        Assert.Contains($"{Sha256Of(Path.Combine(outDir, "cidata/glancebake/verify-image.qcow2"))}  cidata/glancebake/verify-image.qcow2",
            File.ReadAllText(Path.Combine(outDir, "SHA256SUMS")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IsoFailsWhileReviewIsWritten_KeepsThePreviousOutputAndLeavesNoStaging()
    {
        // seed.iso is built while a second thread writes review/: a failure of the ISO (here a folder stands where
        // seed.iso goes) waits for that thread, then the staging folder goes and the old output stays.
        var dir = TestBake.NewTempDir();
        var image = Path.Combine(dir, "my-image.qcow2");
        File.WriteAllBytes(image, VerificationImage.Generate("qcow2"));
        var p = TestBake.Load(TestBake.With(("verification.image_file", image)));
        var output = Path.Combine(dir, "out");
        BundleWriter.Write(SeedBaker.Bake(p, SeedBaker.DefaultTimestamp), output);
        var before = File.ReadAllBytes(Path.Combine(output, "SHA256SUMS"));

        var e = Record.Exception(() => BundleWriter.Write(output, staging =>
        {
            Directory.CreateDirectory(Path.Combine(staging, "seed.iso"));
            return SeedBaker.Bake(p, SeedBaker.DefaultTimestamp, stagingRoot: staging);
        }));

        Assert.True(e is IOException or UnauthorizedAccessException, e?.ToString());
        Assert.Contains("seed.iso", e!.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(output, "SHA256SUMS")));
        Assert.Equal(["my-image.qcow2", "out"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Where(n => !n!.StartsWith(".out.glancebake-lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Bake_ImageFileGiven_IsoHoldsItUnderGlancebake()
    {
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var dir = TestBake.NewTempDir();
        var image = Path.Combine(dir, "cirros.img");
        File.WriteAllBytes(image, VerificationImage.Generate("qcow2"));
        var outDir = TestBake.Write(TestBake.Bake(TestBake.With(("verification.image_file", image))));

        var listing = ExternalTool.Run(isoinfo, ["-R", "-f", "-i", Path.Combine(outDir, "seed.iso")])
            .ShouldSucceed("isoinfo -R -f").StandardOutput;
        Assert.Contains("/glancebake/verify-image.qcow2", listing.Split('\n'));
    }

    /// <summary>
    /// Issue 9: a 70-letter file name was refused as if its letters were the problem. The user's name no longer
    /// reaches the seed at all: long, spaced, non-ASCII or shell-special names bake to <c>verify-image.FORMAT</c>.
    /// </summary>
    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqr")]
    [InlineData("my image (copy) $HOME;`x`.img")]
    [InlineData("été-שלום.raw")]
    public void Bake_ImageFileWithAnyName_IsCarriedAsVerifyImageDotFormat(string name)
    {
        var dir = TestBake.NewTempDir();
        var image = Path.Combine(dir, name);
        File.WriteAllBytes(image, new byte[4096]);

        var bundle = TestBake.Bake(TestBake.With(("verification.disk_format", "raw"), ("verification.image_file", image)));

        Assert.Equal("glancebake/verify-image.raw", bundle.Image.SeedPath);
        var verify = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/95-verify-image.sh");
        Assert.Contains("image_file='verify-image.raw'\n", verify, StringComparison.Ordinal);
        Assert.DoesNotContain(name, verify, StringComparison.Ordinal);
    }

    [Fact]
    public void Bake_RawDiskFormatWithoutFile_GeneratesOneMiBOfZeros()
    {
        var bundle = TestBake.Bake(TestBake.With(("verification.disk_format", "raw")));
        Assert.Equal("glancebake/verify-image.raw", bundle.Image.SeedPath);
        Assert.Equal(1 << 20, bundle.Image.Content!.Length);
        Assert.All(bundle.Image.Content, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Generate_Qcow2_HasTheQcow2HeaderAndOneMiBVirtualSize()
    {
        var image = VerificationImage.Generate("qcow2");
        Assert.Equal([0x51, 0x46, 0x49, 0xFB], image[..4]);
        Assert.Equal(1L << 20, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(image.AsSpan(24)));
        Assert.Throws<ArgumentException>(() => VerificationImage.Generate("vmdk"));
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
