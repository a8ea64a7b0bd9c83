using System.Text.Json;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>qemu-img reads the generated verification image as a 1 MiB qcow2 with no errors.</summary>
public sealed class VerificationImageTests
{
    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void GeneratedQcow2_QemuImgInfo_IsQcow2OfOneMebibyte(string name)
    {
        var baked = Scenario.Shared(name);
        Assert.Equal("qcow2", baked.Parameters.Verification.DiskFormat);
        var qemuImg = ExternalTool.Require("qemu-img", "qemu-utils");
        var image = baked.PathOf("cidata/" + baked.Bundle.Image.SeedPath);
        var info = ExternalTool.Run(qemuImg, ["info", "--output=json", "-f", "qcow2", image]).ShouldSucceed("qemu-img info");
        using var doc = JsonDocument.Parse(info.StandardOutput);
        Assert.Equal("qcow2", doc.RootElement.GetProperty("format").GetString());
        Assert.Equal(1048576, doc.RootElement.GetProperty("virtual-size").GetInt64());
        Assert.False(doc.RootElement.TryGetProperty("backing-filename", out _), "the image must not name a backing file");
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void GeneratedQcow2_QemuImgCheck_FindsNoErrors(string name)
    {
        var baked = Scenario.Shared(name);
        var qemuImg = ExternalTool.Require("qemu-img", "qemu-utils");
        var image = baked.PathOf("cidata/" + baked.Bundle.Image.SeedPath);
        var result = ExternalTool.Run(qemuImg, ["check", "-f", "qcow2", image]).ShouldSucceed("qemu-img check");
        Assert.Contains("No errors were found", result.StandardOutput);
    }
}
