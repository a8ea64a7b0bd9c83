using GlanceBake.Core.Releases;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Cases;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>Issue 12: the update-initramfs trigger is off while cloud-init installs the packages (user-data
/// <c>bootcmd</c>) and back on before the runner's first step, for the profiles with <c>initramfs_guard: true</c>.</summary>
public sealed class InitramfsGuardTests
{
    /// <summary>initramfs-tools 0.142's /etc/initramfs-tools/update-initramfs.conf (bookworm; trixie's has the same
    /// update_initramfs line), as the guard finds it.</summary>
    private const string DefaultConf = "#\n# Configuration file for update-initramfs(8)\n#\n\n#\n# update_initramfs [ yes | all | no ]\n#\n"
        + "# Default is yes\n# If set to all update-initramfs will update all initramfs\n"
        + "# If set to no disables any update to initramfs beside kernel upgrade\n\nupdate_initramfs=yes\n\n"
        + "#\n# backup_initramfs [ yes | no ]\n#\n# Default is no\n# If set to no leaves no .bak backup files.\n\nbackup_initramfs=no\n";

    private const string Runner = "/usr/local/sbin/glancebake-firstboot";

    public static TheoryData<string, string> AllPairs() => DistroProfileTests.AllPairs();

    [Theory]
    [InlineData("debian-12")]
    [InlineData("debian-13")]
    public void Profile_Debian_GuardsTheTrigger(string distro) => Assert.True(ReleaseCatalog.FindDistro(distro)!.InitramfsGuard);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Bake_AnyPair_BootcmdAndRestoreOnlyWhereTheProfileAsks(string release, string distro)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        var profile = ReleaseCatalog.FindDistro(distro)!;
        var fromCloudArchive = profile.CloudArchivePocket(release) is not null;
        var expected = profile.InitramfsGuard && !fromCloudArchive;
        var userData = TestBake.UserData(bundle);
        var hasBootcmd = userData.Children.TryGetValue(new YamlScalarNode("bootcmd"), out var bootcmd);
        Assert.Equal(expected, hasBootcmd);
        if (hasBootcmd)
        {
            var argv = ((YamlSequenceNode)Assert.Single(((YamlSequenceNode)bootcmd!).Children)).Children
                .Select(c => ((YamlScalarNode)c).Value!).ToList();
            Assert.Equal(InitramfsGuard.BootCommand, argv);
        }

        Assert.Equal(expected, TestBake.Rootfs(bundle, Runner).Contains(InitramfsGuard.RestoreSed, StringComparison.Ordinal));
    }

    [Fact]
    public void Bake_PresentInImage_NoGuard()
    {
        var bundle = TestBake.Bake(TestBake.ForTarget("zed", "debian-12", ("packages.install", "present-in-image")));
        Assert.False(TestBake.UserData(bundle).Children.ContainsKey(new YamlScalarNode("bootcmd")));
        Assert.DoesNotContain(InitramfsGuard.RestoreSed, TestBake.Rootfs(bundle, Runner), StringComparison.Ordinal);
    }

    /// <summary>The real shell round trip on a copy of the file: bootcmd's script switches update-initramfs off (the
    /// file, sourced as update-initramfs does, says no), the runner's block puts back the original bytes; a file the
    /// admin changed (update_initramfs=all) is left alone by both.</summary>
    [Theory]
    [InlineData("yes")]
    [InlineData("all")]
    public void Guard_ThenRunnerRestore_RoundTripsTheFile(string value)
    {
        var dir = TestBake.NewTempDir();
        var conf = Path.Combine(dir, "update-initramfs.conf");
        var original = DefaultConf.Replace("update_initramfs=yes", $"update_initramfs={value}", StringComparison.Ordinal);
        File.WriteAllText(conf, original);

        var guard = InitramfsGuard.BootCommand[^1].Replace(InitramfsGuard.ConfPath, conf, StringComparison.Ordinal);
        TestBake.CleanBash(guard).ShouldSucceed("bootcmd guard");
        var sourced = TestBake.CleanBash("update_initramfs=unset; . \"$1\"; printf %s \"$update_initramfs\"", conf)
            .ShouldSucceed("source the conf");
        Assert.Equal(value == "yes" ? "no" : value, sourced.StandardOutput);
        if (value == "yes")
        {
            Assert.Contains("\n" + InitramfsGuard.GuardedLine + "\n", File.ReadAllText(conf), StringComparison.Ordinal);
        }

        var runner = TestBake.Rootfs(TestBake.Bake(TestBake.ForTarget("zed", "debian-12")), Runner);
        var lines = runner.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("if [ -f '/etc/initramfs-tools/update-initramfs.conf' ]", StringComparison.Ordinal));
        Assert.True(start > 0, "the runner's restore block");
        var end = Array.FindIndex(lines, start, l => l == "fi");
        var restore = string.Join('\n', lines[start..(end + 1)]).Replace(InitramfsGuard.ConfPath, conf, StringComparison.Ordinal);
        TestBake.CleanBash(restore).ShouldSucceed("runner restore");
        Assert.Equal(original, File.ReadAllText(conf));
    }
}
