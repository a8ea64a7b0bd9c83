using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C02: same input, same bytes and instance-id; changed input, new instance-id; a pinned id is warned about.</summary>
public sealed class C02_InstanceIdAndDeterminismTests
{
    [Fact]
    public void Bake_SameParametersTwice_GivesByteIdenticalIsoAndSameInstanceId()
    {
        var text = TestBake.ExampleText;
        var first = TestBake.Bake(text);
        var second = TestBake.Bake(text);
        var a = File.ReadAllBytes(Path.Combine(TestBake.Write(first), "seed.iso"));
        var b = File.ReadAllBytes(Path.Combine(TestBake.Write(second), "seed.iso"));

        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.StartsWith("iid-", first.InstanceId);
        Assert.True(a.AsSpan().SequenceEqual(b), "seed.iso differs between two bakes of the same file");
    }

    public static IEnumerable<object[]> OneValueChanged() =>
    [
        ["database.password", "GLANCE_DBPASS2"],
        ["glance.password", "other"],
        ["keystone.admin.password", "ADMIN_PASS2"],
        ["controller.hostname", "controller2"],
        ["glance.endpoints.public", "http://10.0.0.12:9292"],
        ["verification.image_name", "cirros-other"],
        ["verification.disk_format", "raw"],
    ];

    [Theory]
    [MemberData(nameof(OneValueChanged))]
    public void Bake_OneValueChanged_GivesDifferentInstanceId(string key, string value)
    {
        var before = TestBake.Bake(TestBake.ExampleText);
        var after = TestBake.Bake(TestBake.With((key, value)));

        Assert.NotEqual(before.InstanceId, after.InstanceId);
        Assert.Contains($"instance-id: {after.InstanceId}", TestBake.Cidata(after, "meta-data"));
    }

    [Fact]
    public void Bake_NetworkConfigAdded_GivesDifferentInstanceId()
    {
        var before = TestBake.Bake(TestBake.ExampleText);
        var after = TestBake.Bake(TestBake.With(("controller.network.interface", "ens3"),
            ("controller.network.addresses", new[] { "10.0.0.11/24" })));
        Assert.NotEqual(before.InstanceId, after.InstanceId);
    }

    [Fact]
    public void Load_PinnedInstanceId_WarnsGB2013AtItsPositionAndBakeUsesIt()
    {
        var text = TestBake.ExampleText.Replace("  # instance_id: iid-controller-01", "  instance_id: iid-controller-01",
            StringComparison.Ordinal);
        var result = ParameterLoader.Load(text, "controller.yaml", TestBake.RepoRoot);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret);
        Assert.Equal(DiagnosticCodes.PinnedInstanceId, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains("instance_id: iid-controller-01")) + 1;
        Assert.Equal(line, warning.Line);
        Assert.Equal(16, warning.Column);
        Assert.StartsWith($"controller.yaml({line},16): warning GB2013: ", warning.ToString());

        var bundle = SeedBaker.Bake(result.Parameters!, SeedBaker.DefaultTimestamp);
        Assert.Equal("iid-controller-01", bundle.InstanceId);
        Assert.Contains("instance-id: iid-controller-01\n", TestBake.Cidata(bundle, "meta-data"));

        var changed = SeedBaker.Bake(TestBake.Load(text.Replace("GLANCE_PASS", "OTHER_PASS", StringComparison.Ordinal)),
            SeedBaker.DefaultTimestamp);
        Assert.Equal("iid-controller-01", changed.InstanceId);
    }

    [Fact]
    public void Load_NoPinnedInstanceId_HasNoWarnings()
    {
        var result = ParameterLoader.Load(TestBake.ExampleText, "controller.yaml", TestBake.RepoRoot);
        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret); // only the guide's placeholders (GB2019)
    }
}
