using System.Text;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>
/// out/packer/cidata.pkr.hcl, judged by Packer itself (Debian's <c>packer</c>, 1.6.6): <c>packer validate</c> accepts a
/// minimal qemu template that takes <c>cd_files</c> and <c>cd_label</c> from the fragment, and rejects the same template
/// without it (so the fragment really was read).
/// </summary>
public sealed class PackerFragmentTests
{
    private const string Template = """
        source "qemu" "controller" {
          iso_url          = "debian-12-genericcloud-amd64.qcow2"
          iso_checksum     = "none"
          disk_image       = true
          communicator     = "none"
          cd_files         = local.glancebake_cd_files
          cd_label         = local.glancebake_cd_label
        }

        build {
          sources = ["source.qemu.controller"]
        }

        """;

    private static ToolResult Validate(string dir, params string[] extra)
    {
        var packer = ExternalTool.Require("packer", "packer");
        // CHECKPOINT_DISABLE: no version check over the network.
        return ExternalTool.Run(packer, ["validate", .. extra, "."], workingDirectory: dir,
            environment: new Dictionary<string, string> { ["CHECKPOINT_DISABLE"] = "1", ["HOME"] = dir });
    }

    [SkippableTheory]
    [InlineData("controller")]
    [InlineData("zed-debian12")]
    public void Fragment_PackerValidate_AcceptsAQemuTemplateUsingIt(string name)
    {
        var baked = Scenario.Shared(name);
        var dir = baked.Scratch("packer");
        File.Copy(baked.PathOf(PackerFragment.RelativePath), Path.Combine(dir, "cidata.pkr.hcl"));
        File.WriteAllText(Path.Combine(dir, "controller.pkr.hcl"), Template);
        Validate(dir, "-var", $"glancebake_cidata={baked.PathOf("cidata")}").ShouldSucceed("packer validate");

        File.Delete(Path.Combine(dir, "cidata.pkr.hcl"));
        var without = Validate(dir);
        Assert.NotEqual(0, without.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Fragment_ListsEveryNoCloudFileAndTheImageFolderWithLabelCidata(string name)
    {
        var baked = Scenario.Shared(name);
        var text = File.ReadAllText(baked.PathOf(PackerFragment.RelativePath), Encoding.UTF8);
        Assert.Contains("  glancebake_cd_label = \"cidata\"\n", text);
        foreach (var (file, _) in baked.Bundle.Cidata)
        {
            Assert.Contains($"    \"${{var.glancebake_cidata}}/{file}\",\n", text);
        }

        // A folder keeps its name on Packer's CD: the image stays at glancebake/verify-image.FORMAT.
        Assert.Contains("    \"${var.glancebake_cidata}/glancebake\",\n", text);
        Assert.StartsWith("glancebake/", baked.Bundle.Image.SeedPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\"b", "\"x/a\\\"b\"")]
    [InlineData("a\\b", "\"x/a\\\\b\"")]
    [InlineData("${v}", "\"x/$${v}\"")]
    [InlineData("%{if}", "\"x/%%{if}\"")]
    public void Quote_EscapesHclTemplateSyntax(string literal, string expected) =>
        Assert.Equal(expected, PackerFragment.Quote("x/", literal));
}
