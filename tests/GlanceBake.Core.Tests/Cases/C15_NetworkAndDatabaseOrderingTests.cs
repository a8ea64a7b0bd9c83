using GlanceBake.Core.Releases;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C15: drop-ins pair Wants= with After=network-online.target and order after the database unit.</summary>
public sealed class C15_NetworkAndDatabaseOrderingTests
{
    public static IEnumerable<object[]> Targets => SystemdDropIns.Targets;

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_DropInsWantAndOrderAfterNetworkOnlineAndDatabase(string release, string distro)
    {
        var units = SystemdDropIns.For(release, distro);
        var expected = new List<string> { "/etc/systemd/system/glance-api.service.d/10-glancebake.conf" };
        if (ReleaseCatalog.FindRelease(release)!.HasRegistry)
        {
            expected.Add("/etc/systemd/system/glance-registry.service.d/10-glancebake.conf");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), units.Select(u => u.Path).Order(StringComparer.Ordinal));
        var dbUnit = ReleaseCatalog.FindDistro(distro)!.Units.Database;
        foreach (var (path, text) in units)
        {
            Assert.Contains("[Unit]", text);
            var wants = SystemdDropIns.Words(text, "Wants");
            var after = SystemdDropIns.Words(text, "After");
            Assert.Contains("network-online.target", wants);
            Assert.Contains("network-online.target", after);
            Assert.Contains(dbUnit, after);
            // Every After= on network-online.target comes with a Wants= (never After= alone).
            Assert.All(after.Where(u => u.EndsWith(".target")), t => Assert.Contains(t, wants));
        }
    }
}
