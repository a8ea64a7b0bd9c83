using GlanceBake.Core.Releases;
using GlanceBake.Core.Tests.Cases;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>No seed uses a cloud-init key newer than its distro's cloud-init (issue 6, failing input 1: defer
/// reached 16.04's 21.1 seeds and failed write_files).</summary>
public sealed class CloudInitFeatureTests
{
    public static TheoryData<string, string> AllPairs() => DistroProfileTests.AllPairs();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void UserData_AnyPair_UsesOnlyKeysItsDistrosCloudInitHas(string release, string distro)
    {
        var userData = TestBake.UserData(TestBake.Bake(TestBake.ForTarget(release, distro)));
        var cloudInit = ReleaseCatalog.FindDistro(distro)!.CloudInit;
        foreach (var key in KeyPaths(userData, ""))
        {
            Assert.True(CloudInitFeatures.Keys.TryGetValue(key, out var since), $"user-data key '{key}' is not in CloudInitFeatures.Keys: add it with its first cloud-init version");
            Assert.True(since <= cloudInit, $"{release}/{distro}: '{key}' needs cloud-init {since}, the distro's images carry {cloudInit}");
        }
    }

    [Fact]
    public void Defer_FirstShippedIn214_Not213() => Assert.Equal(new Version(21, 4), CloudInitFeatures.WriteFilesDefer);

    /// <summary>Mapping keys as dotted paths; list items share their list's path (<c>write_files.defer</c>).
    /// The values of <c>apt.debconf_selections</c> are names the user picks, not keys.</summary>
    private static IEnumerable<string> KeyPaths(YamlNode node, string prefix)
    {
        switch (node)
        {
            case YamlMappingNode map when prefix != "apt.debconf_selections":
                foreach (var (k, v) in map.Children)
                {
                    var path = prefix.Length == 0 ? ((YamlScalarNode)k).Value! : $"{prefix}.{((YamlScalarNode)k).Value}";
                    yield return path;
                    foreach (var inner in KeyPaths(v, path))
                    {
                        yield return inner;
                    }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var inner in seq.Children.SelectMany(c => KeyPaths(c, prefix)))
                {
                    yield return inner;
                }

                break;
        }
    }
}
