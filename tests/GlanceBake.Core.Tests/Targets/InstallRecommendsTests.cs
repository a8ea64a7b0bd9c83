using GlanceBake.Core.Releases;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Cases;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>Issue 12: the profile setting <c>install_recommends: false</c> (Debian 12 and 13, measured) reaches every
/// apt install of the first boot: cloud-init's packages module through <c>apt: conf</c>, steps 05 and 40 through
/// <c>--no-install-recommends</c>; profiles without it keep apt's default.</summary>
public sealed class InstallRecommendsTests
{
    public static TheoryData<string, string> AllPairs() => DistroProfileTests.AllPairs();

    [Theory]
    [InlineData("debian-12")]
    [InlineData("debian-13")]
    public void Profile_Debian_LeavesRecommendsOut(string distro) =>
        Assert.False(ReleaseCatalog.FindDistro(distro)!.InstallRecommends);

    [Theory]
    [InlineData("ubuntu-16.04")]
    [InlineData("ubuntu-24.04")]
    public void Profile_WithoutTheKey_KeepsAptsDefault(string distro) =>
        Assert.True(ReleaseCatalog.FindDistro(distro)!.InstallRecommends);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Bake_AnyPair_EveryAptInstallFollowsTheProfile(string release, string distro)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        var profile = ReleaseCatalog.FindDistro(distro)!;
        var target = new TargetProfile(ReleaseCatalog.Releases.Single(r => r.Name == release), profile);
        var userData = TestBake.UserData(bundle);
        var aptConf = userData.Children.TryGetValue(new YamlScalarNode("apt"), out var apt)
            ? TestBake.Scalar((YamlMappingNode)apt, "conf")
            : null;
        // cloud-init installs Glance itself only from the distro's own archive; from the Cloud Archive step 05 does.
        Assert.Equal(!profile.InstallRecommends && !target.InstallsFromCloudArchive ? CloudConfig.NoRecommendsAptConf : null, aptConf);

        var steps = new List<string> { "/usr/local/lib/glancebake/steps/40-packages.sh" };
        if (target.InstallsFromCloudArchive)
        {
            steps.Add("/usr/local/lib/glancebake/steps/05-cloud-archive.sh");
        }

        foreach (var step in steps)
        {
            var installs = StepScripts.CodeLines(TestBake.Rootfs(bundle, step))
                .Where(l => l.Text.Contains("apt-get install", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(installs);
            Assert.All(installs, l => Assert.Equal(!profile.InstallRecommends,
                l.Text.Contains("apt-get install -y --no-install-recommends ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void AptConf_IsOneAptConfOption() =>
        Assert.Equal("APT::Install-Recommends \"false\";\n", CloudConfig.NoRecommendsAptConf);

    [Theory]
    [InlineData("maybe")]
    [InlineData("no")]
    public void Reader_InstallRecommendsNotTrueOrFalse_NamesFileAndKey(string value)
    {
        var text = File.ReadAllText(Path.Combine(TestBake.RepoRoot, "targets", "distros", "debian-12.yaml"))
            .Replace("install_recommends: false", $"install_recommends: {value}", StringComparison.Ordinal);
        var e = Assert.Throws<InvalidDataException>(() => DistroProfileReader.Read(text, "debian-12.yaml"));
        Assert.Equal($"debian-12.yaml: install_recommends '{value}': true or false", e.Message);
    }
}
