using GlanceBake.Core.Diagnostics;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Releases;
using GlanceBake.Core.Tests.Cases;
using Xunit;

namespace GlanceBake.Core.Tests.Targets;

/// <summary>The distro profiles (targets/distros/*.yaml) and the release x distro matrix they give.</summary>
public sealed class DistroProfileTests
{
    [Fact]
    public void Profiles_EveryDataFile_IsLoadedOnceUnderItsOwnId()
    {
        var files = Directory.GetFiles(Path.Combine(TestBake.RepoRoot, "targets", "distros"), "*.yaml")
            .Select(f => Path.GetFileName(f)[..^".yaml".Length]).Order(StringComparer.Ordinal);
        Assert.Equal(files, ReleaseCatalog.Distros.Select(d => d.Id));
    }

    [Fact]
    public void Matrix_EveryRelease_IsOfferedOnAtLeastOneDistro()
    {
        foreach (var r in ReleaseCatalog.Releases)
        {
            Assert.Contains(ReleaseCatalog.Pairs, x => x.Release == r);
        }
    }

    /// <summary>Issue 6, failing input 2: Cloud Archive pockets are named by code name, never by number. The table
    /// is written here from wiki.ubuntu.com/OpenStack/CloudArchive, independently of the profiles.</summary>
    public static TheoryData<string, string, string> CloudArchivePockets => new()
    {
        { "pike", "ubuntu-16.04", "xenial-updates/pike" }, { "queens", "ubuntu-16.04", "xenial-updates/queens" },
        { "rocky", "ubuntu-18.04", "bionic-updates/rocky" }, { "stein", "ubuntu-18.04", "bionic-updates/stein" },
        { "train", "ubuntu-18.04", "bionic-updates/train" }, { "ussuri", "ubuntu-18.04", "bionic-updates/ussuri" },
        { "victoria", "ubuntu-20.04", "focal-updates/victoria" }, { "wallaby", "ubuntu-20.04", "focal-updates/wallaby" },
        { "xena", "ubuntu-20.04", "focal-updates/xena" }, { "yoga", "ubuntu-20.04", "focal-updates/yoga" },
        { "zed", "ubuntu-22.04", "jammy-updates/zed" }, { "2023.1", "ubuntu-22.04", "jammy-updates/antelope" },
        { "2023.2", "ubuntu-22.04", "jammy-updates/bobcat" }, { "2024.1", "ubuntu-22.04", "jammy-updates/caracal" },
        { "2024.2", "ubuntu-24.04", "noble-updates/dalmatian" }, { "2025.1", "ubuntu-24.04", "noble-updates/epoxy" },
        { "2025.2", "ubuntu-24.04", "noble-updates/flamingo" },
    };

