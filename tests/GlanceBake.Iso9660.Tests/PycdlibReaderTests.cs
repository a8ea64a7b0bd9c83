using System.Security.Cryptography;
using System.Text;
using GlanceBake.Iso9660;
using GlanceBake.Testing;

namespace GlanceBake.Iso9660.Tests;

/// <summary>pycdlib (Debian python3-pycdlib) opens the seed strictly and finds every file by Rock Ridge and Joliet path.</summary>
public sealed class PycdlibReaderTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    // Prints one "key=value" line per fact; argv[1] is the image, argv[2:] the exact paths to look up.
    private const string Script = """
        import hashlib, io, sys
        import pycdlib
        iso = pycdlib.PyCdlib()
        iso.open(sys.argv[1])
        print("has_rock_ridge=%s" % iso.has_rock_ridge())
        print("rr_version=%s" % iso.rock_ridge)
        print("has_joliet=%s" % iso.has_joliet())
        dot = iso.get_record(iso_path='/').children[0]
        rr = dot.rock_ridge
        print("root_sp=%s" % (rr.dr_entries.sp_record is not None))
        print("root_er=%s" % (rr.dr_entries.er_record is not None or rr.ce_entries.er_record is not None))
        print("root_px=%s" % (rr.dr_entries.px_record is not None))
        print("root_mode=%o" % rr.get_file_mode())
        for path in sys.argv[2:]:
            rec = iso.get_record(rr_path='/' + path)
            print("rr_name %s=%s" % (path, rec.rock_ridge.name().decode('utf-8')))
            print("rr_mode %s=%o" % (path, rec.rock_ridge.get_file_mode()))
            for kind in ('rr_path', 'joliet_path'):
                iso.get_record(**{kind: '/' + path})
                out = io.BytesIO()
                iso.get_file_from_iso_fp(out, **{kind: '/' + path})
                print("%s %s=%s" % (kind, path, hashlib.sha256(out.getvalue()).hexdigest()))
        iso.close()
        """;

    private readonly SeedImage _seed = new();

    public void Dispose() => _seed.Dispose();

    [SkippableFact]
    public void Build_DefaultSeed_PycdlibStrictOpenFindsRockRidgeAndJoliet()
    {
        var facts = Run(_seed.ImagePath, _seed.Files.Keys);
        Assert.Equal("True", facts["has_rock_ridge"]);
        Assert.False(string.IsNullOrEmpty(facts["rr_version"]), "pycdlib reported no Rock Ridge version");
        Assert.Equal("True", facts["has_joliet"]);
        Assert.Equal("True", facts["root_sp"]);
        Assert.Equal("True", facts["root_er"]);
        Assert.Equal("True", facts["root_px"]);
        Assert.Equal("40555", facts["root_mode"]);
    }

    [SkippableFact]
    public void Build_DefaultSeed_PycdlibReadsSameBytesByRockRidgeAndJolietPath()
    {
        var facts = Run(_seed.ImagePath, _seed.Files.Keys);
        foreach (var (path, content) in _seed.Files)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            Assert.Equal(Path.GetFileName(path), facts[$"rr_name {path}"]);
            Assert.Equal(sha, facts[$"rr_path {path}"]);
            Assert.Equal(sha, facts[$"joliet_path {path}"]);
            Assert.Equal(path.EndsWith(".sh", StringComparison.Ordinal) ? "100755" : "100444", facts[$"rr_mode {path}"]);
        }
    }

    [SkippableFact]
    public void Build_LongMultibyteName_NameEntryContinuesInContinuationAreaAndReadsBack()
    {
        // 64 x U+20AC is 192 UTF-8 bytes: PX + TF + NM no longer fit in the record, so NM moves to a CE area.
        var name = new string('\u20AC', 64);
        var path = Path.Combine(_seed.Directory, "long.iso");
        var builder = new IsoImageBuilder("CIDATA", SeedImage.Timestamp);
        builder.AddFile("d/" + name, "x"u8.ToArray());
        builder.AddFile("d/" + new string('\u20AC', 63) + "b", "y"u8.ToArray());
        builder.Build(path);

        var facts = Run(path, ["d/" + name]);
        Assert.Equal(name, facts[$"rr_name d/{name}"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("x"u8)), facts[$"rr_path d/{name}"]);
    }

    private static Dictionary<string, string> Run(string image, IEnumerable<string> paths)
    {
        ExternalTool.Require(Python, "python3");
        var probe = ExternalTool.Run(Python, ["-c", "import pycdlib"]);
        ExternalTool.RequireThat(probe.ExitCode == 0, "the Python module pycdlib (Debian package python3-pycdlib)");
        var result = ExternalTool.Run(Python, ["-c", Script, image, .. paths],
            environment: new Dictionary<string, string> { ["PYTHONIOENCODING"] = "utf-8" }).ShouldSucceed("pycdlib");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
    }
}
