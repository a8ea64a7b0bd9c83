using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Releases;
using GlanceBake.Core.Tests.Cases;
using Xunit;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>
/// Per-release facts of issue 6 that have no template of their own: the image cache driver default (Glance 28.0.0,
/// glance/image_cache/__init__.py) and the format match Glance 30.0.0 enforces on upload (glance/common/config.py,
/// [image_format] require_image_format_match), and what the binder does with them.
/// </summary>
public sealed class ReleaseFactTests
{
    [Theory]
    [InlineData("zed", "sqlite", false)]
    [InlineData("2023.2", "sqlite", false)]
    [InlineData("2024.1", "centralized_db", false)]
    [InlineData("2024.2", "centralized_db", false)]
    [InlineData("2025.1", "centralized_db", true)]
    [InlineData("2025.2", "centralized_db", true)]
    public void Release_CacheDriverAndFormatMatch_FollowGlanceSource(string name, string driver, bool formatMatch)
    {
        var r = ReleaseCatalog.FindRelease(name)!;
        Assert.Equal(driver, r.ImageCacheDriverDefault);
        Assert.Equal(formatMatch, r.RequiresImageFormatMatch);
    }

    [Theory]
    [InlineData("zed", "debian-12", "keystone+cachemanagement", "its own SQLite file")]
    [InlineData("2024.1", "ubuntu-24.04", "keystone+caching", "worker_self_reference_url")]
    [InlineData("2025.1", "debian-13", "noauth", "'keystone' only")]
    public void PasteFlavor_OtherThanKeystone_IsRefusedAtTheValueWithTheReason(string release, string distro, string flavor, string reason)
    {
        var text = TestBake.ForTarget(release, distro, ("glance.paste_flavor", flavor));
        var r = ParameterLoader.Load(text, "p.yaml", TestBake.RepoRoot);
        Assert.False(r.Succeeded);
        var d = Assert.Single(r.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.NotOneOf, d.Code);
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains("paste_flavor", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, d.Line);
    }

    [Fact]
    public void PasteFlavor_Keystone_Bakes() =>
        TestBake.Load(TestBake.ForTarget("zed", "debian-12", ("glance.paste_flavor", "keystone")));
}
