using GlanceBake.Core.Seed;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C01: meta-data always exists with instance-id and local-hostname; the ISO always has user-data and meta-data.</summary>
public sealed class C01_MetaDataAlwaysPresentTests
{
    public static IEnumerable<object[]> Scenarios()
    {
        foreach (var (release, distro) in TestBake.Targets)
        {
            yield return [release, distro, "plain"];
        }

        yield return ["2024.1", "ubuntu-24.04", "network"];
        yield return ["2024.1", "ubuntu-24.04", "pinned"];
        yield return ["zed", "debian-12", "present-in-image"];
    }

    private static string ParamsFor(string release, string distro, string variant) => variant switch
    {
        "network" => TestBake.ForTarget(release, distro, ("controller.network.interface", "ens3"),
            ("controller.network.addresses", new[] { "10.0.0.11/24" }), ("controller.network.gateway", "10.0.0.1"),
            ("controller.hostname", "ctl-2")),
        "pinned" => TestBake.ForTarget(release, distro, ("controller.instance_id", "iid-pinned-7")),
        "present-in-image" => TestBake.ForTarget(release, distro, ("packages.install", "present-in-image")),
        _ => TestBake.ForTarget(release, distro),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Bake_AnyScenario_MetaDataHoldsInstanceIdAndLocalHostname(string release, string distro, string variant)
    {
        var p = TestBake.Load(ParamsFor(release, distro, variant));
        var bundle = SeedBaker.Bake(p, SeedBaker.DefaultTimestamp);

        var stream = new YamlStream();
        stream.Load(new StringReader(TestBake.Cidata(bundle, "meta-data")));
        var map = (YamlMappingNode)stream.Documents[0].RootNode;
        var instanceId = ((YamlScalarNode)map["instance-id"]).Value;
        var hostname = ((YamlScalarNode)map["local-hostname"]).Value;
        Assert.False(string.IsNullOrWhiteSpace(instanceId));
        Assert.Equal(bundle.InstanceId, instanceId);
        Assert.Equal(p.Controller.Hostname, hostname);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Bake_AnyScenario_IsoHoldsUserDataAndMetaData(string release, string distro, string variant)
    {
        var bundle = TestBake.Bake(ParamsFor(release, distro, variant));
        var dir = TestBake.Write(bundle);
        var iso = new IsoImage(File.ReadAllBytes(Path.Combine(dir, "seed.iso")));

        var rr = iso.RockRidgeRootNames();
        var joliet = iso.JolietRootNames();
        foreach (var name in new[] { "user-data", "meta-data" })
        {
            Assert.Contains(name, rr);
            Assert.Contains(name, joliet);
            Assert.Equal(bundle.Cidata.Single(c => c.Name == name).Content, iso.ReadRockRidgeFile(name));
        }

        Assert.Equal(variant == "network", rr.Contains("network-config"));
    }
}
