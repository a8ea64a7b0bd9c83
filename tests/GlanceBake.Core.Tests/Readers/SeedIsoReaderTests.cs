using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// The bake's seed.iso, through every ISO reader on this machine: xorriso, isoinfo, pycdlib, blkid, bsdtar and 7z
/// all see volume CIDATA holding exactly the files of cidata/, with the same bytes.
/// </summary>
public sealed partial class SeedIsoReaderTests
{
    // Prints {"rr": {path: sha256}, "joliet": {path: sha256}} for every file, walking each namespace from '/'.
    private const string PycdlibScript = """
        import hashlib, io, json, sys
        import pycdlib
        iso = pycdlib.PyCdlib()
        iso.open(sys.argv[1])
        out = {'rr': {}, 'joliet': {}, 'has_rr': iso.has_rock_ridge(), 'has_joliet': iso.has_joliet()}
        for kind in ('rr', 'joliet'):
            for root, dirs, files in iso.walk(**{kind + '_path': '/'}):
                for name in files:
                    path = root.rstrip('/') + '/' + name
                    buf = io.BytesIO()
                    iso.get_file_from_iso_fp(buf, **{kind + '_path': path})
                    out[kind][path.lstrip('/')] = hashlib.sha256(buf.getvalue()).hexdigest()
        iso.close()
        print(json.dumps(out))
        """;

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_XorrisoFind_ListsEveryFileWithoutComplaint(string name)
    {
        var baked = Scenario.Shared(name);
        var xorriso = ExternalTool.Require("xorriso", "xorriso");
        var result = ExternalTool.Run(xorriso, ["-indev", baked.PathOf("seed.iso"), "-find", "/", "-exec", "lsdl"])
            .ShouldSucceed("xorriso -find");
        var all = result.StandardOutput + result.StandardError;
        foreach (var word in new[] { "SORRY", "FAILURE", "WARNING", "FATAL" })
        {
            Assert.False(all.Contains(word, StringComparison.Ordinal), $"xorriso said {word}:\n{all}");
        }

        foreach (var file in CidataFiles(baked).Keys)
        {
            Assert.Contains($"'/{file}'", result.StandardOutput);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_IsoinfoD_VolumeIdIsCidata(string name)
    {
        var baked = Scenario.Shared(name);
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var output = ExternalTool.Run(isoinfo, ["-d", "-i", baked.PathOf("seed.iso")]).ShouldSucceed("isoinfo -d")
            .StandardOutput;
        Assert.Matches(new Regex("^Volume id: CIDATA$", RegexOptions.Multiline), output);
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_IsoinfoRockRidgeAndJolietListings_HoldExactlyTheCidataFiles(string name)
    {
        var baked = Scenario.Shared(name);
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var expected = CidataFiles(baked).Keys.ToList();
        foreach (var mode in new[] { "-R", "-J" })
        {
            var output = ExternalTool.Run(isoinfo, [mode, "-l", "-i", baked.PathOf("seed.iso")])
                .ShouldSucceed($"isoinfo {mode} -l").StandardOutput;
            Assert.Equal(expected, ListedFiles(output));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_Pycdlib_ReadsCidataBytesByRockRidgeAndJolietPath(string name)
    {
        var baked = Scenario.Shared(name);
        var python = Python.Require("pycdlib", "python3-pycdlib");
        var facts = Python.Json(python, PycdlibScript, baked.PathOf("seed.iso"));
        Assert.True(facts.GetProperty("has_rr").GetBoolean());
        Assert.True(facts.GetProperty("has_joliet").GetBoolean());
        var expected = CidataFiles(baked).ToDictionary(kv => kv.Key, kv => Convert.ToHexStringLower(SHA256.HashData(kv.Value)));
        foreach (var kind in new[] { "rr", "joliet" })
        {
            var seen = facts.GetProperty(kind).EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetString());
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), seen.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, sha) in expected)
            {
                Assert.True(sha == seen[path], $"pycdlib {kind}_path /{path} reads other bytes than cidata/{path}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_Blkid_LabelIsCidataAndTypeIso9660(string name)
    {
        var baked = Scenario.Shared(name);
        var blkid = ExternalTool.Require("blkid", "util-linux");
        var iso = baked.PathOf("seed.iso");
        Assert.Equal("CIDATA", ExternalTool.Run(blkid, ["-o", "value", "-s", "LABEL", iso]).ShouldSucceed("blkid LABEL")
            .StandardOutput.Trim());
        Assert.Equal("iso9660", ExternalTool.Run(blkid, ["-o", "value", "-s", "TYPE", iso]).ShouldSucceed("blkid TYPE")
            .StandardOutput.Trim());
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_BsdtarExtract_EqualsCidataByteForByte(string name)
    {
        var baked = Scenario.Shared(name);
        var bsdtar = ExternalTool.Require("bsdtar", "libarchive-tools");
        var target = baked.Scratch("bsdtar");
        ExternalTool.Run(bsdtar, ["-xf", baked.PathOf("seed.iso"), "-C", target]).ShouldSucceed("bsdtar -x");
        AssertSameTree(CidataFiles(baked), TreeSnapshot.Read(target), "bsdtar");
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void SeedIso_SevenZipExtract_EqualsCidataByteForByte(string name)
    {
        var baked = Scenario.Shared(name);
        var sevenZip = ExternalTool.Require("7z", "p7zip-full");
        var target = baked.Scratch("7z");
        ExternalTool.Run(sevenZip, ["x", "-y", "-o" + target, baked.PathOf("seed.iso")]).ShouldSucceed("7z x");
        AssertSameTree(CidataFiles(baked), TreeSnapshot.Read(target), "7z");
    }

    private static SortedDictionary<string, byte[]> CidataFiles(BakedScenario baked)
    {
        var files = TreeSnapshot.Read(baked.PathOf("cidata"));
        var expected = new List<string> { "glancebake/" + baked.Bundle.Image.FileName, "meta-data", "user-data" };
        if (baked.Parameters.Controller.Network is not null)
        {
            expected.Add("network-config");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), files.Keys);
        return files;
    }

    private static void AssertSameTree(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual,
        string reader)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{reader} extracted other bytes for {path}");
        }
    }

    /// <summary>Files (not directories) of an `isoinfo -l` listing, as paths relative to the root, sorted.</summary>
    private static List<string> ListedFiles(string listing)
    {
        var files = new List<string>();
        var dir = "";
        foreach (var line in listing.Split('\n'))
        {
            var header = DirectoryHeader().Match(line);
            if (header.Success)
            {
                dir = header.Groups[1].Value.Trim('/');
                continue;
            }

            var entry = Entry().Match(line);
            if (entry.Success && entry.Groups[1].Value != "d")
            {
                var fileName = entry.Groups[2].Value.TrimEnd();
                files.Add(dir.Length == 0 ? fileName : $"{dir}/{fileName}");
            }
        }

        return [.. files.Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^Directory listing of (/.*)$")]
    private static partial Regex DirectoryHeader();

    [GeneratedRegex(@"^([-d])[-rwxsStT]{9} .*\]  (.+)$")]
    private static partial Regex Entry();
}
