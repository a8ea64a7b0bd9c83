using System.Text;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C03: Rock Ridge and Joliet names of the seed are exactly user-data, meta-data, network-config.</summary>
public sealed class C03_IsoNamesTests
{
    private static readonly Lazy<string> Dir = new(() => TestBake.Write(TestBake.Bake(TestBake.With(
        ("controller.network.interface", "ens3"), ("controller.network.addresses", new[] { "10.0.0.11/24" })))));

    private static string IsoPath => Path.Combine(Dir.Value, "seed.iso");

    private static readonly string[] Expected = ["glancebake", "meta-data", "network-config", "user-data"];

    [Fact]
    public void Bake_DefaultSeed_RockRidgeNamesAreExact()
    {
        var iso = new IsoImage(File.ReadAllBytes(IsoPath));
        Assert.Equal(Expected, iso.RockRidgeRootNames().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bake_DefaultSeed_JolietNamesAreExact()
    {
        var iso = new IsoImage(File.ReadAllBytes(IsoPath));
        Assert.Equal(Expected, iso.JolietRootNames().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bake_DefaultSeed_PlainIso9660NamesAreOnlyTheFallback()
    {
        var iso = new IsoImage(File.ReadAllBytes(IsoPath));
        var plain = iso.Children(iso.Root(iso.Pvd)).Skip(2).Select(r => Encoding.ASCII.GetString(r.Identifier)).ToList();
        Assert.All(plain, n => Assert.Matches("^[A-Z0-9_.;]+$", n));
        Assert.DoesNotContain("user-data", plain);
    }

    [SkippableFact]
    public void Bake_DefaultSeed_IsoinfoSeesExactNamesThroughRockRidgeAndJoliet()
    {
        var isoinfo = ExternalTool.Require("isoinfo", "genisoimage");
        var rr = ExternalTool.Run(isoinfo, ["-i", IsoPath, "-R", "-f"]).ShouldSucceed("isoinfo -R -f");
        var joliet = ExternalTool.Run(isoinfo, ["-i", IsoPath, "-J", "-f"]).ShouldSucceed("isoinfo -J -f");
        foreach (var listing in new[] { rr.StandardOutput, joliet.StandardOutput })
        {
            var names = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim()).Where(l => l.Count(c => c == '/') == 1).Select(l => l.TrimEnd(';', '1').TrimStart('/'));
            Assert.Equal(Expected, names.Select(n => n.Split(';')[0]).Order(StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public void Bake_DefaultSeed_PycdlibSeesExactNamesThroughRockRidgeAndJoliet()
    {
        ExternalTool.Require("/usr/bin/python3", "python3");
        const string script = """
            import sys, pycdlib
            iso = pycdlib.PyCdlib()
            iso.open(sys.argv[1])
            rr = sorted(c.rock_ridge.name().decode() for c in iso.list_children(rr_path='/') if not (c.is_dot() or c.is_dotdot()))
            jo = sorted(c.file_identifier().decode('utf-16_be').split(';')[0] for c in iso.list_children(joliet_path='/') if not (c.is_dot() or c.is_dotdot()))
            print(','.join(rr))
            print(','.join(jo))
            """;
        var probe = TestBake.Python("import pycdlib");
        ExternalTool.RequireThat(probe.ExitCode == 0, "python3-pycdlib");
        var result = TestBake.Python(script, IsoPath).ShouldSucceed("pycdlib");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", Expected), lines[0]);
        Assert.Equal(string.Join(",", Expected), lines[1]);
    }
}
