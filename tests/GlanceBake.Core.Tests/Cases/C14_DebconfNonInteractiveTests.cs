using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C14: on Debian, installing never blocks on debconf: questions preseeded false, noninteractive, confold.</summary>
public sealed class C14_DebconfNonInteractiveTests
{
    private static readonly string[] Questions =
    [
        "glance-common glance/configure_db boolean false",
        "glance-common glance/configure_rabbit boolean false",
        "glance-common glance/configure_ksat boolean false",
        "glance-api glance/configure_api-endpoint boolean false",
    ];

    [Fact]
    public void Bake_Debian12_UserDataPreseedsGlanceQuestionsToFalse()
    {
        var userData = TestBake.UserData(TestBake.Bake(TestBake.ForTarget("zed", "debian-12")));
        var apt = (YamlMappingNode)userData["apt"];
        var selections = (YamlMappingNode)apt["debconf_selections"];
        var text = string.Join("\n", selections.Children.Values.Cast<YamlScalarNode>().Select(v => v.Value));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        foreach (var q in Questions)
        {
            Assert.Contains(q, lines);
        }

        Assert.All(lines, l => Assert.EndsWith(" boolean false", l));
    }

    [Fact]
    public void Bake_Debian12_ReplayStepPreseedsAndInstallsNonInteractivelyKeepingConfigs()
    {
        var bundle = TestBake.Bake(TestBake.ForTarget("zed", "debian-12"));
        var selections = TestBake.Rootfs(bundle, "/etc/glancebake/debconf-selections");
        foreach (var q in Questions)
        {
            Assert.Contains(q, selections);
        }

        var lib = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/lib.sh");
        Assert.Contains("export LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive", lib);
        var step = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/40-packages.sh");
        var install = Assert.Single(StepScripts.CodeLines(step), l => l.Text.Contains("apt-get install")).Text;
        Assert.Contains(" -y ", install);
        Assert.Contains("-o Dpkg::Options::=--force-confold", install);
        var preseed = StepScripts.CodeLines(step).First(l => l.Text.Contains("debconf-set-selections")).Number;
        Assert.True(preseed < StepScripts.CodeLines(step).First(l => l.Text.Contains("apt-get install")).Number);
    }

    [Theory]
    [InlineData("2024.1", "ubuntu-24.04")]
    [InlineData("pike", "ubuntu-16.04")]
    public void Bake_Ubuntu_HasNoDebconfSelectionsFile(string release, string distro)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        Assert.DoesNotContain(bundle.Rootfs, f => f.Path == "/etc/glancebake/debconf-selections");
    }
}
