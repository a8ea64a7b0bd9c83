using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C17: GlanceBake does not write vfat seeds (only an ISO 9660 seed.iso), so the case's vfat label rule does not
/// apply. What holds instead: no parameter asks for vfat, and the only label written is exactly CIDATA, one of the
/// two spellings cloud-init accepts. The CLI side (no --format/vfat option) is in GlanceBake.Cli.Tests.
/// </summary>
public sealed class C17_VfatNotSupportedTests
{
    [Theory]
    [InlineData("seed:\n  format: vfat\n")]
    [InlineData("controller:\n  seed_format: vfat\n")]
    [InlineData("seed_format: vfat\n")]
    public void Load_VfatRequested_IsAnUnknownKey(string extra)
    {
        var text = extra.StartsWith("controller:", StringComparison.Ordinal)
            ? TestBake.ExampleText.Replace("controller:\n", "controller:\n  seed_format: vfat\n", StringComparison.Ordinal)
            : TestBake.ExampleText + extra;
        var result = ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey && d.Message.Contains("seed"));
    }

    [Fact]
    public void BundleWriter_VolumeLabel_IsExactlyCidata()
    {
        Assert.Equal("CIDATA", BundleWriter.VolumeLabel);
        var dir = TestBake.Write(TestBake.Bake(TestBake.ExampleText));
        Assert.Equal(new[] { "SHA256SUMS", "cidata", "packer", "review", "seed.iso" },
            Directory.EnumerateFileSystemEntries(dir).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories),
            f => f.EndsWith(".img", StringComparison.Ordinal) || f.EndsWith(".vfat", StringComparison.Ordinal));
        var iso = new IsoImage(File.ReadAllBytes(Path.Combine(dir, "seed.iso")));
        Assert.Equal("CIDATA", System.Text.Encoding.ASCII.GetString(iso.VolumeIdentifier(iso.Pvd)).TrimEnd(' '));
    }
}
