using System.Security.Cryptography;
using GlanceBake.Iso9660;
using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>
/// A real file above 4 GiB (sparse on disk, with data around the section boundary and at the end) in a real seed,
/// read back by xorriso and bsdtar through pipes into sha256sum, so no reader writes 4 GiB to disk. The image is
/// sparse too (<see cref="IsoImageBuilder.Build(string)"/>). About 20-30 s on two cores: tagged Heavy.
/// </summary>
public sealed class LargeFileReaderTests : IDisposable
{
    private const long Length = (4L << 30) + (1 << 20) + 5;
    private const long Boundary = 0xFFFFF800; // where the second file section starts
    private readonly string _directory = TestTemp.NewDir("large-file");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    [Trait("Category", "Heavy")]
    public void Build_SparseFileAbove4GiB_XorrisoAndBsdtarReadEqualBytes()
    {
        var xorriso = ExternalTool.Require("xorriso", "xorriso");
        var bsdtar = ExternalTool.Require("bsdtar", "libarchive-tools");
        var sha256sum = ExternalTool.Require("sha256sum", "coreutils");
        var source = Path.Combine(_directory, "big.raw");
        var random = new Random(5);
        using (var stream = new FileStream(source, FileMode.CreateNew, FileAccess.Write))
        {
            stream.SetLength(Length);
            foreach (var at in new[] { 0, Boundary - 100, Length - 3000 })
            {
                var marker = new byte[at == 0 ? 4096 : (int)Math.Min(3000, Length - at)];
                random.NextBytes(marker);
                stream.Position = at;
                stream.Write(marker);
            }
        }

        string expected;
        using (var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
        {
            expected = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var image = Path.Combine(_directory, "seed.iso");
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("user-data", "#cloud-config\n"u8.ToArray());
        builder.AddFile("glancebake/big.raw", source);
        builder.Build(image);
        Assert.True(new FileInfo(image).Length > Length);

        var fromXorriso = ExternalTool.Run(xorriso,
                ["-osirrox", "on", "-indev", image, "-concat", "pipe", "+", sha256sum, "+", "/glancebake/big.raw", "--"],
                timeoutSeconds: 300)
            .ShouldSucceed("xorriso -concat pipe sha256sum");
        Assert.Contains(expected, fromXorriso.StandardOutput);

        var fromBsdtar = ExternalTool.Run("/bin/bash", ["-c", "set -o pipefail; \"$1\" -xOf \"$2\" glancebake/big.raw | \"$3\"",
                "_", bsdtar, image, sha256sum], timeoutSeconds: 300)
            .ShouldSucceed("bsdtar -xO | sha256sum");
        Assert.StartsWith(expected, fromBsdtar.StandardOutput);
    }
}
