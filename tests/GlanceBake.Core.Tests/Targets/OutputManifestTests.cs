using GlanceBake.Core.Rendering;
using Xunit;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>The output manifest and templates/ match one to one.</summary>
public sealed class OutputManifestTests
{
    [Fact]
    public void Manifest_EveryTemplate_HasExactlyOneRowAndEveryRowATemplate()
    {
        var templates = TemplateSet.Embedded.Paths.Where(p => !p.StartsWith("_shared/", StringComparison.Ordinal));
        Assert.Equal(templates, OutputManifest.Rows.Select(r => r.Template).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Manifest_TemplatePath_MirrorsTheTargetPath() =>
        Assert.All(OutputManifest.Rows, r => Assert.Equal($"rootfs{r.Path}.sbn", r.Template));

    [Fact]
    public void Manifest_SecretRows_AreNotWorldReadable() =>
        Assert.All(OutputManifest.Rows.Where(r => r.Role == FileRole.Secret), r => Assert.Equal(0, r.Mode & 0b000_000_111));

    [Fact]
    public void Manifest_Steps_RunInPathOrderWithConfigBeforeDbSync()
    {
        var steps = OutputManifest.AllSteps;
        Assert.Equal(steps.Order(StringComparer.Ordinal), steps);
        Assert.True(steps.ToList().IndexOf("50-config") < steps.ToList().IndexOf("60-db-sync"));
    }
}