    [Theory]
    [MemberData(nameof(CloudArchivePockets))]
    public void Bake_CloudArchiveRelease_SourceNamesThePocketByCodeNameAndNoKeyserver(string release, string distro, string pocket)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        var list = TestBake.Rootfs(bundle, "/etc/glancebake/cloudarchive.list");
        Assert.EndsWith($"\ndeb http://ubuntu-cloud.archive.canonical.com/ubuntu {pocket} main\n", list, StringComparison.Ordinal);
        var userData = TestBake.UserData(bundle);
        Assert.False(userData.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("apt"), out _),
            "no cloud-init apt sources: a keyid there makes cloud-init ask a keyserver");
        var step05 = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/05-cloud-archive.sh");
        Assert.Contains("keyring='ubuntu-cloud-keyring'", step05, StringComparison.Ordinal);
    }

    [Fact]
    public void Bake_CloudArchiveReleasePresentInImage_Step05InstallsNothing()
    {
        var bundle = TestBake.Bake(TestBake.ForTarget("2025.1", "ubuntu-24.04", ("packages.install", "present-in-image")));
        var step05 = TestBake.Rootfs(bundle, "/usr/local/lib/glancebake/steps/05-cloud-archive.sh");
        Assert.DoesNotContain(StepScripts.CodeLines(step05), l => l.Text.Contains("apt-get", StringComparison.Ordinal));
        Assert.False(TestBake.UserData(bundle).Children.ContainsKey(new YamlDotNet.RepresentationModel.YamlScalarNode("packages")));
    }

    [Fact]
    public void Matrix_UbuntuPairsNotFromTheDistro_AreExactlyThePocketTable()
    {
        var expected = CloudArchivePockets.Select(r => ((string)r[0], (string)r[1])).Order();
        var actual = ReleaseCatalog.Pairs.Where(x => x.Distro.CloudArchivePocket(x.Release.Name) is not null)
            .Select(x => (x.Release.Name, x.Distro.Id)).Order();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Bake_AnyPair_NoSeedReliesOnAKeyserver(string release, string distro)
    {
        var bundle = TestBake.Bake(TestBake.ForTarget(release, distro));
        foreach (var text in bundle.Rootfs.Select(f => System.Text.Encoding.UTF8.GetString(f.Content)).Append(TestBake.Cidata(bundle, "user-data")))
        {
            foreach (var use in new[] { "keyid:", "keyserver:", "keyserver.ubuntu.com", "--recv-keys", "--recv-key ", "apt-key ", "gpg --keyserver" })
            {
                Assert.DoesNotContain(use, text, StringComparison.Ordinal);
            }
        }
    }

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (r, d) in TestBake.Targets)
        {
            data.Add(r, d);
        }

        return data;
    }

    [Fact]
    public void Load_RockyDistro_IsRefusedWithItsReasonAndTheSupportedPairs()
    {
        var text = TestBake.ExampleText.Replace("distro: ubuntu-24.04 ", "distro: rocky-9 ", StringComparison.Ordinal);
        var r = ParameterLoader.Load(text, "p.yaml", Path.GetTempPath());
        var d = Assert.Single(r.Diagnostics, d => d.Code != DiagnosticCodes.PlaceholderSecret);
        Assert.Equal(DiagnosticCodes.UnsupportedCombination, d.Code);
        Assert.Equal(Array.FindIndex(text.Split('\n'), l => l.Contains("distro: rocky-9", StringComparison.Ordinal)) + 1, d.Line);
        Assert.Contains("rocky-9 (RDO, dnf) is not offered", d.Message, StringComparison.Ordinal);
        Assert.Contains("2025.1/debian-13", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReleaseTheDistroLacks_NamesTheDistrosThatHaveIt()
    {
        var r = ParameterLoader.Load(TestBake.ForTarget("2025.1", "debian-12"), "p.yaml", Path.GetTempPath());
        var d = Assert.Single(r.Diagnostics, d => d.Code != GlanceBake.Core.Diagnostics.DiagnosticCodes.PlaceholderSecret);
        Assert.Equal(DiagnosticCodes.UnsupportedCombination, d.Code);
        Assert.Contains("debian-12 supports zed", d.Message, StringComparison.Ordinal);
        Assert.Contains("OpenStack 2025.1 is on: debian-13, ubuntu-24.04", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bionic", "queens", "python-openstackclient", "python-pymysql")]
    [InlineData("bionic", "rocky", "python-openstackclient", "python-pymysql")]
    [InlineData("bionic", "stein", "python3-openstackclient", "python3-pymysql")]
    [InlineData("xenial", "pike", "python-openstackclient", "python-pymysql")]
    [InlineData("noble", "2025.1", "python3-openstackclient", "python3-pymysql")]
    public void Profile_PythonTwoReleases_UseThePythonTwoPackages(string codename, string release, string client, string pymysql)
    {
        var distro = ReleaseCatalog.Distros.Single(d => d.Codename == codename);
        Assert.Equal(client, distro.PackagesFor(release).Client);
        Assert.Equal(pymysql, distro.PackagesFor(release).Pymysql);
    }
}
