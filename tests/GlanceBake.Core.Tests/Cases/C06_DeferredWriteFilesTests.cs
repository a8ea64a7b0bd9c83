using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>
/// C06: write_files owned by root:glance carry defer: true; root-owned files are not deferred. Where the distro's
/// cloud-init has no defer (before 21.4) or Glance is installed by step 05 (Cloud Archive), such files are written
/// root-only below /etc/glancebake/staged and step 50 places them.
/// </summary>
public sealed class C06_DeferredWriteFilesTests
{
    public static IEnumerable<object[]> Targets => TestBake.Targets.Select(t => new object[] { t.Release, t.Distro });

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bake_AnyTarget_GlanceGroupFilesAreDeferredAndRootFilesAreNot(string release, string distro)
    {
        var userData = TestBake.UserData(TestBake.Bake(TestBake.ForTarget(release, distro)));
        var entries = ((YamlSequenceNode)userData["write_files"]).Cast<YamlMappingNode>().ToList();
        Assert.NotEmpty(entries);
        var glanceOwned = 0;
        foreach (var e in entries)
        {
            var path = TestBake.Scalar(e, "path");
            var owner = TestBake.Scalar(e, "owner");
            var defer = TestBake.Scalar(e, "defer");
            var ownerUser = owner!.Split(':')[0];
            var ownerGroup = owner.Split(':')[1];
            if (ownerUser != "root" || ownerGroup != "root")
            {
                Assert.True(defer == "true", $"{path} is owned by {owner}, which exists only after the packages, but is not deferred");
                glanceOwned++;
            }
            else
            {
                Assert.True(defer is null or "false", $"{path} is root:root but deferred ({defer})");
            }
        }

        var target = TestBake.Load(TestBake.ForTarget(release, distro)).Target.Profile;
        if (target.StagesGlanceFiles)
        {
            Assert.Equal(0, glanceOwned);
            var staged = entries.Single(e => TestBake.Scalar(e, "path") == "/etc/glancebake/staged/etc/glance/glance-api.conf");
            Assert.Equal("root:root", TestBake.Scalar(staged, "owner"));
            Assert.Equal("0600", TestBake.Scalar(staged, "permissions"));
            Assert.DoesNotContain("\ninstall -o root -g glance", StepScripts.For(release, distro)["40-packages"], StringComparison.Ordinal);
            Assert.Contains("  install -o root -g glance -m 0640 \"$staged\" \"$conf\"", StepScripts.For(release, distro)["50-config"],
                StringComparison.Ordinal);
            return;
        }

        Assert.True(glanceOwned >= 1, "no root:glance file at all: glance-api.conf should be one");
        var api = entries.Single(e => TestBake.Scalar(e, "path") == "/etc/glance/glance-api.conf");
        Assert.Equal("root:glance", TestBake.Scalar(api, "owner"));
        Assert.Equal("0640", TestBake.Scalar(api, "permissions"));
        Assert.Equal("true", TestBake.Scalar(api, "defer"));
    }

    /// <summary>Issue 6, failing input 1: Ubuntu 16.04's last cloud-init is 21.1, which has no defer and failed the
    /// whole write_files module on "Unknown user or group: glance". No entry may carry defer or a glance owner there.</summary>
    [Fact]
    public void Bake_PikeOnXenial_NoDeferAndBothConfigsStagedForStep50()
    {
        var bundle = TestBake.Bake(File.ReadAllText(Path.Combine(TestBake.RepoRoot, "examples", "pike-ubuntu1604.yaml")));
        var entries = ((YamlSequenceNode)TestBake.UserData(bundle)["write_files"]).Cast<YamlMappingNode>().ToList();
        Assert.All(entries, e => Assert.Null(TestBake.Scalar(e, "defer")));
        Assert.All(entries, e => Assert.Equal("root:root", TestBake.Scalar(e, "owner")));
        foreach (var conf in new[] { "/etc/glance/glance-api.conf", "/etc/glance/glance-registry.conf" })
        {
            var f = bundle.Rootfs.Single(f => f.TargetPath == conf);
            Assert.Equal("/etc/glancebake/staged" + conf, f.Path);
            Assert.Equal(0b110_000_000, f.Mode);
        }

        var step50 = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/50-config.sh");
        Assert.Contains("confs=('/etc/glance/glance-registry.conf' '/etc/glance/glance-api.conf')", step50, StringComparison.Ordinal);
        Assert.Contains("staged='/etc/glancebake/staged'$conf", step50, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_EveryRowNotOwnedByRoot_IsDeferred()
    {
        var rows = GlanceBake.Core.Rendering.OutputManifest.Rows;
        Assert.Contains(rows, r => r.Path == "/etc/glance/glance-registry.conf" && r.Defer && r.Owner == "root:glance");
        Assert.All(rows, r => Assert.Equal(r.Owner != "root:root", r.Defer));
    }
}
