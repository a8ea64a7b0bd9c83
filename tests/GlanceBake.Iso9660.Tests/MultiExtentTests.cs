using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GlanceBake.Iso9660;
using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>
/// Files recorded in several file sections (ECMA-119 9.1.6 Multi-Extent, interchange level 3), checked byte by byte
/// and read back by xorriso, pycdlib, bsdtar and 7-Zip. Small injected sections (4 KiB) stand in for the real 4 GiB - 2048.
/// </summary>
public sealed class MultiExtentTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private const string ThreeSections = "glancebake/verify-image.raw";
    private static readonly FileSections Small = new(4096, 4096);
    private readonly string _directory = TestTemp.NewDir("multi-extent");
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly string _image;

    public MultiExtentTests()
    {
        var random = new Random(11);
        _files["glancebake/verify-image.raw"] = RandomBytes(random, 10_000);  // 4096 + 4096 + 1808
        _files["glancebake/two-sections.bin"] = RandomBytes(random, 8192);    // 4096 + 4096, no remainder
        _files["glancebake/two-partial.bin"] = RandomBytes(random, 6000);     // 4096 + 1904
        _files["glancebake/one-section.bin"] = RandomBytes(random, 4096);     // exactly one section
        _files["user-data"] = "#cloud-config\n"u8.ToArray();
        _files["meta-data"] = "instance-id: i-1\n"u8.ToArray();

        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp, Small);
        foreach (var (path, content) in _files)
        {
            var source = Path.Combine(_directory, Path.GetFileName(path) + ".src");
            File.WriteAllBytes(source, content);
            builder.AddFile(path, source);
        }

        _image = Path.Combine(_directory, "seed.iso");
        builder.Build(_image);
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var dir in Directory.EnumerateDirectories(_directory, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void FileSections_Default_AreLibisofsSizes()
    {
        Assert.Equal([uint.MaxValue], FileSections.Default.Sizes(uint.MaxValue));
        Assert.Equal([0xFFFFF800u, 633_341_952u], FileSections.Default.Sizes(4700L * 1024 * 1024)); // as xorriso wrote
        Assert.Empty(FileSections.Default.Sizes(0));
    }

    [Fact]
    public void Build_FileOfThreeSections_WritesThreeConsecutiveRecordsInBothTrees()
    {
        var image = File.ReadAllBytes(_image);
        IsoBytes.AssertSizeMatchesVolumeSpace(image);
        foreach (var (vdOffset, name) in new[] { (IsoBytes.PrimaryOffset, "VERIFY_I.RAW;1"), (IsoBytes.JolietOffset, "verify-image.raw") })
        {
            var records = Records(image, Subdirectory(image, vdOffset), vdOffset == IsoBytes.JolietOffset)
                .Where(r => r.Name == name).ToList();
            Assert.Equal([4096u, 4096u, 1808u], records.Select(r => r.Size));
            Assert.Equal([0x80, 0x80, 0x00], records.Select(r => (int)r.Flags)); // ECMA-119 9.1.6 bit 7 on all but the last
            Assert.Equal(records[0].Extent + 2, records[1].Extent);
            Assert.Equal(records[1].Extent + 2, records[2].Extent);
            var data = records.SelectMany(r => image.AsSpan((int)r.Extent * IsoBytes.BlockSize, (int)r.Size).ToArray()).ToArray();
            Assert.Equal(_files["glancebake/verify-image.raw"], data);
        }

        // Every section's record carries the Rock Ridge name, as libisofs writes them.
        var primary = Records(image, Subdirectory(image, IsoBytes.PrimaryOffset), joliet: false).Where(r => r.Name == "VERIFY_I.RAW;1");
        Assert.All(primary, r => Assert.Contains("NM", r.SystemUse));
    }

    [Fact]
    public void Build_FileOfOneFullSection_HasOneRecordWithoutMultiExtentFlag()
    {
        var image = File.ReadAllBytes(_image);
        var records = Records(image, Subdirectory(image, IsoBytes.PrimaryOffset), joliet: false)
            .Where(r => r.Name == "ONE_SECT.BIN;1").ToList();
        Assert.Equal(0, Assert.Single(records).Flags);
    }

    [SkippableFact]
    public void Build_MultiSectionFiles_XorrisoExtractsEqualBytesWithoutComplaint()
    {
        var xorriso = ExternalTool.Require("xorriso", "xorriso");
        var target = Path.Combine(_directory, "xorriso-out");
        var result = ExternalTool.Run(xorriso, ["-osirrox", "on", "-indev", _image, "-extract", "/", target])
            .ShouldSucceed("xorriso -extract");
        Assert.DoesNotMatch(new Regex(@"\b(WARNING|SORRY|FAILURE|MISHAP|FATAL)\b"), result.StandardOutput + result.StandardError);
        AssertTreeEquals(target);
    }

    [SkippableFact]
    public void Build_MultiSectionFiles_BsdtarExtractsEqualBytes()
    {
        var bsdtar = ExternalTool.Require("bsdtar", "libarchive-tools");
        var target = Directory.CreateDirectory(Path.Combine(_directory, "bsdtar-out")).FullName;
        ExternalTool.Run(bsdtar, ["-xf", _image, "-C", target]).ShouldSucceed("bsdtar -x");
        AssertTreeEquals(target);
    }

    [SkippableFact]
    public void Build_MultiSectionFiles_SevenZipExtractsEqualBytes()
    {
        var sevenZip = ExternalTool.Require("7z", "p7zip-full");
        var target = Directory.CreateDirectory(Path.Combine(_directory, "7z-out")).FullName;
        var result = ExternalTool.Run(sevenZip, ["x", "-y", "-o" + target, _image]).ShouldSucceed("7z x");
        Assert.DoesNotContain("WARNING", result.StandardOutput + result.StandardError, StringComparison.OrdinalIgnoreCase);
        AssertTreeEquals(target);
    }

    [SkippableFact]
    public void Build_TwoSectionFiles_PycdlibReadsEqualBytesByIsoAndJolietPath()
    {
        var paths = _files.Keys.Where(p => p != ThreeSections).ToList();
        var output = Pycdlib(paths);
        foreach (var path in paths)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(_files[path]));
            Assert.Contains($"iso_path {path}={sha}", output);
            Assert.Contains($"joliet_path {path}={sha}", output);
        }
    }

    /// <summary>
    /// Known pycdlib bugs (1.12, Debian 12; the same code in later releases), which hold for xorriso's images too
    /// (every section's record carries the same NM): its Rock Ridge lookup finds the LAST section's record and reads
    /// that section only; and DirectoryRecord._add_child links the first record to the newest duplicate, so of three
    /// sections it reads the first and the last. Bake therefore refuses verification images above two sections
    /// (GlanceBake.Core SeedImage.MaxLength). When this test fails, pycdlib was fixed: revisit that limit.
    /// </summary>
    [SkippableFact]
    public void Build_MultiSectionFiles_PycdlibRockRidgePathAndThirdSectionAreMisread()
    {
        var output = Pycdlib(["glancebake/two-sections.bin", ThreeSections]);
        var lastOnly = Convert.ToHexStringLower(SHA256.HashData(_files["glancebake/two-sections.bin"].AsSpan(4096)));
        Assert.Contains($"rr_path glancebake/two-sections.bin={lastOnly}", output);
        var three = _files[ThreeSections];
        var firstAndLast = Convert.ToHexStringLower(SHA256.HashData([.. three.AsSpan(0, 4096), .. three.AsSpan(8192)]));
        Assert.Contains($"iso_path {ThreeSections}={firstAndLast}", output);
    }

    private string Pycdlib(IEnumerable<string> paths)
    {
        ExternalTool.Require(Python, "python3");
        ExternalTool.RequireThat(ExternalTool.Run(Python, ["-c", "import pycdlib"]).ExitCode == 0,
            "the Python module pycdlib (Debian package python3-pycdlib)");
        const string script = """
            import hashlib, io, sys
            import pycdlib
            iso = pycdlib.PyCdlib()
            iso.open(sys.argv[1])
            for path in sys.argv[2:]:
                rr = iso.get_record(rr_path='/' + path)
                iso_path = iso.full_path_from_dirrecord(rr, rockridge=False)
                for kind, at in (('rr_path', '/' + path), ('joliet_path', '/' + path), ('iso_path', iso_path)):
                    out = io.BytesIO()
                    iso.get_file_from_iso_fp(out, **{kind: at})
                    print("%s %s=%s" % (kind, path, hashlib.sha256(out.getvalue()).hexdigest()))
            iso.close()
            """;
        return ExternalTool.Run(Python, ["-c", script, _image, .. paths]).ShouldSucceed("pycdlib").StandardOutput;
    }

    private void AssertTreeEquals(string root)
    {
        var found = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(_files.Keys.Order(StringComparer.Ordinal), found);
        foreach (var (path, content) in _files)
        {
            Assert.True(content.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, path))), $"{path} differs");
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // The extent of the root's only subdirectory (glancebake/) in the tree of the descriptor at vdOffset.
    private static uint Subdirectory(byte[] image, int vdOffset) =>
        Records(image, IsoBytes.RootExtent(image, vdOffset), vdOffset == IsoBytes.JolietOffset)
            .Single(r => (r.Flags & 0x02) != 0 && r.Name is not ("\0" or "\u0001")).Extent;

    // ECMA-119 9.1: every record of the first block of a directory extent (the test trees are that small).
    private static List<(string Name, uint Extent, uint Size, byte Flags, string SystemUse)> Records(byte[] image, uint extent, bool joliet)
    {
        var records = new List<(string, uint, uint, byte, string)>();
        var at = (int)extent * IsoBytes.BlockSize;
        var end = at + IsoBytes.BlockSize;
        while (at < end && image[at] != 0)
        {
            var record = image.AsSpan(at, image[at]);
            var identifier = record.Slice(33, record[32]);
            var name = joliet && identifier.Length > 1 ? Encoding.BigEndianUnicode.GetString(identifier) : Encoding.ASCII.GetString(identifier);
            var suspStart = 33 + identifier.Length + (identifier.Length % 2 == 0 ? 1 : 0);
            records.Add((name, BinaryPrimitives.ReadUInt32LittleEndian(record[2..]), BinaryPrimitives.ReadUInt32LittleEndian(record[10..]),
                record[25], Encoding.ASCII.GetString(record[suspStart..])));
            at += record.Length;
        }

        return records;
    }
}
