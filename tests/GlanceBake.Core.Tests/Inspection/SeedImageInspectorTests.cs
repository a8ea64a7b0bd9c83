using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Inspection;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Inspection;

/// <summary>
/// <see cref="SeedImageInspector"/> on seeds made at test time by genisoimage (as cloud-localds calls it),
/// cloud-localds itself and xorriso, with one deliberate fault each, and on our own seed.iso.
/// </summary>
public sealed class SeedImageInspectorTests
{
    private const string CloudConfig = "#cloud-config\nhostname: controller\n";
    private const string MetaData = "instance-id: iid-test-01\nlocal-hostname: controller\n";

    /// <summary>A folder holding user-data and meta-data (either left out when null).</summary>
    private static string SeedFolder(string? userData = CloudConfig, string? metaData = MetaData)
    {
        var dir = TestTemp.NewDir("inspect-src");
        if (userData is not null)
        {
            File.WriteAllText(Path.Combine(dir, "user-data"), userData);
        }

        if (metaData is not null)
        {
            File.WriteAllText(Path.Combine(dir, "meta-data"), metaData);
        }

        return dir;
    }

    /// <summary>genisoimage as cloud-localds runs it (<c>-volid cidata -joliet -rock</c>), minus what a test drops.</summary>
    private static string Genisoimage(string folder, string label = "cidata", bool joliet = true, bool rock = true)
    {
        var tool = ExternalTool.Require("genisoimage", "genisoimage");
        var iso = Path.Combine(TestTemp.NewDir("inspect-iso"), "seed.iso");
        List<string> args = ["-quiet", "-output", iso, "-volid", label];
        if (joliet)
        {
            args.Add("-joliet");
        }

        if (rock)
        {
            args.Add("-rock");
        }

        args.AddRange(Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        ExternalTool.Run(tool, args).ShouldSucceed("genisoimage");
        return iso;
    }

    /// <summary>xorriso's native commands: Rock Ridge on by default, Joliet asked for.</summary>
    private static string Xorriso(string folder, string label = "CIDATA", bool joliet = true)
    {
        var tool = ExternalTool.Require("xorriso", "xorriso");
        var iso = Path.Combine(TestTemp.NewDir("inspect-iso"), "seed.iso");
        ExternalTool.Run(tool, ["-outdev", iso, "-volid", label, "-joliet", joliet ? "on" : "off", "-map", folder, "/"])
            .ShouldSucceed("xorriso");
        return iso;
    }

    private static SeedInspection Inspect(string iso) => SeedImageInspector.Inspect(iso);

    private static void AssertOk(SeedInspection r)
    {
        Assert.True(r.Diagnostics.Count == 0, string.Join("\n", r.Diagnostics) + "\n" + string.Join("\n", r.Listing));
        Assert.Equal("NoCloud: ok", r.Listing[^1]);
    }

    private static void AssertOnly(SeedInspection r, string code)
    {
        Assert.True(r.Diagnostics.Count > 0 && r.Diagnostics.All(d => d.Code == code),
            $"expected only {code}:\n{string.Join("\n", r.Diagnostics)}\n{string.Join("\n", r.Listing)}");
        Assert.All(r.Diagnostics, d => Assert.Matches(@"^(.*/)?seed\.iso: error GB4\d{3}: ", d.ToString()));
    }

    [SkippableFact]
    public void Genisoimage_CloudLocaldsFlags_Passes_AndListsBothExtensions()
    {
        var r = Inspect(Genisoimage(SeedFolder()));
        AssertOk(r);
        Assert.Contains("volume label: cidata", r.Listing);
        Assert.Contains(r.Listing, l => l.StartsWith("extensions: Rock Ridge (RRIP_1991A), Joliet (level 3)", StringComparison.Ordinal));
        Assert.Contains(r.Listing, l => l.EndsWith($"{MetaData.Length}  meta-data", StringComparison.Ordinal) && l.TrimStart().StartsWith("-r", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void CloudLocalds_Seed_Passes()
    {
        var tool = ExternalTool.Require("cloud-localds", "cloud-image-utils");
        var dir = SeedFolder();
        var iso = Path.Combine(TestTemp.NewDir("inspect-iso"), "seed.iso");
        ExternalTool.Run(tool, [iso, Path.Combine(dir, "user-data"), Path.Combine(dir, "meta-data")]).ShouldSucceed("cloud-localds");
        AssertOk(Inspect(iso));
    }

    [SkippableFact]
    public void Xorriso_Seed_Passes()
    {
        var r = Inspect(Xorriso(SeedFolder()));
        AssertOk(r);
        Assert.Contains("volume label: CIDATA", r.Listing);
    }

    [SkippableFact]
    public void WrongLabelCase_IsGB4002()
    {
        AssertOnly(Inspect(Genisoimage(SeedFolder(), label: "CIdata")), DiagnosticCodes.NoCloudLabel);
        AssertOnly(Inspect(Xorriso(SeedFolder(), label: "CIdata")), DiagnosticCodes.NoCloudLabel);
    }

    [SkippableFact]
    public void NoRockRidge_StillReadableThroughJoliet()
    {
        var r = Inspect(Genisoimage(SeedFolder(), rock: false));
        AssertOk(r);
        Assert.Contains("extensions: Joliet (level 3)", r.Listing);
        Assert.Contains("files (Joliet names):", r.Listing);
    }

    [SkippableFact]
    public void NoJoliet_StillReadableThroughRockRidge()
    {
        AssertOk(Inspect(Genisoimage(SeedFolder(), joliet: false)));
        var r = Inspect(Xorriso(SeedFolder(), joliet: false));
        AssertOk(r);
        Assert.DoesNotContain("files (Joliet names):", r.Listing);
    }

    [SkippableFact]
    public void NeitherRockRidgeNorJoliet_NamesAreMangled_IsGB4003()
    {
        AssertOnly(Inspect(Genisoimage(SeedFolder(), joliet: false, rock: false)), DiagnosticCodes.NoCloudFileMissing);
    }

    [SkippableFact]
    public void NoMetaData_IsGB4003()
    {
        var r = Inspect(Genisoimage(SeedFolder(metaData: null)));
        AssertOnly(r, DiagnosticCodes.NoCloudFileMissing);
        Assert.Contains("'meta-data'", r.Diagnostics.Single().Message);
    }

    [SkippableFact]
    public void InstanceIdWithUnderscore_IsGB4004()
    {
        var r = Inspect(Xorriso(SeedFolder(metaData: "instance_id: iid-test-01\n")));
        AssertOnly(r, DiagnosticCodes.NoCloudInstanceId);
        Assert.Contains("'instance_id'", r.Diagnostics.Single().Message);
    }

    [SkippableFact]
    public void UserDataWithoutHeader_IsGB4005_WithoutShowingItsText()
    {
        var r = Inspect(Genisoimage(SeedFolder(userData: "hostname: secretvalue\n")));
        AssertOnly(r, DiagnosticCodes.NoCloudUserDataHeader);
        Assert.DoesNotContain("secretvalue", r.Diagnostics.Single().Message);
    }

    [Theory]
    [InlineData("#!/bin/sh\necho hi\n")]
    [InlineData("  #Cloud-Config\n{}\n")]
    [InlineData("#include\nhttp://example.com/x\n")]
    [InlineData("#cloud-boothook\n")]
    [InlineData("## template: jinja\n#cloud-config\n")]
    [InlineData("Content-Type: multipart/mixed; boundary=\"b\"\nMIME-Version: 1.0\n\n--b--\n")]
    public void UserDataHeadersCloudInitKnows_Pass(string userData)
    {
        var r = SeedImageInspector.Inspect(new MemoryStream(OwnSeed(userData)), "seed.iso");
        AssertOk(r);
    }

    [Theory]
    [InlineData("keys: {*v : x}\ninstance-id: &v iid-1\n", "comes before its anchor")] // was a stack overflow (exit 139)
    [InlineData("instance-id: !![a] iid-1\n", "Global tags must be valid URIs")]          // was an internal error (exit 70)
    public void MetaDataTheModelCannotLoad_IsGB4004AtItsLine(string metaData, string message)
    {
        var r = SeedImageInspector.Inspect(new MemoryStream(OwnSeed(CloudConfig, metaData)), "seed.iso");
        AssertOnly(r, DiagnosticCodes.NoCloudInstanceId);
        Assert.Contains("'meta-data' cannot be checked: line 1: ", r.Diagnostics.Single().Message);
        Assert.Contains(message, r.Diagnostics.Single().Message);
    }

    [Theory]
    [InlineData("controller")]
    [InlineData("pike-ubuntu1604")]
    public void OurOwnBakedSeed_Passes(string scenario)
    {
        var r = SeedImageInspector.Inspect(GlanceBake.Core.Tests.Snapshots.Scenario.Shared(scenario).PathOf("seed.iso"));
        AssertOk(r);
        Assert.Contains("extensions: Rock Ridge (RRIP_1991A), Joliet (level 3)", r.Listing);
        Assert.Contains(r.Listing, l => l.StartsWith("  -r--r--r--", StringComparison.Ordinal) && l.EndsWith("  user-data", StringComparison.Ordinal));
    }

    [Fact]
    public void NotAnIso_IsGB4001()
    {
        var r = SeedImageInspector.Inspect(new MemoryStream(new byte[40_000]), "seed.iso");
        AssertOnly(r, DiagnosticCodes.IsoUnreadable);
    }

    private static byte[] OwnSeed(string userData, string metaData = MetaData)
    {
        var dir = SeedFolder(userData, metaData);
        var builder = new GlanceBake.Iso9660.IsoImageBuilder("CIDATA", DateTimeOffset.UnixEpoch);
        builder.AddFile("user-data", Path.Combine(dir, "user-data"));
        builder.AddFile("meta-data", Path.Combine(dir, "meta-data"));
        var iso = Path.Combine(dir, "seed.iso");
        builder.Build(iso);
        return File.ReadAllBytes(iso);
    }
}
