using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C06: write_files owned by root:glance carry defer: true; root-owned files are not deferred.</summary>
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

        Assert.True(glanceOwned >= 1, "no root:glance file at all: glance-api.conf should be one");
        var api = entries.Single(e => TestBake.Scalar(e, "path") == "/etc/glance/glance-api.conf");
        Assert.Equal("root:glance", TestBake.Scalar(api, "owner"));
        Assert.Equal("0640", TestBake.Scalar(api, "permissions"));
        Assert.Equal("true", TestBake.Scalar(api, "defer"));
    }

    [Fact]
    public void Bake_PikeRelease_RegistryConfigIsDeferredToo()
    {
        var bundle = TestBake.Bake(TestBake.ForTarget("pike", "ubuntu-16.04"));
        var registry = bundle.Rootfs.Single(f => f.Path == "/etc/glance/glance-registry.conf");
        Assert.Equal("root:glance", registry.Owner);
        Assert.True(registry.Defer);
        Assert.Equal(0b110_100_000, registry.Mode);
    }
}
